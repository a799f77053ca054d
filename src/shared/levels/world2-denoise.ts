/**
 * World 2 · Denoise: corrupt the input, keep the clean target: L(x, g(f(x̃))).
 *
 * Star thresholds: first set from a few real-engine runs (tfjs WASM in Node, 2 cores) while writing, then checked
 * by the solver bots (npm run solve, tests/unit/solvers), which retuned Storm. Observed:
 * - Static (104 held-out letters at salt-and-pepper 0.2): a plain AE restored 35–52 % of them; a denoising AE
 *   83–90 % (best: code 16, layers 64-32).
 * - Storm (tested at 0.5): plain AEs 81–84 % pixel accuracy, denoising AEs 87–90.4 % (best: trained at 0.3).
 *   Those runs drew fresh noise every batch (the engine has no fixed-copies mode yet), i.e. "infinitely many
 *   copies"; with few fixed copies accuracy should drop, which is the assignment's finding the level teaches.
 *   RETUNED by the solver bots (npm run solve, WASM, fixed copies): defaults (0.2, 5 copies) 83.5 %; 1 copy
 *   81.6; 20 copies 86.3; 30 copies 86.6; 0.25 / 30 copies / code 16 87.4; 100 copies 88.8; 0.25 / 100 copies /
 *   code 16 89.0; any run at 0.3 or 0.35 84–86. So copies go up to 100 (the engine's cap) and the stars are
 *   85 / 87 / 88.5: more copies win a star, 3 stars need many copies and the noise sweet spot.
 * - Noise zoo (mean MSE over the four kinds, 500 test digits): plain 0.0374; gaussian only 0.0321; all four
 *   mixed 0.0235 (2 epochs), 0.0201 (4 epochs).
 * - Inpainting (MSE inside a 12x12 hole): leaving the hole black 0.2075; plain AE 0.173; trained on other
 *   noise 0.093; trained with 12x12 blocks 0.077 (2 epochs), 0.0695 (4 epochs).
 */
import { GLYPH_HEIGHT, GLYPH_WIDTH } from '../glyphs';
import type { NoiseSpec } from '../noise';
import { booleanValue, numberValue } from './controls';
import { defineLevel, expectLength } from './define';
import type { LevelDefinition } from './types';

const LETTER_COUNT = 26;
const GLYPH_PIXELS = GLYPH_WIDTH * GLYPH_HEIGHT;
const TEST_COPIES = 4;
const sum = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0);
const mean = (v: readonly number[]): number => sum(v) / v.length;

/** "Restored" = at most this many wrong pixels against the clean letter. */
const RESTORED_MAX_WRONG = 1;

// ── 5 · Static ──────────────────────────────────────────────────────────────────────────────────────────────

const STATIC_NOISE: NoiseSpec = { type: 'saltPepper', amount: 0.2 };
const STATIC_STARS = [60, 80, 90] as const;

export const staticLevel: LevelDefinition = defineLevel({
  id: 'static',
  world: 2,
  order: 1,
  title: { en: 'Static' },
  card: {
    title: { en: 'The denoising autoencoder' },
    lines: [
      { en: 'Corrupt each training input x into x̃, e.g. with salt-and-pepper.' },
      { en: 'Ask the autoencoder for the clean x back, not for x̃.' },
      { en: 'The error is measured against the input before the noise.' },
      { en: 'Copying no longer pays: it must learn what letters look like.' },
    ],
    formula: 'L(x, g(f(x̃)))',
    formulaLegend: { en: 'x: the clean letter, x̃: its noisy copy, f: encoder, g: decoder, L: the error.' },
    seed: { file: '003_c9063255341ae41f.txt', idea: 'Denoising autoenkodér: L(x, g(f(x̃)))' },
    seeAlso: [
      {
        file: '001_01f0c3934fb2763b.txt',
        idea: 'Błąd rekonstrukcji mierzy się między wyjściem a oryginalnym wejściem',
      },
    ],
  },
  dataset: 'glyphs',
  mode: 'trained',
  setup: {
    kind: 'trained',
    seed: 201,
    plan: (v, seed) => {
      const denoise = booleanValue(v, 'denoise');
      return {
        spec: {
          kind: denoise ? 'denoising' : 'dense',
          dataset: 'glyphs',
          hidden: Array<number>(numberValue(v, 'depth')).fill(numberValue(v, 'width')),
          bottleneck: numberValue(v, 'bottleneck'),
          activation: 'relu',
          seed,
          ...(denoise ? { noise: STATIC_NOISE } : {}),
        },
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
      };
    },
    // Held out = noise the model never saw: fresh draws from a seed training never uses.
    heldOut: { source: 'letters', copies: TEST_COPIES, noise: STATIC_NOISE, noiseSeed: 5005 },
  },
  controls: [
    { kind: 'toggle', id: 'denoise', label: { en: 'Corrupt the training inputs' }, default: false },
    { kind: 'slider', id: 'bottleneck', label: { en: 'Code size' }, min: 2, max: 16, step: 2, default: 8 },
    { kind: 'slider', id: 'width', label: { en: 'Hidden width' }, min: 16, max: 64, step: 16, default: 32 },
    { kind: 'slider', id: 'depth', label: { en: 'Hidden layers' }, min: 1, max: 2, step: 1, default: 1 },
    { kind: 'slider', id: 'steps', label: { en: 'Training steps' }, min: 500, max: 3000, step: 500, default: 1500 },
  ],
  goal: {
    text: { en: 'Restore at least {star1} of the noisy test letters (at most {maxWrong} wrong pixel each).' },
    params: { maxWrong: RESTORED_MAX_WRONG },
  },
  metric: { label: { en: 'Letters restored' }, direction: 'higher', unit: 'percent' },
  stars: STATIC_STARS,
  hints: [
    { afterSeconds: 20, text: { en: 'A plain autoencoder has never seen noise. Show it some while it trains.' } },
    {
      afterSeconds: 60,
      text: { en: 'The assignment found more layers and a bigger code restore noisy letters better.' },
    },
    { afterSeconds: 120, text: { en: 'Still short? Train longer: denoising is a harder job than copying.' } },
  ],
  solution: { kind: 'hyperparameters' },
  measures: ['noisyGlyphWrongPixels'],
  example: { kind: 'hyperparameters', values: { denoise: true, bottleneck: 16, width: 64, depth: 2 } },
  scorer: (_p, m) => {
    expectLength('static', 'noisyGlyphWrongPixels', m.noisyGlyphWrongPixels, LETTER_COUNT * TEST_COPIES);
    const restored =
      (100 * m.noisyGlyphWrongPixels.filter((w) => w <= RESTORED_MAX_WRONG).length) / m.noisyGlyphWrongPixels.length;
    return {
      score: restored,
      goalMet: restored >= STATIC_STARS[0],
      detail: { meanWrongPixels: mean(m.noisyGlyphWrongPixels) },
    };
  },
});

// ── 6 · Storm ───────────────────────────────────────────────────────────────────────────────────────────────

const STORM_STARS = [85, 87, 88.5] as const;

export const storm: LevelDefinition = defineLevel({
  id: 'storm',
  world: 2,
  order: 2,
  title: { en: 'Storm' },
  card: {
    title: { en: 'Noise it has never seen' },
    lines: [
      { en: 'The assignment trained at noise 0.2 and tested at 0.5.' },
      { en: 'Noise seen in training is easy; fresh noise is the real test.' },
      { en: 'More noisy copies of each letter taught the network to generalise.' },
      { en: 'The more noise, the harder the job for every architecture.' },
    ],
    formula: 'L = (1/K)·Σₖ L(x, g(f(x̃ₖ)))',
    formulaLegend: { en: 'x̃₁ … x̃ₖ: K noisy copies of the clean letter x, fixed before training.' },
    seed: {
      file: '004_a6fc6e8dcd014518.txt',
      idea: 'Denoising Autoencoder: ruido 0.2 y 0.5, ruido entrenado vs ruido alterno, 5 vs 20 muestras',
    },
  },
  dataset: 'glyphs',
  mode: 'trained',
  setup: {
    kind: 'trained',
    seed: 202,
    plan: (v, seed) => {
      const amount = numberValue(v, 'trainNoise');
      return {
        // The assignment's architecture: 35-25-15-code.
        spec: {
          kind: amount > 0 ? 'denoising' : 'dense',
          dataset: 'glyphs',
          hidden: [25, 15],
          bottleneck: numberValue(v, 'bottleneck'),
          activation: 'relu',
          seed,
          ...(amount > 0 ? { noise: { type: 'saltPepper', amount } as const } : {}),
        },
        config: {
          steps: numberValue(v, 'steps'),
          batchSize: 32,
          optimizer: 'adam',
          learningRate: 0.01,
          loss: 'bce',
          seed,
          split: 'train',
          limit: LETTER_COUNT,
        },
        // Copies only matter when there is noise to copy.
        ...(amount > 0 ? { noisyCopies: numberValue(v, 'copies') } : {}),
      };
    },
    heldOut: { source: 'letters', copies: TEST_COPIES, noise: { type: 'saltPepper', amount: 0.5 }, noiseSeed: 6006 },
  },
  controls: [
    { kind: 'slider', id: 'trainNoise', label: { en: 'Training noise' }, min: 0, max: 0.6, step: 0.05, default: 0.2 },
    { kind: 'slider', id: 'copies', label: { en: 'Noisy copies per letter' }, min: 1, max: 100, step: 1, default: 5 },
    { kind: 'slider', id: 'bottleneck', label: { en: 'Code size' }, min: 4, max: 16, step: 2, default: 10 },
    { kind: 'slider', id: 'steps', label: { en: 'Training steps' }, min: 1000, max: 5000, step: 1000, default: 2000 },
  ],
  goal: { text: { en: 'At noise 0.5, on noise never seen in training, get at least {star1} of the pixels right.' } },
  metric: { label: { en: 'Pixel accuracy at noise 0.5' }, direction: 'higher', unit: 'percent' },
  stars: STORM_STARS,
  hints: [
    { afterSeconds: 20, text: { en: 'The test storm is 0.5. What happens if you train a little closer to it?' } },
    {
      afterSeconds: 60,
      text: { en: 'The assignment compared 5 and 20 noisy copies per letter. Which generalised better?' },
    },
    { afterSeconds: 120, text: { en: 'Training far above the test noise can hurt too: look for the sweet spot.' } },
  ],
  solution: { kind: 'hyperparameters' },
  measures: ['noisyGlyphWrongPixels'],
  example: { kind: 'hyperparameters', values: { trainNoise: 0.3, copies: 20 } },
  scorer: (_p, m) => {
    expectLength('storm', 'noisyGlyphWrongPixels', m.noisyGlyphWrongPixels, LETTER_COUNT * TEST_COPIES);
    const accuracy = 100 * (1 - sum(m.noisyGlyphWrongPixels) / (m.noisyGlyphWrongPixels.length * GLYPH_PIXELS));
    return {
      score: accuracy,
      goalMet: accuracy >= STORM_STARS[0],
      detail: { meanWrongPixels: mean(m.noisyGlyphWrongPixels) },
    };
  },
});

// ── 7 · Noise zoo ───────────────────────────────────────────────────────────────────────────────────────────

/** The four kinds, in the order of the toggles, of the test set and of the `noiseKindMse` measurement. */
export const ZOO_NOISES = {
  gaussian: { type: 'gaussian', sigma: 0.4 },
  saltPepper: { type: 'saltPepper', amount: 0.2 },
  masking: { type: 'masking', fraction: 0.4 },
  block: { type: 'block', size: 10 },
} as const satisfies Record<string, Exclude<NoiseSpec, { type: 'mixed' | 'none' }>>;
const ZOO_KINDS = Object.keys(ZOO_NOISES) as (keyof typeof ZOO_NOISES)[];
const ZOO_STARS = [0.03, 0.025, 0.021] as const;

export const noiseZoo: LevelDefinition = defineLevel({
  id: 'noise-zoo',
  world: 2,
  order: 3,
  title: { en: 'Noise zoo' },
  card: {
    title: { en: 'Kinds of corruption' },
    lines: [
      { en: 'Noise comes in kinds: jitter, salt-and-pepper, masking, erased blocks.' },
      { en: 'Masking switches off 30–50 % of the pixels, like dropout on the input.' },
      { en: 'A model trained on one kind may fail on another.' },
      { en: 'Training on a mix teaches it to undo them all.' },
    ],
    formula: 'x̃ = m ⊙ x,   mᵢ ~ Bernoulli(1 − p)',
    formulaLegend: { en: 'Masking: each pixel xᵢ is kept (mᵢ = 1) or zeroed with probability p; ⊙: pixel by pixel.' },
    seed: {
      file: '001_01f0c3934fb2763b.txt',
      idea: 'Uczenie poprzez zakłócenie danych: dropout (30%-50%), zerowanie, salt and pepper',
    },
  },
  dataset: 'mnist',
  mode: 'trained',
  setup: {
    kind: 'trained',
    seed: 203,
    plan: (v, seed) => {
      const kinds = ZOO_KINDS.filter((k) => booleanValue(v, k)).map((k) => ZOO_NOISES[k]);
      const noise: NoiseSpec | undefined =
        kinds.length === 0 ? undefined : kinds.length === 1 ? kinds[0] : { type: 'mixed', kinds };
      return {
        spec: {
          kind: noise ? 'denoising' : 'dense',
          dataset: 'mnist',
          hidden: [256],
          bottleneck: numberValue(v, 'bottleneck'),
          activation: 'relu',
          seed,
          ...(noise ? { noise } : {}),
        },
        config: {
          epochs: numberValue(v, 'epochs'),
          batchSize: 32,
          optimizer: 'adam',
          learningRate: 0.002,
          loss: 'bce',
          seed,
          split: 'train',
        },
      };
    },
    // Kind i is drawn with seed noiseSeed + i (the harness's rule for several noises).
    heldOut: { source: 'mnistTest', limit: 500, noises: ZOO_KINDS.map((k) => ZOO_NOISES[k]), noiseSeed: 7007 },
  },
  controls: [
    { kind: 'toggle', id: 'gaussian', label: { en: 'Train with gaussian jitter' }, default: false },
    { kind: 'toggle', id: 'saltPepper', label: { en: 'Train with salt & pepper' }, default: false },
    { kind: 'toggle', id: 'masking', label: { en: 'Train with masking' }, default: false },
    { kind: 'toggle', id: 'block', label: { en: 'Train with erased blocks' }, default: false },
    { kind: 'slider', id: 'bottleneck', label: { en: 'Code size' }, min: 16, max: 64, step: 16, default: 32 },
    { kind: 'slider', id: 'epochs', label: { en: 'Epochs' }, min: 1, max: 4, step: 1, default: 2 },
  ],
  goal: { text: { en: 'Across all four kinds of noise, bring the average error down to {star1}.' } },
  metric: { label: { en: 'Mean error over the four kinds (MSE)' }, direction: 'lower', unit: 'mse' },
  stars: ZOO_STARS,
  hints: [
    { afterSeconds: 30, text: { en: 'Look at the per-kind bars: which noise hurts most?' } },
    {
      afterSeconds: 90,
      text: { en: 'Each image gets one kind at random, so training on several kinds costs nothing extra.' },
    },
    { afterSeconds: 180, text: { en: 'With every kind on, a couple more epochs help.' } },
  ],
  solution: { kind: 'hyperparameters' },
  measures: ['noiseKindMse'],
  example: { kind: 'hyperparameters', values: { gaussian: true, saltPepper: true, masking: true, block: true } },
  scorer: (_p, m) => {
    expectLength('noise-zoo', 'noiseKindMse', m.noiseKindMse, ZOO_KINDS.length);
    const score = mean(m.noiseKindMse);
    const worst = m.noiseKindMse.indexOf(Math.max(...m.noiseKindMse));
    return { score, goalMet: score <= ZOO_STARS[0], detail: { worstKindIndex: worst } };
  },
});

// ── 8 · Inpainting ──────────────────────────────────────────────────────────────────────────────────────────

const HOLE_SIZE = 12;
const INPAINT_STARS = [0.11, 0.085, 0.072] as const;

export const inpainting: LevelDefinition = defineLevel({
  id: 'inpainting',
  world: 2,
  order: 4,
  title: { en: 'Inpainting' },
  card: {
    title: { en: 'Filling in what is missing' },
    lines: [
      { en: 'Inpainting restores a part of the picture that is missing.' },
      { en: 'Erase a square during training and ask for the whole digit back.' },
      { en: 'The code must hold the shape of the digit, not just its pixels.' },
      { en: 'The same trick repairs damaged scans and handwriting.' },
    ],
    formula: 'E = Σᵢ mᵢ·(xᵢ − x′ᵢ)² / Σᵢ mᵢ',
    formulaLegend: { en: 'mᵢ = 1 inside the erased square: only the pixels the model had to invent count.' },
    seed: { file: '002_473200448d10064a.txt', idea: 'Przykłady zastosowań: uzupełnianie brakujących fragmentów' },
    seeAlso: [
      { file: '001_01f0c3934fb2763b.txt', idea: 'Autoenkodery przygotowane w celu uzupełnienia pewnych informacji' },
    ],
  },
  dataset: 'mnist',
  mode: 'trained',
  setup: {
    kind: 'trained',
    seed: 204,
    plan: (v, seed) => {
      const size = numberValue(v, 'trainHole');
      return {
        spec: {
          kind: size > 0 ? 'denoising' : 'dense',
          dataset: 'mnist',
          hidden: [256],
          bottleneck: numberValue(v, 'bottleneck'),
          activation: 'relu',
          seed,
          ...(size > 0 ? { noise: { type: 'block', size } as const } : {}),
        },
        config: {
          epochs: numberValue(v, 'epochs'),
          batchSize: 32,
          optimizer: 'adam',
          learningRate: 0.002,
          loss: 'bce',
          seed,
          split: 'train',
        },
      };
    },
    // Any 12x12 square in a 28x28 frame overlaps the centred 20x20 digit box, so every hole hides some ink.
    heldOut: { source: 'mnistTest', limit: 500, noises: [{ type: 'block', size: HOLE_SIZE }], noiseSeed: 8008 },
  },
  controls: [
    {
      kind: 'slider',
      id: 'trainHole',
      label: { en: 'Square erased in training (pixels)' },
      min: 0,
      max: 14,
      step: 2,
      default: 0,
    },
    { kind: 'slider', id: 'bottleneck', label: { en: 'Code size' }, min: 16, max: 64, step: 16, default: 32 },
    { kind: 'slider', id: 'epochs', label: { en: 'Epochs' }, min: 1, max: 4, step: 1, default: 2 },
  ],
  goal: {
    text: { en: 'Fill {hole}×{hole} holes in unseen digits with an error inside the hole of at most {star1}.' },
    params: { hole: HOLE_SIZE },
  },
  metric: { label: { en: 'Error inside the hole (MSE)' }, direction: 'lower', unit: 'mse' },
  stars: INPAINT_STARS,
  hints: [
    { afterSeconds: 30, text: { en: 'A model that never saw a hole copies the hole. Erase squares while it trains.' } },
    { afterSeconds: 90, text: { en: 'Train on squares about as big as the test holes.' } },
    { afterSeconds: 180, text: { en: 'Guessing hidden strokes takes practice: add an epoch or two.' } },
  ],
  solution: { kind: 'hyperparameters' },
  measures: ['holeMse'],
  example: { kind: 'hyperparameters', values: { trainHole: 12, epochs: 3 } },
  scorer: (_p, m) => ({ score: m.holeMse, goalMet: m.holeMse <= INPAINT_STARS[0] }),
});

export const WORLD2_LEVELS: readonly LevelDefinition[] = [staticLevel, storm, noiseZoo, inpainting];
