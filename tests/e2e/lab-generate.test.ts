import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clickWidget, launchChromium, openGame } from './browser';

const baseUrl = inject('baseUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const bounds = (page: Page, id: string) => page.evaluate((w) => window.__latentQuest!.uiBounds(w), id);

/** What a widget shows, as the screen's pixels (PNG bytes of its box). */
async function pixelsOf(page: Page, id: string): Promise<Buffer> {
  const b = await bounds(page, id);
  if (!b) throw new Error(`widget ${id} is not on screen`);
  return page.screenshot({ clip: { x: b.x, y: b.y, width: b.width, height: b.height } });
}

/** Waits until the widget's pixels differ from `before` (the worker answered and the view redrew). */
async function changes(page: Page, id: string, before: Buffer, timeout = 20_000): Promise<Buffer> {
  const end = Date.now() + timeout;
  for (;;) {
    const now = await pixelsOf(page, id);
    if (!now.equals(before)) return now;
    if (Date.now() > end) throw new Error(`${id} did not change`);
    await page.waitForTimeout(200);
  }
}

async function trainToDone(page: Page): Promise<void> {
  await clickWidget(page, 'train');
  await page.waitForFunction(() => window.__latentQuest!.getState().lab.status === 'done', undefined, {
    timeout: 120_000,
    polling: 100,
  });
}

describe('the Lab generates (real input in headless Chromium)', () => {
  it('trains a tiny 2-D VAE, moves the probe, samples, interpolates and compares two runs', async () => {
    const { page, consoleErrors } = await openGame(browser, baseUrl, '?scene=lab');
    await clickWidget(page, 'dataset:glyphs');
    await clickWidget(page, 'kind:vae');
    // Code size 2: the slider's left end (1), then one step right with the arrow key.
    const slider = (await bounds(page, 'bottleneck'))!;
    await page.mouse.click(slider.x + 2, slider.y + slider.height / 2);
    await page.keyboard.press('ArrowRight');
    await clickWidget(page, 'lab:view:settings');
    await clickWidget(page, 'hyper:steps:200');
    expect((await page.evaluate(() => window.__latentQuest!.getState().lab.config)).bottleneck).toBe(2);
    // A control the VAE ignores is disabled: clicking it changes nothing.
    await clickWidget(page, 'hyper:codebookSize:64');
    expect((await page.evaluate(() => window.__latentQuest!.getState().lab.config)).codebookSize).toBe(16);
    await trainToDone(page);

    await clickWidget(page, 'lab:view:generate');
    await page.waitForFunction(() => window.__latentQuest!.uiBounds('map:probe') !== null, undefined, {
      timeout: 30_000,
    });
    const blank = Buffer.alloc(0);
    const probe0 = await changes(page, 'lab:gen:probe', blank);
    await page.waitForTimeout(500);
    const probeA = await pixelsOf(page, 'lab:gen:probe');
    // Drag the probe from the middle of the map to near a corner: the live decode changes.
    const map = (await bounds(page, 'map:area'))!;
    await page.mouse.move(map.x + map.width / 2, map.y + map.height * 0.45);
    await page.mouse.down();
    await page.mouse.move(map.x + map.width * 0.1, map.y + map.height * 0.1, { steps: 6 });
    await page.mouse.up();
    await changes(page, 'lab:gen:probe', probeA);
    expect(probe0.length).toBeGreaterThan(0);

    // A sheet of prior samples; a new seed draws a different sheet.
    const sheet = await pixelsOf(page, 'lab:gen:sheet');
    await clickWidget(page, 'lab:gen:seed');
    await changes(page, 'lab:gen:sheet', sheet);

    // Pick two held-out images: the strip between them appears.
    const strip = await pixelsOf(page, 'lab:gen:strip');
    await clickWidget(page, 'lab:pick:0');
    await clickWidget(page, 'lab:pick:7');
    await changes(page, 'lab:gen:strip', strip);
    await page.screenshot({ path: 'test-results/lab-generate.png' });

    // The decoded grid covers the map.
    await clickWidget(page, 'lab:gen:mode:grid');
    expect(await bounds(page, 'map:probe')).toBeNull();
    expect(await bounds(page, 'lab:gen:grid')).not.toBeNull();

    // A second run with another learning rate: the first stays beside it.
    await clickWidget(page, 'lab:view:settings');
    await clickWidget(page, 'hyper:learningRate:0.01');
    await trainToDone(page);
    await clickWidget(page, 'lab:view:compare');
    const s = await page.evaluate(() => window.__latentQuest!.getState().lab);
    expect(s.previousRun?.config.learningRate).toBe(0.005);
    expect(s.previousRun?.points).toBeGreaterThan(1);
    expect(s.config.learningRate).toBe(0.01);
    expect(await bounds(page, 'lab:compare:previous:chart')).not.toBeNull();
    expect(await bounds(page, 'lab:compare:current:images')).not.toBeNull();
    await page.screenshot({ path: 'test-results/lab-compare.png' });
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
