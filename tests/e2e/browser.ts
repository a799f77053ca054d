import type {} from '../../src/game/test-api';
import type { Browser, Page } from 'playwright-core';

export { launchChromium } from '../../tools/chromium';

export interface OpenedGame {
  page: Page;
  consoleErrors: string[];
}

export interface OpenOptions {
  /** A touch-capable page (real touch events), a phone's (isMobile). */
  hasTouch?: boolean;
  isMobile?: boolean;
  /** Console errors that are expected (e.g. refused requests while offline) and not collected. */
  ignoreConsole?: (text: string) => boolean;
}

/**
 * Opens the game in a fresh browser context, collecting console errors and uncaught page errors, and waits until
 * the first screen is ready. Close it with `page.context().close()`.
 */
export async function openGame(
  browser: Browser,
  baseUrl: string,
  query = '',
  viewport = { width: 1280, height: 720 },
  options: OpenOptions = {},
): Promise<OpenedGame> {
  const context = await browser.newContext({
    viewport,
    ...(options.hasTouch ? { hasTouch: true } : {}),
    ...(options.isMobile ? { isMobile: true } : {}),
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !options.ignoreConsole?.(msg.text())) consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.message}`));
  await gotoGame(page, baseUrl, query);
  return { page, consoleErrors };
}

/** Loads `query` in an open page and waits until the game is ready again. */
export async function gotoGame(page: Page, baseUrl: string, query: string): Promise<void> {
  await page.goto(new URL(query, baseUrl).toString());
  await gameReady(page);
}

export const gameReady = (page: Page) =>
  page.waitForFunction(() => window.__latentQuest?.ready === true, undefined, { timeout: 60_000 });

/** The level being played (the test hook's snapshot), or null. */
export const levelState = (page: Page) => page.evaluate(() => window.__latentQuest!.level());

/** A widget's box in screen pixels, or null when it is not on screen. */
export const widgetBounds = (page: Page, id: string) => page.evaluate((wid) => window.__latentQuest!.uiBounds(wid), id);

/** Waits for one of these statuses, on screen: the Level scene has drawn it (no redraw waiting, as a player sees). */
export async function waitForLevel(page: Page, statuses: string[], timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    (s) => {
      const level = window.__latentQuest!.level();
      return !!level && level.drawn && s.includes(level.status);
    },
    statuses,
    { timeout, polling: 100 },
  );
}

/** Waits until a widget is on screen (drawn in a frame the player has seen). */
export async function waitForWidget(page: Page, id: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((wid) => window.__latentQuest!.uiBounds(wid) !== null, id, { timeout, polling: 50 });
}

/** Clicks the centre of a widget through real mouse events. */
export async function clickWidget(page: Page, id: string): Promise<void> {
  const box = await page.evaluate((wid) => window.__latentQuest?.uiBounds(wid) ?? null, id);
  if (!box) throw new Error(`widget ${id} is not on screen`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Starts recording the largest gap between animation frames on the main thread. */
export async function startFrameMonitor(page: Page): Promise<void> {
  await page.evaluate(() => {
    const stats = { maxGap: 0, frames: 0, last: performance.now(), running: true };
    (window as unknown as { __frames: typeof stats }).__frames = stats;
    const tick = (now: number): void => {
      if (!stats.running) return;
      stats.maxGap = Math.max(stats.maxGap, now - stats.last);
      stats.last = now;
      stats.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      stats.last = now;
      requestAnimationFrame(tick);
    });
  });
}

export async function stopFrameMonitor(page: Page): Promise<{ maxGap: number; frames: number }> {
  return page.evaluate(() => {
    const stats = (window as unknown as { __frames: { maxGap: number; frames: number; running: boolean } }).__frames;
    stats.running = false;
    return { maxGap: stats.maxGap, frames: stats.frames };
  });
}
