/**
 * The campaign, end to end (issue 4, Tests): a returning player starts on the Title screen and wins one level of
 * each world through real input only (mouse clicks at the widgets' uiBounds, drags with mouse down/move/up, key
 * presses), sees the stars on the world map, reloads and finds them kept. Every scene passed through is saved as
 * test-results/campaign-*.png.
 *
 * Nothing here calls a store action or deep-links into a level: the only shortcut is the saved game the player
 * "arrives with" (see SEED below), written into localStorage before the page's first script, exactly as a
 * returning player's browser would hold it.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  getLevel,
  isWorldUnlocked,
  levelsOfWorld,
  starsToUnlockWorld,
  unlockedLevelIds,
} from '../../src/shared/levels';
import type { SolutionPayload, WorldId } from '../../src/shared/levels';
import type { LevelSnapshot } from '../../src/game/level/current';
import { clickWidget, launchChromium, waitForWidget } from './browser';

const baseUrl = inject('baseUrl');
const SAVE_KEY = 'latent-quest:settings';
const ARTIFACTS = 'test-results';

/**
 * The level played in each world (the first level of worlds 1, 2 and 4; Navigator, the second, in world 3). World 5
 * (a VAE trained live) is played in world5.test.ts.
 */
const PLAYED = { 1: 'squeeze-the-alphabet', 2: 'static', 3: 'navigator', 4: 'blend' } as const satisfies Record<
  Exclude<WorldId, 5>,
  string
>;

/**
 * The returning player's saved game (format v2: settings + progress). Worlds 2–4 are locked for a new player; this
 * save holds stars in OTHER levels of worlds 1–3 (never in the four levels played here), one star short of
 * opening the next world each time. So the save alone opens nothing beyond world 1, and each real win below is
 * what opens the next world (checked before and after every win, and by the unlock rules in Node first).
 * Navigator is the second level of world 3, so the level before it (Holes in the map) has a star.
 */
const SEEDED_LEVELS: Record<string, { stars: 0 | 1 | 2 | 3; bestScore: number; bestPayload: null; attempts: number }> =
  {
    'beat-pca': { stars: 2, bestScore: 0.853, bestPayload: null, attempts: 3 },
    budget: { stars: 1, bestScore: 0.026, bestPayload: null, attempts: 2 },
    storm: { stars: 1, bestScore: 86.2, bestPayload: null, attempts: 2 },
    'noise-zoo': { stars: 1, bestScore: 0.0295, bestPayload: null, attempts: 1 },
    inpainting: { stars: 1, bestScore: 0.09, bestPayload: null, attempts: 1 },
    'holes-in-the-map': { stars: 2, bestScore: 5, bestPayload: null, attempts: 2 },
    'balance-beta': { stars: 1, bestScore: 0.97, bestPayload: null, attempts: 1 },
    'dream-digits': { stars: 1, bestScore: 6, bestPayload: null, attempts: 1 },
  };
const SEED = JSON.stringify({
  state: {
    settings: { backend: 'auto', renderer: 'auto', sound: false, reducedMotion: false, locale: 'en' },
    progress: { levels: SEEDED_LEVELS },
  },
  version: 2,
});
const SEEDED_STARS = Object.values(SEEDED_LEVELS).reduce((n, l) => n + l.stars, 0);

type Snapshot = LevelSnapshot;

let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];
/** Stars won in this run, level id → stars (what the world map and the reloads must show). */
const won: Record<string, number> = {};
let shots = 0;

const state = () => page.evaluate(() => window.__latentQuest!.getState());
const sceneKey = () => page.evaluate(() => window.__latentQuest!.scene());
const bounds = (id: string) => page.evaluate((wid) => window.__latentQuest!.uiBounds(wid), id);
const level = async (): Promise<Snapshot> => {
  const s = await page.evaluate(() => window.__latentQuest!.level());
  if (!s) throw new Error(`no level is being played (scene ${await sceneKey()})`);
  return s;
};
const click = (id: string) => clickWidget(page, id);

async function waitForScene(key: string): Promise<void> {
  await page.waitForFunction((k) => window.__latentQuest?.scene() === k && window.__latentQuest.ready, key, {
    timeout: 30_000,
    polling: 50,
  });
}

async function waitForStatus(statuses: string[], timeout = 60_000): Promise<Snapshot> {
  await page.waitForFunction((s) => s.includes(window.__latentQuest?.level()?.status ?? ''), statuses, {
    timeout,
    polling: 50,
  });
  return level();
}

/** Saves test-results/campaign-NN-<name>.png (numbered in the order the scenes were passed). */
async function shot(name: string): Promise<void> {
  await page.waitForTimeout(150);
  shots++;
  await page.screenshot({ path: `${ARTIFACTS}/campaign-${String(shots).padStart(2, '0')}-${name}.png` });
}

/** Clicks a slider at its left end (its minimum), leaving it focused for the keyboard. */
async function clickSliderStart(id: string): Promise<void> {
  const box = await bounds(id);
  if (!box) throw new Error(`${id} is not on screen`);
  await page.mouse.click(box.x + 2, box.y + box.height / 2);
}

/** Drags a slider's thumb from its left end past its right end (its maximum), leaving it focused. */
async function dragSliderToEnd(id: string): Promise<void> {
  const box = await bounds(id);
  if (!box) throw new Error(`${id} is not on screen`);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, y, { steps: 4 });
  await page.mouse.move(box.x + box.width + 20, y, { steps: 4 });
  await page.mouse.up();
}

/** The stored save, parsed (what survives the reload). */
async function storedLevels(): Promise<Record<string, { stars: number }>> {
  const text = await page.evaluate((k) => localStorage.getItem(k), SAVE_KEY);
  const save = JSON.parse(text ?? 'null') as {
    version: number;
    state: { progress: { levels: Record<string, { stars: number }> } };
  } | null;
  expect(save?.version).toBe(2);
  return save!.state.progress.levels;
}

/** Title → World map with a click on Play. */
async function openWorldMap(): Promise<void> {
  await waitForScene('Title');
  await click('title:play');
  await waitForScene('WorldMap');
}

/** Opens a level from its world-map tile and dismisses the concept card (screenshots: card, then the level). */
async function enterLevel(id: string): Promise<void> {
  expect((await state()).progress.unlocked).toContain(id);
  await click(`level:${id}`);
  await waitForScene('Level');
  let s = await level();
  expect(s.levelId).toBe(id);
  expect(s.status).toBe('card');
  await page.waitForFunction(() => window.__latentQuest!.uiBounds('level:start') !== null, undefined, {
    timeout: 10_000,
  });
  await shot(`${id}-card`);
  await click('level:start');
  s = await waitForStatus(['idle', 'error']);
  expect(s.error).toBeNull();
  // The HUD runs beside the level: goal meter, hints, concept card and Leave.
  for (const hud of ['hud:meter', 'hud:hint', 'level:concept', 'level:leave'])
    expect(await bounds(hud), hud).not.toBeNull();
}

/**
 * After a win: the result card, Continue → Results, World map → the tile with its stars, the next world open;
 * then a reload (back on the Title screen) keeps every star.
 */
async function afterWin(id: string, nextWorldFirst: string | null): Promise<void> {
  const s = await level();
  expect(s.error).toBeNull();
  expect(s.status).toBe('done');
  expect(s.goalMet).toBe(true);
  expect(s.stars).toBeGreaterThanOrEqual(1);
  // The shown result is the level's pure score of what the player did.
  const expected = getLevel(id)!.score(s.payload as SolutionPayload, s.evaluation);
  expect({ score: s.score, stars: s.stars, goalMet: s.goalMet }).toEqual({
    score: expected.score,
    stars: expected.stars,
    goalMet: expected.goalMet,
  });
  won[id] = s.stars!;
  await page.waitForFunction(() => window.__latentQuest!.uiBounds('level:continue') !== null, undefined, {
    timeout: 10_000,
  });
  await shot(`${id}-done`);

  await click('level:continue');
  await waitForScene('Results');
  expect(await bounds('results:stars')).not.toBeNull();
  await page.waitForTimeout(1200); // the stars' entrance
  await shot(`${id}-results`);
  await click('results:map');
  await waitForScene('WorldMap');

  const progress = (await state()).progress;
  expect(progress.levels[id]).toMatchObject({ stars: won[id], attempts: 1 });
  expect(progress.totalStars).toBe(SEEDED_STARS + Object.values(won).reduce((a, b) => a + b, 0));
  expect(await bounds(`level:${id}`)).not.toBeNull();
  if (nextWorldFirst) expect(progress.unlocked).toContain(nextWorldFirst);
  await shot(`${id}-worldmap`);

  // Reload: the page comes back on the Title screen with every star kept (the seed is not written again).
  const before = progress.levels;
  await page.reload();
  await waitForScene('Title');
  const after = (await state()).progress;
  expect(after.levels).toEqual(before);
  for (const [lid, stars] of Object.entries(won)) expect(after.levels[lid]?.stars, lid).toBe(stars);
  const stored = await storedLevels();
  for (const [lid, stars] of Object.entries(won)) expect(stored[lid]?.stars, lid).toBe(stars);
  if (nextWorldFirst) expect(after.unlocked).toContain(nextWorldFirst);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  // The returning player's save, written once per tab before the game's first script (reloads keep what the game
  // itself saved since).
  await context.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem('lq-campaign-seeded')) return;
      sessionStorage.setItem('lq-campaign-seeded', '1');
      localStorage.setItem(key, value);
    },
    [SAVE_KEY, SEED] as const,
  );
  page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.message}`));
});

// The steps build on each other (one page, one save): after a failure, the later steps stop at once instead of
// timing out on a screen they never reach.
let failedStep: string | null = null;
beforeEach(({ task, onTestFailed }) => {
  if (failedStep) throw new Error(`skipped: the earlier step "${failedStep}" failed`);
  onTestFailed(() => {
    failedStep = task.name;
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe.sequential('campaign: one level of each world won from the title screen, stars kept across reloads', () => {
  it('the seed opens nothing beyond world 1 by itself, and each played win opens the next world (unlock rules in Node)', () => {
    const stars: Record<string, number> = Object.fromEntries(
      Object.entries(SEEDED_LEVELS).map(([id, l]) => [id, l.stars]),
    );
    for (const w of [1, 2, 3, 4] as const) {
      const id = PLAYED[w];
      expect(getLevel(id)?.world).toBe(w);
      expect(SEEDED_LEVELS[id], id).toBeUndefined();
      // Open once the earlier worlds' played levels are won (1 star each), closed before that.
      expect(unlockedLevelIds(stars), id).toContain(id);
      if (w < 4) {
        // The next world stays closed (a seeded level already won there is open by itself: a won level stays open).
        expect(isWorldUnlocked((w + 1) as WorldId, stars), `world ${w + 1}`).toBe(false);
        const next = levelsOfWorld((w + 1) as WorldId).find((l) => (stars[l.id] ?? 0) === 0)!.id;
        expect(unlockedLevelIds(stars), next).not.toContain(next);
        expect(levelsOfWorld(w).reduce((n, l) => n + (stars[l.id] ?? 0), 0)).toBe(
          starsToUnlockWorld((w + 1) as WorldId) - 1,
        );
      }
      stars[id] = 1;
    }
  });

  it('Title, Settings and Lab with the saved game loaded', async () => {
    await page.goto(baseUrl);
    await waitForScene('Title');
    const s = await state();
    expect(s.progress.totalStars).toBe(SEEDED_STARS);
    expect(s.settings.sound).toBe(false);
    expect(s.progress.unlocked).not.toContain(PLAYED[2]);
    expect(s.lab.notices).toEqual([]);
    await shot('title');

    await click('title:settings');
    await waitForScene('Settings');
    expect(await bounds('settings:sound:off')).not.toBeNull();
    await shot('settings');
    await click('settings:back');
    await waitForScene('Title');

    await click('title:lab');
    await waitForScene('Lab');
    expect(await bounds('train')).not.toBeNull();
    await shot('lab');
    await click('lab:back');
    await openWorldMap();
    await shot('worldmap');
    // World 2 is still closed: its first tile does not open.
    await click(`level:${PLAYED[2]}`);
    await page.waitForTimeout(300);
    expect(await sceneKey()).toBe('WorldMap');
  });

  it('world 1 · Squeeze the alphabet: code 2, widest decoder, fewest steps (slider clicks + keys), trained live', async () => {
    await enterLevel(PLAYED[1]);
    await clickSliderStart('control:bottleneck');
    await page.keyboard.press('ArrowRight');
    await clickSliderStart('control:width');
    await page.keyboard.press('End');
    await clickSliderStart('control:steps');
    await click('control:activation:relu');
    expect((await level()).values).toMatchObject({ bottleneck: 2, width: 64, steps: 500, activation: 'relu' });
    await click('level:train');
    await page.waitForFunction(
      () =>
        (window.__latentQuest!.level()?.progress?.step ?? 0) > 0 || window.__latentQuest!.level()?.status === 'done',
      undefined,
      {
        timeout: 60_000,
        polling: 50,
      },
    );
    await shot(`${PLAYED[1]}-training`);
    await waitForStatus(['done', 'error'], 90_000);
    await afterWin(PLAYED[1], PLAYED[2]);
  });

  it('world 2 · Static: corrupt the training inputs (toggle clicked), trained live', async () => {
    await openWorldMap();
    await enterLevel(PLAYED[2]);
    await click('control:denoise:true');
    expect((await level()).values).toMatchObject({ denoise: true });
    await click('level:train');
    await page.waitForFunction(
      () =>
        (window.__latentQuest!.level()?.progress?.step ?? 0) > 0 || window.__latentQuest!.level()?.status === 'done',
      undefined,
      {
        timeout: 60_000,
        polling: 50,
      },
    );
    await shot(`${PLAYED[2]}-training`);
    await waitForStatus(['done', 'error'], 90_000);
    await afterWin(PLAYED[2], levelsOfWorld(3)[0].id);
  });

  it('world 3 · Navigator: drag the probe over the map (no match while dragging), drop it on the target, Place probe', async () => {
    const navigator = getLevel(PLAYED[3])!;
    if (navigator.setup.kind !== 'map' || !navigator.setup.targets) throw new Error('Navigator has no targets');
    const targets = navigator.setup.targets;
    await openWorldMap();
    await enterLevel(PLAYED[3]);
    await page.waitForFunction(
      () => window.__latentQuest!.uiBounds('map:area') !== null && window.__latentQuest!.uiBounds('map:probe') !== null,
      undefined,
      {
        timeout: 30_000,
      },
    );
    await shot(`${PLAYED[3]}-playing`);
    const s0 = await level();
    const b = s0.map!.bounds;
    const area = (await bounds('map:area'))!;
    const toPage = (x: number, y: number) => ({
      x: area.x + ((x - b.xMin) / (b.xMax - b.xMin)) * area.width,
      y: area.y + area.height - ((y - b.yMin) / (b.yMax - b.yMin)) * area.height,
    });
    const decoded = (n: number) =>
      page.waitForFunction((k) => (window.__latentQuest!.level()?.probeDecodes ?? 0) > k, n, { timeout: 20_000 });

    // 1. Hold the mouse on the probe and sweep the middle of the map: the decode follows, no match is shown and
    //    nothing is placed (issue 10: no hot-cold meter). The test stands in for the eye: it drops the probe on
    //    the target's code, the spot whose decode is the target picture.
    const probe = (await bounds('map:probe'))!;
    await page.mouse.move(probe.x + probe.width / 2, probe.y + probe.height / 2);
    await page.mouse.down();
    for (const [lx, ly] of [
      [-2, 2],
      [2, 2],
      [2, -2],
      [-2, -2],
    ]) {
      const n = (await level()).probeDecodes;
      const p = toPage(lx, ly);
      await page.mouse.move(p.x, p.y, { steps: 4 });
      await decoded(n);
    }
    let s = await level();
    expect(s.mapPlay!.live).toBeNull();
    expect(s.mapPlay!.placed).toHaveLength(0);
    const target = targets[s.mapPlay!.target!];
    const spot = toPage(target[0], target[1]);
    const n = s.probeDecodes;
    await page.mouse.move(spot.x, spot.y, { steps: 4 });
    await decoded(n);
    await page.mouse.up();
    s = await level();
    expect(s.mapPlay!.placed).toHaveLength(0);

    // 2. Place probe (the run card's primary button) counts it: its match clears the goal at the first probe.
    await click('map:place');
    s = await waitForStatus(['done', 'error'], 20_000);
    expect(s.mapPlay!.placed).toHaveLength(1);
    console.info(
      `navigator: target ${s.mapPlay!.target}, ${s.mapPlay!.placed[0].value.toFixed(1)} % at the first probe`,
    );
    await afterWin(PLAYED[3], levelsOfWorld(4)[0].id);
  });

  it('world 4 · Blend: the two cards clicked, each weight dragged to its end and stepped down with the keys, Check', async () => {
    const blend = getLevel(PLAYED[4])!;
    if (
      blend.setup.kind !== 'arithmetic' ||
      blend.setup.target.kind !== 'decode' ||
      blend.solution.kind !== 'expression'
    ) {
      throw new Error('Blend is not an arithmetic level with a decoded target');
    }
    const deck = blend.setup.deck.map((c) => c.id);
    const target = blend.setup.target.terms;
    const maxWeight = blend.solution.maxWeight;
    await openWorldMap();
    await enterLevel(PLAYED[4]);
    await page.waitForFunction(() => window.__latentQuest!.uiBounds('card:0') !== null, undefined, { timeout: 30_000 });
    // The cards the target is made of (the player sees both digits in the target picture).
    for (const term of target) await click(`card:${deck.indexOf(term.card)}`);
    // As a player sees it: each card's weight row appears on the next frame (the Level scene redraws per frame).
    for (let i = 0; i < target.length; i++) await waitForWidget(page, `term:${i}`);
    for (let i = 0; i < target.length; i++) {
      await dragSliderToEnd(`term:${i}`);
      const presses = Math.round((maxWeight - target[i].weight) / 0.05);
      for (let k = 0; k < presses; k++) await page.keyboard.press('ArrowLeft');
    }
    await shot(`${PLAYED[4]}-playing`);
    await click('level:train');
    await waitForStatus(['done', 'error'], 30_000);
    const s = await level();
    expect(s.payload).toEqual({ kind: 'expression', terms: target.map((t) => ({ card: t.card, weight: t.weight })) });
    expect(s.stars).toBe(3);
    await afterWin(PLAYED[4], null);
  });

  it('the world map after the reload shows all four wins, and nothing went wrong on the way', async () => {
    await openWorldMap();
    const progress = (await state()).progress;
    for (const w of [1, 2, 3, 4] as const) {
      const id = PLAYED[w];
      expect(progress.levels[id]?.stars, id).toBe(won[id]);
      expect(await bounds(`level:${id}`), id).not.toBeNull();
      expect(await bounds(`world:${w}`)).not.toBeNull();
    }
    for (const [id, l] of Object.entries(SEEDED_LEVELS)) expect(progress.levels[id], id).toEqual(l);
    await shot('worldmap-final');
    expect(consoleErrors).toEqual([]);
  });
});
