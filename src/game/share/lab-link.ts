/**
 * The Lab's controls as a link setup and back. A setup is what a run really uses (planRun's model spec and
 * training settings, and the seed), so a link restores exactly what trains. Reading goes the other way: the
 * controls that make this setup, checked by planning them again and comparing; a setup the Lab's controls cannot
 * make (a hand-edited link, a link from another version) is refused rather than approximated. Pure.
 */
import { LabTrainingSchema } from '../../shared/links/lab-setup';
import type { LabSetup, LabTraining } from '../../shared/links';
import { GLYPH_HEIGHT, GLYPH_WIDTH } from '../../shared/glyphs';
import { MNIST_SIDE } from '../../shared/mnist-format';
import { planRun } from '../ml/run-plan';
import { clampHyper } from '../state/lab-hyper';
import { clampBottleneck, clampHiddenWidth, clampNoiseLevel } from '../state/lab-rules';
import type { DatasetChoice, LabConfig, NoiseType } from '../state/types';

/** The training fields a link carries: the link schema's own list. */
const TRAINING_KEYS = LabTrainingSchema.keyof().options;

/** The setup a run from these controls trains. */
export function labSetupOf(config: LabConfig): LabSetup {
  const plan = planRun(config);
  const { seed, ...spec } = plan.spec;
  const training = {} as Record<string, unknown>;
  for (const key of TRAINING_KEYS) if (plan.train[key] !== undefined) training[key] = plan.train[key];
  return { kind: 'lab', spec, training: training as unknown as LabTraining, seed };
}

/** Key-order-independent JSON, for comparing two setups. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sameSetup(a: LabSetup, b: LabSetup): boolean {
  return canonical(a) === canonical(b);
}

const GLYPH_SIDE = Math.min(GLYPH_WIDTH, GLYPH_HEIGHT);
const SIDES: Record<DatasetChoice, number> = {
  glyphs: GLYPH_SIDE,
  myGlyphs: GLYPH_SIDE,
  mnist: MNIST_SIDE,
  mnistMine: MNIST_SIDE,
};

/**
 * The Lab controls that train exactly `setup`, starting from `base` for whatever the setup does not say (the noise
 * controls of a model without noise); null when no setting of the controls makes it.
 */
export function labConfigFromSetup(setup: LabSetup, base: LabConfig): LabConfig | null {
  const { spec, training } = setup;
  if (spec.dataset !== 'glyphs' && spec.dataset !== 'mnist') return null;
  const dataset: DatasetChoice = spec.dataset;
  const bottleneck = clampBottleneck(spec.bottleneck);
  // The Settings view's controls (branch lab), each put back on what its control offers: a value the controls
  // cannot take changes the re-planned setup, so the comparison below refuses the link.
  const hyper = clampHyper(
    {
      learningRate: training.learningRate ?? base.learningRate,
      steps: training.steps ?? base.steps,
      batchSize: training.batchSize ?? base.batchSize,
      loss: training.loss ?? base.loss,
      activation: spec.activation ?? base.activation,
      depth: spec.hidden.length,
      ...(spec.beta === undefined ? {} : { beta: spec.beta }),
      ...(spec.sparsity ? { rho: spec.sparsity.rho, sparsityWeight: spec.sparsity.weight } : {}),
      ...(spec.k === undefined ? {} : { k: spec.k }),
      ...(spec.vq ? { codebookSize: spec.vq.codebookSize, slots: spec.vq.slots } : {}),
    },
    bottleneck,
  );
  const config: LabConfig = {
    ...base,
    ...hyper,
    dataset,
    kind: spec.kind,
    bottleneck,
    hiddenWidth: clampHiddenWidth(spec.hidden[0] ?? base.hiddenWidth),
  };
  const noise = spec.noise;
  if (noise && noise.type !== 'none' && noise.type !== 'mixed') {
    const type: NoiseType = noise.type;
    const level =
      noise.type === 'gaussian'
        ? noise.sigma
        : noise.type === 'saltPepper'
          ? noise.amount
          : noise.type === 'masking'
            ? noise.fraction
            : noise.size / SIDES[dataset];
    Object.assign(config, { noiseType: type, noiseLevel: clampNoiseLevel(level) });
  }
  return sameSetup(labSetupOf(config), setup) ? config : null;
}
