import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DRAG_THRESHOLD } from '../../src/game/ui/camera-scroll';
import { clickWidget, launchChromium } from './browser';

const baseUrl = inject('baseUrl');
const PHONE = { width: 390, height: 844 };
// uiBounds and the mouse are in CSS pixels; the game's 420-wide base is scaled to the 390-wide phone, so a
// drag moves the column by the same CSS distance up to the camera's whole-pixel rounding (toBeCloseTo(…, 0)).
const ARTIFACTS = 'test-results';

mkdirSync(ARTIFACTS, { recursive: true });
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const bounds = (page: Page, id: string) => page.evaluate((wid) => window.__latentQuest!.uiBounds(wid), id);
const top = async (page: Page, id: string): Promise<number> => {
  const r = await bounds(page, id);
  if (!r) throw new Error(`${id} is not on screen`);
  return r.y;
};

async function openPhone(query: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(new URL(query, baseUrl).toString());
  await page.waitForFunction(() => window.__latentQuest?.ready === true, undefined, { timeout: 60_000 });
  return { page, errors };
}

/** Presses at (x, y), moves to (x, y + dy) in steps and releases: a drag (or, under the threshold, a wobbly tap). */
async function drag(page: Page, x: number, y: number, dy: number): Promise<void> {
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + dy, { steps: 6 });
  await page.mouse.up();
}

/** The same with touch events through the DevTools protocol (Playwright's touchscreen only taps). */
async function touchDrag(page: Page, x: number, y: number, dy: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 6; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + (dy * i) / 6 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Lets the on-demand renderer draw the last scroll before a screenshot (bounds follow the camera at once). */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(300);
}

describe('phones scroll tall screens with one implementation (Level and Lab)', () => {
  it('Level: drag past the threshold scrolls, a wobble does not, the wheel clamps, Tab brings a control into view', async () => {
    const { page, errors } = await openPhone('?level=squeeze-the-alphabet');
    await clickWidget(page, 'level:start');
    await page.waitForFunction(() => window.__latentQuest!.level()?.status === 'idle', undefined, { timeout: 30_000 });
    const y0 = await top(page, 'level:train');
    // The left margin is empty space inside the band between the HUD's bars.
    await drag(page, 6, 600, -(DRAG_THRESHOLD - 3));
    expect(await top(page, 'level:train')).toBe(y0);
    await drag(page, 6, 600, -150);
    expect(await top(page, 'level:train')).toBeCloseTo(y0 - 150, 0);
    // A finger (touch events, as a phone sends them) drags it back; a tap on a control still presses it.
    await touchDrag(page, 6, 450, 150);
    expect(await top(page, 'level:train')).toBeCloseTo(y0, 0);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction((y) => (window.__latentQuest!.uiBounds('level:train')?.y ?? y) < y - 100, y0, {
      timeout: 10_000,
    });
    const scrolled = await top(page, 'level:train');
    const tanh = (await bounds(page, 'control:activation:tanh'))!;
    await page.touchscreen.tap(tanh.x + tanh.width / 2, tanh.y + tanh.height / 2);
    await page.waitForFunction(() => window.__latentQuest!.level()?.values.activation === 'tanh', undefined, {
      timeout: 10_000,
    });
    expect(await top(page, 'level:train')).toBe(scrolled);
    await page.mouse.wheel(0, -5000);
    await page.waitForFunction((y) => window.__latentQuest!.uiBounds('level:train')?.y === y, y0, { timeout: 10_000 });
    await drag(page, 6, 600, -150);
    // A press on the HUD's top bar does not drag the column.
    await drag(page, 6, 120, 100);
    expect(await top(page, 'level:train')).toBeCloseTo(y0 - 150, 0);
    // The HUD's ids stay where the HUD draws them.
    expect((await bounds(page, 'hud:hint'))!.y).toBeGreaterThan(700);
    await page.mouse.wheel(0, -5000);
    await page.waitForFunction((y) => window.__latentQuest!.uiBounds('level:train')?.y === y, y0, { timeout: 10_000 });
    // Tab walks the controls down the column; each focused one is scrolled into the band.
    const hint = (await bounds(page, 'hud:hint'))!;
    // The top bar ends at 178 game pixels, 165 CSS pixels on this phone: 178 is safely below it.
    const ids = (await page.evaluate(() => window.__latentQuest!.widgetIds())).filter((id) =>
      /^control:[a-z]+$/i.test(id),
    );
    expect(ids.length).toBeGreaterThan(2);
    const last = ids[ids.length - 1];
    const start = (await bounds(page, last))!;
    expect(start.y + start.height).toBeGreaterThan(hint.y);
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const r = (await bounds(page, last))!;
      if (r.y > 178 && r.y + r.height < hint.y) break;
    }
    const r = (await bounds(page, last))!;
    expect(r.y).toBeGreaterThan(178);
    expect(r.y + r.height).toBeLessThan(hint.y);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Level: screenshots of a trained attempt scrolled on a 390x844 phone', async () => {
    const { page, errors } = await openPhone('?level=squeeze-the-alphabet');
    await clickWidget(page, 'level:start');
    await page.waitForFunction(() => window.__latentQuest!.level()?.status === 'idle', undefined, { timeout: 30_000 });
    await clickWidget(page, 'level:train');
    await page.waitForFunction(() => window.__latentQuest!.uiBounds('level:retry') !== null, undefined, {
      timeout: 180_000,
      polling: 200,
    });
    await settle(page);
    await page.screenshot({ path: `${ARTIFACTS}/phone-level-result-390x844.png` });
    await clickWidget(page, 'level:retry');
    await page.waitForFunction(() => window.__latentQuest!.uiBounds('level:retry') === null);
    await settle(page);
    await page.screenshot({ path: `${ARTIFACTS}/phone-level-top-390x844.png` });
    const y0 = await top(page, 'level:train');
    await page.mouse.move(195, 500);
    await page.mouse.wheel(0, 5000);
    await page.waitForFunction((y) => (window.__latentQuest!.uiBounds('level:train')?.y ?? y) < y, y0, {
      timeout: 10_000,
    });
    const max = y0 - (await top(page, 'level:train'));
    await settle(page);
    await page.screenshot({ path: `${ARTIFACTS}/phone-level-bottom-390x844.png` });
    // Half-way back up: the wheel's delta is in game pixels (420 wide), the bounds in CSS pixels (390 wide).
    const scale = 420 / PHONE.width;
    await page.mouse.wheel(0, -Math.round((max * scale) / 2));
    await page.waitForFunction(
      (y) => Math.abs((window.__latentQuest!.uiBounds('level:train')?.y ?? 0) - y) < 1,
      y0 - max / 2,
      { timeout: 10_000 },
    );
    await settle(page);
    await page.screenshot({ path: `${ARTIFACTS}/phone-level-half-390x844.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Lab: the wheel and a drag scroll the column, a tap still presses, Tab keeps focus in view', async () => {
    const { page, errors } = await openPhone('?scene=lab');
    const y0 = await top(page, 'lab:back');
    await drag(page, 4, 500, -(DRAG_THRESHOLD - 3));
    expect(await top(page, 'lab:back')).toBe(y0);
    await drag(page, 4, 500, -200);
    expect(await top(page, 'lab:back')).toBeCloseTo(y0 - 200, 0);
    await page.mouse.wheel(0, -5000);
    await page.waitForFunction((y) => window.__latentQuest!.uiBounds('lab:back')?.y === y, y0, { timeout: 10_000 });
    await page.mouse.move(195, 500);
    await page.mouse.wheel(0, 5000);
    await page.waitForFunction((y) => (window.__latentQuest!.uiBounds('lab:back')?.y ?? y) < y - 100, y0, {
      timeout: 10_000,
    });
    await settle(page);
    await page.screenshot({ path: `${ARTIFACTS}/phone-lab-bottom-390x844.png` });
    await page.mouse.wheel(0, -5000);
    await page.waitForFunction((y) => window.__latentQuest!.uiBounds('lab:back')?.y === y, y0, { timeout: 10_000 });
    // Scrolled to the end, Tab focuses Back (the first widget, above the screen): it is scrolled back into view.
    await page.mouse.wheel(0, 5000);
    await page.waitForFunction((y) => (window.__latentQuest!.uiBounds('lab:back')?.y ?? y) < y - 100, y0, {
      timeout: 10_000,
    });
    await page.keyboard.press('Tab');
    expect(await top(page, 'lab:back')).toBe(y0);
    // Scrolled or not, a tap on Back still presses it.
    await page.mouse.wheel(0, -5000);
    await page.waitForFunction((y) => window.__latentQuest!.uiBounds('lab:back')?.y === y, y0, { timeout: 10_000 });
    const back = (await bounds(page, 'lab:back'))!;
    await page.touchscreen.tap(back.x + back.width / 2, back.y + back.height / 2);
    await page.waitForFunction(() => window.__latentQuest!.scene() === 'Title', undefined, { timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
