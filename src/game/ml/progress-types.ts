/**
 * The one home of the training-view types the Lab and the levels share: loss chart points and preview image
 * rows, and how a worker progress event's preview becomes rows.
 */
import type { TrainProgress } from '../../shared/worker-api';

export interface LossPoint {
  step: number;
  total: number;
  reconstruction: number;
  kl?: number;
}

export interface PreviewImages {
  width: number;
  height: number;
  count: number;
  inputs: Float32Array;
  corrupted?: Float32Array;
  outputs?: Float32Array;
}

export interface ImageRows extends PreviewImages {
  /** 'training': live previews of training images; 'heldOut': the measured held-out images. */
  source: 'training' | 'heldOut';
  /** Two forces: decoded draws z ~ N(0, I) of the trained model (after a run, `count` of them). */
  prior?: Float32Array;
}

/** A progress event's preview as image rows of `width`×`height` images (undefined when it has none). */
export function previewOf(p: TrainProgress, width: number, height: number): PreviewImages | undefined {
  if (!p.preview) return undefined;
  return {
    width,
    height,
    count: p.preview.count,
    inputs: p.preview.inputs,
    outputs: p.preview.outputs,
    ...(p.preview.corrupted ? { corrupted: p.preview.corrupted } : {}),
  };
}

/** A progress event's loss as a chart point at `step`. */
export function lossPointOf(p: TrainProgress, step: number): LossPoint {
  return {
    step,
    total: p.loss.total,
    reconstruction: p.loss.reconstruction,
    ...(p.loss.kl !== undefined ? { kl: p.loss.kl } : {}),
  };
}
