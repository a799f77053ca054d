/**
 * Software WebGL (SwiftShader, llvmpipe) compiles every shader program a training step needs the first time it
 * runs: seconds before the first step of a run shows (issue 15: steps and an ETA from the first step). A level
 * asks for the run its controls would start as soon as it opens (`warmKernels`): on software WebGL the engine
 * trains a throwaway copy of that model for two steps through the real job path (its data uploaded to the device
 * cache, the same programs: gather, forward, loss, Adam, the read-back, a preview), so the programs are compiled
 * and cached while the player reads the card. Elsewhere it does nothing: hardware GL compiles in milliseconds,
 * WASM and CPU compile nothing. A real run that arrives meanwhile waits for the two steps (Engine.train).
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

/** Two throwaway training steps of `spec` with `config`'s loss, optimizer, batch and data; the model is freed. */
export async function warmRun(
  engine: WarmUpEngine,
  spec: ModelSpec,
  config: Omit<TrainConfig, 'jobId'>,
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
        steps: WARM_UP_STEPS,
        progressIntervalMs: 0,
        previewCount: Math.min(2, config.previewCount ?? 2),
      },
      () => {},
    );
  } finally {
    await engine.disposeModel(modelId);
  }
}
