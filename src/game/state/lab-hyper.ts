/**
 * The Lab's hyperparameters (branch lab): the values each Settings control offers, the training defaults per
 * dataset and model kind, clamping, and which controls apply to which model kind (a control that does not apply
 * is disabled with a reason). Pure, unit-tested without a store.
 */
import { ACTIVATIONS } from '../../shared/model-spec-validation';
import type { MessageKey } from '../../shared/messages';
import type { Activation, LossName, ModelKind } from '../../shared/worker-api';
import type { DatasetChoice, LabConfig } from './types';

export const LEARNING_RATES = [0.0003, 0.001, 0.003, 0.005, 0.01, 0.03] as const;
export const STEP_CHOICES = [200, 500, 1000, 1500, 2000, 4000] as const;
export const BATCH_SIZES = [16, 32, 64, 128, 256] as const;
export const LOSS_CHOICES: readonly LossName[] = ['mse', 'bce'];
export const ACTIVATION_CHOICES: readonly Activation[] = ACTIVATIONS;
export const DEPTHS = [0, 1, 2, 3] as const;
export const CODEBOOK_SIZES = [4, 8, 16, 32, 64, 128] as const;
export const SLOT_CHOICES = [1, 2, 4, 8] as const;
export const BETA_RANGE = { min: 0, max: 4, step: 0.1 } as const;
export const RHO_RANGE = { min: 0.01, max: 0.5, step: 0.01 } as const;
export const SPARSITY_WEIGHT_RANGE = { min: 0, max: 1, step: 0.05 } as const;

/** The Settings view's controls, in the order they are shown. */
export const HYPER_CONTROLS = [
  'learningRate',
  'steps',
  'batchSize',
  'loss',
  'activation',
  'depth',
  'beta',
  'rho',
  'sparsityWeight',
  'k',
  'codebookSize',
  'slots',
] as const;
export type HyperControl = (typeof HYPER_CONTROLS)[number];

/** Learning rate, steps and batch size that train each dataset in about a minute on WASM (conv steps cost ~5x). */
export function trainingDefaults(
  dataset: DatasetChoice,
  kind: ModelKind,
): Pick<LabConfig, 'learningRate' | 'steps' | 'batchSize'> {
  if (dataset === 'glyphs' || dataset === 'myGlyphs') return { learningRate: 0.005, steps: 1500, batchSize: 16 };
  return { learningRate: 0.001, steps: kind === 'conv' ? 500 : 2000, batchSize: 64 };
}

export const HYPER_DEFAULTS = {
  ...trainingDefaults('mnist', 'dense'),
  loss: 'bce',
  activation: 'relu',
  depth: 1,
  beta: 1,
  rho: 0.05,
  sparsityWeight: 0.1,
  k: 8,
  codebookSize: 16,
  slots: 4,
} as const satisfies Partial<LabConfig>;

const nearest = (choices: readonly number[], v: number, fallback: number): number => {
  if (!Number.isFinite(v)) return fallback;
  let best = choices[0];
  for (const c of choices) if (Math.abs(c - v) < Math.abs(best - v)) best = c;
  return best;
};
const onGrid = (r: { min: number; max: number; step: number }, v: number, fallback: number): number => {
  if (!Number.isFinite(v)) return fallback;
  const n = Math.round((Math.min(r.max, Math.max(r.min, v)) - r.min) / r.step);
  return Math.round((r.min + n * r.step) * 1000) / 1000;
};

/** The patch with every value moved onto what its control offers (unknown choices fall back to the default). */
export function clampHyper(patch: Partial<LabConfig>, bottleneck: number): Partial<LabConfig> {
  const out: Partial<LabConfig> = { ...patch };
  const d = HYPER_DEFAULTS;
  if (patch.learningRate !== undefined) out.learningRate = nearest(LEARNING_RATES, patch.learningRate, d.learningRate);
  if (patch.steps !== undefined) out.steps = nearest(STEP_CHOICES, patch.steps, d.steps);
  if (patch.batchSize !== undefined) out.batchSize = nearest(BATCH_SIZES, patch.batchSize, d.batchSize);
  if (patch.loss !== undefined && !LOSS_CHOICES.includes(patch.loss)) out.loss = d.loss;
  if (patch.activation !== undefined && !ACTIVATION_CHOICES.includes(patch.activation)) out.activation = d.activation;
  if (patch.depth !== undefined) out.depth = nearest(DEPTHS, patch.depth, d.depth);
  if (patch.beta !== undefined) out.beta = onGrid(BETA_RANGE, patch.beta, d.beta);
  if (patch.rho !== undefined) out.rho = onGrid(RHO_RANGE, patch.rho, d.rho);
  if (patch.sparsityWeight !== undefined)
    out.sparsityWeight = onGrid(SPARSITY_WEIGHT_RANGE, patch.sparsityWeight, d.sparsityWeight);
  if (patch.k !== undefined)
    out.k = Number.isFinite(patch.k)
      ? Math.min(bottleneck, Math.max(1, Math.round(patch.k)))
      : Math.min(bottleneck, d.k);
  if (patch.codebookSize !== undefined) out.codebookSize = nearest(CODEBOOK_SIZES, patch.codebookSize, d.codebookSize);
  if (patch.slots !== undefined) out.slots = nearest(SLOT_CHOICES, patch.slots, d.slots);
  return out;
}

/**
 * Why a control does nothing for this configuration (a catalogue key), or null when it applies. Lab controls
 * outside the Settings view ('hidden', 'noise') follow the same rule.
 */
export function inapplicable(control: HyperControl | 'hidden' | 'noise', c: LabConfig): MessageKey | null {
  const variational = c.kind === 'vae' || c.kind === 'cvae';
  switch (control) {
    case 'beta':
      return variational ? null : 'lab.reason.variationalOnly';
    case 'rho':
    case 'sparsityWeight':
      return c.kind === 'sparse' ? null : 'lab.reason.sparseOnly';
    case 'k':
      return c.kind === 'ksparse' ? null : 'lab.reason.ksparseOnly';
    case 'codebookSize':
    case 'slots':
      return c.kind === 'vqvae' ? null : 'lab.reason.vqvaeOnly';
    case 'noise':
      return c.kind === 'denoising' ? null : 'lab.reason.denoisingOnly';
    case 'depth':
    case 'activation':
      return c.kind === 'conv' ? 'lab.reason.convFixed' : null;
    case 'hidden':
      if (c.kind === 'conv') return 'lab.reason.convFixed';
      return c.depth === 0 ? 'lab.reason.noHiddenLayer' : null;
    default:
      return null;
  }
}

/** Encoder hidden widths for a depth: hiddenWidth, then halving (never below 8). */
export function hiddenWidths(width: number, depth: number): number[] {
  return Array.from({ length: depth }, (_, i) => Math.max(8, Math.round(width / 2 ** i)));
}
