import type {} from '../../src/game/test-api';
import type { Browser, Page } from 'playwright-core';

export { launchChromium } from '../../tools/chromium';

export interface OpenedGame {
  page: Page;
  consoleErrors: string[];
}

/** Opens the game, collecting console errors and uncaught page errors, and waits until the Lab is ready. */
export async function openGame(
  browser: Browser,
  baseUrl: string,
  query = '',
  viewport = { width: 1280, height: 720 },
): Promise<OpenedGame> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.message}`));
  await page.goto(new URL(query, baseUrl).toString());
  await page.waitForFunction(() => window.__latentQuest?.ready === true, undefined, { timeout: 60_000 });
  return { page, consoleErrors };
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
