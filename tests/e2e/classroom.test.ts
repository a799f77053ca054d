/**
 * Classroom in real headless Chromium, through the real server (`createClassroom`, serving the built game and
 * the API on loopback): a teacher signs in on /teacher, creates and starts a competition; three students, each
 * in their own browser context, open the QR code's link, join in the game's "Join a class" screen and play Blend
 * with real clicks and keys; the game submits each attempt by itself, one student while offline (the attempt
 * waits in the outbox and goes once the network is back, exactly once); the server's re-score equals the game's
 * own score; the projector board (/board/CODE) ranks them live; the teacher downloads the CSV.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClassroom, type Classroom } from '../../src/server/app';
import type { SubmissionReply } from '../../src/shared/classroom/api';
import { getLevel, levelVariant, type LinearTerm } from '../../src/shared/levels';
import { clickWidget, launchChromium, waitForWidget } from './browser';

const ARTIFACTS = 'test-results';
const SEED = 4242;
const dataDir = mkdtempSync(join(tmpdir(), 'lq-e2e-classroom-'));
let classroom: Classroom;
let browser: Browser;
let base = '';
const errors: string[] = [];
/** The first test's class, still open: the second plays on in it. */
let lesson: {
  code: string;
  teacher: Page;
  board: Page;
  played: Record<string, Played>;
  contexts: BrowserContext[];
} | null = null;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  classroom = await createClassroom({
    dataDir,
    pgliteDir: 'memory://',
    adminPasswordEnv: 'e2e-teacher-pass',
    assetsDir: fileURLToPath(new URL('../../assets/', import.meta.url)),
    // `npm run test:e2e` builds dist-test/ (the game with its test hooks) first: the class server serves that game.
    distDir: fileURLToPath(new URL('../../dist-test/', import.meta.url)),
  });
  await classroom.app.listen({ host: '127.0.0.1', port: 0 });
  const address = classroom.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await classroom?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function watchErrors(page: Page, who: string): void {
  page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
  page.on('console', (m) => {
    // The offline student's failed fetches are expected network errors, not page errors.
    if (m.type() === 'error' && !/Failed to load resource|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(m.text()))
      errors.push(`${who}: ${m.text()}`);
  });
}

const waitForScene = (page: Page, key: string) =>
  page.waitForFunction((k) => window.__latentQuest?.scene() === k && window.__latentQuest.ready, key, {
    timeout: 60_000,
    polling: 50,
  });
const bounds = (page: Page, id: string) => page.evaluate((wid) => window.__latentQuest!.uiBounds(wid), id);
const classState = (page: Page) => page.evaluate(() => window.__latentQuest!.getState().classroom);

async function waitForLevelStatus(page: Page, statuses: string[]): Promise<void> {
  await page.waitForFunction((s) => s.includes(window.__latentQuest?.level()?.status ?? ''), statuses, {
    timeout: 60_000,
    polling: 50,
  });
}

/** Drags a slider past its right end (its maximum) and steps it down to `value` with the arrow keys (0.05 a step). */
async function setWeight(page: Page, id: string, value: number, max: number): Promise<void> {
  // The view redraws once per frame (issue 15): a term row shows on the frame after its card was clicked.
  await page
    .waitForFunction((i) => window.__latentQuest!.uiBounds(i) !== null, id, { timeout: 5_000, polling: 50 })
    .catch(() => undefined);
  const box = await bounds(page, id);
  if (!box) throw new Error(`${id} is not on screen`);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 20, y, { steps: 6 });
  await page.mouse.up();
  for (let k = 0; k < Math.round((max - value) / 0.05); k++) await page.keyboard.press('ArrowLeft');
}

interface Played {
  context: BrowserContext;
  page: Page;
  score: number;
  stars: number;
}

/** One student: the QR link, the join form, Blend from the class screen, Check; the attempt sends itself. */
async function student(
  code: string,
  nickname: string,
  terms: readonly LinearTerm[],
  offline: boolean,
): Promise<Played> {
  const blend = levelVariant(getLevel('blend')!, SEED);
  if (blend.setup.kind !== 'arithmetic' || blend.solution.kind !== 'expression')
    throw new Error('Blend is not an arithmetic level');
  const deck = blend.setup.deck.map((c) => c.id);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  watchErrors(page, nickname);
  await page.goto(`${base}/?join=${code.toLowerCase()}`);
  await waitForScene(page, 'Classroom');
  expect(await page.inputValue('#lq-join-code')).toBe(code);
  await page.click('#lq-join-nickname');
  await page.keyboard.type(nickname);
  await clickWidget(page, 'class:join');
  await page.waitForFunction(() => window.__latentQuest!.getState().classroom.membership !== null, undefined, {
    timeout: 20_000,
  });
  await waitForScene(page, 'Classroom');
  await page.waitForFunction(() => window.__latentQuest!.uiBounds('class:play:blend') !== null, undefined, {
    timeout: 20_000,
  });
  if (nickname === 'Ada') await page.screenshot({ path: `${ARTIFACTS}/classroom-student-joined.png` });

  await clickWidget(page, 'class:play:blend');
  await waitForScene(page, 'Level');
  await page.waitForFunction(() => window.__latentQuest!.uiBounds('level:start') !== null, undefined, {
    timeout: 20_000,
  });
  await clickWidget(page, 'level:start');
  await waitForLevelStatus(page, ['idle']);
  await page.waitForFunction(() => window.__latentQuest!.uiBounds('card:0') !== null, undefined, { timeout: 60_000 });
  for (const term of terms) await clickWidget(page, `card:${deck.indexOf(term.card)}`);
  // Each card's weight row appears on the next frame (the Level scene redraws per frame), as a player sees it.
  for (let i = 0; i < terms.length; i++) await waitForWidget(page, `term:${i}`);
  for (let i = 0; i < terms.length; i++) await setWeight(page, `term:${i}`, terms[i].weight, blend.solution.maxWeight);

  if (offline) await context.setOffline(true);
  await clickWidget(page, 'level:train');
  await waitForLevelStatus(page, ['done']);
  const local = (await page.evaluate(() => window.__latentQuest!.level()))!;
  expect(local.payload).toEqual({ kind: 'expression', terms: terms.map((t) => ({ card: t.card, weight: t.weight })) });

  if (offline) {
    // The server cannot be reached: the attempt waits in the outbox (stored), retried with backoff.
    await page.waitForFunction(
      () => (window.__latentQuest!.getState().classroom.items[0]?.tries ?? 0) >= 1,
      undefined,
      { timeout: 20_000 },
    );
    const waiting = await classState(page);
    expect(waiting.pending).toBe(1);
    expect(waiting.reachable).toBe(false);
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('latent-quest.classroom')))!).items).toHaveLength(
      1,
    );
    await context.setOffline(false);
  }
  await page.waitForFunction(() => window.__latentQuest!.getState().classroom.items[0]?.state === 'sent', undefined, {
    timeout: 60_000,
  });
  const sent = (await classState(page)).items;
  expect(sent).toHaveLength(1);
  // The server re-scored the payload on its own decoders: the same number the game showed.
  expect(sent[0].result!.stars).toBe(local.stars);
  expect(sent[0].result!.score).toBeCloseTo(local.score!, 6);

  await page.waitForFunction(() => window.__latentQuest!.uiBounds('level:continue') !== null, undefined, {
    timeout: 30_000,
  });
  await clickWidget(page, 'level:continue');
  await waitForScene(page, 'Results');
  await page.waitForFunction(() => window.__latentQuest!.uiBounds('results:class') !== null, undefined, {
    timeout: 30_000,
  });
  return { context, page, score: local.score!, stars: local.stars! };
}

it('teacher creates and starts, students join and play in the game, the board ranks them live, the CSV downloads', async () => {
  const teacherContext = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const teacher = await teacherContext.newPage();
  watchErrors(teacher, 'teacher');
  await teacher.goto(`${base}/teacher`);
  await teacher.fill('#password', 'e2e-teacher-pass');
  await teacher.click('#login button');
  await teacher.waitForSelector('#levels input[value="blend"]');
  await teacher.fill('#title', 'Class 7B');
  await teacher.fill('#seed', String(SEED));
  await teacher.check('#levels input[value="blend"]');
  await teacher.check('#levels input[value="navigator"]');
  await teacher.check('#levels input[value="squeeze-the-alphabet"]');
  await teacher.click('#create button');
  await teacher.waitForFunction(() => /^[A-Z2-9]{6}$/.test(document.getElementById('code')?.textContent ?? ''));
  const code = (await teacher.textContent('#code'))!;
  await teacher.click('#start');
  await teacher.waitForFunction(() => document.getElementById('state')?.textContent?.includes('running'));

  const boardContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const board = await boardContext.newPage();
  watchErrors(board, 'board');
  await board.goto(`${base}/board/${code}`);
  await board.waitForFunction(() => document.getElementById('status')?.textContent === '0 players');
  expect(await board.evaluate(() => (document.getElementById('qr') as HTMLImageElement).naturalWidth)).toBeGreaterThan(
    0,
  );

  const blend = levelVariant(getLevel('blend')!, SEED);
  if (blend.setup.kind !== 'arithmetic' || blend.setup.target.kind !== 'decode')
    throw new Error('Blend has no decoded target');
  const target = blend.setup.target.terms;
  const others = blend.setup.deck.map((c) => c.id).filter((id) => !target.some((t) => t.card === id));
  // Ada builds the target exactly; Bo has the right cards with one weight off; Cy picks two wrong cards, offline.
  const plays: Record<string, readonly LinearTerm[]> = {
    Ada: target,
    Bo: [target[0], { card: target[1].card, weight: 0.8 }],
    Cy: [
      { card: others[0], weight: 0.5 },
      { card: others[1], weight: 0.5 },
    ],
  };
  const played: Record<string, Played> = {};
  for (const [nickname, terms] of Object.entries(plays)) {
    played[nickname] = await student(code, nickname, terms, nickname === 'Cy');
    // Live: the board shows each student as soon as their attempt is scored.
    await board.waitForFunction((n) => document.querySelectorAll('#rows tr').length === n, Object.keys(played).length, {
      timeout: 15_000,
    });
  }
  expect(played.Ada.stars).toBe(3);
  expect(played.Ada.stars).toBeGreaterThan(played.Cy.stars);
  console.info(
    `classroom e2e: Ada ${played.Ada.score.toFixed(1)} % ${played.Ada.stars}★, Bo ${played.Bo.score.toFixed(1)} % ${played.Bo.stars}★, Cy ${played.Cy.score.toFixed(1)} % ${played.Cy.stars}★`,
  );

  // The board's order: stars, then levels completed, then time (everyone played once, in this order).
  const expected = Object.keys(played).sort(
    (a, b) => played[b].stars - played[a].stars || Number(played[b].stars > 0) - Number(played[a].stars > 0),
  );
  const names = await board.$$eval('#rows tr td:nth-child(2)', (cells) => cells.map((c) => c.textContent));
  expect(names).toEqual(expected);
  expect(await board.textContent('#time')).toMatch(/\d+:\d\d left/);
  await board.screenshot({ path: `${ARTIFACTS}/classroom-board.png` });

  // Each student sees their rank: on the results screen and the class screen.
  for (const [nickname, p] of Object.entries(played)) {
    await p.page.waitForFunction(() => window.__latentQuest!.getState().classroom.standing?.players === 3, undefined, {
      timeout: 15_000,
    });
    const standing = (await classState(p.page)).standing!;
    expect(standing.rank, nickname).toBe(expected.indexOf(nickname) + 1);
    expect(standing.players).toBe(3);
  }
  await played.Bo.page.screenshot({ path: `${ARTIFACTS}/classroom-student-results.png` });
  await clickWidget(played.Bo.page, 'results:map');
  await waitForScene(played.Bo.page, 'Classroom');
  await played.Bo.page.waitForTimeout(300);
  await played.Bo.page.screenshot({ path: `${ARTIFACTS}/classroom-student-class.png` });

  // The offline attempt reached the server exactly once.
  await teacher.waitForFunction(() => document.querySelectorAll('#feed li').length === 3, undefined, {
    timeout: 15_000,
  });
  const [download] = await Promise.all([teacher.waitForEvent('download'), teacher.click('#csv')]);
  const csv = readFileSync((await download.path())!, 'utf8');
  // A UTF-8 byte order mark first, so spreadsheet programs read Polish and Czech names right.
  expect(csv.startsWith('\ufeff')).toBe(true);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe('nickname,level,best_score,stars,time_seconds,attempts,verification,uploaded_model_score');
  expect(
    lines
      .slice(1)
      .map((l) => l.split(',')[0])
      .sort(),
  ).toEqual(['Ada', 'Bo', 'Cy']);
  expect(lines.find((l) => l.startsWith('Ada,'))).toMatch(/^Ada,blend,[\d.]+,3,\d+,1,verified,$/);
  expect(lines.find((l) => l.startsWith('Cy,'))).toMatch(/^Cy,blend,[\d.]+,\d,\d+,1,verified,$/);
  await teacher.screenshot({ path: `${ARTIFACTS}/classroom-teacher.png`, fullPage: true });
  expect(errors).toEqual([]);
  // The same class goes on in the next test: a trained level with its model uploaded, a map level, hidden ranking.
  lesson = { code, teacher, board, played, contexts: [teacherContext, boardContext] };
});

/** A slider's left end clicked (its minimum), leaving it focused for the keyboard. */
async function clickSliderStart(page: Page, id: string): Promise<void> {
  const box = await bounds(page, id);
  if (!box) throw new Error(`${id} is not on screen`);
  await page.mouse.click(box.x + 2, box.y + box.height / 2);
}

/** From the results screen (or the class screen) to a level of the class, its concept card closed. */
async function openClassLevel(page: Page, levelId: string): Promise<void> {
  if ((await page.evaluate(() => window.__latentQuest!.scene())) === 'Results') {
    await clickWidget(page, 'results:map');
    await waitForScene(page, 'Classroom');
  }
  const play = `class:play:${levelId}`;
  await page.waitForFunction((id) => window.__latentQuest!.uiBounds(id) !== null, play, { timeout: 20_000 });
  await clickWidget(page, play);
  await waitForScene(page, 'Level');
  await page.waitForFunction(() => window.__latentQuest!.uiBounds('level:start') !== null, undefined, {
    timeout: 20_000,
  });
  await clickWidget(page, 'level:start');
  await waitForLevelStatus(page, ['idle']);
}

/** The level's result card's Continue, then the results screen's way back to the class screen. */
async function backToClass(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__latentQuest!.uiBounds('level:continue') !== null, undefined, {
    timeout: 30_000,
  });
  await clickWidget(page, 'level:continue');
  await waitForScene(page, 'Results');
  await clickWidget(page, 'results:map');
  await waitForScene(page, 'Classroom');
}

const SQUEEZE = 'squeeze-the-alphabet';

interface TrainedAttempt {
  score: number;
  stars: number;
  /** From the level's result to the class server's score in the game's outbox. */
  secondsToScore: number;
}

/**
 * Squeeze the alphabet trained in the game (fewest steps, clicked; `codeSteps` arrow presses from the smallest
 * code, or the default code): the attempt goes with its model to the upload route, is scored at once by
 * evaluating that model, and is marked as being verified.
 */
async function playSqueeze(page: Page, codeSteps: number | null): Promise<TrainedAttempt> {
  await openClassLevel(page, SQUEEZE);
  await clickSliderStart(page, 'control:steps');
  if (codeSteps !== null) {
    await clickSliderStart(page, 'control:bottleneck');
    for (let i = 0; i < codeSteps; i++) await page.keyboard.press('ArrowRight');
  }
  const upload = page.waitForResponse(
    (r) => r.url().endsWith('/api/submissions/trained') && r.request().method() === 'POST',
    { timeout: 180_000 },
  );
  await clickWidget(page, 'level:train');
  await page.waitForFunction(() => window.__latentQuest!.level()?.status === 'done', undefined, {
    timeout: 180_000,
    polling: 100,
  });
  const doneAt = Date.now();
  const local = (await page.evaluate(() => window.__latentQuest!.level()))!;
  expect(local.values).toMatchObject({ steps: 500, ...(codeSteps !== null ? { bottleneck: 1 + codeSteps } : {}) });
  // Within seconds: the score of the uploaded model, in the game, not yet verified.
  await page.waitForFunction(
    (id) => window.__latentQuest!.getState().classroom.items.some((i) => i.levelId === id && i.state === 'sent'),
    SQUEEZE,
    { timeout: 15_000, polling: 50 },
  );
  const secondsToScore = (Date.now() - doneAt) / 1000;
  const reply = (await (await upload).json()) as SubmissionReply;
  expect(reply.submission.verification).toBe('pending');
  expect(reply.submission.score).toBe(local.score);
  expect(reply.submission.stars).toBe(local.stars);
  await backToClass(page);
  return { score: local.score!, stars: local.stars!, secondsToScore };
}

/** Navigator: the probe dragged onto the target's code (the test stands in for the eye), Place probe. */
async function playNavigator(page: Page): Promise<number> {
  const navigator = levelVariant(getLevel('navigator')!, SEED);
  if (navigator.setup.kind !== 'map' || !navigator.setup.targets) throw new Error('Navigator has no targets');
  await openClassLevel(page, 'navigator');
  await page.waitForFunction(
    () => window.__latentQuest!.uiBounds('map:area') !== null && window.__latentQuest!.uiBounds('map:probe') !== null,
    undefined,
    { timeout: 30_000 },
  );
  const s = (await page.evaluate(() => window.__latentQuest!.level()))!;
  const b = s.map!.bounds;
  const area = (await bounds(page, 'map:area'))!;
  const target = navigator.setup.targets[s.mapPlay!.target!];
  const probe = (await bounds(page, 'map:probe'))!;
  await page.mouse.move(probe.x + probe.width / 2, probe.y + probe.height / 2);
  await page.mouse.down();
  await page.mouse.move(
    area.x + ((target[0] - b.xMin) / (b.xMax - b.xMin)) * area.width,
    area.y + area.height - ((target[1] - b.yMin) / (b.yMax - b.yMin)) * area.height,
    { steps: 6 },
  );
  await page.mouse.up();
  await clickWidget(page, 'map:place');
  await waitForLevelStatus(page, ['done']);
  const stars = (await page.evaluate(() => window.__latentQuest!.level()))!.stars!;
  await page.waitForFunction(
    () => window.__latentQuest!.getState().classroom.items.some((i) => i.levelId === 'navigator' && i.state === 'sent'),
    undefined,
    { timeout: 15_000 },
  );
  await backToClass(page);
  return stars;
}

const count = (page: Page, selector: string) => page.$$eval(selector, (nodes) => nodes.length);

it('the class plays on: Squeeze (model uploaded) scored at once, being verified, then verified; Navigator with the ranking hidden', async () => {
  if (!lesson) throw new Error('the first test did not leave its class open');
  const { teacher, board, played } = lesson;
  const students = Object.entries(played);
  // The re-training queue is held (a busy class: the lanes are full) so "being verified" can be seen everywhere.
  await classroom.verifier!.stop();
  const codeSteps: Record<string, number | null> = { Ada: 1, Bo: null, Cy: 0 };
  // All three train at once, each in their own page's worker.
  const trained = Object.fromEntries(
    await Promise.all(students.map(async ([n, p]) => [n, await playSqueeze(p.page, codeSteps[n])] as const)),
  );
  console.info(
    `classroom e2e, Squeeze: ${students.map(([n]) => `${n} code ${trained[n].score} ${trained[n].stars}★ scored in ${trained[n].secondsToScore.toFixed(1)} s`).join(', ')}`,
  );
  for (const [n, p] of students) {
    const item = (await classState(p.page)).items.find((i) => i.levelId === SQUEEZE)!;
    expect(item.result!.verification, n).toBe('pending');
  }
  // The board marks each best still being verified; the teacher's feed says it per attempt.
  await board.waitForFunction(() => document.querySelectorAll('#rows small.unverified').length === 3, undefined, {
    timeout: 10_000,
  });
  await teacher.waitForFunction(
    () => document.querySelectorAll('#feed .verification.pending').length === 3,
    undefined,
    {
      timeout: 10_000,
    },
  );
  await board.screenshot({ path: `${ARTIFACTS}/classroom-board-verifying.png` });

  // The queue runs: each best is re-trained from its settings and seed, and turns verified.
  const released = Date.now();
  await classroom.verifier!.start({ onlyProcess: true });
  await teacher.waitForFunction(
    () =>
      document.querySelectorAll('#feed .verification.pending').length === 0 &&
      document.querySelectorAll('#feed .verification.verified').length === 6,
    undefined,
    { timeout: 120_000, polling: 200 },
  );
  console.info(
    `classroom e2e: 3 Squeeze bests verified ${((Date.now() - released) / 1000).toFixed(1)} s after the queue ran`,
  );
  await board.waitForFunction(() => document.querySelectorAll('#rows small.unverified').length === 0, undefined, {
    timeout: 10_000,
  });
  for (const [n, p] of students)
    await p.page
      .waitForFunction(
        (id) =>
          window.__latentQuest!.getState().classroom.items.find((i) => i.levelId === id)?.result?.verification ===
          'verified',
        SQUEEZE,
        { timeout: 15_000 },
      )
      .catch(() => {
        throw new Error(`${n}'s game never showed its Squeeze attempt verified`);
      });

  // The teacher hides the ranking: the board shows how many play, not who.
  await teacher.click('#ranking-toggle');
  await board.waitForFunction(
    () => document.querySelectorAll('#rows tr').length === 0 && !document.getElementById('empty')!.hidden,
    undefined,
    {
      timeout: 10_000,
    },
  );
  expect(await board.textContent('#status')).toBe('3 players');
  expect(await board.textContent('#ranking')).not.toMatch(/Ada|Bo|Cy/);

  // Navigator, a map level, with the ranking hidden: each student sees their own rank, and only that.
  const navigatorStars: Record<string, number> = {};
  for (const [n, p] of students) navigatorStars[n] = await playNavigator(p.page);
  const ranks: number[] = [];
  for (const [n, p] of students) {
    // The class screen refreshes the standing (every few seconds) after the attempt went.
    await p.page.waitForFunction(() => window.__latentQuest!.getState().classroom.standing?.rank != null, undefined, {
      timeout: 15_000,
    });
    const standing = (await classState(p.page)).standing!;
    expect(standing.players, n).toBe(3);
    ranks.push(standing.rank!);
    // The board's API (public) names no one while the ranking is hidden: not even to a student who asks.
    const boardSeen = await p.page.evaluate(
      async (url) => (await fetch(url)).json(),
      `${base}/api/competitions/${lesson.code}/board`,
    );
    expect(boardSeen.rows).toEqual([]);
  }
  // A competition ranking: equal totals share a rank and the next rank skips it (1, 1, 3); else 1, 2, 3.
  const sorted = ranks.sort((a, b) => a - b);
  expect(
    sorted.every((r, i) => r === (i > 0 && r === sorted[i - 1] ? sorted[i - 1] : i + 1)),
    `${sorted}`,
  ).toBe(true);
  expect(await count(board, '#rows tr')).toBe(0);
  await played.Ada.page.screenshot({ path: `${ARTIFACTS}/classroom-student-hidden-ranking.png` });
  console.info(`classroom e2e, Navigator: ${students.map(([n]) => `${n} ${navigatorStars[n]}★`).join(', ')}`);
  expect(errors).toEqual([]);
  for (const p of Object.values(played)) await p.context.close();
  for (const c of lesson.contexts) await c.close();
});
