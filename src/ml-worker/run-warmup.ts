/**
 * A level asks for the run its controls would start as soon as it opens, and again when they settle
 * (`warmKernels`), and the engine trains a throwaway copy of that model through the real job path (its data
 * uploaded to the device cache: gather, forward, loss, Adam, the read-back, a preview) so the player's first
 * Train does not pay for first use (issue 15: first stars in time, steps and an ETA from the first step):
 * - software WebGL (SwiftShader, llvmpipe) compiles every shader program on first use: seconds before the first
 *   step showed. Two steps of the run compile its programs while the player reads the card.
 * - WASM: the first run in a page was ~0.5 s slower than the next (V8 tiering up the loop's hot WebAssembly and
 *   JavaScript). Forty steps once per worker.
 * Hardware GL compiles in milliseconds and the CPU backend compiles nothing: nothing is done there. A real run
 * that arrives meanwhile waits for the warm-up's few steps (Engine.train).
 */
import type { ModelSpec, TrainConfig } from '../shared/worker-api';

/** The engine calls the warm-up needs (its own public ones: validation, data selection and jobs included). */
export interface WarmUpEngine {
  createModel(spec: ModelSpec, options?: { id?: string }): Promise<{ modelId: string }>;
  disposeModel(modelId: string): Promise<void>;
  runJob(modelId: string, config: TrainConfig, onProgress: () => void): Promise<unknown>;
}

export const WARM_UP_STEPS = 2;
let seq = 0;

/** `steps` throwaway training steps of `spec` with `config`'s loss, optimizer, batch and data; the model is freed. */
export async function warmRun(
  engine: WarmUpEngine,
  spec: ModelSpec,
  config: Omit<TrainConfig, 'jobId'>,
  steps = WARM_UP_STEPS,
): Promise<void> {
  const id = `warm-up-${++seq}`;
  const { modelId } = await engine.createModel(spec, { id });
  try {
    const { epochs: _epochs, checkpointIntervalMs: _c, checkpointKey: _k, ...rest } = config;
    await engine.runJob(
      modelId,
      {
        ...rest,
        jobId: id,
        steps,
        progressIntervalMs: 0,
        previewCount: Math.min(2, config.previewCount ?? 2),
      },
      () => {},
    );
  } finally {
    await engine.disposeModel(modelId);
  }
}
