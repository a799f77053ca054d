/** Pure rules for lab values: ranges, defaults and the loss-history cap. Unit-tested without a store. */
import { HYPER_DEFAULTS } from './lab-hyper';
import type { LossPoint, LabConfig } from './types';

export const BOTTLENECK_MIN = 1;
export const BOTTLENECK_MAX = 64;
export const HIDDEN_WIDTHS = [32, 64, 128, 256] as const;
/** Enough points for a smooth curve; older points are thinned out instead of dropped. */
export const MAX_LOSS_POINTS = 1000;
export const MAX_NOTICES = 5;

export const DEFAULT_CONFIG: LabConfig = {
  dataset: 'mnist',
  kind: 'dense',
  bottleneck: 32,
  hiddenWidth: 128,
  noiseType: 'saltPepper',
  noiseLevel: 0.2,
  ...HYPER_DEFAULTS,
};

export function clampBottleneck(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_CONFIG.bottleneck;
  return Math.min(BOTTLENECK_MAX, Math.max(BOTTLENECK_MIN, Math.round(value)));
}

/** Snaps to the nearest allowed hidden width. */
export function clampHiddenWidth(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_CONFIG.hiddenWidth;
  let best: number = HIDDEN_WIDTHS[0];
  for (const w of HIDDEN_WIDTHS) if (Math.abs(w - value) < Math.abs(best - value)) best = w;
  return best;
}

/** 0..1 in steps of 0.05 (what the slider offers). */
export function clampNoiseLevel(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_CONFIG.noiseLevel;
  return Math.round(Math.min(1, Math.max(0, value)) * 20) / 20;
}

/** Appends a point; past the cap every other older point is dropped so the whole run stays visible. */
export function appendLossPoint(history: readonly LossPoint[], point: LossPoint): LossPoint[] {
  const next =
    history.length > 0 && history[history.length - 1].step >= point.step
      ? history.filter((p) => p.step < point.step)
      : history.slice();
  next.push(point);
  if (next.length <= MAX_LOSS_POINTS) return next;
  const thinned = next.filter((_, i) => i % 2 === 0 || i === next.length - 1);
  return thinned;
}
