/**
 * The "match %" the UI shows beside a target and the current decode (Navigator, Blend, Difference, ...):
 *
 *   match(target, decode) = 100 · clamp(SSIM(target, decode), 0, 1)
 *
 * Why SSIM alone: it already compares brightness (μ), contrast (σ) and structure (σxy) window by window, so a
 * decode with the right strokes in the right places scores high and a blurred, shifted or different digit
 * scores low, which is what a player judges by eye; MSE rewards a grey smudge over a sharp stroke one pixel
 * off. Negative SSIM (anti-correlated images) is clipped to 0 %. 100 % means identical images. Caveat: with
 * the standard tiny C1, SSIM is harsh on faint grey in blank areas (0.01 vs 0.00), so levels draw their targets
 * from the same decoder as the player's decode (a decoded code or a reconstruction), never from raw MNIST.
 */
import { ssim, type SsimOptions } from './ssim';

export function matchPercent(target: ArrayLike<number>, decode: ArrayLike<number>, options: SsimOptions = {}): number {
  const s = ssim(target, decode, options);
  return 100 * Math.min(1, Math.max(0, s));
}
