/** The judge: the shipped MNIST classifier behind classify(), kept on the current backend. */
import * as tf from '@tensorflow/tfjs';
import { check } from '../shared/errors';
import type { ClassifyResult } from '../shared/worker-api';
import { input, type EngineContext } from './engine-context';
import { buildClassifier, classifyImages, type Classifier } from './models/classifier';
import { JUDGE, type PretrainedAssets } from './pretrained-assets';

const MAX_CLASSIFY = 10_000;

export class Judge {
  private judge: { backend: string; generation: number; model: Classifier } | null = null;

  constructor(
    private readonly ctx: EngineContext,
    private readonly assets: PretrainedAssets,
  ) {}

  async classify(images: Float32Array): Promise<ClassifyResult> {
    input(images instanceof Float32Array, 'The images must be a Float32Array.');
    const model = await this.model();
    const size = model.shape.inputSize;
    input(
      images.length > 0 && images.length % size === 0,
      `Expected whole 28x28 images of ${size} pixels, but got ${images.length} numbers.`,
    );
    const count = images.length / size;
    input(count <= MAX_CLASSIFY, `At most ${MAX_CLASSIFY.toLocaleString('en')} images per call, please.`);
    for (let i = 0; i < images.length; i++)
      input(Number.isFinite(images[i]), 'The images contain a value that is not a finite number.');
    return { probabilities: await classifyImages(model, images), count, classes: model.shape.classes };
  }

  /** The judge's tensors on the current backend (rebuilt after a backend change). */
  private async model(): Promise<Classifier> {
    const asset = await this.assets.get(JUDGE);
    await this.ctx.ready();
    const backend = tf.getBackend();
    const generation = this.ctx.generation();
    if (this.judge && this.judge.backend === backend && this.judge.generation === generation) return this.judge.model;
    try {
      this.judge?.model.dispose();
    } catch {
      // Tensors of a lost WebGL context.
    }
    const shape = asset.manifest.classifier;
    check(
      shape !== undefined,
      'WEIGHTS_NOT_FOUND',
      'The judge could not be loaded (its description has no classifier shape).',
    );
    const model = buildClassifier(shape, 0);
    tf.tidy(() =>
      model.weights.forEach((w, i) => w.variable.assign(tf.tensor(asset.arrays[i], w.variable.shape, 'float32'))),
    );
    this.judge = { backend, generation, model };
    return model;
  }
}
