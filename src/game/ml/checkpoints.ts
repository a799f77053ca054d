import type { ModelSpec } from '../../shared/worker-api';

/** Jobs ask the worker to checkpoint this often, under checkpointKey(modelId), for crash recovery. */
export const CHECKPOINT_INTERVAL_MS = 2000;
export const checkpointKey = (modelId: string): string => `checkpoint:${modelId}`;

/**
 * What the bridge remembers so a restarted worker can get its models back: each model's spec (re-created under
 * the same id) and the training step of its last checkpoint (reported in 'restarted').
 */
export class KnownModels {
  readonly specs = new Map<string, ModelSpec>();
  readonly checkpoints = new Map<string, number>();

  forget(modelId: string): void {
    this.specs.delete(modelId);
    this.checkpoints.delete(modelId);
  }

  clear(): void {
    this.specs.clear();
    this.checkpoints.clear();
  }
}
