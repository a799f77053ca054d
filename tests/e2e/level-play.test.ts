import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatMetricValue, getLevel } from '../../src/shared/levels';
import { goalChecks } from '../../src/shared/levels/shortfall';
import { shortfallLines } from '../../src/shared/levels/shortfall-text';
import type { SolutionPayload } from '../../src/shared/levels';
import { CLEAN_DIGIT_THRESHOLD, NON_DIGIT_THRESHOLD } from '../../src/shared/scoring/judge';
import {
  clickWidget,
  launchChromium,
  levelState as level,
  openGame,
  waitForLevel,
  waitForWidget,
  widgetBounds as bounds,
} from './browser';

const baseUrl = inject('baseUrl');
const LEVEL_ID = 'squeeze-the-alphabet';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Clicks a slider at its left end (its minimum), leaving it focused for the keyboard. */
async function clickSliderStart(page: Page, id: string): Promise<void> {
  const box = await bounds(page, id);
  if (!box) throw new Error(`${id} is not on screen`);
  await page.mouse.click(box.x + 2, box.y + box.height / 2);
}

describe('a level played from its data (Level scene + HUD)', () => {
  it('Squeeze the alphabet: card, controls by mouse and keys, train, stars equal the pure score', async () => {
    const { page, consoleErrors } = await openGame(browser, baseUrl, `?level=${LEVEL_ID}`);
    const definition = getLevel(LEVEL_ID)!;

    // The concept card comes first and blocks play.
    let s = await level(page);
    expect(s?.levelId).toBe(LEVEL_ID);
    expect(s?.status).toBe('card');
    expect(await bounds(page, 'level:start')).not.toBeNull();
    expect(await bounds(page, 'level:concept')).toBeNull();
    await clickWidget(page, 'level:start');
    await waitForLevel(page, ['idle']);
    expect(await bounds(page, 'level:start')).toBeNull();

    // The card is reachable again during play, and closes again.
    await clickWidget(page, 'level:concept');
    await page.waitForFunction(() => window.__latentQuest!.uiBounds('level:start') !== null);
    await clickWidget(page, 'level:start');
    await page.waitForFunction(() => window.__latentQuest!.uiBounds('level:start') === null);

    // Code size 2: click the slider's left end (1), then one step right with the keyboard.
    await clickSliderStart(page, 'control:bottleneck');
    await page.keyboard.press('ArrowRight');
    // Widest decoder (End) and twice the default steps (two steps right of 1,000).
    await clickSliderStart(page, 'control:width');
    await page.keyboard.press('End');
    await clickSliderStart(page, 'control:steps');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // An option of a choice control, clicked.
    await clickWidget(page, 'control:activation:tanh');
    s = await level(page);
    expect(s?.values).toMatchObject({ bottleneck: 2, width: 64, steps: 2000, activation: 'tanh', depth: 1 });

    await clickWidget(page, 'level:train');
    await waitForLevel(page, ['training', 'measuring', 'done']);
    await waitForLevel(page, ['done', 'error'], 180_000);
    s = await level(page);
    expect(s?.error).toBeNull();
    expect(s?.status).toBe('done');
    expect(s?.lossPoints).toBeGreaterThan(3);

    // The shown result is exactly the level's pure score of the recorded payload and measurements.
    const payload = s!.payload as SolutionPayload;
    expect(payload).toEqual({
      kind: 'hyperparameters',
      values: { bottleneck: 2, width: 64, depth: 1, activation: 'tanh', steps: 2000 },
    });
    const expected = definition.score(payload, s!.evaluation);
    expect(s!.score).toBe(expected.score);
    expect(s!.stars).toBe(expected.stars);
    expect(s!.goalMet).toBe(expected.goalMet);
    expect(s!.detail).toEqual(expected.detail);
    expect(s!.evaluation.glyphWrongPixels).toHaveLength(26);
    expect(s!.stars).toBeGreaterThanOrEqual(1);
    expect(s!.meter).toBeGreaterThan(0);

    // The attempt is in the progress store, with its payload.
    const saved = (await page.evaluate(() => window.__latentQuest!.getState())).progress.levels[LEVEL_ID];
    expect(saved).toMatchObject({ stars: expected.stars, bestScore: expected.score, attempts: 1 });
    expect(saved.bestPayload).toEqual(payload);

    // The result card's Continue opens Results with the same score.
    expect(await bounds(page, 'level:continue')).not.toBeNull();
    await clickWidget(page, 'level:continue');
    await page.waitForFunction(() => window.__latentQuest!.level() === null, undefined, { timeout: 30_000 });
    await page.waitForFunction(
      () => window.__latentQuest!.scene() === 'Results' && window.__latentQuest!.ready,
      undefined,
      { timeout: 30_000 },
    );
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('a 2-D code opens the latent map: drag, keys and a tap move the probe, each move decodes live', async () => {
    // A touch-capable page, so the tap below is a real touch event.
    const { page, consoleErrors: errors } = await openGame(
      browser,
      baseUrl,
      `?level=${LEVEL_ID}`,
      { width: 1280, height: 720 },
      { hasTouch: true },
    );
    const context = page.context();
    await clickWidget(page, 'level:start');
    await clickSliderStart(page, 'control:bottleneck');
    await page.keyboard.press('ArrowRight');
    await clickSliderStart(page, 'control:width');
    await page.keyboard.press('End');
    await clickWidget(page, 'level:train');
    await waitForLevel(page, ['done', 'error'], 180_000);
    const s = await level(page);
    expect(s?.status).toBe('done');
    expect(s?.map?.points).toBe(26);
    // Close the result card: the map is the view.
    await clickWidget(page, 'level:retry');
    const area = await bounds(page, 'map:area');
    expect(area).not.toBeNull();
    expect(await bounds(page, 'level:view:images')).not.toBeNull();

    // Drag the probe from the middle towards the top-left corner.
    const probe0 = (await bounds(page, 'map:probe'))!;
    await page.mouse.move(probe0.x + probe0.width / 2, probe0.y + probe0.height / 2);
    await page.mouse.down();
    await page.mouse.move(area!.x + area!.width * 0.2, area!.y + area!.height * 0.25, { steps: 10 });
    await page.mouse.up();
    await page.waitForFunction(() => (window.__latentQuest!.level()?.probeDecodes ?? 0) > 0, undefined, {
      timeout: 30_000,
    });
    const afterDrag = (await level(page))!;
    const b = afterDrag.map!.bounds;
    // Top-left of the map: low x, high y (latent y grows upwards).
    expect(afterDrag.probe!.x).toBeLessThan((b.xMin + b.xMax) / 2);
    expect(afterDrag.probe!.y).toBeGreaterThan((b.yMin + b.yMax) / 2);

    // Arrow keys move it right (the map has focus after the drag).
    // Under heavy load Phaser may handle the drag's pointer-up (which focuses the map) after a key already went
    // by, so press again until the probe moves (a real key press each time), up to a few tries.
    let moved = false;
    for (let attempt = 0; attempt < 5 && !moved; attempt++) {
      await page.keyboard.press('ArrowRight');
      moved = await page
        .waitForFunction((x0) => (window.__latentQuest!.level()?.probe?.x ?? -Infinity) > x0, afterDrag.probe!.x, {
          timeout: 3_000,
        })
        .then(() => true)
        .catch(() => false);
    }
    expect(moved).toBe(true);

    // A tap (touch) near the bottom-right puts it there.
    await page.touchscreen.tap(area!.x + area!.width * 0.85, area!.y + area!.height * 0.85);
    await page.waitForFunction(
      (mid) => {
        const p = window.__latentQuest!.level()?.probe;
        return p !== undefined && p !== null && p.x > mid.x && p.y < mid.y;
      },
      { x: (b.xMin + b.xMax) / 2, y: (b.yMin + b.yMax) / 2 },
      { timeout: 30_000 },
    );
    const decodes = (await level(page))!.probeDecodes;
    expect(decodes).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a phone plays Navigator (a latent-map level) by touch', async () => {
    const navigator = getLevel('navigator')!;
    if (navigator.setup.kind !== 'map' || !navigator.setup.targets) throw new Error('Navigator has no targets');
    const targets = navigator.setup.targets;
    const { page, consoleErrors: errors } = await openGame(
      browser,
      baseUrl,
      '?level=navigator',
      { width: 390, height: 844 },
      { hasTouch: true, isMobile: true },
    );
    const context = page.context();
    const tap = async (x: number, y: number): Promise<void> => page.touchscreen.tap(x, y);
    const start = (await bounds(page, 'level:start'))!;
    await tap(start.x + start.width / 2, start.y + start.height / 2);
    await page.waitForFunction(
      () => window.__latentQuest!.level()?.status === 'idle' && window.__latentQuest!.uiBounds('map:area') !== null,
      undefined,
      {
        timeout: 60_000,
      },
    );
    let s = (await level(page))!;
    const area = (await bounds(page, 'map:area'))!;
    const b = s.map!.bounds;
    const toPage = (x: number, y: number) => ({
      x: area.x + ((x - b.xMin) / (b.xMax - b.xMin)) * area.width,
      y: area.y + area.height - ((y - b.yMin) / (b.yMax - b.yMin)) * area.height,
    });
    const tapPlace = async (): Promise<void> => {
      const r = (await bounds(page, 'map:place'))!;
      await tap(r.x + r.width / 2, r.y + r.height / 2);
    };
    // A first probe far from every target: a tap only moves it (no match shown); Place probe counts it, no win.
    const far = toPage(b.xMin + 0.05 * (b.xMax - b.xMin), b.yMin + 0.05 * (b.yMax - b.yMin));
    const looked = s.probeDecodes;
    await tap(far.x, far.y);
    await page.waitForFunction((n) => (window.__latentQuest!.level()?.probeDecodes ?? 0) > n, looked, {
      timeout: 20_000,
    });
    s = (await level(page))!;
    expect(s.mapPlay!.placed).toHaveLength(0);
    expect(s.mapPlay!.live).toBeNull();
    await tapPlace();
    await page.waitForFunction(() => window.__latentQuest!.level()?.mapPlay?.placed.length === 1, undefined, {
      timeout: 20_000,
    });
    s = (await level(page))!;
    expect(s.status).toBe('idle');
    expect(s.mapPlay!.placed[0].good).toBe(false);
    // Then a tap on the target's spot: its decode is the target, so the match clears the goal.
    const target = targets[s.mapPlay!.target!];
    const spot = toPage(target[0], target[1]);
    const before = (await level(page))!.probeDecodes;
    await tap(spot.x, spot.y);
    await page.waitForFunction((n) => (window.__latentQuest!.level()?.probeDecodes ?? 0) > n, before, {
      timeout: 20_000,
    });
    await tapPlace();
    await waitForLevel(page, ['done', 'error'], 30_000);
    s = (await level(page))!;
    expect(s.error).toBeNull();
    expect(s.status).toBe('done');
    expect(s.goalMet).toBe(true);
    expect(s.stars).toBeGreaterThanOrEqual(1);
    const expected = navigator.score(s.payload as SolutionPayload, s.evaluation);
    expect({ score: s.score, stars: s.stars, goalMet: s.goalMet }).toEqual({
      score: expected.score,
      stars: expected.stars,
      goalMet: expected.goalMet,
    });
    expect(s.score).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Holes in the map: both maps decode the probe live, a point is placed only by Place, at 1280x720 and 390x844', async () => {
    const holes = getLevel('holes-in-the-map')!;
    const { page, consoleErrors } = await openGame(browser, baseUrl, '?level=holes-in-the-map');
    await clickWidget(page, 'level:start');
    const ready = () =>
      page.waitForFunction(
        () =>
          window.__latentQuest!.level()?.status === 'idle' &&
          window.__latentQuest!.uiBounds('map:area') !== null &&
          window.__latentQuest!.uiBounds('map:compare') !== null,
        undefined,
        { timeout: 60_000 },
      );
    await ready();
    let s = (await level(page))!;
    expect(s.map!.points).toBeGreaterThan(100);
    expect(s.compare!.points).toBeGreaterThan(100);
    const ae = (await bounds(page, 'map:area'))!;
    const vae = (await bounds(page, 'map:compare'))!;
    // Both on screen, side by side at 1280x720, neither overlapping the other; each with its live decode.
    for (const r of [ae, vae]) {
      expect(r.width).toBeGreaterThan(200);
      expect(r.height).toBeGreaterThan(200);
      expect(r.x + r.width).toBeLessThanOrEqual(1280);
      expect(r.y + r.height).toBeLessThanOrEqual(720);
    }
    expect(vae.x).toBeGreaterThanOrEqual(ae.x + ae.width);
    for (const id of ['map:decode', 'map:compareDecode']) {
      const r = (await bounds(page, id))!;
      expect(r.width).toBeGreaterThan(40);
      expect(r.x + r.width).toBeLessThanOrEqual(1280);
    }
    // A click a quarter in from the AE map's top-right corner moves the probe and decodes it: it places nothing.
    const before = s.probeDecodes;
    await page.mouse.click(ae.x + 0.75 * ae.width, ae.y + 0.25 * ae.height);
    await page.waitForFunction((n) => (window.__latentQuest!.level()?.probeDecodes ?? 0) > n, before, {
      timeout: 30_000,
    });
    s = (await level(page))!;
    expect(s.mapPlay!.placed).toHaveLength(0);
    // Place point here (the run card's primary button) asks the judge about the AE and the VAE at that spot.
    await clickWidget(page, 'map:place');
    await page.waitForFunction(
      () => (window.__latentQuest!.level()?.mapPlay?.compareVerdicts.length ?? 0) === 1,
      undefined,
      { timeout: 30_000 },
    );
    s = (await level(page))!;
    expect(s.status).toBe('idle');
    expect(s.mapPlay!.placed).toHaveLength(1);
    const [p] = s.mapPlay!.placed;
    const [v] = s.mapPlay!.compareVerdicts;
    // The VAE spot is the same relative position in its own box.
    const a = s.map!.bounds;
    const b = s.compare!.bounds;
    expect((v.x - b.xMin) / (b.xMax - b.xMin)).toBeCloseTo((p.x - a.xMin) / (a.xMax - a.xMin), 4);
    expect((v.y - b.yMin) / (b.yMax - b.yMin)).toBeCloseTo((p.y - a.yMin) / (a.yMax - a.yMin), 4);
    expect(Number.isInteger(v.digit) && v.digit >= 0 && v.digit <= 9).toBe(true);
    expect(v.confidence).toBeGreaterThan(0);
    expect(v.confidence).toBeLessThanOrEqual(1);
    expect(v.hole).toBe(v.confidence < NON_DIGIT_THRESHOLD);
    expect(v.clean).toBe(v.confidence >= CLEAN_DIGIT_THRESHOLD);
    await page.screenshot({ path: 'test-results/holes-1280x720.png' });

    // A phone: the maps stack, each still with its live decode beside it, all on screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await ready();
    await page.waitForFunction(
      () => {
        const r = window.__latentQuest!.uiBounds('map:area');
        return r !== null && r.x + r.width <= 390;
      },
      undefined,
      { timeout: 30_000 },
    );
    const pae = (await bounds(page, 'map:area'))!;
    const pvae = (await bounds(page, 'map:compare'))!;
    expect(pvae.y).toBeGreaterThanOrEqual(pae.y + pae.height);
    // The column scrolls: at its end both maps and both live decodes (with their readouts) are on screen.
    await page.mouse.move(195, 400);
    await page.mouse.wheel(0, 5000);
    await page.waitForFunction((y) => (window.__latentQuest!.uiBounds('map:area')?.y ?? y) < y, pae.y, {
      timeout: 10_000,
    });
    for (const id of ['map:area', 'map:compare', 'map:decode', 'map:compareDecode']) {
      const r = (await bounds(page, id))!;
      expect(r.width).toBeGreaterThan(30);
      expect(r.height).toBeGreaterThan(id === 'map:area' || id === 'map:compare' ? 100 : 30);
      expect(r.x + r.width).toBeLessThanOrEqual(390);
      expect(r.y + r.height).toBeLessThanOrEqual(844);
    }
    s = (await level(page))!;
    expect(s.mapPlay!.liveNearest).toBeGreaterThanOrEqual(0);
    expect(s.mapPlay!.liveCompareNearest).toBeGreaterThanOrEqual(0);
    await page.mouse.wheel(0, -5000);
    await page.waitForFunction((y) => Math.abs((window.__latentQuest!.uiBounds('map:area')?.y ?? 0) - y) < 2, pae.y, {
      timeout: 10_000,
    });
    const decodes = (await level(page))!.probeDecodes;
    await page.mouse.click(pae.x + 0.3 * pae.width, pae.y + 0.6 * pae.height);
    await page.waitForFunction((n) => (window.__latentQuest!.level()?.probeDecodes ?? 0) > n, decodes, {
      timeout: 30_000,
    });
    expect((await level(page))!.mapPlay!.placed).toHaveLength(1);
    await clickWidget(page, 'map:place');
    await page.waitForFunction(() => window.__latentQuest!.level()?.mapPlay?.placed.length === 2, undefined, {
      timeout: 30_000,
    });
    await page.screenshot({ path: 'test-results/holes-390x844.png' });
    // The VAE verdict is shown, never scored: the payload is the AE points alone, scored by the pure function.
    await clickWidget(page, 'map:score');
    await waitForLevel(page, ['done', 'error'], 30_000);
    s = (await level(page))!;
    expect(s.error).toBeNull();
    const payload = s.payload as SolutionPayload;
    expect(payload.kind === 'latentPoints' && payload.points.length).toBe(2);
    // Scored by the empty space: each point's distance to the nearest dot, as the screen showed it.
    expect(s.evaluation!.nearestCodeDistances).toEqual(s.mapPlay!.distances);
    const expected = holes.score(payload, s.evaluation);
    expect({ score: s.score, stars: s.stars, goalMet: s.goalMet }).toEqual({
      score: expected.score,
      stars: expected.stars,
      goalMet: expected.goalMet,
    });
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('The path: drawn by a mouse drag, checked, each step coloured by the judge, at 1280x720 and 390x844', async () => {
    const { page, consoleErrors } = await openGame(browser, baseUrl, '?level=the-path');
    await clickWidget(page, 'level:start');
    const ready = () =>
      page.waitForFunction(
        () => window.__latentQuest!.level()?.status === 'idle' && window.__latentQuest!.uiBounds('map:area') !== null,
        undefined,
        { timeout: 60_000 },
      );
    /** Presses on the map a fifth in from its left edge, drags across it, lets go; Check path scores it. */
    const drawAndCheck = async (): Promise<void> => {
      const area = (await bounds(page, 'map:area'))!;
      const y = area.y + area.height * 0.5;
      await page.mouse.move(area.x + area.width * 0.2, y);
      await page.mouse.down();
      await page.mouse.move(area.x + area.width * 0.8, y - area.height * 0.2, { steps: 12 });
      await page.mouse.up();
      await page.waitForFunction(() => (window.__latentQuest!.level()?.mapPlay?.pathPoints ?? 0) >= 3, undefined, {
        timeout: 20_000,
      });
      const s = (await level(page))!;
      // The path starts where the mouse pressed.
      const b = s.map!.bounds;
      const payloadStart = async () => (await level(page))!.payload as SolutionPayload | null;
      await clickWidget(page, 'map:place');
      await waitForLevel(page, ['done', 'error'], 30_000);
      const done = (await level(page))!;
      expect(done.error).toBeNull();
      const payload = (await payloadStart())!;
      if (payload.kind !== 'path') throw new Error('a path payload expected');
      expect(payload.points).toHaveLength(s.mapPlay!.pathPoints);
      expect((payload.points[0][0] - b.xMin) / (b.xMax - b.xMin)).toBeCloseTo(0.2, 1);
      expect(done.evaluation!.judgeProbabilities).toHaveLength(payload.points.length);
      // The strip of decodes along the path (issue 10) is on screen under the status.
      expect(await bounds(page, 'path:strip')).not.toBeNull();
    };
    await ready();
    await drawAndCheck();
    await page.screenshot({ path: 'test-results/path-1280x720.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(
      () => {
        const r = window.__latentQuest!.uiBounds('map:area');
        return r !== null && r.x + r.width <= 390;
      },
      undefined,
      { timeout: 30_000 },
    );
    await clickWidget(page, 'map:place');
    await ready();
    await drawAndCheck();
    await page.screenshot({ path: 'test-results/path-390x844.png' });
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('Blend (world 4): cards clicked into an expression, checked, scored by the pure function', async () => {
    const blend = getLevel('blend')!;
    if (blend.setup.kind !== 'arithmetic') throw new Error('Blend is not an arithmetic level');
    const deck = blend.setup.deck.map((c) => c.id);
    const { page, consoleErrors } = await openGame(browser, baseUrl, '?level=blend');
    await clickWidget(page, 'level:start');
    await page.waitForFunction(() => window.__latentQuest!.uiBounds('card:0') !== null, undefined, { timeout: 60_000 });
    // A miss first, by real input: one wrong card alone. The "Not yet" card names the number that failed and by
    // how much, exactly the pure function's lines for the recorded attempt.
    const wrong = deck.findIndex((id) => id !== 'two' && id !== 'seven');
    await clickWidget(page, `card:${wrong}`);
    // As a player sees it: the card's weight row appears (the frame that shows it also enables Check).
    await waitForWidget(page, 'term:0');
    await clickWidget(page, 'level:train');
    await waitForLevel(page, ['done', 'error'], 30_000);
    const miss = (await level(page))!;
    expect(miss.goalMet).toBe(false);
    const missScore = blend.score(miss.payload as SolutionPayload, miss.evaluation);
    const missLines = shortfallLines(
      blend,
      goalChecks(blend, miss.payload as SolutionPayload, miss.evaluation, missScore.score),
      'en',
    );
    expect(missLines).toHaveLength(1);
    expect(miss.shortfall).toEqual(missLines);
    expect(missLines[0]).toContain(`short of the goal of ${formatMetricValue(blend.stars[0], 'percent')}`);
    expect(await bounds(page, 'level:shortfall')).not.toBeNull();
    await clickWidget(page, 'level:retry');
    await page.waitForFunction(() => window.__latentQuest!.uiBounds('level:shortfall') === null);
    await clickWidget(page, `card:${wrong}`);
    await page.waitForFunction(() => window.__latentQuest!.level()?.status === 'idle');
    // The target is the average of the 2 and the 7: pick both (weights start at 1).
    await clickWidget(page, `card:${deck.indexOf('two')}`);
    await clickWidget(page, `card:${deck.indexOf('seven')}`);
    await waitForWidget(page, 'term:1');
    // Halve both weights with the keyboard: focus each weight slider, ten steps of 0.05 down.
    for (const id of ['term:0', 'term:1']) {
      await clickSliderStart(page, id);
      await page.keyboard.press('End');
      for (let k = 0; k < 30; k++) await page.keyboard.press('ArrowLeft');
    }
    await clickWidget(page, 'level:train');
    await waitForLevel(page, ['done', 'error'], 30_000);
    const s = (await level(page))!;
    expect(s.error).toBeNull();
    expect(s.payload).toEqual({
      kind: 'expression',
      terms: [
        { card: 'two', weight: 0.5 },
        { card: 'seven', weight: 0.5 },
      ],
    });
    const expected = blend.score(s.payload as SolutionPayload, s.evaluation);
    expect({ score: s.score, stars: s.stars, goalMet: s.goalMet }).toEqual({
      score: expected.score,
      stars: expected.stars,
      goalMet: expected.goalMet,
    });
    // The exact expression of the target decodes to the target itself.
    expect(s.score).toBeGreaterThan(99.9);
    expect(s.stars).toBe(3);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('a phone (390x844) scrolls the level: the live loss chart and progress show while training; the cards are reachable', async () => {
    const inView = (r: { x: number; y: number; width: number; height: number } | null): boolean =>
      r !== null &&
      r.x >= 0 &&
      r.y >= 0 &&
      r.x + r.width <= 390 &&
      r.y + r.height <= 844 &&
      r.width > 100 &&
      r.height > 40;
    const tapWidget = async (id: string): Promise<void> => {
      const r = await bounds(page, id);
      if (!r) throw new Error(`${id} is not on screen`);
      await page.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2);
    };
    const { page, consoleErrors: errors } = await openGame(
      browser,
      baseUrl,
      `?level=${LEVEL_ID}`,
      { width: 390, height: 844 },
      { hasTouch: true, isMobile: true },
    );
    const context = page.context();
    await tapWidget('level:start');
    await waitForLevel(page, ['idle']);
    await tapWidget('level:train');
    await page.waitForFunction(() => (window.__latentQuest!.level()?.lossPoints ?? 0) > 3, undefined, {
      timeout: 120_000,
      polling: 50,
    });
    const s = (await level(page))!;
    expect(s.status).toBe('training');
    expect(s.lossPoints).toBeGreaterThan(3);
    // While training: the chart and the progress bar are both on the phone's screen, without scrolling.
    const chart = await bounds(page, 'level:lossChart');
    expect(inView(chart)).toBe(true);
    expect(inView(await bounds(page, 'level:progress'))).toBe(true);
    // The column is taller than the screen: the wheel scrolls it to the images (and the chart moves up with it).
    await page.mouse.move(195, 500);
    await page.mouse.wheel(0, 2000);
    await page.waitForFunction((y) => (window.__latentQuest!.uiBounds('level:lossChart')?.y ?? y) < y - 100, chart!.y, {
      timeout: 10_000,
    });
    expect(inView(await bounds(page, 'level:images:input'))).toBe(true);
    await page.mouse.wheel(0, -4000);
    await page.waitForFunction(
      (y) => Math.abs((window.__latentQuest!.uiBounds('level:lossChart')?.y ?? -999) - y) < 1,
      chart!.y,
      { timeout: 10_000 },
    );

    // Attribute vector (ten weight sliders and ten cards): the cards are reached by scrolling and take a tap.
    await page.goto(new URL('?level=attribute-vector', baseUrl).toString());
    await page.waitForFunction(() => window.__latentQuest?.ready === true, undefined, { timeout: 60_000 });
    await tapWidget('level:start');
    await page.waitForFunction(() => window.__latentQuest!.uiBounds('card:0') !== null, undefined, { timeout: 60_000 });
    await page.mouse.move(195, 500);
    await page.mouse.wheel(0, 2000);
    await page.waitForFunction(
      () => {
        const r = window.__latentQuest!.uiBounds('card:9');
        return r !== null && r.y > 0 && r.y + r.height < 844;
      },
      undefined,
      { timeout: 10_000 },
    );
    await tapWidget('card:0');
    await page.waitForFunction(() => window.__latentQuest!.uiBounds('term:0') !== null, undefined, { timeout: 10_000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Leave during training cancels the job in the worker', async () => {
    const { page, consoleErrors } = await openGame(browser, baseUrl, `?level=${LEVEL_ID}`);
    await clickWidget(page, 'level:start');
    await waitForLevel(page, ['idle']);
    await clickSliderStart(page, 'control:steps');
    await page.keyboard.press('End');
    await clickWidget(page, 'level:train');
    await page.waitForFunction(() => (window.__latentQuest!.level()?.progress?.step ?? 0) > 20, undefined, {
      timeout: 120_000,
      polling: 50,
    });
    const step = (await level(page))!.progress!.step;
    expect(step).toBeLessThan(3000);
    expect(await page.evaluate(() => window.__latentQuest!.debug.activeJobId())).not.toBeNull();
    await clickWidget(page, 'level:leave');
    await page.waitForFunction(() => window.__latentQuest!.level() === null, undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => window.__latentQuest!.debug.activeJobId())).toBeNull();
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
  it('a worker crash mid-run: training continues from its checkpoint on the restarted worker, then scores as usual', async () => {
    const { page } = await openGame(browser, baseUrl, `?level=${LEVEL_ID}`);
    const definition = getLevel(LEVEL_ID)!;
    await clickWidget(page, 'level:start');
    await waitForLevel(page, ['idle']);
    // The longest run the level offers (3,000 steps, the widest two-layer model), so the crash lands mid-run.
    await clickSliderStart(page, 'control:steps');
    await page.keyboard.press('End');
    await clickSliderStart(page, 'control:width');
    await page.keyboard.press('End');
    await clickSliderStart(page, 'control:depth');
    await page.keyboard.press('End');
    expect((await level(page))!.values).toMatchObject({ steps: 3000, width: 64, depth: 2 });
    await clickWidget(page, 'level:train');
    // Past the run's first checkpoint, and well before its end.
    await page.waitForFunction(
      () => {
        const s = window.__latentQuest!.level();
        return s?.status === 'training' && (s.checkpointStep ?? 0) >= 100;
      },
      undefined,
      { timeout: 120_000, polling: 20 },
    );
    // Read where the run is and kill the worker in one go, so no step or checkpoint slips in between.
    const atCrash = await page.evaluate(() => {
      const s = window.__latentQuest!.level()!;
      window.__latentQuest!.debug.killWorker();
      return s;
    });
    const crashStep = atCrash.progress!.step;
    expect(atCrash.status).toBe('training');
    expect(crashStep).toBeLessThan(3000);

    await page.waitForFunction(() => window.__latentQuest!.level()?.interruption?.kind === 'resumed', undefined, {
      timeout: 60_000,
      polling: 20,
    });
    const resumed = (await level(page))!;
    const from = resumed.interruption!.fromStep!;
    expect(from).toBeGreaterThanOrEqual(atCrash.checkpointStep!);
    expect(from).toBeLessThanOrEqual(crashStep);
    expect(resumed.interruption!.text).toBe(
      `The ML worker stopped and was restarted; training continues from step ${from.toLocaleString('en')}.`,
    );
    expect(await page.evaluate(() => window.__latentQuest!.debug.workerAlive())).toBe(true);
    // The step count continues from the checkpoint, not from 0.
    expect(resumed.progress!.step).toBeGreaterThanOrEqual(from);
    if (resumed.status === 'training') {
      await page.waitForFunction((f) => (window.__latentQuest!.level()?.progress?.step ?? 0) > f, from, {
        timeout: 60_000,
        polling: 20,
      });
      const moving = (await level(page))!;
      if (moving.status === 'training') {
        expect(moving.progress!.step).toBeGreaterThan(from);
        await page.screenshot({ path: 'test-results/level-resumed-after-worker-kill.png' });
      }
    }

    await waitForLevel(page, ['done', 'error', 'idle'], 180_000);
    const s = (await level(page))!;
    expect(s.error).toBeNull();
    expect(s.status).toBe('done');
    expect(s.interruption?.kind).toBe('resumed');
    expect(s.progress!.step).toBe(3000);
    const payload = s.payload as SolutionPayload;
    expect(payload).toEqual({
      kind: 'hyperparameters',
      values: { bottleneck: 8, width: 64, depth: 2, activation: 'relu', steps: 3000 },
    });
    const expected = definition.score(payload, s.evaluation);
    expect(s.score).toBe(expected.score);
    expect(s.stars).toBe(expected.stars);
    expect(s.goalMet).toBe(expected.goalMet);
    expect(s.detail).toEqual(expected.detail);
    expect(s.evaluation.glyphWrongPixels).toHaveLength(26);
    await page.screenshot({ path: 'test-results/level-done-after-worker-kill.png' });
    await page.context().close();
  });
  it('a phone: a crash before the first checkpoint says so and leaves the level ready; the next run resumes after a crash', async () => {
    const { page } = await openGame(browser, baseUrl, `?level=${LEVEL_ID}`, { width: 390, height: 844 });
    await clickWidget(page, 'level:start');
    await waitForLevel(page, ['idle']);
    await clickWidget(page, 'level:train');
    // Killed as soon as training runs, before the worker's first checkpoint (every 0.5 s for glyph runs).
    const atCrash = await page.waitForFunction(
      () => {
        const s = window.__latentQuest!.level();
        if (s?.status !== 'training' || s.checkpointStep !== null) return false;
        window.__latentQuest!.debug.killWorker();
        return s;
      },
      undefined,
      { timeout: 120_000, polling: 10 },
    );
    const killed = await atCrash.jsonValue();
    expect(killed && killed.checkpointStep).toBeNull();
    await page.waitForFunction(
      () =>
        window.__latentQuest!.level()?.interruption !== null && window.__latentQuest!.level()?.status !== 'training',
      undefined,
      { timeout: 60_000, polling: 20 },
    );
    let s = (await level(page))!;
    expect(s.status).toBe('idle');
    expect(s.interruption?.kind).toBe('noCheckpoint');
    expect(s.message).toBe(s.interruption!.text);
    expect(s.message).toMatch(/No checkpoint yet/);
    expect(s.score).toBeNull();
    await page.screenshot({ path: 'test-results/phone-level-crash-no-checkpoint-390x844.png' });

    // Ready to train again; a crash in this run lands after a checkpoint and the run continues from it.
    await clickWidget(page, 'level:train');
    await page.waitForFunction(
      () => {
        const s = window.__latentQuest!.level();
        return (
          s?.status === 'training' &&
          (s.checkpointStep ?? 0) >= 50 &&
          s.progress !== null &&
          s.progress.step < s.progress.totalSteps - 100
        );
      },
      undefined,
      { timeout: 120_000, polling: 10 },
    );
    await page.evaluate(() => window.__latentQuest!.debug.killWorker());
    await page.waitForFunction(() => window.__latentQuest!.level()?.interruption?.kind === 'resumed', undefined, {
      timeout: 60_000,
      polling: 20,
    });
    if ((await level(page))!.status === 'training')
      await page.screenshot({ path: 'test-results/phone-level-resumed-390x844.png' });
    await waitForLevel(page, ['done', 'error', 'idle'], 180_000);
    s = (await level(page))!;
    expect(s.status).toBe('done');
    expect(s.progress!.step).toBe(1000);
    const definition = getLevel(LEVEL_ID)!;
    expect(s.score).toBe(definition.score(s.payload as SolutionPayload, s.evaluation).score);
    await page.context().close();
  });
});
