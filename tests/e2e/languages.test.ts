/**
 * Every screen in every language, at the desktop size and a phone's: `?lang=` picks the language, `<html lang>`
 * follows it, the pickers switch it, and no text object overflows its box or the screen's sides (the game's own
 * measure, debug.textOverflows). Screenshots go to test-results/lang-<locale>-<size>-<screen>.png for a person to
 * look at (Polish and Czech run longest). The teacher page and the projector board too (a real classroom server):
 * nothing wider than its box (scrollWidth against clientWidth), `<html lang>` the page's, the board in its
 * competition's language.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClassroom } from '../../src/server/app';
import { LOCALES, type Locale } from '../../src/shared/i18n/locales';
import { getLevel, localize } from '../../src/shared/levels';
import { clickWidget, launchChromium } from './browser';

const baseUrl = inject('baseUrl');
const ARTIFACTS = 'test-results';
const SIZES = { desktop: { width: 1280, height: 720 }, phone: { width: 390, height: 844 } } as const;
/**
 * One level of each kind: trained (concept card, then play), the latent map, latent arithmetic, and World 5's
 * screens of their own (the ELBO bar, the conditional class picker, the codebook).
 */
const LEVELS = [
  'squeeze-the-alphabet',
  'navigator',
  'blend',
  'through-the-dice',
  'digits-on-demand',
  'codebook',
] as const;

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
      if (scene === 'Lab')
        for (const view of ['generate', 'compare']) {
          // A phone's Lab is taller than its screen: scroll (the wheel, as a person would) until the tab is in sight.
          await page.mouse.move(SIZES[size].width / 2, SIZES[size].height / 2);
          for (let i = 0; i < 20; i++) {
            const box = await page.evaluate((id) => window.__latentQuest!.uiBounds(id), `lab:view:${view}`);
            if (box && box.y >= 0 && box.y + box.height <= SIZES[size].height) break;
            await page.mouse.wheel(0, 150);
            await page.waitForTimeout(60);
          }
          await clickWidget(page, `lab:view:${view}`);
          await look(page, `${tag}-lab-${view}`, problems);
        }
    }
    await start(page, 'Draw');
    await waitForScene(page, 'Draw');
    await look(page, `${tag}-draw`, problems);
    // The levels in the same page (a deep link per level is tested in level-play and campaign).
    for (const id of LEVELS) {
      await start(page, 'Level', { levelId: id });
      await waitForScene(page, 'Level');
      // The scene may still be building from its lazily loaded chunk: wait for this level's card button.
      await page.waitForFunction(
        (levelId) =>
          window.__latentQuest!.level()?.levelId === levelId && window.__latentQuest!.uiBounds('level:start') !== null,
        id,
        { timeout: 30_000 },
      );
      if (id === LEVELS[0]) await look(page, `${tag}-${id}-card`, problems);
      await clickWidget(page, 'level:start');
      await page.waitForFunction(() => window.__latentQuest!.level()?.status === 'idle', undefined, {
        timeout: 60_000,
      });
      await look(page, `${tag}-${id}`, problems);
    }
    await page.context().close();
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

/**
 * HTML that does not fit, as "tag.class: text": the page wider than the window (and what sticks out past its right
 * edge), or an element that clips content wider than its box. A student's nickname may end in "…" by rule
 * (text-overflow: ellipsis); nothing else may be cut.
 */
const htmlOverflows = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${el.className}: "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    if (root.scrollWidth > root.clientWidth + 1) out.push(`page ${root.scrollWidth}px wide in ${root.clientWidth}px`);
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (el.offsetParent === null || el.clientWidth === 0) continue;
      const style = getComputedStyle(el);
      if (el.getBoundingClientRect().right > root.clientWidth + 1 && el.children.length === 0)
        out.push(`past the right edge: ${name(el)}`);
      if (style.overflowX !== 'visible' && style.textOverflow !== 'ellipsis' && el.scrollWidth > el.clientWidth + 1)
        out.push(`clipped: ${name(el)}`);
    }
    return out;
  });

describe('the teacher page and the board', () => {
  it('fit in every language at both sizes; <html lang> follows the picker, the board its competition', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lq-e2e-lang-'));
    const classroom = await createClassroom({
      dataDir,
      pgliteDir: 'memory://',
      adminPasswordEnv: 'e2e-lang-pass',
      assetsDir: fileURLToPath(new URL('../../assets/', import.meta.url)),
      rescoreThreads: false,
    });
    try {
      const api = async (path: string, body?: object) => {
        const res = await classroom.app.inject({
          method: body ? 'POST' : 'GET',
          url: path,
          headers: { authorization: 'Bearer e2e-lang-pass' },
          ...(body ? { payload: body } : {}),
        });
        return res.json();
      };
      // One running competition per language, with a few players on its board.
      const codes = {} as Record<Locale, string>;
      for (const language of LOCALES) {
        const { competition } = await api('/api/teacher/competitions', {
          title: `Latent Quest ${language}`,
          levels: ['navigator', 'blend'],
          durationMinutes: 30,
          language,
        });
        codes[language] = competition.code;
        await api(`/api/teacher/competitions/${competition.code}/start`, {});
        for (const nickname of ['Zuzanna Wiśniewska', 'Ondřej', 'Ana'])
          await classroom.app.inject({
            method: 'POST',
            url: '/api/join',
            payload: { code: competition.code, nickname },
          });
      }
      const { token: session } = (
        await classroom.app.inject({
          method: 'POST',
          url: '/api/teacher/session',
          payload: { password: 'e2e-lang-pass' },
        })
      ).json() as { token: string };
      await classroom.app.listen({ host: '127.0.0.1', port: 0 });
      const address = classroom.app.server.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      const base = `http://127.0.0.1:${address.port}`;
      const problems: string[] = [];
      const errors: string[] = [];
      for (const size of Object.keys(SIZES) as (keyof typeof SIZES)[]) {
        const context = await browser.newContext({ viewport: SIZES[size] });
        // Signed in: the page keeps a session token (POST /api/teacher/session) in sessionStorage.
        await context.addInitScript((token) => sessionStorage.setItem('lq-teacher-session', token), session);
        const page = await context.newPage();
        page.on('pageerror', (e) => errors.push(e.message));
        for (const locale of LOCALES) {
          const tag = `${locale}-${size}`;
          await page.goto(`${base}/teacher?lang=${locale}`);
          await page.locator('#competitions button', { hasText: codes[locale] }).click();
          await page.waitForFunction(() => document.getElementById('competition-language')?.textContent !== '');
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
          expect(await page.locator('#language').inputValue()).toBe(locale);
          expect(await page.locator('#levels').textContent()).toContain(localize(getLevel('navigator')!.title, locale));
          await page.screenshot({ path: `${ARTIFACTS}/lang-${tag}-teacher.png`, fullPage: true });
          for (const o of await htmlOverflows(page)) problems.push(`${tag}-teacher: ${o}`);
          // The board without ?lang= speaks its competition's language (the teacher's link has none).
          await page.goto(`${base}/board/${codes[locale]}`);
          await page.waitForFunction(() => document.querySelectorAll('#rows tr').length > 0);
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
          expect(await page.locator('#qr').getAttribute('src')).toContain(`lang=${locale}`);
          await page.screenshot({ path: `${ARTIFACTS}/lang-${tag}-board.png` });
          for (const o of await htmlOverflows(page)) problems.push(`${tag}-board: ${o}`);
        }
        await context.close();
      }
      expect(errors).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await classroom.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
