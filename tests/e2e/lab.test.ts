import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BACKEND_NAMES } from '../../src/shared/worker-api';
import { clickWidget, launchChromium, openGame, startFrameMonitor, stopFrameMonitor } from './browser';

const baseUrl = inject('baseUrl');
/** The Lab is the Lab now, behind the title screen; the deep link opens it directly (meta-screens.test.ts clicks there). */
const LAB = '?scene=lab';
/** Lenient bound: training on the main thread breaks it at once; the fps figures belong in the benchmark. */
const MAX_FRAME_GAP_MS = 250;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const state = (page: Page) => page.evaluate(() => window.__latentQuest!.getState());

async function waitForStep(page: Page, minStep: number, timeout = 120_000): Promise<void> {
  await page.waitForFunction((n) => (window.__latentQuest!.getState().lab.progress?.step ?? 0) >= n, minStep, {
    timeout,
    polling: 100,
  });
}

async function waitForStatus(page: Page, statuses: string[], timeout = 120_000): Promise<void> {
  await page.waitForFunction((s) => s.includes(window.__latentQuest!.getState().lab.status), statuses, {
    timeout,
    polling: 100,
  });
}

function lossFell(history: { step: number; total: number }[]): { first: number; last: number } {
  expect(history.length).toBeGreaterThan(3);
  for (const p of history) expect(Number.isFinite(p.total)).toBe(true);
  return { first: history[0].total, last: history[history.length - 1].total };
}

describe('lab in headless Chromium', () => {
  it('loads without console errors and the worker reports its backend', async () => {
    const { page, consoleErrors } = await openGame(browser, baseUrl, LAB);
    await page.waitForFunction(() => window.__latentQuest!.getState().lab.backendInfo !== null, undefined, {
      timeout: 60_000,
    });
    const s = await state(page);
    expect(BACKEND_NAMES).toContain(s.lab.backendInfo!.backend);
    expect(s.lab.backendInfo!.reason.length).toBeGreaterThan(10);
    // This machine has only software GL (SwiftShader): automatic choice must not pick WebGL.
    if (s.lab.backendInfo!.isSoftwareGl) expect(s.lab.backendInfo!.backend).toBe('wasm');
    expect(await page.evaluate(() => window.__latentQuest!.debug.workerAlive())).toBe(true);
    // The worker is a separate module chunk.
    const workers = page.workers();
    expect(workers.length).toBeGreaterThanOrEqual(1);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('trains in the worker (clicked with the mouse) without blocking the main thread', async () => {
    const { page, consoleErrors } = await openGame(browser, baseUrl, LAB);
    await clickWidget(page, 'dataset:mnist');
    await clickWidget(page, 'kind:dense');
    await startFrameMonitor(page);
    await clickWidget(page, 'train');
    await waitForStep(page, 400);
    const frames = await stopFrameMonitor(page);
    const s = await state(page);
    expect(s.lab.status).toBe('training');
    expect(s.lab.model?.dataset).toBe('mnist');
    const { first, last } = lossFell(s.lab.lossHistory);
    expect(last).toBeLessThan(first * 0.8);
    expect(s.lab.preview?.hasOutputs).toBe(true);
    expect(frames.frames).toBeGreaterThan(10);
    expect(frames.maxGap).toBeLessThan(MAX_FRAME_GAP_MS);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('cancel stops a job', async () => {
    const { page } = await openGame(browser, baseUrl, LAB);
    await clickWidget(page, 'train');
    await waitForStep(page, 50);
    await clickWidget(page, 'cancel');
    await waitForStatus(page, ['done', 'idle', 'error']);
    const s = await state(page);
    expect(s.lab.outcome?.reason).toBe('cancelled');
    const stepAtCancel = s.lab.progress!.step;
    expect(stepAtCancel).toBeLessThan(s.lab.progress!.totalSteps);
    // Nothing keeps training after the cancel.
    await page.waitForTimeout(1000);
    expect((await state(page)).lab.progress!.step).toBe(stepAtCancel);
    await page.context().close();
  });

  it('?backend=webgl trains correctly on WebGL in the worker without blocking the main thread', async () => {
    const { page, consoleErrors } = await openGame(browser, baseUrl, `${LAB}&backend=webgl`);
    await page.waitForFunction(() => window.__latentQuest!.getState().lab.backendInfo !== null, undefined, {
      timeout: 60_000,
    });
    expect((await state(page)).lab.backendInfo!.backend).toBe('webgl');
    await clickWidget(page, 'dataset:glyphs');
    await startFrameMonitor(page);
    await clickWidget(page, 'train');
    await waitForStep(page, 150);
    const frames = await stopFrameMonitor(page);
    const s = await state(page);
    expect(s.lab.backendInfo!.backend).toBe('webgl');
    const { first, last } = lossFell(s.lab.lossHistory);
    expect(last).toBeLessThan(first);
    expect(frames.maxGap).toBeLessThan(MAX_FRAME_GAP_MS);
    expect(consoleErrors).toEqual([]);
    await clickWidget(page, 'cancel');
    await page.context().close();
  });

  it('survives a lost WebGL context mid-training by moving the job to WASM', async () => {
    const { page } = await openGame(browser, baseUrl, `${LAB}&backend=webgl`);
    await clickWidget(page, 'dataset:glyphs');
    await clickWidget(page, 'train');
    await waitForStep(page, 100);
    const lost = await page.evaluate(() => window.__latentQuest!.debug.loseWebGlContext());
    expect(lost).toBe(true);
    await page.waitForFunction(() => window.__latentQuest!.getState().lab.backendInfo?.backend === 'wasm', undefined, {
      timeout: 60_000,
    });
    const stepAfterSwitch = (await state(page)).lab.progress!.step;
    await waitForStep(page, stepAfterSwitch + 100);
    const s = await state(page);
    expect(s.lab.notices.some((n) => /WASM/i.test(n.text))).toBe(true);
    const recent = s.lab.lossHistory.slice(-5);
    for (const p of recent) expect(Number.isFinite(p.total)).toBe(true);
    // Training on WASM continues from good weights, not from scratch: the loss stays below its starting value.
    expect(recent[recent.length - 1].total).toBeLessThan(s.lab.lossHistory[0].total);
    await clickWidget(page, 'cancel');
    await page.context().close();
  });

  it('survives the worker being killed mid-training and tells the player', async () => {
    const { page } = await openGame(browser, baseUrl, LAB);
    await clickWidget(page, 'train');
    // Past the first checkpoint (every ~2 s).
    await page.waitForFunction(
      () => (window.__latentQuest!.getState().lab.progress?.elapsedMs ?? 0) > 3500,
      undefined,
      {
        timeout: 60_000,
        polling: 100,
      },
    );
    await page.evaluate(() => window.__latentQuest!.debug.killWorker());
    await page.waitForFunction(
      () => window.__latentQuest!.getState().lab.notices.some((n) => n.key.startsWith('notice.workerRestarted')),
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.evaluate(() => window.__latentQuest!.debug.workerAlive())).toBe(true);
    const s = await state(page);
    const notice = s.lab.notices.find((n) => n.key.startsWith('notice.workerRestarted'))!;
    expect(notice.text).toMatch(/stopped unexpectedly/);
    expect(notice.key).toBe('notice.workerRestarted');
    // Training continues after the restart.
    const stepAfter = s.lab.progress!.step;
    await waitForStep(page, stepAfter + 100);
    expect((await state(page)).lab.status).toBe('training');
    await page.screenshot({ path: 'test-results/after-worker-kill.png' });
    await clickWidget(page, 'cancel');
    await page.context().close();
  });
});
