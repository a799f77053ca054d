/**
 * World 5 · Inside the VAE, order 4: Two forces — reconstruction only, KL only, both (issue 12; seed 001 contrasts
 * the three maps). The player trains a small 2-D VAE (784-h-2-h-784, Bernoulli decoder) live on 6,000 MNIST digits
 * with one of three objectives (engine flags, src/ml-worker/losses.ts):
 *   reconstruction only: beta 0 (no KL term): codes spread far apart (|μ| large), the prior N(0, I) falls in a
 *     small middle patch of the map, so its samples decode to a digit or two;
 *   KL only: the reconstruction error does not reach the encoder (reparameterize false: z is a constant for the
 *     encoder), so the KL term alone shapes the codes: they pile on the prior and every sample decodes to the
 *     one image the decoder learns for "any code": the average digit;
 *   both (the ELBO, beta 1, the trick on): a covered map around N(0, I) whose samples decode to many digits.
 * Metric: how many of the ten digits 200 draws z ~ N(0, I) decode to (the judge ≥ 0.6, each at least twice,
 * measure/prior-digits.ts); the goal also needs each force satisfied on the held-out digits: the reconstruction
 * error (MSE) at most FORCES_MAX_MSE, which KL only never meets, and the KL at most FORCES_MAX_KL nats, which
 * reconstruction only never meets (a wide one draws 3 digits: its middle patch holds three clusters).
 * FORCES_RUNS below: the engine runs behind the thresholds.
 */
import { numberValue, stringValue } from './controls';
import { defineLevel } from './define';
import { priorDigits } from './measure/prior-digits';
import type { LevelDefinition } from './types';

/**
 * FORCES_RUNS: real-engine runs (tfjs WASM in Node, seed 504, 6,000 training digits, batch 64, Adam 0.003), held-out
 * MSE on 1,000 test digits, rms |μ|, prior digits (classes drawn ≥ 2 times of 200, judge ≥ 0.6), training seconds on
 * this machine (2 cores shared with other jobs):
 *   reconstruction only, width 64, 300 steps: MSE 0.0558, rms |μ| 7.4, digits 2 (0 and 8), 5.8–8.2 s;
 *   KL only,             width 64, 300 steps: MSE 0.0670, rms |μ| 0.004, digits 1 (every sample the same 8);
 *   both,                width 64, 300 steps: MSE 0.0526, rms |μ| 1.6, digits 4 (0, 7, 8, 9), 5.7 s: first star;
 * (seed 7 alike: reconstruction only 2, KL only 1, both 4.) Reconstruction only, width 256, 600 steps: MSE 0.0471,
 * KL 75 nats, digits 3 (0, 2, 8): enough digits, so the KL limit is what keeps it from the goal (KL: reconstruction
 * only 52–90 nats in every run, both 4.7–5.1, KL only 0.000). Both, longer and wider (the machine was busy: wall
 * seconds 5-20x the quiet figure, so only quiet ones are quoted for time):
 *   width 128, 600 steps: MSE 0.0492, rms |μ| 1.3, digits 5 (0, 1, 2, 8, 9);
 *   width 256, 600 steps: MSE 0.0484, digits 6 (0, 1, 2, 7, 8, 9);
 *   width 256, 1,000 steps: MSE 0.0470, digits 7 (0, 1, 4, 6, 7, 8, 9).
 * Star lines 3 / 5 / 6 digits: Both at the defaults earns the first star (KL only draws one image and fails the
 * error limit; reconstruction only draws 2–3 digits and fails the KL limit); a wider layer the second; the widest
 * layer and more steps the third. First star: 5.7 s of training (Both, 300 steps, quiet machine).
 * The defaults are 200 steps since the three maps side by side (forces3): in the browser, press → first star with
 * Both at 300 steps took 8.3–18 s on the shared machine (load 6–12), over the issue's 10 s. At 200 steps (tfjs WASM
 * in Node, seed 504, width 64; load 6–9) the lesson holds: both: MSE 0.0550, KL 5.44 nats, digits 4 (0, 7, 8, 9),
 * goal met; reconstruction only: MSE 0.0585, KL 65 nats, digits 1; KL only: MSE 0.0672, KL 0.00, digits 1. (150
 * steps: both 3 digits, on the line: not used.) Training 200 steps is about two thirds of 300's time.
 */
export const FORCES_STARS = [3, 5, 6] as const;
/** The goal's second part, the reconstruction force: the held-out reconstruction error (per-pixel MSE) at most this. */
export const FORCES_MAX_MSE = 0.06;
/** The goal's third part, the KL force: the held-out KL(q(z|x) ‖ N(0, I)) at most this many nats per image. */
export const FORCES_MAX_KL = 15;

export const twoForces: LevelDefinition = defineLevel({
  id: 'two-forces',
  world: 5,
  order: 4,
  title: { en: 'Two forces', pl: 'Dwie siły', cs: 'Dvě síly', es: 'Dos fuerzas' },
  card: {
    title: {
      en: 'Reconstruction vs KL on the map',
      pl: 'Rekonstrukcja kontra KL na mapie',
      cs: 'Rekonstrukce proti KL na mapě',
      es: 'Reconstrucción contra KL en el mapa',
    },
    lines: [
      {
        en: 'Reconstruction pulls codes apart: each digit gets its own place.',
        pl: 'Rekonstrukcja rozsuwa kody: każda cyfra dostaje swoje miejsce.',
        cs: 'Rekonstrukce rozhání kódy: každá číslice dostane své místo.',
        es: 'La reconstrucción separa los códigos: cada dígito tiene su sitio.',
      },
      {
        en: 'KL pulls every q(z|x) toward the prior p(z) = N(0, I).',
        pl: 'KL ściąga każde q(z|x) do rozkładu a priori p(z) = N(0, I).',
        cs: 'KL táhne každé q(z|x) k apriornímu rozdělení p(z) = N(0, I).',
        es: 'KL atrae cada q(z|x) hacia la distribución a priori p(z) = N(0, I).',
      },
      {
        en: 'For q = N(μ, σ²): KL = ½ Σ (μ² + σ² − log σ² − 1).',
        pl: 'Dla q = N(μ, σ²): KL = ½ Σ (μ² + σ² − log σ² − 1).',
        cs: 'Pro q = N(μ, σ²): KL = ½ Σ (μ² + σ² − log σ² − 1).',
        es: 'Para q = N(μ, σ²): KL = ½ Σ (μ² + σ² − log σ² − 1).',
      },
      {
        en: 'Reconstruction alone: clusters far apart, holes where the prior samples.',
        pl: 'Sama rekonstrukcja: skupiska daleko od siebie, dziury tam, gdzie losuje prior.',
        cs: 'Jen rekonstrukce: shluky daleko od sebe, díry tam, kde vzorkuje prior.',
        es: 'Solo reconstrucción: grupos lejanos, huecos donde muestrea el prior.',
      },
      {
        en: 'KL alone: one blob at the centre; every sample decodes to an average digit.',
        pl: 'Samo KL: jedna plama w środku; każda próbka dekoduje się do uśrednionej cyfry.',
        cs: 'Jen KL: jedna skvrna uprostřed; každý vzorek se dekóduje na průměrnou číslici.',
        es: 'Solo KL: una mancha en el centro; cada muestra decodifica un dígito promedio.',
      },
      {
        en: 'Both (the ELBO): a covered map, so samples z ~ N(0, I) give many digits.',
        pl: 'Obie (ELBO): mapa bez dziur, więc próbki z ~ N(0, I) dają wiele cyfr.',
        cs: 'Obě (ELBO): mapa bez děr, takže vzorky z ~ N(0, I) dají mnoho číslic.',
        es: 'Ambas (el ELBO): un mapa cubierto; las muestras z ~ N(0, I) dan muchos dígitos.',
      },
    ],
    formula: 'ELBO = E_q[log p(x|z)] − KL(q(z|x) ‖ p(z))',
    formulaLegend: {
      en: 'Kingma & Welling 2014; Doersch 2016. KL only: the error does not reach the encoder, the decoder still learns.',
      pl: 'Kingma i Welling 2014; Doersch 2016. Samo KL: błąd nie dociera do kodera, dekoder dalej się uczy.',
      cs: 'Kingma a Welling 2014; Doersch 2016. Jen KL: chyba nedojde ke kodéru, dekodér se dál učí.',
      es: 'Kingma y Welling 2014; Doersch 2016. Solo KL: el error no llega al codificador; el decodificador sí aprende.',
    },
    // The slides write the KL with log σ (their slip): with σ² inside the sum the last terms are log σ² − 1.
    seed: {
      file: '001_01f0c3934fb2763b.txt',
      idea: 'Zastosowanie tylko sumy dywergencji KL; dodanie błędu rekonstrukcji',
    },
    seeAlso: [{ file: '000_030cefa14aa91942.txt', idea: 'VAE: średnia μ i odchylenie σ, losowanie z' }],
  },
  dataset: 'mnist',
  mode: 'trained',
  setup: {
    kind: 'trained',
    seed: 504,
    plan: (v, seed) => {
      const loss = stringValue(v, 'loss');
      return {
        spec: {
          kind: 'vae',
          dataset: 'mnist',
          hidden: [Number(stringValue(v, 'width'))],
          bottleneck: 2,
          activation: 'relu',
          // Reconstruction only: no KL term. KL only: the reconstruction's gradient stops at z (decoder only).
          beta: loss === 'reconstruction' ? 0 : 1,
          reparameterize: loss !== 'kl',
          seed,
        },
        config: {
          steps: numberValue(v, 'steps'),
          batchSize: 64,
          optimizer: 'adam',
          learningRate: 0.003,
          loss: 'bce',
          seed,
          split: 'train',
          limit: 6000,
        },
      };
    },
    heldOut: { source: 'mnistTest', limit: 1000, noises: [], noiseSeed: 0 },
    // The three maps side by side, one per loss (each with its prior draws and coverage); a run replaces its own.
    sideBySide: 'loss',
  },
  controls: [
    {
      kind: 'choice',
      id: 'loss',
      label: { en: 'Loss', pl: 'Funkcja straty', cs: 'Ztrátová funkce', es: 'Pérdida' },
      help: {
        en: 'Which force shapes the code: reconstruction, KL or both.',
        pl: 'Która siła kształtuje kod: rekonstrukcja, KL czy obie.',
        cs: 'Která síla tvaruje kód: rekonstrukce, KL, nebo obě.',
        es: 'Qué fuerza da forma al código: reconstrucción, KL o ambas.',
      },
      options: [
        {
          value: 'reconstruction',
          label: {
            en: 'Reconstruction only',
            pl: 'Tylko rekonstrukcja',
            cs: 'Jen rekonstrukce',
            es: 'Solo reconstrucción',
          },
        },
        { value: 'kl', label: { en: 'KL only', pl: 'Tylko KL', cs: 'Jen KL', es: 'Solo KL' } },
        { value: 'both', label: { en: 'Both (ELBO)', pl: 'Obie (ELBO)', cs: 'Obě (ELBO)', es: 'Ambas (ELBO)' } },
      ],
      default: 'reconstruction',
    },
    {
      kind: 'choice',
      id: 'width',
      label: {
        en: 'Hidden layer width',
        pl: 'Szerokość warstwy ukrytej',
        cs: 'Šířka skryté vrstvy',
        es: 'Ancho de la capa oculta',
      },
      options: ['64', '128', '256'].map((n) => ({ value: n, label: { en: n, pl: n, cs: n, es: n } })),
      default: '64',
    },
    {
      kind: 'slider',
      id: 'steps',
      label: { en: 'Training steps', pl: 'Kroki treningu', cs: 'Kroky trénování', es: 'Pasos de entrenamiento' },
      // 200 by default (issue 12: the first star within 10 s of training on the shared machine; FORCES_RUNS).
      min: 200,
      max: 1500,
      step: 100,
      default: 200,
    },
  ],
  goal: {
    text: {
      en: 'Make 200 samples z ~ N(0, I) draw at least {star1} different digits, with held-out MSE ≤ 0.06 and KL ≤ 15 nats.',
      pl: 'Niech 200 próbek z ~ N(0, I) da co najmniej {star1} różne cyfry, przy testowym MSE ≤ 0,06 i KL ≤ 15 natów.',
      cs: 'Ať 200 vzorků z ~ N(0, I) dá aspoň {star1} různé číslice při testovací MSE ≤ 0,06 a KL ≤ 15 natů.',
      es: 'Haz que 200 muestras z ~ N(0, I) den al menos {star1} dígitos distintos, con MSE de prueba ≤ 0,06 y KL ≤ 15 nats.',
    },
  },
  metric: {
    label: {
      en: 'Digits the prior draws (of 10)',
      pl: 'Cyfry losowane z priora (z 10)',
      cs: 'Číslice z prioru (z 10)',
      es: 'Dígitos que da el prior (de 10)',
    },
    direction: 'higher',
    unit: 'count',
  },
  stars: FORCES_STARS,
  hints: [
    {
      afterSeconds: 20,
      text: {
        en: 'Train each loss once: its map stays beside the others. Where do the codes sit against the ring of N(0, I)?',
        pl: 'Wytrenuj każdą funkcję straty raz: jej mapa zostaje obok innych. Gdzie leżą kody względem okręgu N(0, I)?',
        cs: 'Natrénuj každou ztrátu jednou: její mapa zůstane vedle ostatních. Kde leží kódy vůči kruhu N(0, I)?',
        es: 'Entrena cada pérdida una vez: su mapa queda junto a los otros. ¿Dónde quedan los códigos frente al anillo de N(0, I)?',
      },
    },
    {
      afterSeconds: 60,
      text: {
        en: 'Only Both keeps the codes in the ring and apart by digit: compare "Digits drawn" under the three maps.',
        pl: 'Tylko Obie trzyma kody w okręgu i rozdzielone według cyfr: porównaj „Wylosowane cyfry” pod trzema mapami.',
        cs: 'Jen Obě drží kódy v kruhu a oddělené podle číslic: porovnej „Vylosované číslice“ pod třemi mapami.',
        es: 'Solo Ambas mantiene los códigos en el anillo y separados por dígito: compara «Dígitos generados» bajo los tres mapas.',
      },
    },
    {
      afterSeconds: 120,
      text: {
        en: 'With Both, a wider hidden layer and more steps separate more digits.',
        pl: 'Przy Obie szersza warstwa ukryta i więcej kroków rozdzielają więcej cyfr.',
        cs: 'S Obě širší skrytá vrstva a víc kroků oddělí víc číslic.',
        es: 'Con Ambas, una capa oculta más ancha y más pasos separan más dígitos.',
      },
    },
  ],
  solution: { kind: 'hyperparameters' },
  measures: ['heldOutMse', 'heldOutKl', 'priorDigitCounts'],
  example: { kind: 'hyperparameters', values: { loss: 'both', width: '64', steps: 300 } },
  scorer: (_p, m) => {
    const score = priorDigits(m.priorDigitCounts);
    return {
      score,
      goalMet: score >= FORCES_STARS[0] && m.heldOutMse <= FORCES_MAX_MSE && m.heldOutKl <= FORCES_MAX_KL,
      detail: {
        heldOutMse: m.heldOutMse,
        klNats: m.heldOutKl,
        acceptedDraws: m.priorDigitCounts.reduce((a, b) => a + b, 0),
      },
    };
  },
});

export const WORLD5_FORCES_LEVELS: readonly LevelDefinition[] = [twoForces];
