/**
 * Software WebGL (SwiftShader, llvmpipe) compiles every shader program a training step needs the first time it
 * runs: seconds before the first step of the first run shows (issue 15: steps and an ETA from the first step).
 * Right after the engine picks such a WebGL, this trains tiny throwaway models of the common shapes for two steps
 * each, through the real training loop (gather, forward, loss, Adam, the read-back, a preview), so the programs
 * are compiled and cached while the player still reads a card; with shapes passed as uniforms on software GL
 * (backend.ts) the cached programs serve every model size. The engine's calls wait for it to end (`ready()`).
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName, LossName, ModelSpec, TrainConfig } from '../shared/worker-api';
import { JobControl } from './jobs';
import { buildAutoencoder } from './models/autoencoder';
import { runTraining, type TrainData, type TrainHost } from './train';

const SIDE = 28;
const EXAMPLES = 16;

/** The shapes of model most levels and the Lab train first: dense relu/BCE, linear/MSE, tanh, and a VAE. */
const WARM_MODELS: readonly { spec: ModelSpec; loss: LossName }[] = [
  { spec: { kind: 'dense', dataset: 'mnist', hidden: [8], bottleneck: 2, activation: 'relu', seed: 1 }, loss: 'bce' },
  {
    spec: { kind: 'dense', dataset: 'mnist', hidden: [8], bottleneck: 2, activation: 'relu', linear: true, seed: 1 },
    loss: 'mse',
  },
  { spec: { kind: 'dense', dataset: 'mnist', hidden: [8], bottleneck: 2, activation: 'tanh', seed: 1 }, loss: 'bce' },
  { spec: { kind: 'vae', dataset: 'mnist', hidden: [8], bottleneck: 2, activation: 'relu', seed: 1 }, loss: 'bce' },
];

async function warmOne(spec: ModelSpec, loss: LossName, backend: BackendName): Promise<void> {
  const model = buildAutoencoder(spec, { width: SIDE, height: SIDE, classes: 10 });
  const images = new Float32Array(EXAMPLES * SIDE * SIDE).map((_, i) => (i % 7) / 7);
  const data: TrainData = { images, labels: new Uint8Array(EXAMPLES), count: EXAMPLES };
  const x = tf.tensor2d(images, [EXAMPLES, SIDE * SIDE]);
  const host: TrainHost = {
    model: () => model,
    deviceData: () => ({ x, oneHot: null }),
    backend: () => backend,
    contextWatch: () => null,
    recoverFromContextLoss: () => Promise.reject(new Error('The warm-up does not recover.')),
    keepSnapshot: () => {},
    checkpoint: () => Promise.resolve(),
    generation: () => 0,
  };
  const config: TrainConfig = {
    jobId: 'webgl-warm-up',
    steps: 2,
    batchSize: 8,
    optimizer: 'adam',
    learningRate: 1e-3,
    loss,
    seed: 1,
    progressIntervalMs: 0,
    previewCount: 2,
  };
  try {
    await runTraining(host, data, config, new JobControl(config.jobId), () => {});
  } finally {
    x.dispose();
    model.dispose();
  }
}

/**
 * Trains the warm-up models on the current backend (every tensor disposed); false when one failed, which only
 * skips the rest: a lost context or an odd driver, the first real run then compiles what it needs, as before.
 */
export async function warmTrainingKernels(): Promise<boolean> {
  const backend = tf.getBackend() as BackendName;
  for (const { spec, loss } of WARM_MODELS) {
    try {
      await warmOne(spec, loss, backend);
    } catch {
      return false;
    }
  }
  return true;
}

/** The engine's call: only on WebGL (software GL, where compiling takes seconds). */
export async function warmWebglKernels(): Promise<void> {
  if (tf.getBackend() === 'webgl') await warmTrainingKernels();
}
