/**
 * World 5 generators (issue 12), played by real input: Digits on demand (pick a class, move the probe on the
 * style map, Write; the written digit's scores come from the shared measure) and Codebook (choose K and the
 * slots, Train, a scored VQ-VAE run, its codebook decoded under the controls) at 1280x720; Digits on demand's
 * looks counted by real drags (a decode where the probe is dropped); then each page turned to 390x844 (the level
 * rebuilds), with a screenshot.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getLevel } from '../../src/shared/levels';
import { clickWidget, launchChromium, openGame } from './browser';

const baseUrl = inject('baseUrl');
const ARTIFACTS = 'test-results';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const level = (page: Page) => page.evaluate(() => window.__latentQuest!.level());
const bounds = (page: Page, id: string) => page.evaluate((wid) => window.__latentQuest!.uiBounds(wid), id);

async function waitForStatus(page: Page, statuses: string[], timeout = 120_000): Promise<void> {
  await page.waitForFunction((s) => s.includes(window.__latentQuest!.level()?.status ?? ''), statuses, {
    timeout,
    polling: 100,
  });
}

describe('world 5 generators (codebook)', () => {
  it('Digits on demand: class buttons, probe and Write by mouse; the written digit is scored', async () => {
    const { page, consoleErrors } = await openGame(browser, baseUrl, '?level=digits-on-demand');
    await clickWidget(page, 'level:start');
    await page.waitForFunction(
      () => window.__latentQuest!.level()?.status === 'idle' && window.__latentQuest!.uiBounds('map:area') !== null,
      undefined,
      { timeout: 60_000 },
    );
    let s = (await level(page))!;
    expect(s.conditional?.cardStyle?.strokeWidth).toBeGreaterThan(3);
    const area = (await bounds(page, 'map:area'))!;
    // Class 2, a tap on the map decodes a 2 there (one look), Write stores it.
    await clickWidget(page, 'cond:digit:2');
    const looks = s.conditional!.looks;
    await page.mouse.click(area.x + area.width * 0.35, area.y + area.height * 0.3);
    await page.waitForFunction((n) => (window.__latentQuest!.level()?.conditional?.looks ?? 0) > n, looks, {
      timeout: 20_000,
    });
    s = (await level(page))!;
    expect(s.conditional!.digit).toBe(2);
    await clickWidget(page, 'map:place');
    await page.waitForFunction(() => window.__latentQuest!.level()?.conditional?.written[2] != null, undefined, {
      timeout: 20_000,
    });
    s = (await level(page))!;
    const written = s.conditional!.written[2]!;
    expect(written.style).toBeGreaterThanOrEqual(0);
    expect(written.style).toBeLessThanOrEqual(100);
    expect(written.score).toBeLessThanOrEqual(written.style);
    // After a Write the next class not yet written is picked: 0.
    expect(s.conditional!.digit).toBe(0);
    expect(s.status).toBe('idle');
    // Fewer decodes, more stars: a drag decodes only where it is dropped (one look, not one per frame); dropping
    // on a spot seen before for the class costs nothing.
    const beforeDrag = s.conditional!.looks;
    await page.mouse.move(area.x + area.width * 0.3, area.y + area.height * 0.6);
    await page.mouse.down();
    await page.mouse.move(area.x + area.width * 0.7, area.y + area.height * 0.35, { steps: 12 });
    await page.waitForTimeout(300);
    expect((await level(page))!.conditional!.looks).toBe(beforeDrag);
    await page.mouse.up();
    await page.waitForFunction((n) => window.__latentQuest!.level()!.conditional!.looks === n + 1, beforeDrag, {
      timeout: 20_000,
    });
    await page.waitForTimeout(300);
    expect((await level(page))!.conditional!.looks).toBe(beforeDrag + 1);
    // The same play on a phone: the level rebuilds for 390x844 and its own controls fit the width.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(
      (w) => {
        const b = window.__latentQuest!.uiBounds(w);
        return b !== null && b.x + b.width <= 390;
      },
      'cond:digit:9',
      { timeout: 20_000 },
    );
    const box = (await bounds(page, 'cond:digit:9'))!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${ARTIFACTS}/world5-digits-on-demand-390.png` });
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('Codebook: K and slots set the bits per image; Train scores a VQ-VAE', async () => {
    const { page, consoleErrors } = await openGame(browser, baseUrl, '?level=codebook');
    await clickWidget(page, 'level:start');
    await waitForStatus(page, ['idle']);
    await clickWidget(page, 'control:codebookSize:4');
    // Slots 1 → 3 with the keyboard on the focused slider: 3 · log2 4 = 6 bits, exactly the budget.
    const slider = (await bounds(page, 'control:slots'))!;
    await page.mouse.click(slider.x + 2, slider.y + slider.height / 2);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    let s = (await level(page))!;
    expect(s.values).toMatchObject({ codebookSize: '4', slots: 3 });
    await clickWidget(page, 'level:train');
    await waitForStatus(page, ['done']);
    s = (await level(page))!;
    expect(s.detail?.bits).toBe(6);
    expect(s.score).toBeGreaterThan(0);
    expect(s.stars).toBe(getLevel('codebook')!.score(s.payload!, s.evaluation!).stars);
    // The decoded codebook under the controls: K 4 × 3 slots, every entry of it shown, the used ones counted.
    expect(s.codebook).toMatchObject({ size: 4, slots: 3 });
    expect(s.codebook!.used).toBeGreaterThanOrEqual(2);
    expect(s.codebook!.used).toBeLessThanOrEqual(4);
    const grid = (await bounds(page, 'level:codebook:grid'))!;
    const card = (await bounds(page, 'level:codebook'))!;
    expect(grid.width).toBeGreaterThan(100);
    expect(grid.y + grid.height).toBeLessThanOrEqual(card.y + card.height);
    await page.screenshot({ path: `${ARTIFACTS}/world5-codebook-1280.png` });
    // The same play on a phone: the level rebuilds for 390x844 and its own controls fit the width.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(
      (w) => {
        // The rebuilt phone scene (the landscape one's controls also end left of 390 px; its Train button does not).
        const b = window.__latentQuest!.uiBounds(w);
        const train = window.__latentQuest!.uiBounds('level:train');
        return b !== null && b.x + b.width <= 390 && train !== null && train.x + train.width <= 390;
      },
      'control:slots',
      { timeout: 20_000 },
    );
    const box = (await bounds(page, 'control:slots'))!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${ARTIFACTS}/world5-codebook-390.png` });
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
