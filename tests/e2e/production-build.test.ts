/**
 * The shipped game (dist/, `vite build`) has nothing test-only in it: no `window.__latentQuest` hooks, no bench
 * page, no worker calls for tests; and it still starts: its first screen looks like the test build's Title
 * (dist-test/, served by global-setup.ts, where the hooks say which scene is up). `npm run test:e2e` builds both.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchChromium, openGame } from './browser';

const testBuildUrl = inject('baseUrl');
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const VIEWPORT = { width: 1280, height: 720 };
/** Names only test code uses: none may be in a shipped chunk. */
const TEST_ONLY = ['__latentQuest', 'benchFit', 'loseWebGlContext', 'runBackendBench', 'runTrainedLevelBench'];
/** A pixel differs when a channel is off by more than this (0–255); text antialiasing stays well under it. */
const CHANNEL_TOLERANCE = 40;
/** Two screenshots show the same screen when fewer than this share of their pixels differ. */
const SAME_SCREEN = 0.02;

let server: PreviewServer;
let browser: Browser;
let productionUrl = '';

beforeAll(async () => {
  // The default (production) mode serves dist/.
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  productionUrl = server.resolvedUrls?.local[0] ?? '';
  if (!productionUrl) throw new Error('vite preview did not report a URL');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Share of pixels that differ between two PNG screenshots of the same size (decoded by the page's browser). */
async function differingShare(page: Page, a: Buffer, b: Buffer | 'blank'): Promise<number> {
  return page.evaluate(
    async ([pngA, pngB, tolerance]) => {
      const pixels = async (b64: string): Promise<ImageData> => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const first = await pixels(pngA);
      // 'blank': the page background alone (#0d1321), what a game that never drew would show.
      const second = pngB === 'blank' ? null : await pixels(pngB);
      const bg = [0x0d, 0x13, 0x21];
      let differing = 0;
      const n = first.width * first.height;
      for (let i = 0; i < n; i++) {
        for (let c = 0; c < 3; c++) {
          const other = second ? second.data[i * 4 + c] : bg[c];
          if (Math.abs(first.data[i * 4 + c] - other) > tolerance) {
            differing++;
            break;
          }
        }
      }
      return differing / n;
    },
    [a.toString('base64'), b === 'blank' ? 'blank' : b.toString('base64'), CHANNEL_TOLERANCE] as const,
  );
}

it('ships no test hooks, bench page or test-only worker calls, and starts on the Title screen', async () => {
  // The bundle itself: what `grep -r __latentQuest dist/` checks.
  const chunks = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
  expect(chunks.length).toBeGreaterThan(1);
  for (const name of chunks) {
    const code = readFileSync(join(DIST, 'assets', name), 'utf8');
    for (const word of TEST_ONLY) expect(code.includes(word), `${word} in dist/assets/${name}`).toBe(false);
  }
  expect(chunks.some((f) => f.includes('bench'))).toBe(false);

  // The test build's Title screen, known to be up because its hooks say so.
  const reference = await openGame(browser, testBuildUrl, '', VIEWPORT);
  await reference.page.waitForFunction(() => window.__latentQuest?.scene() === 'Title', undefined, {
    timeout: 30_000,
  });
  await reference.page.waitForTimeout(500);
  const title = await reference.page.screenshot();
  // The comparison tells screens apart: the Title is far from an empty page.
  expect(await differingShare(reference.page, title, 'blank')).toBeGreaterThan(SAME_SCREEN);

  // The shipped game: no hooks, and the same Title screen once it has loaded.
  // Its service worker is blocked here: its "saved on this device" notice, shown once the precache is done, would
  // differ from the reference (tests/e2e/offline.test.ts covers the service worker).
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  await page.goto(productionUrl);
  await page.waitForSelector('canvas', { timeout: 60_000 });
  let share = 1;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    share = await differingShare(reference.page, await page.screenshot(), title);
    if (share < SAME_SCREEN) break;
    await page.waitForTimeout(500);
  }
  expect(share).toBeLessThan(SAME_SCREEN);
  expect(await page.evaluate(() => window.__latentQuest === undefined)).toBe(true);
  expect(errors).toEqual([]);
  expect(reference.consoleErrors).toEqual([]);
  await context.close();
  await reference.page.context().close();
});
