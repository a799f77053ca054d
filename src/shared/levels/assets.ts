/**
 * Pretrained models the map and arithmetic levels start from, identical for every player. `npm run pretrain`
 * (scripts/pretrain.ts) produces exactly these, from these specs, seeds and budgets, into assets/pretrained:
 * this table is its input, so a level and its model cannot drift apart. Change a row ⇒ rerun the script.
 */
import type { ModelSpec, PretrainedAssetName, TrainConfig } from '../worker-api';

export type { PretrainedAssetName };

export type PretrainedAssetPlan =
  | {
      kind: 'autoencoder';
      purpose: string;
      spec: ModelSpec;
      train: Omit<TrainConfig, 'jobId'>;
      /** Glyph characters left out of training (Letter forge: the letter the player forges). */
      excludeChars?: readonly string[];
      /** Also store the 1st–99th percentile box of the encoded training codes (Holes in the map's 'dataBox'). */
      storeCodeBox?: boolean;
    }
  | {
      kind: 'classifier';
      purpose: string;
      /** Dense 784 → hidden → 10 softmax, trained on the MNIST training split only. */
      hidden: readonly number[];
      epochs: number;
      seed: number;
    };

const mnistTrain = (epochs: number, seed: number): Omit<TrainConfig, 'jobId'> => ({
  epochs,
  batchSize: 64,
  optimizer: 'adam',
  learningRate: 1e-3,
  loss: 'bce',
  seed,
  split: 'train',
});

export const PRETRAINED_ASSETS: Readonly<Record<PretrainedAssetName, PretrainedAssetPlan>> = {
  'mnist-ae-2d': {
    kind: 'autoencoder',
    purpose: 'Holes in the map: a plain 2-D AE whose map has gaps between the clusters.',
    spec: { kind: 'dense', dataset: 'mnist', hidden: [256, 64], bottleneck: 2, activation: 'relu', seed: 9001 },
    train: mnistTrain(20, 9001),
    storeCodeBox: true,
  },
  'mnist-vae-2d': {
    kind: 'autoencoder',
    purpose: 'Holes (side by side), Navigator, Dream digits, The path: a 2-D VAE whose map is filled by the KL term.',
    spec: { kind: 'vae', dataset: 'mnist', hidden: [256, 64], bottleneck: 2, activation: 'relu', beta: 1, seed: 9002 },
    // 40 epochs: at 20 the 2s, 4s and 5s never decode cleanly enough for the judge (Dream digits needs all ten).
    train: mnistTrain(40, 9002),
    storeCodeBox: true,
  },
  'mnist-vae-16d': {
    kind: 'autoencoder',
    purpose: 'World 4 arithmetic on digits: enough dimensions for style (thickness, slant) to separate from class.',
    spec: { kind: 'vae', dataset: 'mnist', hidden: [256], bottleneck: 16, activation: 'relu', beta: 1, seed: 9003 },
    train: mnistTrain(20, 9003),
  },
  'letters-vae-forge': {
    kind: 'autoencoder',
    purpose: 'Letter forge: a small VAE on the 7x5 letters without E, so E must be forged from other codes.',
    spec: { kind: 'vae', dataset: 'glyphs', hidden: [32], bottleneck: 4, activation: 'tanh', beta: 0.5, seed: 9004 },
    train: {
      steps: 4000,
      batchSize: 25,
      optimizer: 'adam',
      learningRate: 0.01,
      loss: 'bce',
      seed: 9004,
      split: 'train',
      limit: 26,
    },
    excludeChars: ['E'],
  },
  'mnist-cvae-2d': {
    kind: 'autoencoder',
    purpose:
      'Digits on demand: a 2-D conditional VAE; the label picks the digit, the two code numbers carry its style.',
    spec: { kind: 'cvae', dataset: 'mnist', hidden: [256, 64], bottleneck: 2, activation: 'relu', beta: 1, seed: 9006 },
    train: mnistTrain(20, 9006),
    storeCodeBox: true,
  },
  'mnist-judge': {
    kind: 'classifier',
    purpose: 'The judge: "is this a clean digit?" for Holes, Dream digits and The path.',
    // 784-256-10: 97.4 % held out (784-128-10 reached 96.95 %); trained with ±1 px shifts (scripts/pretrain.ts).
    hidden: [256],
    epochs: 30,
    seed: 9005,
  },
};
