/**
 * Offline play (#14): the first visit installs the service worker and precaches the game; with the network cut
 * (`context.setOffline(true)`) the page reloads, and a pretrained level (Navigator: the VAE map, the judge, held-out
 * digits) and a trained glyph level (Squeeze the alphabet: the worker, WASM/WebGL training) are played to the end.
 * The test build registers the service worker only with `?sw` in the URL (src/game/offline/service-worker.ts).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { getLevel, type SolutionPayload } from '../../src/shared/levels';
import {
  clickWidget,
  gameReady as ready,
  gotoGame,
  launchChromium,
  levelState as level,
  openGame,
  waitForLevel,
} from './browser';

const baseUrl = inject('baseUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

it('after one visit the game reloads and plays a pretrained and a trained level with no network', async () => {
  // First visit: the service worker installs (its precache is complete once it is active) and the player is told.
  // Offline, Chromium logs each refused network request (none of the game's own files may be among them).
  const { page, consoleErrors: errors } = await openGame(browser, baseUrl, '?sw', undefined, {
    ignoreConsole: (text) => text.includes('ERR_INTERNET_DISCONNECTED'),
  });
  const context = page.context();
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(new URL('/', baseUrl).toString());
  await page.waitForFunction(
    () => window.__latentQuest!.getState().lab.notices.some((n) => n.key === 'notice.offlineReady'),
    undefined,
    { timeout: 30_000 },
  );
  const precached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
    return urls.map((u) => new URL(u).pathname);
  });
  for (const path of ['/generated/mnist.bin', '/pretrained/mnist-vae-2d.bin', '/pretrained/mnist-judge.bin'])
    expect(precached).toContain(path);
  expect(precached.filter((p) => p.endsWith('.wasm'))).toHaveLength(3);

  // No network from here on.
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await ready(page);
  expect(await page.evaluate(() => window.__latentQuest!.scene())).toBe('Title');

  // A pretrained level: Navigator, a click on the target's spot of the VAE map, then Place probe.
  const navLevel = getLevel('navigator')!;
  if (navLevel.setup.kind !== 'map' || !navLevel.setup.targets) throw new Error('Navigator has no targets');
  await gotoGame(page, baseUrl, '?level=navigator&sw');
  await clickWidget(page, 'level:start');
  await page.waitForFunction(
    () => window.__latentQuest!.level()?.status === 'idle' && window.__latentQuest!.uiBounds('map:area') !== null,
    undefined,
    { timeout: 60_000 },
  );
  let s = (await level(page))!;
  const area = (await page.evaluate(() => window.__latentQuest!.uiBounds('map:area')))!;
  const b = s.map!.bounds;
  const target = navLevel.setup.targets[s.mapPlay!.target!];
  await page.mouse.click(
    area.x + ((target[0] - b.xMin) / (b.xMax - b.xMin)) * area.width,
    area.y + area.height - ((target[1] - b.yMin) / (b.yMax - b.yMin)) * area.height,
  );
  // The click moves the probe; Place probe counts it (Navigator shows no match while the probe moves).
  await clickWidget(page, 'map:place');
  await waitForLevel(page, ['done', 'error'], 30_000);
  s = (await level(page))!;
  expect(s.error).toBeNull();
  expect(s.goalMet).toBe(true);
  expect(s.score).toBe(navLevel.score(s.payload as SolutionPayload, s.evaluation).score);

  // A trained glyph level: Squeeze the alphabet with its default choices, trained in the worker.
  await gotoGame(page, baseUrl, '?level=squeeze-the-alphabet&sw');
  await clickWidget(page, 'level:start');
  await waitForLevel(page, ['idle'], 30_000);
  await clickWidget(page, 'level:train');
  await waitForLevel(page, ['done', 'error'], 180_000);
  s = (await level(page))!;
  expect(s.error).toBeNull();
  expect(s.status).toBe('done');
  expect(s.evaluation.glyphWrongPixels).toHaveLength(26);
  await page.screenshot({ path: 'test-results/offline-trained-level.png' });
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  expect(errors).toEqual([]);
  await context.close();
});
