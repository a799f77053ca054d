/**
 * `npm run bench`'s software WebGL row (issue 15): a player who forces WebGL in Settings on a software renderer
 * (headless Chromium's SwiftShader is one) must still see steps, loss and an ETA from the first step, and the game
 * must stay responsive. One MNIST level (Beat PCA, the screen-only reader's first settings) on `?backend=webgl`
 * (the same preference the Settings choice sets), in the real Level scene: seconds from pressing Train to the
 * first progress event on screen, frames idle and while it trains; the run is stopped after STOP_AFTER_MS.
 */
import type { Browser } from 'playwright-core';
import type {} from '../src/game/test-api';
import { trainedLadder } from './bench-level-figures';
import { LEVELS } from '../src/shared/levels';

export const SOFTWARE_WEBGL_LEVEL = 'beat-pca';
const STOP_AFTER_MS = 12_000;
/** Seconds the concept card is read before it is dismissed (the other rows dismiss it at once: nothing to compile). */
const CARD_MS = 5000;
/** The target: the first step on screen within this long, and no frame gap over this. */
const FIRST_PROGRESS_SECONDS = 3;
const MAX_GAP_MS = 100;

export interface SoftwareWebglRow {
  level: string;
  /** What the worker ran on (webgl when forcing worked) and its renderer. */
  backend: string | null;
  renderer: string | null;
  isSoftwareGl: boolean | null;
  secondsToFirstProgress: number | null;
  /** Of which preparing (model, data on the device) before the first step started. */
  secondsToTraining: number | null;
  etaAtFirstProgress: boolean | null;
  idleFps: number | null;
  fps: number | null;
  maxGapMs: number | null;
  error: string | null;
}

const round = (v: number): number => Number(v.toPrecision(4));

export async function benchSoftwareWebgl(browser: Browser, baseUrl: string, query = ''): Promise<SoftwareWebglRow> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const row: SoftwareWebglRow = {
    level: SOFTWARE_WEBGL_LEVEL,
    backend: null,
    renderer: null,
    isSoftwareGl: null,
    secondsToFirstProgress: null,
    secondsToTraining: null,
    etaAtFirstProgress: null,
    idleFps: null,
    fps: null,
    maxGapMs: null,
    error: null,
  };
  try {
    await page.goto(new URL(`?level=${SOFTWARE_WEBGL_LEVEL}&backend=webgl${query}`, baseUrl).toString());
    await page.waitForFunction(
      () => window.__latentQuest?.ready === true && window.__latentQuest.scene() === 'Level',
      undefined,
      { timeout: 60_000 },
    );
    const level = LEVELS.find((l) => l.id === SOFTWARE_WEBGL_LEVEL);
    const ladder = level ? trainedLadder(level).slice(0, 1) : [{}];
    const r = await page.evaluate((o) => window.__latentQuest!.debug.benchTrainedLevel(o), {
      ladder,
      idleMs: 2000,
      // A player reads the concept card a while (the worker compiles the level's programs meanwhile: run-warmup.ts).
      cardMs: CARD_MS,
      stopAfterMs: STOP_AFTER_MS,
    });
    const info = await page.evaluate(() => window.__latentQuest!.getState().lab.backendInfo);
    const a = r.attempts[0];
    Object.assign(row, {
      backend: info?.backend ?? null,
      renderer: info?.renderer ?? null,
      isSoftwareGl: info?.isSoftwareGl ?? null,
      secondsToFirstProgress: a?.firstProgressSeconds == null ? null : round(a.firstProgressSeconds),
      secondsToTraining: a?.secondsToTraining == null ? null : round(a.secondsToTraining),
      etaAtFirstProgress: a?.etaAtFirstProgress ?? null,
      idleFps: round(r.idle.fps),
      fps: a ? round(a.frames.fps) : null,
      maxGapMs: a ? round(a.frames.maxGapMs) : null,
    });
  } catch (error) {
    row.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await context.close();
  }
  return row;
}

/** True when software WebGL showed its first step (with an ETA) in time and kept frames flowing; null: not run. */
export function softwareWebglUsable(row: SoftwareWebglRow | null): boolean | null {
  if (!row || row.error) return row ? false : null;
  return (
    row.backend === 'webgl' &&
    row.secondsToFirstProgress !== null &&
    row.secondsToFirstProgress <= FIRST_PROGRESS_SECONDS &&
    row.etaAtFirstProgress === true &&
    row.maxGapMs !== null &&
    row.maxGapMs <= MAX_GAP_MS
  );
}
