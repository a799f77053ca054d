/**
 * Draw your own digit (#14): a digit drawn by mouse and one by touch reach the pretrained VAE through the MNIST
 * pre-processing; the screen shows the code on the latent map and the judge's verdict. A kept digit, a letter tapped
 * on the 7x5 pad (its reconstruction), kept as my A, and removed from Mine. Screenshots:
 * test-results/draw-*.png.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { clickWidget, gotoGame, launchChromium, openGame } from './browser';

const baseUrl = inject('baseUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const drawn = (page: Page) => page.evaluate(() => window.__latentQuest!.drawn());

async function padBox(page: Page) {
  const box = await page.evaluate(() => window.__latentQuest!.uiBounds('draw:pad'));
  if (!box) throw new Error('the drawing pad is not on screen');
  return box;
}

/** A real touch drag through the DevTools protocol (Playwright's touchscreen only taps). */
async function touchPath(cdp: CDPSession, points: { x: number; y: number }[]): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [points[0]] });
  for (const p of points.slice(1)) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

it('a digit drawn by mouse and one by touch land on the latent map with the judge’s verdict', async () => {
  // The Lab's "Draw a digit" button opens the screen.
  const { page, consoleErrors: errors } = await openGame(browser, baseUrl, '?scene=lab', undefined, { hasTouch: true });
  const context = page.context();
  await clickWidget(page, 'lab:draw');
  await page.waitForFunction(() => window.__latentQuest!.scene() === 'Draw' && window.__latentQuest!.ready, undefined, {
    timeout: 90_000,
  });
  expect(await drawn(page)).toBeNull();

  // A "1" by mouse: one stroke down the middle of the pad.
  let box = await padBox(page);
  await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.15);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(box.x + box.width * (0.52 - i * 0.006), box.y + box.height * (0.15 + i * 0.06));
  await page.mouse.up();
  await page.waitForFunction(() => window.__latentQuest!.drawn() !== null, undefined, { timeout: 30_000 });
  const one = (await drawn(page))!;
  expect(one.verdict.digit).toBe(1);
  expect(one.verdict.probability).toBeGreaterThan(0.5);
  expect(one.error).toBeGreaterThan(0);
  expect(one.worseThan).toBeGreaterThanOrEqual(0);
  expect(one.worseThan).toBeLessThanOrEqual(1);
  // Its code is inside the map's box, with the held-out digits.
  const map = await page.evaluate(() => window.__latentQuest!.uiBounds('draw:map'));
  expect(map).not.toBeNull();
  await page.screenshot({ path: 'test-results/draw-mouse-1280.png' });

  // Clear empties the pad and the analysis.
  await clickWidget(page, 'draw:clear');
  await page.waitForFunction(() => window.__latentQuest!.drawn() === null, undefined, { timeout: 10_000 });

  // A "7" by touch: the top bar, then the diagonal.
  box = await padBox(page);
  const at = (fx: number, fy: number) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
  const cdp = await context.newCDPSession(page);
  const seven = [at(0.25, 0.2), at(0.4, 0.2), at(0.55, 0.2), at(0.72, 0.2)];
  for (let i = 1; i <= 8; i++) seven.push(at(0.72 - i * 0.03, 0.2 + i * 0.08));
  await touchPath(cdp, seven);
  await page.waitForFunction(() => window.__latentQuest!.drawn() !== null, undefined, { timeout: 30_000 });
  const second = (await drawn(page))!;
  expect(second.code).not.toEqual(one.code);
  expect(second.verdict.digit).toBeGreaterThanOrEqual(0);
  expect(second.verdict.digit).toBeLessThanOrEqual(9);
  await page.screenshot({ path: 'test-results/draw-touch-1280.png' });

  // Keep it (the save holds it with the judge's digit), then a letter tapped on the 7x5 pad: its reconstruction.
  const drawings = () => page.evaluate(() => window.__latentQuest!.getState().progress.drawings);
  await clickWidget(page, 'draw:keep');
  await page.waitForFunction(() => window.__latentQuest!.getState().progress.drawings.digits.length === 1);
  expect((await drawings()).digits).toEqual([second.verdict.digit]);
  await clickWidget(page, 'draw:mode:letter');
  const letterBox = (await page.evaluate(() => window.__latentQuest!.uiBounds('draw:letterPad')))!;
  const tap = (col: number, row: number) =>
    page.mouse.click(
      letterBox.x + ((col + 0.5) * letterBox.width) / 5,
      letterBox.y + ((row + 0.5) * letterBox.height) / 7,
    );
  for (let row = 0; row < 7; row++) await tap(0, row); // an L: the left column…
  for (let col = 1; col < 5; col++) await tap(col, 6); // …and the bottom row
  await page.waitForFunction(() => window.__latentQuest!.drawnLetter() !== null, undefined, { timeout: 30_000 });
  const letter = (await page.evaluate(() => window.__latentQuest!.drawnLetter()))!;
  expect(letter.code).toHaveLength(4);
  expect(letter.nearest).toMatch(/^[A-Z]$/);
  expect(letter.error).toBeLessThan(0.25);
  await clickWidget(page, 'draw:keep');
  await page.waitForFunction(() => window.__latentQuest!.getState().progress.drawings.letters.length === 1);
  expect((await drawings()).letters).toEqual(['A']);
  // Mine lists both; a tap removes one.
  await clickWidget(page, 'draw:mode:mine');
  await clickWidget(page, 'card:0');
  await page.waitForFunction(() => window.__latentQuest!.getState().progress.drawings.digits.length === 0);
  expect((await drawings()).letters).toEqual(['A']);
  await page.screenshot({ path: 'test-results/draw-mine-1280.png' });
  expect(errors).toEqual([]);
  await context.close();
});

it('after Blend is won, a kept digit is a card: decoded live, Check off', async () => {
  // A save with Blend won and one kept digit (a bar: a 1), as the Draw screen's Keep writes it.
  const bar = Array.from({ length: 784 }, (_, i) => (i % 28 === 13 && i >= 4 * 28 && i < 24 * 28 ? 255 : 0));
  const pixels = Buffer.from(bar).toString('base64');
  const save = JSON.stringify({
    state: {
      settings: { backend: 'auto', renderer: 'auto', sound: false, reducedMotion: true, locale: 'en' },
      progress: {
        levels: { blend: { stars: 1, bestScore: 80, bestPayload: null, attempts: 1 } },
        drawings: { digits: [{ pixels, label: 1 }], letters: [] },
      },
    },
    version: 2,
  });
  const { page, consoleErrors: errors } = await openGame(browser, baseUrl, '?level=blend');
  await page.evaluate((s) => localStorage.setItem('latent-quest:settings', s), save);
  await gotoGame(page, baseUrl, '?level=blend');
  await clickWidget(page, 'level:start');
  const values = () => page.evaluate(() => window.__latentQuest!.level()?.values ?? {});
  await page.waitForFunction(() => Number(window.__latentQuest!.level()?.values.cards ?? 0) > 0, undefined, {
    timeout: 60_000,
  });
  const cards = Number((await values()).cards);
  expect(cards).toBe(7); // Blend's six cards and "your 1"
  await clickWidget(page, `card:${cards - 1}`);
  await page.waitForFunction(() => Number(window.__latentQuest!.level()?.values.live ?? -1) >= 0, undefined, {
    timeout: 30_000,
  });
  expect((await values()).ownTerms).toBe(true);
  await clickWidget(page, 'level:train'); // Check is off: nothing is scored
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__latentQuest!.level()?.score ?? null)).toBeNull();
  await page.screenshot({ path: 'test-results/draw-own-card-1280.png' });
  expect(errors).toEqual([]);
  await page.context().close();
});
