/**
 * `npm run classroom` builds the game only when dist/ is missing or older than what it is built from
 * (src/server/build-freshness.ts): the pure rule, and the file walk on a throwaway project tree.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFreshness, gameBuildFreshness, inputTimes } from '../../src/server/build-freshness';

describe('the staleness rule', () => {
  const built = 1_000_000;
  it('wants a build when there is none', () => {
    expect(buildFreshness(null, [])).toEqual({ stale: true, reason: 'dist/index.html is missing' });
  });
  it('wants a build when any input is newer than the build, and names the newest', () => {
    const inputs = [
      { path: 'src/shared/a.ts', mtimeMs: built - 5 },
      { path: 'src/game/b.ts', mtimeMs: built + 10 },
      { path: 'index.html', mtimeMs: built + 20 },
    ];
    expect(buildFreshness(built, inputs)).toEqual({ stale: true, reason: 'index.html changed after the last build' });
  });
  it('keeps a build that is newer than, or as new as, every input', () => {
    expect(
      buildFreshness(built, [
        { path: 'src/game/b.ts', mtimeMs: built - 1 },
        { path: 'assets/x.bin', mtimeMs: built },
      ]),
    ).toEqual({ stale: false });
    expect(buildFreshness(built, [])).toEqual({ stale: false });
  });
});

describe('the project walk', () => {
  const root = mkdtempSync(join(tmpdir(), 'lq-build-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const file = (path: string, seconds: number): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), 'x');
    utimesSync(join(root, path), seconds, seconds);
  };

  it('looks at the game, shared and worker sources, the page, the config and the assets, not the server', () => {
    for (const path of [
      'src/game/scenes/Level.ts',
      'src/shared/levels/x.ts',
      'src/ml-worker/engine.ts',
      'src/main.ts',
      'index.html',
      'vite.config.ts',
      'package-lock.json',
      'assets/generated/glyphs.json',
    ])
      file(path, 1000);
    file('src/server/server.ts', 5000);
    file('tests/unit/x.test.ts', 5000);
    expect(gameBuildFreshness(root)).toEqual({ stale: true, reason: 'dist/index.html is missing' });
    file('dist/index.html', 2000);
    expect(
      inputTimes(root)
        .map((i) => i.path)
        .sort(),
    ).toEqual([
      'assets/generated/glyphs.json',
      'index.html',
      'package-lock.json',
      'src/game/scenes/Level.ts',
      'src/main.ts',
      'src/ml-worker/engine.ts',
      'src/shared/levels/x.ts',
      'vite.config.ts',
    ]);
    expect(gameBuildFreshness(root)).toEqual({ stale: false });
    for (const [path, seconds] of [
      ['src/shared/levels/x.ts', 3000],
      ['assets/generated/glyphs.json', 4000],
      ['package-lock.json', 6000],
    ] as const) {
      file(path, seconds);
      expect(gameBuildFreshness(root)).toEqual({ stale: true, reason: `${path} changed after the last build` });
    }
    file('dist/index.html', 7000);
    expect(gameBuildFreshness(root)).toEqual({ stale: false });
  });
});
