/**
 * Links and files (#14) by real input: a Lab setup copied as a link opens the same setup in a new browser context;
 * a bad link opens the game with a notice; a trained model saved as a file, the page reloaded, the file loaded back
 * gives the same reconstructions. Screenshots: test-results/share-*.png.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { clickWidget, launchChromium } from './browser';

const baseUrl = inject('baseUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const ready = (page: Page) =>
  page.waitForFunction(() => window.__latentQuest?.ready === true, undefined, { timeout: 90_000 });
const state = (page: Page) => page.evaluate(() => window.__latentQuest!.getState());

it('a Lab link restores the setup elsewhere, and a saved model loads back with the same reconstructions', async () => {
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL('?scene=lab&lang=en', baseUrl).toString());
  await ready(page);

  // A setup by real clicks: letters, a VAE, 64 hidden units; train a little, then stop.
  for (const id of ['dataset:glyphs', 'kind:vae', 'hidden:64']) await clickWidget(page, id);
  const config = (await state(page)).lab.config;
  expect(config).toMatchObject({ dataset: 'glyphs', kind: 'vae', hiddenWidth: 64 });
  await clickWidget(page, 'train');
  await page.waitForFunction(() => (window.__latentQuest!.getState().lab.progress?.step ?? 0) >= 100, undefined, {
    timeout: 90_000,
  });
  await clickWidget(page, 'cancel');
  await page.waitForFunction(() => window.__latentQuest!.getState().lab.status === 'idle', undefined, {
    timeout: 30_000,
  });
  const before = await page.evaluate(() => window.__latentQuest!.debug.labReconstruct(8));
  expect(before?.length).toBe(8 * 35);

  // Copy link: on the clipboard and in the visible field.
  await clickWidget(page, 'share:open');
  await clickWidget(page, 'share:link');
  await page.waitForFunction(() => !!(document.getElementById('lq-share-link') as HTMLInputElement | null)?.value);
  const link = await page.evaluate(() => (document.getElementById('lq-share-link') as HTMLInputElement).value);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(link).toContain('?setup=1.');

  // Save model: a real download.
  const download = page.waitForEvent('download');
  await clickWidget(page, 'share:exportModel');
  const file = await (await download).path();
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'latent-quest-model', version: 1 });
  await page.screenshot({ path: 'test-results/share-sheet-1280.png' });

  // The link in a fresh context (no save, no clipboard): the same controls, and the restored notice.
  const other = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const visitor = await other.newPage();
  visitor.on('pageerror', (e) => errors.push(e.message));
  await visitor.goto(`${link}&lang=pl`);
  await ready(visitor);
  expect(await visitor.evaluate(() => window.__latentQuest!.scene())).toBe('Lab');
  const restored = await state(visitor);
  expect(restored.lab.config).toEqual(config);
  expect(restored.lab.notices.map((n) => n.key)).toContain('link.restored');
  await visitor.screenshot({ path: 'test-results/share-restored-390.png' });
  // A damaged link: the usual title screen and a clear notice, no crash.
  await visitor.goto(`${link.slice(0, -7)}!!&lang=pl`);
  await ready(visitor);
  expect(await visitor.evaluate(() => window.__latentQuest!.scene())).toBe('Title');
  expect((await state(visitor)).lab.notices.map((n) => n.key)).toContain('link.invalid');
  await other.close();

  // Reload (the model is gone), load the file back: the same reconstructions.
  await page.reload();
  await ready(page);
  expect((await state(page)).lab.model).toBeNull();
  await clickWidget(page, 'share:open');
  const chooser = page.waitForEvent('filechooser');
  await clickWidget(page, 'share:importModel');
  await (await chooser).setFiles(file);
  await page.waitForFunction(() => window.__latentQuest!.getState().lab.preview?.hasOutputs === true, undefined, {
    timeout: 60_000,
  });
  const after = await page.evaluate(() => window.__latentQuest!.debug.labReconstruct(8));
  expect(after).toEqual(before);
  expect((await state(page)).lab.config).toMatchObject({ dataset: 'glyphs', kind: 'vae', hiddenWidth: 64 });
  await page.screenshot({ path: 'test-results/share-imported-1280.png' });
  expect(errors).toEqual([]);
  await context.close();
});
