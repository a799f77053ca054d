/**
 * Every screen in every language, at the desktop size and a phone's: `?lang=` picks the language, `<html lang>`
 * follows it, the pickers switch it, and no text object overflows its box or the screen's sides (the game's own
 * measure, debug.textOverflows). Screenshots go to test-results/lang-<locale>-<size>-<screen>.png for a person to
 * look at (Polish and Czech run longest).
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCALES } from '../../src/shared/i18n/locales';
import { clickWidget, launchChromium } from './browser';

const baseUrl = inject('baseUrl');
const ARTIFACTS = 'test-results';
const SIZES = { desktop: { width: 1280, height: 720 }, phone: { width: 390, height: 844 } } as const;
/** One level of each kind: trained (concept card, then play), the latent map, latent arithmetic. */
const LEVELS = ['squeeze-the-alphabet', 'navigator', 'blend'] as const;

let browser: Browser;
beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function waitForScene(page: Page, key: string): Promise<void> {
  await page.waitForFunction((k) => window.__latentQuest?.scene() === k && window.__latentQuest.ready, key, {
    timeout: 60_000,
    polling: 50,
  });
}

async function look(page: Page, name: string, problems: string[]): Promise<void> {
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${ARTIFACTS}/lang-${name}.png` });
  const overflows = await page.evaluate(() => window.__latentQuest!.debug.textOverflows());
  for (const o of overflows) problems.push(`${name}: ${o.scene} "${o.text}" ${o.problem}`);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(name.split('-')[0]);
}

async function open(size: keyof typeof SIZES, query: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: SIZES[size], hasTouch: size === 'phone' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(new URL(query, baseUrl).toString());
  await page.waitForFunction(() => window.__latentQuest?.ready === true, undefined, { timeout: 60_000 });
  return { page, errors };
}

const start = (page: Page, key: string, data?: object) =>
  page.evaluate(([k, d]) => window.__latentQuest!.debug.startScene(k as string, d as object), [key, data] as const);

describe.each(LOCALES)('in %s', (locale) => {
  it.each(Object.keys(SIZES) as (keyof typeof SIZES)[])('every screen fits at the %s size', async (size) => {
    const problems: string[] = [];
    const tag = `${locale}-${size}`;
    const { page, errors } = await open(size, `?lang=${locale}`);
    await waitForScene(page, 'Title');
    expect((await page.evaluate(() => window.__latentQuest!.getState())).settings.locale).toBe(locale);
    await look(page, `${tag}-title`, problems);
    for (const [scene, data, name] of [
      ['WorldMap', undefined, 'map'],
      ['Settings', { from: 'Title' }, 'settings'],
      ['Lab', undefined, 'lab'],
      ['Classroom', undefined, 'class'],
      [
        'Results',
        { levelId: 'beat-pca', score: 0.9, stars: 2, goalMet: true, detail: { heldOutMse: 0.0213, pcaMse: 0.0241 } },
        'results',
      ],
    ] as const) {
      await start(page, scene, data);
      await waitForScene(page, scene);
      await look(page, `${tag}-${name}`, problems);
    }
    await page.context().close();
    for (const id of LEVELS) {
      const level = await open(size, `?lang=${locale}&level=${id}`);
      await waitForScene(level.page, 'Level');
      if (id === LEVELS[0]) await look(level.page, `${tag}-${id}-card`, problems);
      await clickWidget(level.page, 'level:start');
      await level.page.waitForFunction(() => window.__latentQuest!.level()?.status === 'idle', undefined, {
        timeout: 60_000,
      });
      await look(level.page, `${tag}-${id}`, problems);
      errors.push(...level.errors);
      await level.page.context().close();
    }
    expect(errors).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('the language pickers', () => {
  it('switch the language on the title screen and in Settings, saved with the settings', async () => {
    const { page, errors } = await open('desktop', '');
    await waitForScene(page, 'Title');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await clickWidget(page, 'title:lang:pl');
    await page.waitForFunction(() => document.documentElement.lang === 'pl', undefined, { timeout: 10_000 });
    await waitForScene(page, 'Title');
    await clickWidget(page, 'title:settings');
    await waitForScene(page, 'Settings');
    await clickWidget(page, 'settings:lang:cs');
    await page.waitForFunction(() => document.documentElement.lang === 'cs', undefined, { timeout: 10_000 });
    await waitForScene(page, 'Settings');
    await page.reload();
    await waitForScene(page, 'Title');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cs');
    expect((await page.evaluate(() => window.__latentQuest!.getState())).settings.locale).toBe('cs');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
