/**
 * The game measures levels with the shared harness (src/shared/levels/measure), the same code the solver bots
 * and the classroom server score with, through the ML bridge: this adapts the bridge to the harness's engine
 * interface.
 */
import type { PretrainedEngine, TrainedMeasureEngine } from '../../shared/levels/measure';
import type { MlBridge } from '../ml/bridge';

export type { HeldOutPreview } from '../../shared/levels/measure';

/** Held-out images in the "after training" rows. */
export const HELD_OUT_PREVIEW = 10;

/**
 * The worker calls measuring needs, each with the bridge's start and crash handling. The bridge transfers the
 * arrays given to reconstruct, encode and decode (the harness never reuses them).
 */
export function bridgeEngine(bridge: MlBridge): TrainedMeasureEngine & PretrainedEngine {
  return {
    loadDataset: (name) => bridge.loadDataset(name),
    getImages: (name, split, offset, count) => bridge.getImages(name, split, offset, count),
    reconstruct: (modelId, images) => bridge.reconstruct(modelId, images),
    encode: (modelId, images) => bridge.encode(modelId, images),
    decode: (modelId, codes) => bridge.decode(modelId, codes),
    evaluate: (modelId, split, loss, limit) => bridge.evaluate(modelId, split, loss, limit),
    pca: (dataset, k) => bridge.call((api) => api.pca(dataset, k)),
    classify: (images) => bridge.call((api) => api.classify(images)),
    loadPretrained: (name) => bridge.call((api) => api.loadPretrained(name)),
  };
}
