/**
 * Classroom in real headless Chromium: a teacher signs in on /teacher, creates and starts a competition,
 * three students (each in their own browser context; through the API until the game's "Join a class" screen
 * exists) join and submit, the projector board (/board/CODE, its own context) shows them live in rank order,
 * and the teacher downloads the CSV.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClassroom, type Classroom } from '../../src/classroom/app';
import { launchChromium } from './browser';

const dataDir = mkdtempSync(join(tmpdir(), 'lq-e2e-classroom-'));
let classroom: Classroom;
let browser: Browser;
let base = '';

beforeAll(async () => {
  classroom = await createClassroom({ dataDir, pgliteDir: 'memory://', adminPasswordEnv: 'e2e-teacher-pass', assetsDir: fileURLToPath(new URL('../../assets/', import.meta.url)) });
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

it('teacher creates and starts, students submit, the board ranks them live, the CSV downloads', async () => {
  const teacherContext = await browser.newContext({ acceptDownloads: true });
  const teacher = await teacherContext.newPage();
  const errors: string[] = [];
  teacher.on('pageerror', (e) => errors.push(e.message));
  await teacher.goto(`${base}/teacher`);
  await teacher.fill('#password', 'e2e-teacher-pass');
  await teacher.click('#login button');
  await teacher.waitForSelector('#levels input[value="navigator"]');
  await teacher.fill('#title', 'Class 7B');
  await teacher.check('#levels input[value="navigator"]');
  await teacher.check('#levels input[value="blend"]');
  await teacher.click('#create button');
  await teacher.waitForFunction(() => /^[A-Z2-9]{6}$/.test(document.getElementById('code')?.textContent ?? ''));
  const code = (await teacher.textContent('#code'))!;
  await teacher.click('#start');
  await teacher.waitForFunction(() => document.getElementById('state')?.textContent?.includes('running'));

  const boardContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const board = await boardContext.newPage();
  board.on('pageerror', (e) => errors.push(e.message));
  await board.goto(`${base}/board/${code}`);
  await board.waitForFunction(() => document.getElementById('status')?.textContent === '0 players');
  expect(await board.evaluate(() => (document.getElementById('qr') as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

  // Three students; Ada hits the target exactly, Bo gets near it, Cy wanders off.
  const attempts: Record<string, number[][]> = { Ada: [[0, 0], [1, -1], [0.8, -0.6]], Bo: [[0.5, 0.5]], Cy: [[-0.95, 0.95]] };
  const stars: Record<string, number> = {};
  for (const [nickname, points] of Object.entries(attempts)) {
    const student = await browser.newContext();
    const joined = await student.request.post(`${base}/api/join`, { data: { code: code.toLowerCase(), nickname } });
    expect(joined.status()).toBe(201);
    const { token } = await joined.json();
    const res = await student.request.post(`${base}/api/submissions`, {
      headers: { authorization: `Bearer ${token}` },
      data: { levelId: 'navigator', idempotencyKey: `${nickname}-attempt-1`, payload: { kind: 'latentPoints', points, target: 0 }, score: 100 },
    });
    expect(res.status()).toBe(201);
    stars[nickname] = (await res.json()).submission.stars;
    await student.close();
  }
  expect(stars.Ada).toBe(3);

  const expected = Object.keys(stars).sort((a, b) => stars[b] - stars[a] || a.localeCompare(b));
  await board.waitForFunction((n) => document.querySelectorAll('#rows tr').length === n, expected.length, { timeout: 10_000 });
  const names = await board.$$eval('#rows tr td:nth-child(2)', (cells) => cells.map((c) => c.textContent));
  expect(names).toEqual(expected);
  expect(await board.textContent('#time')).toMatch(/\d+:\d\d left/);

  await teacher.waitForFunction(() => document.querySelectorAll('#feed li').length === 3, undefined, { timeout: 10_000 });
  const [download] = await Promise.all([teacher.waitForEvent('download'), teacher.click('#csv')]);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('nickname,level,best_score,stars,time_seconds,attempts');
  expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['Ada', 'Bo', 'Cy']);
  expect(lines.find((l) => l.startsWith('Ada,'))).toMatch(/^Ada,navigator,[\d.]+,3,\d+,1$/);
  expect(errors).toEqual([]);
  await teacherContext.close();
  await boardContext.close();
});
