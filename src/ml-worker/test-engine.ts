/**
 * The engine with the calls only tests and `npm run bench` make (MlWorkerTestApi): the worker uses it in the
 * test build (`__LQ_TEST_HOOKS__`), Node tests construct it directly. The shipped worker uses the plain Engine,
 * so neither call (nor the model.fit yardstick) is in its bundle.
 */
import { check } from '../shared/errors';
import { validateModelSpec } from '../shared/model-spec-validation';
import type { BackendName, BenchFitOptions, MlWorkerTestApi, ModelSpec } from '../shared/worker-api';
import { benchModelFit, type FitMeasurement, type FitOptions } from './bench-fit';
import { splitData } from './datasets';
import { Engine } from './engine';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export class TestEngine extends Engine implements MlWorkerTestApi {
  /** Loses the WebGL context (WEBGL_lose_context) as a driver crash would; false when there is none. */
  async loseWebGlContext(): Promise<boolean> {
    return this.choice?.backend === 'webgl' && this.watch.loseContext();
  }

  /** The yardstick: tfjs model.fit on the same dense model, same batch, for `steps` steps (default Adam 1e-3, MSE). */
  async benchFit(
    spec: ModelSpec,
    batchSize: number,
    steps: number,
    options?: BenchFitOptions,
  ): Promise<FitMeasurement & { backend: BackendName }> {
    validateModelSpec(spec);
    check(
      isInt(batchSize) && batchSize >= 1 && batchSize <= 4096,
      'INVALID_CONFIG',
      'The batch size must be a whole number from 1 to 4096.',
    );
    check(
      isInt(steps) && steps >= 1 && steps <= 100_000,
      'INVALID_CONFIG',
      'Steps must be a whole number from 1 to 100,000.',
    );
    await this.ready();
    const ds = await this.dataset(spec.dataset);
    const train = splitData(ds, 'train');
    const opts: FitOptions = {
      optimizer: options?.optimizer ?? 'adam',
      learningRate: options?.learningRate ?? 1e-3,
      loss: options?.loss ?? 'mse',
    };
    const result = await benchModelFit(spec, ds.info.size, train.images, batchSize, steps, opts);
    return { ...result, backend: this.backendName() };
  }
}
