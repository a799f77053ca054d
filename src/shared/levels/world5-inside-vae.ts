/**
 * World 5 · Inside the VAE: the ELBO and the reparameterisation trick, then (helper "codebook",
 * world5-generators.ts) the conditional VAE and the VQ-VAE. Order 1 lives here ("Two forces" is still to come).
 *
 * Through the dice. A small VAE (784-256-z-256-784, Bernoulli decoder) trained live on 6,000 MNIST digits;
 * the switch trains with the trick (z = μ + σ·ε) or with z sampled as a constant (src/ml-worker/losses.ts: stop
 * gradient), so without it the encoder learns only from the KL term. Metric: −ELBO per held-out image in nats
 * (heldOutReconNats + heldOutKl, 1,000 test digits, decoded from μ). Engine runs and thresholds: see DICE_RUNS.
 */
import { booleanValue, numberValue, stringValue } from './controls';
import { defineLevel } from './define';
import type { LevelDefinition } from './types';

// ── 5.1 · Through the dice ──────────────────────────────────────────────────────────────────────────────────

/**
 * DICE_RUNS: real-engine runs (tfjs WASM in Node, seed 501, 6,000 training digits, batch 64, Adam 0.002), held-out
 * −ELBO = reconstruction + KL in nats per image, training CPU seconds on this machine (2 busy cores):
 *   trick off, code 2, 200 steps (the defaults): 207.2 = 207.2 + 0.002 (collapsed: KL ≈ 0, every decode the average
 *     digit), 6.7 s; trick off, code 16, 1,200 steps: 206.5 = 206.5 + 0.0001, 27.2 s (longer does not help);
 *   trick on,  code 2, 200 steps:   178.7 = 173.8 + 4.9, 5.2 s (the reader's first run: hint 1);
 *   trick on,  code 16, 200 steps:  139.8 = 123.1 + 16.7, 5.7 s (hint 2);
 *   trick on,  code 8, 600 steps:   126.2 = 112.2 + 14.0, 14.5 s;
 *   trick on,  code 16, 600 steps:  115.8 = 95.1 + 20.7, 14.5 s;
 *   trick on,  code 16, 1,200 steps: 108.5 = 86.6 + 21.9, 27.6 s (hint 3).
 * Star lines 190 / 150 / 120: the trick alone earns the first star (the collapsed model sits 17 nats above it), a
 * larger code the second, and the third needs the trick, a large code and a long run together.
 * Issue 15 (first star in time; stars helper): batch 64 → 32, a step ~30 % cheaper (trick on, code 2, 200 steps:
 * ~2.5 s of training instead of 3.6). Same lines, same story: trick off, code 2, 200 steps 207.4; trick on 177.5
 * (1★, the reader's first star); code 16 143.4 (2★); code 16, 1,200 steps 112.1 (3★, 42.2 s of play); random
 * players 205.1 / 207.0 (trick off, 0★). Tried: learning rate 0.003 at 100 steps, trick on 186.2 but code 16
 * 152.5 (the second star lost to the default run length).
 */
export const DICE_STARS = [190, 150, 120] as const;

export const throughTheDice: LevelDefinition = defineLevel({
  id: 'through-the-dice',
  world: 5,
  order: 1,
  title: { en: 'Through the dice', pl: 'Przez kości', cs: 'Skrz kostky', es: 'A través de los dados' },
  card: {
    title: {
      en: 'ELBO and the reparameterisation trick',
      pl: 'ELBO i sztuczka reparametryzacji',
      cs: 'ELBO a reparametrizační trik',
      es: 'El ELBO y el truco de reparametrización',
    },
    lines: [
      {
        en: 'A VAE maximises the ELBO, a lower bound on log p(x): −ELBO ≥ −log p(x).',
        pl: 'VAE maksymalizuje ELBO, dolne ograniczenie log p(x): −ELBO ≥ −log p(x).',
        cs: 'VAE maximalizuje ELBO, dolní mez log p(x): −ELBO ≥ −log p(x).',
        es: 'Un VAE maximiza el ELBO, una cota inferior de log p(x): −ELBO ≥ −log p(x).',
      },
      {
        en: 'The bar shows −ELBO in nats: reconstruction plus KL, per image.',
        pl: 'Pasek pokazuje −ELBO w natach: rekonstrukcja plus KL, na obraz.',
        cs: 'Pruh ukazuje −ELBO v natech: rekonstrukce plus KL, na obrázek.',
        es: 'La barra muestra −ELBO en nats: reconstrucción más KL, por imagen.',
      },
      {
        en: 'Sampling z blocks gradients; the trick writes z = μ + σ·ε, ε ~ N(0, I).',
        pl: 'Losowanie z blokuje gradienty; sztuczka zapisuje z = μ + σ·ε, ε ~ N(0, I).',
        cs: 'Vzorkování z blokuje gradienty; trik píše z = μ + σ·ε, ε ~ N(0, I).',
        es: 'Muestrear z bloquea los gradientes; el truco escribe z = μ + σ·ε, ε ~ N(0, I).',
      },
      {
        en: "The dice (ε) stay outside, so the error's gradient reaches μ and σ.",
        pl: 'Kości (ε) zostają na zewnątrz, więc gradient błędu dociera do μ i σ.',
        cs: 'Kostky (ε) zůstanou venku, takže gradient chyby dojde k μ i σ.',
        es: 'Los dados (ε) quedan fuera, así que el gradiente del error llega a μ y σ.',
      },
      {
        en: 'Without it the encoder hears only KL: codes collapse onto N(0, I).',
        pl: 'Bez niej koder słyszy tylko KL: kody zapadają się w N(0, I).',
        cs: 'Bez něj kodér slyší jen KL: kódy se zhroutí do N(0, I).',
        es: 'Sin él, el codificador solo oye a KL: los códigos colapsan en N(0, I).',
      },
      {
        en: 'Formulas: Kingma & Welling 2014; Doersch, VAE tutorial 2016.',
        pl: 'Wzory: Kingma i Welling 2014; Doersch, samouczek VAE 2016.',
        cs: 'Vzorce: Kingma a Welling 2014; Doersch, tutoriál VAE 2016.',
        es: 'Fórmulas: Kingma y Welling 2014; Doersch, tutorial de VAE 2016.',
      },
    ],
    formula: 'ELBO = E_q[log p(x|z)] − KL(q(z|x) ‖ p(z))',
    formulaLegend: {
      en: 'q(z|x) = N(μ, σ²) from the encoder, p(z) = N(0, I), p(x|z) the decoder (one Bernoulli per pixel).',
      pl: 'q(z|x) = N(μ, σ²) z kodera, p(z) = N(0, I), p(x|z) to dekoder (Bernoulli na każdy piksel).',
      cs: 'q(z|x) = N(μ, σ²) z kodéru, p(z) = N(0, I), p(x|z) je dekodér (Bernoulli na každý pixel).',
      es: 'q(z|x) = N(μ, σ²) del codificador, p(z) = N(0, I), p(x|z) el decodificador (un Bernoulli por píxel).',
    },
    // The thesis draft names both (its sections 2.1 and 2.2) but leaves them empty: the formulas are the papers'.
    seed: { file: '003_c9063255341ae41f.txt', idea: '2.1 Evidence Lower Bound; 2.2 Reparametrizační trik' },
    seeAlso: [{ file: '000_030cefa14aa91942.txt', idea: 'VAE: średnia μ i odchylenie σ, losowanie z' }],
  },
  dataset: 'mnist',
  mode: 'trained',
  setup: {
    kind: 'trained',
    seed: 501,
    plan: (v, seed) => ({
      spec: {
        kind: 'vae',
        dataset: 'mnist',
        hidden: [256],
        bottleneck: Number(stringValue(v, 'latent')),
        activation: 'relu',
        beta: 1,
        reparameterize: booleanValue(v, 'trick'),
        seed,
      },
      config: {
        steps: numberValue(v, 'steps'),
        // 32 (was 64, issue 15): a step costs ~30 % less and the stars fall where they did (DICE_RUNS).
        batchSize: 32,
        optimizer: 'adam',
        learningRate: 0.002,
        loss: 'bce',
        seed,
        split: 'train',
        limit: 6000,
      },
    }),
    heldOut: { source: 'mnistTest', limit: 1000, noises: [], noiseSeed: 0 },
  },
  controls: [
    {
      kind: 'toggle',
      id: 'trick',
      label: {
        en: 'Reparameterisation trick',
        pl: 'Sztuczka reparametryzacji',
        cs: 'Reparametrizační trik',
        es: 'Truco de reparametrización',
      },
      help: {
        en: 'On: z = μ + σ·ε. Off: z is drawn as a constant.',
        pl: 'Wł.: z = μ + σ·ε. Wył.: z losowane jako stała.',
        cs: 'Zap.: z = μ + σ·ε. Vyp.: z se losuje jako konstanta.',
        es: 'Sí: z = μ + σ·ε. No: z se sortea como constante.',
      },
      default: false,
    },
    {
      kind: 'choice',
      id: 'latent',
      label: { en: 'Code size', pl: 'Rozmiar kodu', cs: 'Velikost kódu', es: 'Tamaño del código' },
      options: ['2', '4', '8', '16'].map((n) => ({ value: n, label: { en: n, pl: n, cs: n, es: n } })),
      default: '2',
    },
    {
      kind: 'slider',
      id: 'steps',
      label: { en: 'Training steps', pl: 'Kroki treningu', cs: 'Kroky trénování', es: 'Pasos de entrenamiento' },
      min: 100,
      max: 1200,
      step: 100,
      default: 200,
    },
  ],
  goal: {
    text: {
      en: 'Bring the held-out −ELBO down to {star1} nats per image or less.',
      pl: 'Zbij testowe −ELBO do najwyżej {star1} natów na obraz.',
      cs: 'Sraz testovací −ELBO nejvýše na {star1} natů na obrázek.',
      es: 'Baja el −ELBO de prueba a {star1} nats por imagen o menos.',
    },
  },
  metric: {
    label: {
      en: '−ELBO per held-out image (nats)',
      pl: '−ELBO na obraz testowy (naty)',
      cs: '−ELBO na testovací obrázek (naty)',
      es: '−ELBO por imagen de prueba (nats)',
    },
    direction: 'lower',
    unit: 'nats',
  },
  stars: DICE_STARS,
  hints: [
    {
      afterSeconds: 20,
      text: {
        en: 'Train with the trick off, then on: watch the KL part of the bar.',
        pl: 'Trenuj ze sztuczką wyłączoną, potem włączoną: patrz na część KL paska.',
        cs: 'Trénuj s trikem vypnutým, pak zapnutým: sleduj část KL v pruhu.',
        es: 'Entrena con el truco apagado y luego encendido: mira la parte KL de la barra.',
      },
    },
    {
      afterSeconds: 60,
      text: {
        en: 'With the trick on, a larger code lowers the reconstruction part.',
        pl: 'Ze sztuczką większy kod zmniejsza część rekonstrukcji.',
        cs: 'S trikem větší kód zmenší část rekonstrukce.',
        es: 'Con el truco, un código mayor reduce la parte de reconstrucción.',
      },
    },
    {
      afterSeconds: 120,
      text: {
        en: 'More training steps lower both parts of the bar.',
        pl: 'Więcej kroków treningu obniża obie części paska.',
        cs: 'Více kroků trénování sníží obě části pruhu.',
        es: 'Más pasos de entrenamiento bajan las dos partes de la barra.',
      },
    },
  ],
  solution: { kind: 'hyperparameters' },
  measures: ['heldOutReconNats', 'heldOutKl'],
  example: { kind: 'hyperparameters', values: { trick: true, latent: '8', steps: 600 } },
  scorer: (_p, m) => {
    const score = m.heldOutReconNats + m.heldOutKl;
    return {
      score,
      goalMet: score <= DICE_STARS[0],
      detail: { reconstructionNats: m.heldOutReconNats, klNats: m.heldOutKl },
    };
  },
});

export const WORLD5_LEVELS: readonly LevelDefinition[] = [throughTheDice];
