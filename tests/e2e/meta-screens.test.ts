import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { backdropPoints } from '../../src/game/ui/backdrop-art';
import { clickWidget, launchChromium, openGame } from './browser';

const baseUrl = inject('baseUrl');
const SAVE_KEY = 'latent-quest:settings';
const ARTIFACTS = 'test-results';
const PHONE = { width: 390, height: 844 };
/** Apple's and Google's minimum comfortable touch target, in CSS pixels. */
const MIN_TOUCH = 44;

let browser: Browser;
beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const state = (page: Page) => page.evaluate(() => window.__latentQuest!.getState());
const sceneKey = (page: Page) => page.evaluate(() => window.__latentQuest!.scene());
const bounds = (page: Page, id: string) => page.evaluate((wid) => window.__latentQuest!.uiBounds(wid), id);
const ids = (page: Page) => page.evaluate(() => window.__latentQuest!.widgetIds());

async function waitForScene(page: Page, key: string): Promise<void> {
  await page.waitForFunction((k) => window.__latentQuest?.scene() === k && window.__latentQuest.ready, key, {
    timeout: 30_000,
    polling: 50,
  });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${ARTIFACTS}/meta-${name}.png` });
}

/** Writes `text` into the save slot before the game's first script runs, once per browser context. */
async function seedSave(context: BrowserContext, text: string): Promise<void> {
  await context.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem('lq-seeded')) return;
      sessionStorage.setItem('lq-seeded', '1');
      localStorage.setItem(key, value);
    },
    [SAVE_KEY, text] as const,
  );
}

/** A touch tap at the centre of a widget (the phone test's input). */
async function tapWidget(page: Page, id: string): Promise<void> {
  const box = await bounds(page, id);
  if (!box) throw new Error(`widget ${id} is not on screen`);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

async function openSeeded(
  save: string | null,
  viewport = { width: 1280, height: 720 },
  touch = false,
): Promise<{ page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({ viewport, hasTouch: touch });
  if (save !== null) await seedSave(context, save);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.message}`));
  await page.goto(baseUrl);
  await waitForScene(page, 'Title');
  return { page, consoleErrors };
}

const LEVEL_IDS = [
  'squeeze-the-alphabet',
  'beat-pca',
  'budget',
  'the-identity-trap',
  'static',
  'storm',
  'noise-zoo',
  'inpainting',
  'holes-in-the-map',
  'navigator',
  'balance-beta',
  'dream-digits',
  'the-path',
  'blend',
  'difference',
  'attribute-vector',
  'letter-forge',
];

describe('meta screens in headless Chromium', () => {
  it('goes Title → World map → Title → Lab → Title with real clicks, keys work, no console errors', async () => {
    const { page, consoleErrors } = await openGame(browser, baseUrl);
    expect(await sceneKey(page)).toBe('Title');
    expect(await ids(page)).toEqual(
      expect.arrayContaining(['title:play', 'title:join', 'title:lab', 'title:settings']),
    );
    await shot(page, 'title-1280x720');

    await clickWidget(page, 'title:play');
    await waitForScene(page, 'WorldMap');
    const mapIds = await ids(page);
    for (const id of LEVEL_IDS) expect(mapIds).toContain(`level:${id}`);
    for (const w of [1, 2, 3, 4]) expect(await bounds(page, `world:${w}`)).not.toBeNull();
    expect((await state(page)).progress).toMatchObject({ totalStars: 0, unlocked: ['squeeze-the-alphabet'] });
    await shot(page, 'worldmap-1280x720');

    await clickWidget(page, 'world:back');
    await waitForScene(page, 'Title');
    await clickWidget(page, 'title:lab');
    await waitForScene(page, 'Lab');
    for (const id of ['train', 'kind:vae', 'dataset:glyphs', 'bottleneck', 'lab:back'])
      expect(await bounds(page, id)).not.toBeNull();
    await shot(page, 'lab-1280x720');
    await page.keyboard.press('Escape');
    await waitForScene(page, 'Title');

    // Keyboard only: Tab focuses Play, Down moves to Join a class, then Lab, then Settings; Enter opens it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'Settings');
    await page.keyboard.press('Escape');
    await waitForScene(page, 'Title');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('paints the UI drawings (SVG sources, the generated backdrop) before the title, with no image fetched', async () => {
    const { page, consoleErrors } = await openGame(browser, baseUrl);
    const pixel = (key: string, x: number, y: number) =>
      page.evaluate(([k, px, py]) => window.__latentQuest!.debug.texturePixel(k, px, py), [key, x, y] as const);
    // logo.svg (painted at 1.5x): the code bar (#ffd166), the encoder funnel's left end (#4cc9f0 end of its
    // gradient), an empty corner.
    expect(await pixel('logo', 90, 54)).toEqual([0xff, 0xd1, 0x66, 255]);
    const encoder = await pixel('logo', 11, 54);
    expect(encoder?.[3]).toBe(255);
    expect(Math.abs(encoder![0] - 0x4c) + Math.abs(encoder![1] - 0xc9) + Math.abs(encoder![2] - 0xf0)).toBeLessThan(12);
    expect(await pixel('logo', 1, 1)).toEqual([0, 0, 0, 0]);
    // The icons: play's dark triangle, stop's rounded square, pause's two bars with the gap between them.
    expect(await pixel('icon-play', 9, 10)).toEqual([0x08, 0x11, 0x1f, 255]);
    expect(await pixel('icon-stop', 10, 10)).toEqual([0xff, 0x7a, 0x95, 255]);
    expect((await pixel('icon-pause', 6, 10))?.[3]).toBe(255);
    expect((await pixel('icon-pause', 10, 10))?.[3]).toBe(0);
    // The backdrop (ui/backdrop-art.ts): its first point, painted at its colour and opacity, and empty space.
    const first = backdropPoints()[0];
    const dot = await pixel('backdrop', Math.round(first.x), Math.round(first.y));
    expect(Math.abs((dot?.[3] ?? 0) / 255 - first.alpha)).toBeLessThan(0.03);
    expect(await pixel('backdrop', 1275, 5)).toEqual([0, 0, 0, 0]);
    const svgFetches = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((r) => r.name)
        .filter((n) => n.endsWith('.svg') && !/\/logo-[\w-]+\.svg$/.test(n)),
    );
    expect(svgFetches).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('a locked level cannot be opened; an open one starts the Level scene', async () => {
    const { page } = await openGame(browser, baseUrl, '?scene=map');
    await waitForScene(page, 'WorldMap');
    await clickWidget(page, 'level:beat-pca');
    await clickWidget(page, 'level:blend');
    await page.waitForTimeout(400);
    expect(await sceneKey(page)).toBe('WorldMap');
    // The keyboard cannot open it either.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await shot(page, 'worldmap-locked-1280x720');
    await clickWidget(page, 'level:squeeze-the-alphabet');
    await page.waitForFunction(() => window.__latentQuest?.scene() === 'Level', undefined, { timeout: 30_000 });
    await page.context().close();
  });

  it('a settings toggle survives a reload, and reset progress asks first', async () => {
    const save = JSON.stringify({
      state: {
        settings: { backend: 'auto', renderer: 'auto', sound: true, reducedMotion: false, locale: 'en' },
        progress: { levels: { 'squeeze-the-alphabet': { stars: 3, bestScore: 2, bestPayload: null, attempts: 4 } } },
      },
      version: 2,
    });
    const { page, consoleErrors } = await openSeeded(save);
    expect((await state(page)).progress.totalStars).toBe(3);
    await clickWidget(page, 'title:settings');
    await waitForScene(page, 'Settings');
    await clickWidget(page, 'settings:motion:on');
    await clickWidget(page, 'settings:sound:off');
    expect((await state(page)).settings).toMatchObject({ reducedMotion: true, sound: false });
    await shot(page, 'settings-1280x720');

    // Reset needs the confirm step; "Keep them" keeps the stars.
    expect(await bounds(page, 'settings:reset:yes')).toBeNull();
    await clickWidget(page, 'settings:reset');
    await shot(page, 'settings-confirm-1280x720');
    await clickWidget(page, 'settings:reset:no');
    expect((await state(page)).progress.totalStars).toBe(3);

    await page.reload();
    await waitForScene(page, 'Title');
    expect((await state(page)).settings).toMatchObject({ reducedMotion: true, sound: false });
    expect((await state(page)).progress.totalStars).toBe(3);

    await clickWidget(page, 'title:settings');
    await waitForScene(page, 'Settings');
    await clickWidget(page, 'settings:reset');
    await clickWidget(page, 'settings:reset:yes');
    expect((await state(page)).progress.totalStars).toBe(0);
    await page.reload();
    await waitForScene(page, 'Title');
    expect((await state(page)).progress).toMatchObject({ totalStars: 0, levels: {} });
    expect((await state(page)).settings.reducedMotion).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('a corrupt save shows the notice on the title screen, and the game still works', async () => {
    const { page, consoleErrors } = await openSeeded('{"state":{"settings":{"backend":"au');
    const s = await state(page);
    expect(s.lab.notices.map((n) => n.key)).toEqual(['notice.settingsReset']);
    expect(await bounds(page, 'notice')).not.toBeNull();
    await shot(page, 'title-corrupt-save-1280x720');
    // The broken text is gone from storage.
    expect(await page.evaluate((k) => localStorage.getItem(k)?.includes('"backend":"au"') ?? false, SAVE_KEY)).toBe(
      false,
    );
    await clickWidget(page, 'notice:dismiss');
    expect((await state(page)).lab.notices).toEqual([]);
    await clickWidget(page, 'title:play');
    await waitForScene(page, 'WorldMap');
    expect((await state(page)).progress.unlocked).toEqual(['squeeze-the-alphabet']);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('shows results with stars, what was learned and the three buttons', async () => {
    type Box = { x: number; y: number; width: number; height: number };
    const below = (a: Box, b: Box): boolean => a.y >= b.y + b.height - 0.5;
    const within = (b: Box, w: number): boolean => b.x >= 0 && b.x + b.width <= w + 0.5;
    const showResults = (page: Page, data: object) =>
      page.evaluate((d) => window.__latentQuest!.debug.startScene('Results', d), data);

    const { page, consoleErrors } = await openGame(browser, baseUrl);
    // A key the Results screen has no words for is left out, not shown raw.
    await showResults(page, {
      levelId: 'beat-pca',
      score: 0.9,
      stars: 2,
      goalMet: true,
      detail: { heldOutMse: 0.0312, pcaMse: 0.0355, notWorded: 7 },
    });
    await waitForScene(page, 'Results');
    for (const id of ['results:next', 'results:retry', 'results:map', 'results:stars', 'results:detail'])
      expect(await bounds(page, id)).not.toBeNull();
    // The detail line sits under the stars, above the buttons, on screen.
    const detail = (await bounds(page, 'results:detail'))!;
    expect(detail.height).toBeGreaterThan(10);
    expect(
      below(detail, (await bounds(page, 'results:stars'))!),
      JSON.stringify([detail, await bounds(page, 'results:stars')]),
    ).toBe(true);
    expect(below((await bounds(page, 'results:next'))!, detail)).toBe(true);
    expect(within(detail, 1280)).toBe(true);
    await page.waitForTimeout(1500);
    await shot(page, 'results-1280x720');
    await clickWidget(page, 'results:map');
    await waitForScene(page, 'WorldMap');
    // No worded key: no detail line at all.
    await showResults(page, { levelId: 'beat-pca', score: 0.9, stars: 2, goalMet: true, detail: { notWorded: 7 } });
    await waitForScene(page, 'Results');
    expect(await bounds(page, 'results:stars')).not.toBeNull();
    expect(await bounds(page, 'results:detail')).toBeNull();
    expect(consoleErrors).toEqual([]);
    await page.context().close();

    // In a classroom competition the class line comes under the detail lines, never over them (both screens).
    const classSave = JSON.stringify({
      version: 1,
      membership: {
        code: 'ABC234',
        nickname: 'Ada',
        token: 'a'.repeat(43),
        seed: 7,
        competition: {
          code: 'ABC234',
          title: 'Test class',
          levels: ['squeeze-the-alphabet'],
          seed: 7,
          variantMode: 'same',
          durationSeconds: 1800,
          state: 'running',
          startedAt: null,
          endsAt: null,
          secondsLeft: 1200,
        },
        joinedAt: 0,
      },
      items: [
        {
          key: 'attempt-0001',
          levelId: 'squeeze-the-alphabet',
          payload: {
            kind: 'hyperparameters',
            values: { bottleneck: 2, width: 64, depth: 1, activation: 'tanh', steps: 2000 },
          },
          createdAt: 0,
          tries: 1,
          nextTryAt: 0,
          state: 'sent',
          result: { score: 2, stars: 2, goalMet: true },
        },
      ],
    });
    for (const [viewport, name] of [
      [{ width: 1280, height: 720 }, 'results-class-1280x720'],
      [PHONE, 'results-class-390x844'],
    ] as const) {
      const context = await browser.newContext({ viewport, hasTouch: viewport === PHONE });
      await context.addInitScript((save) => localStorage.setItem('latent-quest.classroom', save), classSave);
      const p = await context.newPage();
      await p.goto(baseUrl);
      await waitForScene(p, 'Title');
      await showResults(p, {
        levelId: 'squeeze-the-alphabet',
        score: 2,
        stars: 2,
        goalMet: true,
        detail: { worstLetterWrongPixels: 1, perfectLetters: 24 },
      });
      await waitForScene(p, 'Results');
      await p.waitForFunction(() => (window.__latentQuest!.uiBounds('results:class')?.height ?? 0) > 0, undefined, {
        timeout: 10_000,
      });
      const d = (await bounds(p, 'results:detail'))!;
      const c = (await bounds(p, 'results:class'))!;
      expect(d, name).not.toBeNull();
      expect(below(c, d), name).toBe(true);
      expect(within(d, viewport.width), name).toBe(true);
      expect(within(c, viewport.width), name).toBe(true);
      await p.waitForTimeout(1500);
      await shot(p, name);
      await context.close();
    }

    const phone = await openSeeded(null, PHONE, true);
    await showResults(phone.page, {
      levelId: 'balance-beta',
      score: 0.97,
      stars: 1,
      goalMet: true,
      detail: { mseShare: 0.853, klShare: 0.97 },
    });
    await waitForScene(phone.page, 'Results');
    const pd = (await bounds(phone.page, 'results:detail'))!;
    expect(within(pd, PHONE.width)).toBe(true);
    expect(below((await bounds(phone.page, 'results:next'))!, pd)).toBe(true);
    await phone.page.waitForTimeout(1500);
    await shot(phone.page, 'results-detail-390x844');
    expect(phone.consoleErrors).toEqual([]);
    await phone.page.context().close();
  });

  it('sound effects: buttons click and Results chimes per star with sound on; nothing plays with sound off', async () => {
    const { page, consoleErrors } = await openGame(browser, baseUrl);
    const log = () => page.evaluate(() => window.__latentQuest!.debug.soundLog());
    await waitForScene(page, 'Title');
    expect((await state(page)).settings.sound).toBe(true);
    expect(await log()).toEqual([]);
    await clickWidget(page, 'title:settings');
    await waitForScene(page, 'Settings');
    expect(await log()).toEqual(['click']);
    await page.evaluate(() =>
      window.__latentQuest!.debug.startScene('Results', {
        levelId: 'beat-pca',
        score: 0.9,
        stars: 2,
        goalMet: true,
        detail: {},
      }),
    );
    await waitForScene(page, 'Results');
    expect(await log()).toEqual(['click', 'star', 'star']);
    await clickWidget(page, 'results:map');
    await waitForScene(page, 'WorldMap');
    await clickWidget(page, 'world:back');
    await waitForScene(page, 'Title');
    await clickWidget(page, 'title:settings');
    await waitForScene(page, 'Settings');
    // The "off" choice still clicks (sound was on when it was pressed); after it, silence.
    await clickWidget(page, 'settings:sound:off');
    await page.waitForFunction(() => window.__latentQuest!.getState().settings.sound === false, undefined, {
      timeout: 5_000,
    });
    const before = await log();
    expect(before).toEqual(['click', 'star', 'star', 'click', 'click', 'click', 'click']);
    await clickWidget(page, 'settings:back');
    await waitForScene(page, 'Title');
    await clickWidget(page, 'title:settings');
    await waitForScene(page, 'Settings');
    await page.evaluate(() =>
      window.__latentQuest!.debug.startScene('Results', {
        levelId: 'beat-pca',
        score: 0.9,
        stars: 3,
        goalMet: true,
        detail: {},
      }),
    );
    await waitForScene(page, 'Results');
    expect(await log()).toEqual(before);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('a 390x844 phone shows the title and the whole world map, with touch-sized targets', async () => {
    const { page, consoleErrors } = await openSeeded(null, PHONE, true);
    const inside = (b: { x: number; y: number; width: number; height: number } | null): boolean =>
      !!b && b.x >= 0 && b.y >= 0 && b.x + b.width <= PHONE.width + 0.5 && b.y + b.height <= PHONE.height + 0.5;
    for (const id of ['title:play', 'title:join', 'title:lab', 'title:settings']) {
      const b = await bounds(page, id);
      expect(inside(b), id).toBe(true);
      expect(b!.height, id).toBeGreaterThanOrEqual(MIN_TOUCH);
      expect(b!.width, id).toBeGreaterThanOrEqual(PHONE.width * 0.6);
    }
    await shot(page, 'title-390x844');

    await tapWidget(page, 'title:play');
    await waitForScene(page, 'WorldMap');
    for (const id of LEVEL_IDS) {
      const b = await bounds(page, `level:${id}`);
      expect(inside(b), id).toBe(true);
      expect(b!.height, id).toBeGreaterThanOrEqual(MIN_TOUCH);
    }
    expect(inside(await bounds(page, 'world:back'))).toBe(true);
    await shot(page, 'worldmap-390x844');

    await tapWidget(page, 'world:back');
    await waitForScene(page, 'Title');
    await tapWidget(page, 'title:settings');
    await waitForScene(page, 'Settings');
    for (const id of [
      'settings:backend:wasm',
      'settings:sound:off',
      'settings:motion:on',
      'settings:reset',
      'settings:back',
    ]) {
      const b = await bounds(page, id);
      expect(inside(b), id).toBe(true);
      expect(b!.height, id).toBeGreaterThanOrEqual(MIN_TOUCH);
    }
    await shot(page, 'settings-390x844');
    await tapWidget(page, 'settings:back');
    await waitForScene(page, 'Title');
    await tapWidget(page, 'title:lab');
    await waitForScene(page, 'Lab');
    await shot(page, 'lab-390x844');
    await page.evaluate(() =>
      window.__latentQuest!.debug.startScene('Results', {
        levelId: 'static',
        score: 91,
        stars: 1,
        goalMet: true,
        detail: {},
      }),
    );
    await waitForScene(page, 'Results');
    for (const id of ['results:next', 'results:retry', 'results:map'])
      expect(inside(await bounds(page, id)), id).toBe(true);
    await page.waitForTimeout(1500);
    await shot(page, 'results-390x844');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
