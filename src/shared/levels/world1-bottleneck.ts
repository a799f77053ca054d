/**
 * World 1 · Bottleneck: what a code is, what squeezing costs, PCA as the linear baseline, and the identity trap.
 *
 * Star thresholds: first set from a few runs of the real engine (tfjs WASM in Node, 2 cores, seed 1/7) while
 * writing this file, then checked by the solver bots (npm run solve, tests/unit/solvers: each level winnable,
 * 3 stars reachable, the defaults below 3 stars), which retuned Budget. Observed:
 * - Squeeze: code 2 rebuilt all 26 letters perfectly in 1,000 steps with width ≥ 32 (any activation); code 1
 *   needed tanh, width 64 and 2,000 steps (worst letter 1 wrong pixel). Defaults (code 8) win 1 star.
 * - Beat PCA: PCA test MSE 0.0552 (k = 2), 0.0372 (k = 8) (measured: 0.05517, 0.03715; tests/unit/pca.test.ts). Linear AE 0.0553 (ratio 1.00, no star, as it
 *   should). Non-linear k = 2 at lr 3e-3, 4 epochs: 0.0457–0.0479 (0.83–0.87); k = 8, 3 epochs: 0.0258 (0.70).
 *   Defaults (linear) score nothing: the first lesson is to switch the non-linearity on.
 * - Budget: 784-24-784 (38,440 weights) reached 0.0404 in 3 epochs at lr 1e-3 but 0.0143 in 10 at 3e-3;
 *   784-24-16-24-784 reached 0.0215 in 10 epochs: depth costs weights the code needs.
 *   RETUNED by the solver bots (WASM, seed 103): defaults 0.0404; 784-24-16 at 3e-3, 5 epochs 0.0262 (1 star);
 *   no hidden layer, code 24, 3e-3: 3 epochs 0.0193, 5 epochs 0.0153, 10 epochs 0.0144. 3 stars moved from
 *   0.016 to 0.015, so they need both the insight (no hidden layer, all weights on the code) and the longer
 *   training the last hint asks for.
 * - Identity trap (whole 46-glyph font, linear 35-64-35, MSE): random patterns copied with 0.0 wrong pixels
 *   on average; code 16 → 6.6; input noise 0.2 → 4.8; both → 7.2; a small sparsity weight (≤ 0.1) → ~14,
 *   while weights ≥ 0.3 start breaking letters.
 */
import { GLYPH_PIXELS } from '../glyphs';
import { MNIST_PIXELS } from '../mnist-format';
import type { Activation } from '../worker-api';
import { numberValue, stringValue, booleanValue } from './controls';
import { defineLevel, expectLength } from './define';
import { denseParamCount } from './harness';
import type { ControlValues, LevelDefinition } from './types';

const LETTER_COUNT = 26;
const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

const LEARNING_RATES = [
  {
    value: '0.001',
    label: { en: '0.001 (careful)', pl: '0.001 (ostrożnie)', cs: '0.001 (opatrně)', es: '0.001 (prudente)' },
  },
  { value: '0.003', label: { en: '0.003', pl: '0.003', cs: '0.003', es: '0.003' } },
  { value: '0.01', label: { en: '0.01 (bold)', pl: '0.01 (śmiało)', cs: '0.01 (odvážně)', es: '0.01 (audaz)' } },
] as const;

// ── 1 · Squeeze the alphabet ────────────────────────────────────────────────────────────────────────────────

export const SQUEEZE_MAX_WRONG = 1;

export const squeezeTheAlphabet: LevelDefinition = defineLevel({
  id: 'squeeze-the-alphabet',
  world: 1,
  order: 1,
  title: { en: 'Squeeze the alphabet', pl: 'Ściśnij alfabet', cs: 'Stlač abecedu', es: 'Comprime el alfabeto' },
  card: {
    title: { en: 'The bottleneck', pl: 'Wąskie gardło', cs: 'Úzké hrdlo (bottleneck)', es: 'El cuello de botella' },
    lines: [
      {
        en: 'An autoencoder is an encoder and a decoder trained together.',
        pl: 'Autoenkoder to enkoder i dekoder trenowane razem.',
        cs: 'Autoenkodér je enkodér a dekodér trénované společně.',
        es: 'Un autoencoder es un codificador y un decodificador entrenados juntos.',
      },
      {
        en: 'The encoder squeezes the 35 pixels of a letter into a short code z.',
        pl: 'Enkoder ściska 35 pikseli litery do krótkiego kodu z.',
        cs: 'Enkodér stlačí 35 pixelů písmene do krátkého kódu z.',
        es: 'El codificador comprime los 35 píxeles de una letra en un código corto z.',
      },
      {
        en: 'The decoder must rebuild the letter from that code alone.',
        pl: 'Dekoder musi odtworzyć literę wyłącznie z tego kodu.',
        cs: 'Dekodér musí písmeno zrekonstruovat jen z tohoto kódu.',
        es: 'El decodificador debe reconstruir la letra solo a partir de ese código.',
      },
      {
        en: 'This level scores the 26 letters it trained on, so a 1-number code can win.',
        pl: 'Ten poziom ocenia te same 26 liter, na których model się uczył, więc wygra i kod z 1 liczby.',
        cs: 'Tato úroveň hodnotí týchž 26 písmen, na kterých se model učil, takže vyhraje i kód z 1 čísla.',
        es: 'Este nivel evalúa las mismas 26 letras del entrenamiento, así que gana hasta un código de 1 número.',
      },
      {
        en: 'It memorises which letter it saw (code = index), not what letters look like.',
        pl: 'Zapamiętuje wtedy, którą literę widział (kod = indeks), a nie jak litery wyglądają.',
        cs: 'Zapamatuje si pak, které písmeno viděl (kód = index), ne jak písmena vypadají.',
        es: 'Memoriza qué letra vio (código = índice), no cómo son las letras.',
      },
      {
        en: 'The course assignment squeezed these 7×5 letters into 2 numbers.',
        pl: 'W zadaniu z kursu te litery 7×5 ściśnięto do 2 liczb.',
        cs: 'Zadání z kurzu stlačilo tato písmena 7×5 do 2 čísel.',
        es: 'El trabajo práctico del curso comprimió estas letras de 7×5 en 2 números.',
      },
    ],
    formula: 'h = a(W·x + b)    z = V·h + c    x′ = g(z)',
    formulaLegend: {
      en: 'x: the letter; h: hidden layer, activation a; z: the code (linear); x′ = g(z): the decoder; W, V: weights; b, c: biases.',
      pl: 'x: litera; h: warstwa ukryta, aktywacja a; z: kod (liniowy); x′ = g(z): dekoder; W, V: wagi; b, c: biasy.',
      cs: 'x: písmeno; h: skrytá vrstva, aktivace a; z: kód (lineární); x′ = g(z): dekodér; W, V: váhy; b, c: biasy.',
      es: 'x: la letra; h: una capa oculta, activación a; z: el código (lineal); x′ = g(z): el decodificador; W, V: pesos; b, c: sesgos.',
    },
    seed: {
      file: '004_a6fc6e8dcd014518.txt',
      idea: 'Ejercicio 1.a: letras de 7x5, dos dimensiones en la capa latente',
    },
    seeAlso: [
      { file: '003_c9063255341ae41f.txt', idea: 'Extrémní případ: každý vstup xᵢ reprezentovat kódem i' },
      { file: '001_01f0c3934fb2763b.txt', idea: 'Autoenkodery: z = f_θ(x) = σ(Wx + b)' },
    ],
  },
  dataset: 'glyphs',
  mode: 'trained',
  setup: {
    kind: 'trained',
    seed: 101,
    plan: (v, seed) => ({
      spec: {
        kind: 'dense',
        dataset: 'glyphs',
        hidden: Array<number>(numberValue(v, 'depth')).fill(numberValue(v, 'width')),
        bottleneck: numberValue(v, 'bottleneck'),
        activation: stringValue(v, 'activation') as Activation,
        seed,
      },
      // The 26 letters are labels 0..25, the first 26 glyphs of the font: `limit` selects exactly them.
      config: {
        steps: numberValue(v, 'steps'),
        batchSize: LETTER_COUNT,
        optimizer: 'adam',
        learningRate: 0.01,
        loss: 'bce',
        seed,
        split: 'train',
        limit: LETTER_COUNT,
      },
    }),
    heldOut: { source: 'letters', copies: 1, noiseSeed: 0 },
  },
  controls: [
    {
      kind: 'slider',
      id: 'bottleneck',
      label: { en: 'Code size', pl: 'Rozmiar kodu', cs: 'Velikost kódu', es: 'Tamaño del código' },
      min: 1,
      max: 8,
      step: 1,
      default: 8,
    },
    {
      kind: 'slider',
      id: 'width',
      label: { en: 'Hidden width', pl: 'Neurony ukryte', cs: 'Skryté neurony', es: 'Neuronas por capa' },
      min: 8,
      max: 64,
      step: 8,
      default: 16,
    },
    {
      kind: 'slider',
      id: 'depth',
      label: { en: 'Hidden layers', pl: 'Warstwy ukryte', cs: 'Skryté vrstvy', es: 'Capas ocultas' },
      min: 1,
      max: 2,
      step: 1,
      default: 1,
    },
    {
      kind: 'choice',
      id: 'activation',
      label: { en: 'Activation', pl: 'Aktywacja', cs: 'Aktivace', es: 'Activación' },
      options: [
        { value: 'relu', label: { en: 'ReLU', pl: 'ReLU', cs: 'ReLU', es: 'ReLU' } },
        { value: 'tanh', label: { en: 'tanh', pl: 'tanh', cs: 'tanh', es: 'tanh' } },
        { value: 'sigmoid', label: { en: 'sigmoid', pl: 'sigmoida', cs: 'sigmoida', es: 'sigmoide' } },
      ],
      default: 'relu',
    },
    {
      kind: 'slider',
      id: 'steps',
      label: { en: 'Training steps', pl: 'Kroki treningu', cs: 'Kroky trénování', es: 'Iteraciones' },
      min: 500,
      max: 3000,
      step: 500,
      default: 1000,
    },
  ],
  goal: {
    text: {
      en: 'Rebuild all 26 letters with at most {maxWrong, plural, one {# wrong pixel} other {# wrong pixels}} each; a smaller code earns more stars.',
      pl: 'Odtwórz wszystkie 26 liter, każdą z najwyżej {maxWrong, plural, one {# błędnym pikselem} few {# błędnymi pikselami} many {# błędnymi pikselami} other {# błędnego piksela}}; mniejszy kod daje więcej gwiazdek.',
      cs: 'Zrekonstruuj všech 26 písmen, v každém nejvýše {maxWrong, plural, one {{maxWrong} chybný pixel} few {{maxWrong} chybné pixely} many {{maxWrong} chybného pixelu} other {{maxWrong} chybných pixelů}}; menší kód = více hvězd.',
      es: 'Reconstruye las 26 letras con {maxWrong, plural, one {{maxWrong} píxel erróneo} other {{maxWrong} píxeles erróneos}} como máximo en cada una; cuanto menor sea el código, más estrellas.',
    },
    params: { maxWrong: SQUEEZE_MAX_WRONG },
  },
  metric: {
    label: { en: 'Code size', pl: 'Rozmiar kodu', cs: 'Velikost kódu', es: 'Tamaño del código' },
    direction: 'lower',
    unit: 'codeSize',
  },
  // Screen-only bots (issue 10; npm run solve, WASM, busy machine): the reader (hints 1 + 2, then hint 3) wins
  // at 1 (3★, 2 trainings, 16.7 s of play); defaults 8 (1★), random players 6 (0★, goal unmet) and 6 (1★). Kept.
  stars: [8, 2, 1],
  hints: [
    {
      afterSeconds: 20,
      text: {
        en: 'Start wide: a decoder with more hidden units can draw more letters from the same code.',
        pl: 'Zacznij od szerokich warstw: dekoder z większą liczbą neuronów ukrytych narysuje więcej liter z tego samego kodu.',
        cs: 'Začni zeširoka: dekodér s více skrytými neurony nakreslí ze stejného kódu víc písmen.',
        es: 'Empieza con capas anchas: un decodificador con más neuronas ocultas puede dibujar más letras con el mismo código.',
      },
    },
    {
      afterSeconds: 60,
      text: {
        en: 'The assignment used a 2-number code. Can a 2-D code still tell 26 letters apart?',
        pl: 'W zadaniu kod miał 2 liczby. Czy kod 2D nadal odróżni 26 liter?',
        cs: 'Zadání použilo kód ze 2 čísel. Rozliší i 2D kód 26 písmen?',
        es: 'El trabajo práctico usaba un código de 2 números. ¿Puede un código 2D distinguir aún 26 letras?',
      },
    },
    {
      afterSeconds: 120,
      text: {
        en: 'For a 1-number code, try tanh and more training steps: the letters must line up on one axis.',
        pl: 'Przy kodzie z jedną liczbą spróbuj tanh i więcej kroków treningu: litery muszą ułożyć się na jednej osi.',
        cs: 'Pro kód z 1 čísla zkus tanh a víc kroků trénování: písmena se musí seřadit na jedné ose.',
        es: 'Para un código de 1 número, prueba tanh y más iteraciones: las letras tienen que alinearse en un solo eje.',
      },
    },
  ],
  solution: { kind: 'hyperparameters' },
  measures: ['glyphWrongPixels'],
  example: { kind: 'hyperparameters', values: { bottleneck: 2, width: 32 } },
  scorer: (p, m) => {
    expectLength('squeeze-the-alphabet', 'glyphWrongPixels', m.glyphWrongPixels, LETTER_COUNT);
    const worst = Math.max(...m.glyphWrongPixels);
    return {
      score: numberValue(p.values, 'bottleneck'),
      goalMet: worst <= SQUEEZE_MAX_WRONG,
      detail: { worstLetterWrongPixels: worst, perfectLetters: m.glyphWrongPixels.filter((w) => w === 0).length },
    };
  },
});

// ── 2 · Beat PCA ────────────────────────────────────────────────────────────────────────────────────────────

const ARCHITECTURES: Readonly<Record<string, readonly number[]>> = {
  h128: [128],
  'h128-32': [128, 32],
  h256: [256],
  // Hinton & Salakhutdinov (2006), Science 313: 784-1000-500-250-2 (the slides print 100 for 1000).
  hinton: [1000, 500, 250],
};
// Screen-only bots (issue 10): the reader reaches 0.695 on its 2nd training (hint 3: code 8; 3★, 27.6 s of
// play); defaults 1.035, random 1.039 / 1.022 (0★). Kept.
// Issue 15 (first star in time; WASM in Node, stars helper): the reader's first run now takes hint 2's "bolder
// learning rate" as the option labelled bold, at the default 2 epochs: Linear off, 0.01 → 0.858 (2★) in 3.0 s of
// training, where 4 epochs at 0.003 took 7.9 s for 0.853; 2 epochs at 0.003 0.913 (1★), 1 epoch at 0.01 0.902
// (1★), 1 epoch at 0.003 1.006 (0★). Reader 3★ on hint 3 (0.695, 19.8 s of play), defaults 0★. The PCA basis
// ships in assets (mnist-pca.bin): the first pca call 141 ms in Node, longest event-loop gap 80 ms.
const BEAT_PCA_STARS = [0.97, 0.88, 0.78] as const;

export const beatPca: LevelDefinition = defineLevel({
  id: 'beat-pca',
  world: 1,
  order: 2,
  title: { en: 'Beat PCA', pl: 'Pokonaj PCA', cs: 'Poraz PCA', es: 'Supera a PCA' },
  card: {
    title: {
      en: 'A linear autoencoder is PCA',
      pl: 'Liniowy autoenkoder to PCA',
      cs: 'Lineární autoenkodér je PCA',
      es: 'Un autoencoder lineal es PCA',
    },
    lines: [
      {
        en: 'PCA keeps the k directions along which the digits vary most.',
        pl: 'PCA zachowuje k kierunków, wzdłuż których cyfry różnią się najbardziej.',
        cs: 'PCA ponechá k směrů, podél nichž se číslice mění nejvíc.',
        es: 'PCA conserva las k direcciones en las que más varían los dígitos.',
      },
      {
        en: 'A linear autoencoder trained on squared error learns that same space.',
        pl: 'Liniowy autoenkoder trenowany z błędem kwadratowym uczy się tej samej przestrzeni.',
        cs: 'Lineární autoenkodér trénovaný se střední kvadratickou chybou se naučí tentýž prostor.',
        es: 'Un autoencoder lineal entrenado con el error cuadrático aprende ese mismo subespacio.',
      },
      {
        en: 'So a linear autoencoder can match PCA, never beat it.',
        pl: 'Liniowy autoenkoder może więc dorównać PCA, ale nigdy go nie pokona.',
        cs: 'Lineární autoenkodér se tedy PCA může vyrovnat, ale nikdy ji nepřekoná.',
        es: 'Por eso un autoencoder lineal puede igualar a PCA, pero nunca superarlo.',
      },
      {
        en: 'Non-linear layers can bend the code around curved data.',
        pl: 'Warstwy nieliniowe potrafią wygiąć kod wzdłuż zakrzywionych danych.',
        cs: 'Nelineární vrstvy umí kód ohnout podle zakřivených dat.',
        es: 'Las capas no lineales pueden curvar el código para adaptarse a datos curvos.',
      },
      {
        en: 'Hinton & Salakhutdinov (2006) beat PCA with a 784-1000-500-250-2 AE.',
        pl: 'Hinton i Salakhutdinov (2006) pokonali PCA autoenkoderem 784-1000-500-250-2.',
        cs: 'Hinton a Salakhutdinov (2006) porazili PCA autoenkodérem 784-1000-500-250-2.',
        es: 'Hinton y Salakhutdinov (2006) superaron a PCA con un autoencoder 784-1000-500-250-2.',
      },
      {
        en: 'The slides print its first layer as 100; the paper has 1000.',
        pl: 'Slajdy podają jego pierwszą warstwę jako 100; w artykule jest 1000.',
        cs: 'Slajdy uvádějí jeho první vrstvu jako 100; v článku je 1000.',
        es: 'Las diapositivas ponen 100 en su primera capa; el artículo dice 1000.',
      },
    ],
    formula: 'f, g linear  ⇒  min Σ‖x − g(f(x))‖²  =  PCA',
    formulaLegend: {
      en: 'f: encoder, g: decoder, x: a digit; both linear and trained on squared error give PCA.',
      pl: 'f: enkoder, g: dekoder, x: cyfra; oba liniowe i trenowane z błędem kwadratowym dają PCA.',
      cs: 'f: enkodér, g: dekodér, x: číslice; jsou-li obě funkce lineární a trénované se střední kvadratickou chybou, vyjde PCA.',
      es: 'f: codificador, g: decodificador, x: un dígito; si ambos son lineales y se entrenan con error cuadrático, se obtiene PCA.',
    },
    seed: { file: '003_c9063255341ae41f.txt', idea: 'Od Analýzy hlavních komponent po Autoenkodér' },
    seeAlso: [
      {
        file: '001_01f0c3934fb2763b.txt',
        idea: 'Przykładowy autoenkoder dla zbioru mnist: 100 → 500 → 250 → 2 vs PCA',
      },
      { file: '000_030cefa14aa91942.txt', idea: 'Zastosowania autoenkodera: nieliniowe zależności vs PCA' },
    ],
  },
  dataset: 'mnist',
  mode: 'trained',
  setup: {
    kind: 'trained',
    seed: 102,
    plan: (v, seed) => {
      const linear = booleanValue(v, 'linear');
      return {
        spec: {
          kind: 'dense',
          dataset: 'mnist',
          hidden: [...ARCHITECTURES[stringValue(v, 'architecture')]],
          bottleneck: Number(stringValue(v, 'bottleneck')),
          activation: 'relu',
          linear,
          seed,
        },
        // PCA minimises squared error, so the linear model trains on MSE to be comparable; BCE trains faster otherwise.
        config: {
          epochs: numberValue(v, 'epochs'),
          batchSize: 32,
          optimizer: 'adam',
          learningRate: Number(stringValue(v, 'learningRate')),
          loss: linear ? 'mse' : 'bce',
          seed,
          split: 'train',
        },
      };
    },
    // The whole test split: the same images PCA's testMse is measured on.
    heldOut: { source: 'mnistTest', limit: 2000, noises: [], noiseSeed: 0 },
  },
  controls: [
    {
      kind: 'choice',
      id: 'bottleneck',
      label: { en: 'Code size', pl: 'Rozmiar kodu', cs: 'Velikost kódu', es: 'Tamaño del código' },
      options: [
        { value: '2', label: { en: '2', pl: '2', cs: '2', es: '2' } },
        { value: '8', label: { en: '8', pl: '8', cs: '8', es: '8' } },
      ],
      default: '2',
    },
    {
      kind: 'toggle',
      id: 'linear',
      label: {
        en: 'Linear (no activations)',
        pl: 'Liniowy (bez aktywacji)',
        cs: 'Lineární (bez aktivací)',
        es: 'Lineal (sin activaciones)',
      },
      default: true,
    },
    {
      kind: 'choice',
      id: 'architecture',
      label: { en: 'Encoder layers', pl: 'Warstwy enkodera', cs: 'Vrstvy enkodéru', es: 'Capas del codificador' },
      options: [
        { value: 'h128', label: { en: '784-128-k', pl: '784-128-k', cs: '784-128-k', es: '784-128-k' } },
        { value: 'h128-32', label: { en: '784-128-32-k', pl: '784-128-32-k', cs: '784-128-32-k', es: '784-128-32-k' } },
        { value: 'h256', label: { en: '784-256-k', pl: '784-256-k', cs: '784-256-k', es: '784-256-k' } },
        {
          value: 'hinton',
          label: {
            en: '784-1000-500-250-k (Hinton 2006)',
            pl: '784-1000-500-250-k (Hinton 2006)',
            cs: '784-1000-500-250-k (Hinton 2006)',
            es: '784-1000-500-250-k (Hinton 2006)',
          },
        },
      ],
      default: 'h128',
    },
    {
      kind: 'slider',
      id: 'epochs',
      label: { en: 'Epochs', pl: 'Epoki', cs: 'Epochy', es: 'Épocas' },
      min: 1,
      max: 5,
      step: 1,
      default: 2,
    },
    {
      kind: 'choice',
      id: 'learningRate',
      label: { en: 'Learning rate', pl: 'Tempo uczenia', cs: 'Rychlost učení', es: 'Tasa de aprendizaje' },
      options: LEARNING_RATES,
      default: '0.001',
    },
  ],
  goal: {
    text: {
      en: "Get the held-out error below PCA's: at most {star1} of PCA's error at the same code size.",
      pl: 'Zbij błąd testowy poniżej błędu PCA: najwyżej {star1} błędu PCA przy tym samym rozmiarze kodu.',
      cs: 'Sraz testovací chybu pod úroveň PCA: nejvýše {star1} chyby PCA při stejné velikosti kódu.',
      es: 'Baja el error de prueba por debajo del de PCA: como máximo el {star1} del error de PCA con el mismo tamaño de código.',
    },
  },
  metric: {
    label: { en: "Error vs PCA's", pl: 'Błąd względem PCA', cs: 'Chyba vůči PCA', es: 'Error frente a PCA' },
    direction: 'lower',
    unit: 'ratio',
  },
  stars: BEAT_PCA_STARS,
  hints: [
    {
      afterSeconds: 30,
      text: {
        en: 'With "Linear" on, the autoencoder can only find what PCA finds. Turn it off.',
        pl: 'Gdy „Liniowy” jest włączony, autoenkoder znajdzie tylko to samo co PCA. Wyłącz go.',
        cs: 'Se zapnutou volbou „Lineární“ najde autoenkodér jen to, co PCA. Vypni ji.',
        es: 'Con “Lineal” activado, el autoencoder solo puede encontrar lo mismo que PCA. Desactívalo.',
      },
    },
    {
      afterSeconds: 90,
      text: {
        en: 'Non-linear models need more training to pull ahead: more epochs or a bolder learning rate.',
        pl: 'Modele nieliniowe potrzebują dłuższego treningu, by wyjść na prowadzenie: więcej epok albo śmielsze tempo uczenia.',
        cs: 'Nelineární modely potřebují k náskoku delší trénování: víc epoch nebo odvážnější rychlost učení.',
        es: 'Los modelos no lineales necesitan entrenar más para tomar ventaja: más épocas o una tasa de aprendizaje más audaz.',
      },
    },
    {
      afterSeconds: 180,
      text: {
        en: 'The gap grows with the code: compare code 2 with code 8.',
        pl: 'Przewaga rośnie wraz z rozmiarem kodu: porównaj kod 2 z kodem 8.',
        cs: 'Náskok roste s velikostí kódu: porovnej kód 2 s kódem 8.',
        es: 'La diferencia crece con el código: compara el código 2 con el 8.',
      },
    },
  ],
  solution: { kind: 'hyperparameters' },
  measures: ['heldOutMse', 'pcaMse'],
  example: { kind: 'hyperparameters', values: { linear: false, epochs: 4, learningRate: '0.003' } },
  scorer: (_p, m) => {
    const ratio = m.heldOutMse / m.pcaMse;
    return {
      score: ratio,
      goalMet: ratio <= BEAT_PCA_STARS[0],
      detail: { heldOutMse: m.heldOutMse, pcaMse: m.pcaMse },
    };
  },
});

// ── 3 · Budget ──────────────────────────────────────────────────────────────────────────────────────────────

export const BUDGET_MAX_PARAMS = 40_000;
// Screen-only bots (issue 10): the reader reaches 0.0144 on hint 3 (no hidden layer, the cap spent on the
// code, 10 epochs; 3★, 2 trainings, 27.3 s of play); defaults 0.0404 (0★). Kept.
// Issue 15 (first star in time; WASM in Node, stars helper): the reader's hint-2 run keeps the default 3 epochs
// (training longer is hint 3's): 784-24-16 at 0.003 0.0299 (1★) in ~3 s of training, where 5 epochs took 5 s for
// 0.0262; at 0.01, 3 epochs 0.0333, 2 epochs 0.0353 (0★). Reader 3★ on hint 3 (0.0144, 23.6 s of play);
// defaults 0.0404, random 0.0586 / 0.0251 (0★). Scored on 1,000 test digits since (was 2,000): reader 0.0296 (1★)
// then 0.0142 (3★, 21.9 s of play), defaults 0.0404, random 0.0585 / 0.0248 (0★).
const BUDGET_STARS = [0.035, 0.022, 0.015] as const;
const budgetHidden = (v: ControlValues): number[] =>
  Array<number>(numberValue(v, 'depth')).fill(numberValue(v, 'width'));

/** Weights of the Budget level's model for these control values (shown live while the player drags). */
export function budgetParamCount(v: ControlValues): number {
  return denseParamCount(
    { kind: 'dense', hidden: budgetHidden(v), bottleneck: numberValue(v, 'bottleneck') },
    MNIST_PIXELS,
  );
}

export const budget: LevelDefinition = defineLevel({
  id: 'budget',
  world: 1,
  order: 3,
  title: { en: 'Budget', pl: 'Budżet', cs: 'Rozpočet', es: 'Presupuesto' },
  card: {
    title: {
      en: 'Depth, width and the code',
      pl: 'Głębokość, szerokość i kod',
      cs: 'Hloubka, šířka a kód',
      es: 'Profundidad, anchura y código',
    },
    lines: [
      {
        en: 'Every weight costs memory and training time.',
        pl: 'Każda waga kosztuje pamięć i czas treningu.',
        cs: 'Každá váha stojí paměť i čas trénování.',
        es: 'Cada peso cuesta memoria y tiempo de entrenamiento.',
      },
      {
        en: 'A layer from n to m units has n·m weights plus m biases.',
        pl: 'Warstwa łącząca n neuronów z m neuronami ma n·m wag plus m biasów.',
        cs: 'Vrstva z n do m neuronů má n·m vah a k tomu m biasů.',
        es: 'Una capa de n a m neuronas tiene n·m pesos más m sesgos.',
      },
      {
        en: 'With 784 pixels, the first layer eats most of any budget.',
        pl: 'Przy 784 pikselach pierwsza warstwa zjada większość każdego budżetu.',
        cs: 'Při 784 pixelech spolkne první vrstva většinu jakéhokoli rozpočtu.',
        es: 'Con 784 píxeles, la primera capa se come casi todo el presupuesto.',
      },
      {
        en: 'With few weights, spend them on the code: it is all the decoder gets.',
        pl: 'Gdy wag jest mało, wydaj je na kod: tylko on trafia do dekodera.',
        cs: 'Když je vah málo, investuj je do kódu: nic jiného dekodér nedostane.',
        es: 'Con pocos pesos, gástalos en el código: es lo único que recibe el decodificador.',
      },
      {
        en: 'Deep encoders (784-128-64-32 in the slides) pay off with weights to spare.',
        pl: 'Głębokie enkodery (784-128-64-32 ze slajdów) opłacają się, gdy wag jest pod dostatkiem.',
        cs: 'Hluboké enkodéry (784-128-64-32 ze slajdů) se vyplatí, až když vah zbývá dost.',
        es: 'Los codificadores profundos (784-128-64-32 en las diapositivas) compensan si sobran pesos.',
      },
    ],
    formula: 'weights = Σₗ (nₗ·nₗ₊₁ + nₗ₊₁)',
    formulaLegend: {
      en: 'nₗ: units in layer l, from the 784 input pixels through the code and back.',
      pl: 'nₗ: liczba neuronów w warstwie l, od 784 pikseli wejścia przez kod i z powrotem.',
      cs: 'nₗ: počet neuronů ve vrstvě l, od 784 vstupních pixelů přes kód a zase zpět.',
      es: 'nₗ: neuronas de la capa l, desde los 784 píxeles de entrada hasta el código y de vuelta.',
    },
    seed: {
      file: '002_473200448d10064a.txt',
      idea: 'Wyzwania implementacyjne: dobór architektury (liczba warstw, liczba neuronów)',
    },
    seeAlso: [{ file: '001_01f0c3934fb2763b.txt', idea: 'Deep Autoencoder: 784 → 128 → 64 → 32' }],
  },
  dataset: 'mnist',
  mode: 'trained',
  setup: {
    kind: 'trained',
    seed: 103,
    plan: (v, seed) => ({
      spec: {
        kind: 'dense',
        dataset: 'mnist',
        hidden: budgetHidden(v),
        bottleneck: numberValue(v, 'bottleneck'),
        activation: 'relu',
        seed,
      },
      config: {
        epochs: numberValue(v, 'epochs'),
        batchSize: 32,
        optimizer: 'adam',
        learningRate: Number(stringValue(v, 'learningRate')),
        loss: 'bce',
        seed,
        split: 'train',
      },
    }),
    // 1,000 test digits (was 2,000, issue 15): scores within 1 % (0.0299 → 0.0296, 0.01436 → 0.01423), half the cost.
    heldOut: { source: 'mnistTest', limit: 1000, noises: [], noiseSeed: 0 },
  },
  controls: [
    {
      kind: 'slider',
      id: 'depth',
      label: { en: 'Hidden layers', pl: 'Warstwy ukryte', cs: 'Skryté vrstvy', es: 'Capas ocultas' },
      min: 0,
      max: 3,
      step: 1,
      default: 1,
    },
    {
      kind: 'slider',
      id: 'width',
      label: { en: 'Hidden width', pl: 'Neurony ukryte', cs: 'Skryté neurony', es: 'Neuronas por capa' },
      min: 8,
      max: 128,
      step: 8,
      default: 24,
    },
    {
      kind: 'slider',
      id: 'bottleneck',
      label: { en: 'Code size', pl: 'Rozmiar kodu', cs: 'Velikost kódu', es: 'Tamaño del código' },
      min: 2,
      max: 32,
      step: 2,
      default: 8,
    },
    {
      kind: 'slider',
      id: 'epochs',
      label: { en: 'Epochs', pl: 'Epoki', cs: 'Epochy', es: 'Épocas' },
      min: 1,
      max: 15,
      step: 1,
      default: 3,
    },
    {
      kind: 'choice',
      id: 'learningRate',
      label: { en: 'Learning rate', pl: 'Tempo uczenia', cs: 'Rychlost učení', es: 'Tasa de aprendizaje' },
      options: LEARNING_RATES,
      default: '0.001',
    },
  ],
  goal: {
    text: {
      en: 'Stay within {maxParams} weights and bring the held-out error down to {star1}.',
      pl: 'Nie przekrocz limitu wag ({maxParams}) i zbij błąd testowy do {star1}.',
      cs: 'Vejdi se do {maxParams, plural, one {{maxParams} váhy} few {{maxParams} vah} many {{maxParams} váhy} other {{maxParams} vah}} a sraz testovací chybu na {star1}.',
      es: 'No pases de {maxParams, plural, one {{maxParams} peso} other {{maxParams} pesos}} y baja el error de prueba hasta {star1}.',
    },
    params: { maxParams: BUDGET_MAX_PARAMS },
  },
  metric: {
    label: {
      en: 'Held-out error (MSE)',
      pl: 'Błąd testowy (MSE)',
      cs: 'Testovací chyba (MSE)',
      es: 'Error de prueba (MSE)',
    },
    direction: 'lower',
    unit: 'mse',
  },
  stars: BUDGET_STARS,
  hints: [
    {
      afterSeconds: 30,
      text: {
        en: 'Watch the weight counter: which slider makes it jump?',
        pl: 'Obserwuj licznik wag: który suwak sprawia, że skacze?',
        cs: 'Sleduj počítadlo vah: po kterém posuvníku vyskočí?',
        es: 'Mira el contador de pesos: ¿qué control lo hace saltar?',
      },
    },
    {
      afterSeconds: 90,
      text: {
        en: 'A hidden layer must be wider than the code to help, and 784 inputs make width expensive.',
        pl: 'Warstwa ukryta pomaga tylko, gdy jest szersza niż kod, a przy 784 wejściach szerokość jest droga.',
        cs: 'Skrytá vrstva pomůže, jen když je širší než kód, a při 784 vstupech je šířka drahá.',
        es: 'Una capa oculta solo ayuda si es más ancha que el código, y con 784 entradas la anchura sale cara.',
      },
    },
    {
      afterSeconds: 180,
      text: {
        en: 'Try no hidden layer at all and spend everything on the code, then train longer.',
        pl: 'Spróbuj bez warstwy ukrytej: wydaj wszystko na kod, a potem trenuj dłużej.',
        cs: 'Zkus to úplně bez skryté vrstvy, všechno vlož do kódu a pak trénuj déle.',
        es: 'Prueba sin ninguna capa oculta, gasta todo en el código y entrena más tiempo.',
      },
    },
  ],
  solution: { kind: 'hyperparameters' },
  measures: ['heldOutMse'],
  example: { kind: 'hyperparameters', values: { depth: 0, bottleneck: 24, epochs: 10, learningRate: '0.003' } },
  scorer: (p, m) => {
    // The weight count follows from the payload alone, so the cap needs no trust in the engine.
    const params = budgetParamCount(p.values);
    return {
      score: m.heldOutMse,
      goalMet: params <= BUDGET_MAX_PARAMS && m.heldOutMse <= BUDGET_STARS[0],
      detail: { params, overBudget: Math.max(0, params - BUDGET_MAX_PARAMS) },
    };
  },
});

// ── 4 · The identity trap ───────────────────────────────────────────────────────────────────────────────────

export const TRAP_MAX_WRONG = 1;
// Screen-only bots (issue 10): the reader reaches 14.1 on hint 3 (sparsity 0.1; 3★, 3 trainings, 21.9 s
// of play); defaults 0 (0★), random 12.9 / 10.6 (0★: letters broke). Kept.
// Issue 15 (first star in time; WASM in Node, stars helper): 1,000 training steps instead of 1,500. Code 20 (hint
// 2) 4.63 (1★) in ~1 s of training; sparsity 0.1 (hint 3) 13.89 (3★, worst letter 1 wrong pixel, 19.2 s of
// play); defaults 0; random 12.87 / 11.56 (0★: letters broke). At 750 steps sparsity 0.1 broke a letter (2).
const TRAP_STARS = [4, 7, 12] as const;
const TRAP_RHO = 0.05;

export const identityTrap: LevelDefinition = defineLevel({
  id: 'the-identity-trap',
  world: 1,
  order: 4,
  title: { en: 'The identity trap', pl: 'Pułapka identyczności', cs: 'Past identity', es: 'La trampa de la identidad' },
  card: {
    title: {
      en: 'Copying is not learning',
      pl: 'Kopiowanie to nie nauka',
      cs: 'Kopírování není učení',
      es: 'Copiar no es aprender',
    },
    lines: [
      {
        en: 'Give the code more units than the input and the AE can just copy.',
        pl: 'Daj kodowi więcej neuronów niż wejście, a AE może po prostu kopiować.',
        cs: 'Dej kódu víc neuronů, než má vstup, a AE může prostě kopírovat.',
        es: 'Si el código tiene más neuronas que la entrada, el AE puede limitarse a copiar.',
      },
      {
        en: 'A copier rebuilds anything, noise included, and learns nothing.',
        pl: 'Kopiarka odtwarza wszystko, także szum, i niczego się nie uczy.',
        cs: 'Kopírka zrekonstruuje cokoli, i šum, a nic se nenaučí.',
        es: 'Un modelo que solo copia lo reconstruye todo, ruido incluido, y no aprende nada.',
      },
      {
        en: 'A code smaller than the input limits capacity: it cannot hold everything.',
        pl: 'Kod mniejszy niż wejście ogranicza pojemność: nie pomieści wszystkiego.',
        cs: 'Kód menší než vstup omezuje kapacitu: nevejde se do něj všechno.',
        es: 'Un código menor que la entrada limita la capacidad: no cabe todo.',
      },
      {
        en: 'Regularisers change the training goal instead: noisy inputs, a sparsity penalty.',
        pl: 'Regularyzacja zmienia za to cel treningu: zaszumione wejścia, kara za brak rzadkości.',
        cs: 'Regularizace místo toho mění cíl trénování: zašuměné vstupy, penalizace řídkosti.',
        es: 'La regularización, en cambio, cambia el objetivo: entradas con ruido, penalización de dispersión.',
      },
      {
        en: 'Sparsity lets each unit fire only rarely, near a target rate ρ.',
        pl: 'Rzadkość sprawia, że każdy neuron aktywuje się rzadko, blisko docelowej częstości ρ.',
        cs: 'Díky řídkosti se každý neuron aktivuje jen zřídka, s četností blízkou cílové hodnotě ρ.',
        es: 'La dispersión hace que cada neurona se active solo rara vez, cerca de una tasa objetivo ρ.',
      },
      {
        en: 'A useful AE rebuilds letters but not random patterns.',
        pl: 'Użyteczny AE odtwarza litery, ale nie losowe wzory.',
        cs: 'Užitečný AE rekonstruuje písmena, ale ne náhodné vzory.',
        es: 'Un AE útil reconstruye letras, pero no patrones aleatorios.',
      },
    ],
    formula: 'L(x, g(f(x))) + λ·Ω(h),   Ω = Σⱼ KL(ρ‖ρ̂ⱼ)',
    formulaLegend: {
      en: 'h = f(x): the code; λ: the sparsity weight you set; ρ̂ⱼ: how often unit j fires; ρ: target rate (0.05).',
      pl: 'h = f(x): kod; λ: ustawiana przez ciebie waga rzadkości; ρ̂ⱼ: jak często aktywuje się neuron j; ρ: docelowa częstość (0.05).',
      cs: 'h = f(x): kód; λ: váha řídkosti, kterou nastavuješ; ρ̂ⱼ: jak často se aktivuje neuron j; ρ: cílová četnost (0.05).',
      es: 'h = f(x): el código; λ: el peso de dispersión que eliges; ρ̂ⱼ: frecuencia con que se activa la neurona j; ρ: tasa objetivo (0.05).',
    },
    seed: {
      file: '003_c9063255341ae41f.txt',
      idea: 'Problém s naučením pouhého identického zobrazení; Řídký autoenkodér',
    },
    seeAlso: [{ file: '001_01f0c3934fb2763b.txt', idea: 'Sparsity autoencoders: współczynnik sparsity (ρ)' }],
  },
  dataset: 'glyphs',
  mode: 'trained',
  setup: {
    kind: 'trained',
    seed: 104,
    plan: (v, seed) => {
      const sparsity = numberValue(v, 'sparsity');
      const noise = numberValue(v, 'inputNoise');
      const sparse = sparsity > 0;
      return {
        // Linear and trained on the whole font (46 glyphs span all 35 pixel directions), so the default
        // overcomplete model really becomes the identity. A sparse code needs its sigmoid, so it is not linear.
        spec: {
          kind: sparse ? 'sparse' : noise > 0 ? 'denoising' : 'dense',
          dataset: 'glyphs',
          hidden: [],
          bottleneck: numberValue(v, 'bottleneck'),
          activation: 'linear',
          linear: !sparse,
          seed,
          ...(noise > 0 ? { noise: { type: 'saltPepper', amount: noise } as const } : {}),
          ...(sparse ? { sparsity: { rho: TRAP_RHO, weight: sparsity } } : {}),
        },
        config: {
          // 1000 (was 1500, issue 15): the first star in about a second; 750 breaks letters under sparsity 0.1.
          steps: 1000,
          batchSize: 46,
          optimizer: 'adam',
          learningRate: 0.01,
          loss: 'mse',
          seed,
          split: 'train',
        },
      };
    },
    heldOut: {
      source: 'letters',
      copies: 1,
      noiseSeed: 0,
      randomPatterns: { count: 100, inkFraction: 0.4, seed: 4004 },
    },
  },
  controls: [
    {
      kind: 'slider',
      id: 'bottleneck',
      label: { en: 'Code size', pl: 'Rozmiar kodu', cs: 'Velikost kódu', es: 'Tamaño del código' },
      min: 4,
      max: 64,
      step: 4,
      default: 64,
    },
    {
      kind: 'slider',
      id: 'inputNoise',
      label: {
        en: 'Input noise (salt & pepper)',
        pl: 'Szum wejścia (sól i pieprz)',
        cs: 'Šum na vstupu (sůl a pepř)',
        es: 'Ruido de entrada (sal y pimienta)',
      },
      min: 0,
      max: 0.5,
      step: 0.05,
      default: 0,
    },
    {
      kind: 'slider',
      id: 'sparsity',
      label: { en: 'Sparsity weight', pl: 'Waga rzadkości', cs: 'Váha řídkosti', es: 'Peso de dispersión' },
      min: 0,
      max: 2,
      step: 0.1,
      default: 0,
    },
  ],
  goal: {
    text: {
      en: 'Rebuild every letter (at most {maxWrong, plural, one {# wrong pixel} other {# wrong pixels}}) while random patterns come out at least {star1} pixels wrong.',
      pl: 'Odtwórz każdą literę (najwyżej {maxWrong, plural, one {# błędny piksel} few {# błędne piksele} many {# błędnych pikseli} other {# błędnego piksela}}), a losowe wzory niech mają co najmniej {star1, plural, one {# błędny piksel} few {# błędne piksele} many {# błędnych pikseli} other {# błędnego piksela}}.',
      cs: 'Zrekonstruuj každé písmeno (nejvýše {maxWrong, plural, one {{maxWrong} chybný pixel} few {{maxWrong} chybné pixely} many {{maxWrong} chybného pixelu} other {{maxWrong} chybných pixelů}}), zatímco náhodné vzory musí mít aspoň {star1, plural, one {{star1} chybný pixel} few {{star1} chybné pixely} many {{star1} chybného pixelu} other {{star1} chybných pixelů}}.',
      es: 'Reconstruye todas las letras ({maxWrong, plural, one {{maxWrong} píxel erróneo} other {{maxWrong} píxeles erróneos}} como máximo) mientras los patrones aleatorios salen con {star1, plural, one {{star1} píxel erróneo} other {{star1} píxeles erróneos}} como mínimo.',
    },
    params: { maxWrong: TRAP_MAX_WRONG },
  },
  metric: {
    label: {
      en: 'Wrong pixels on random patterns',
      pl: 'Błędne piksele we wzorach losowych',
      cs: 'Chybné pixely na náhodných vzorech',
      es: 'Píxeles erróneos en patrones aleatorios',
    },
    direction: 'higher',
    unit: 'pixels',
  },
  stars: TRAP_STARS,
  hints: [
    {
      afterSeconds: 20,
      text: {
        en: 'Train once as it is: the random patterns come back perfectly. That is the trap.',
        pl: 'Wytrenuj raz bez zmian: losowe wzory wracają idealnie. Na tym polega pułapka.',
        cs: 'Natrénuj to jednou tak, jak to je: náhodné vzory se vrátí dokonale. To je ta past.',
        es: 'Entrena una vez tal cual: los patrones aleatorios salen perfectos. Esa es la trampa.',
      },
    },
    {
      afterSeconds: 60,
      text: {
        en: 'A code smaller than 35 cannot hold every pattern. How small can it get before letters break?',
        pl: 'Kod mniejszy niż 35 nie pomieści każdego wzoru. Jak mały może być, zanim litery się posypią?',
        cs: 'Kód menší než 35 neudrží každý vzor. Jak malý může být, než se písmena rozpadnou?',
        es: 'Un código de menos de 35 no puede guardar todos los patrones. ¿Cuánto puede encogerse antes de que fallen las letras?',
      },
    },
    {
      afterSeconds: 120,
      text: {
        en: 'A little sparsity goes a long way; too much and the letters suffer.',
        pl: 'Odrobina rzadkości wiele daje; za dużo, a litery ucierpią.',
        cs: 'Trocha řídkosti hodně zmůže; s příliš velkou písmena trpí.',
        es: 'Un poco de dispersión ayuda mucho; demasiada y las letras se resienten.',
      },
    },
  ],
  solution: { kind: 'hyperparameters' },
  measures: ['glyphWrongPixels', 'randomPatternWrongPixels'],
  example: { kind: 'hyperparameters', values: { bottleneck: 16, inputNoise: 0.2 } },
  scorer: (_p, m) => {
    expectLength('the-identity-trap', 'glyphWrongPixels', m.glyphWrongPixels, LETTER_COUNT);
    const worstLetter = Math.max(...m.glyphWrongPixels);
    const randomWrong = mean(m.randomPatternWrongPixels);
    return {
      score: randomWrong,
      goalMet: worstLetter <= TRAP_MAX_WRONG && randomWrong >= TRAP_STARS[0],
      detail: { worstLetterWrongPixels: worstLetter, randomPatternPixels: GLYPH_PIXELS },
    };
  },
});

export const WORLD1_LEVELS: readonly LevelDefinition[] = [squeezeTheAlphabet, beatPca, budget, identityTrap];
