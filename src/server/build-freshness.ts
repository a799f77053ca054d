/**
 * Whether the built game (dist/) must be built again before `npm run classroom` serves it. The rule is a pure
 * function of modification times, so it is tested without building anything; the file walk is separate.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the game's bundle is made from (paths relative to the project root). src/server is not among them:
 * the game never imports the server, so editing the server does not cost a game build.
 */
export const GAME_BUILD_INPUTS = [
  'index.html',
  'vite.config.ts',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.base.json',
  'src/main.ts',
  'src/env.d.ts',
  'src/game',
  'src/shared',
  'src/ml-worker',
  'assets',
] as const;

/** The file whose time stands for the build: Vite writes the page that loads the bundle. */
export const BUILD_MARKER = 'dist/index.html';

export interface InputTime {
  path: string;
  mtimeMs: number;
}

export type Freshness = { stale: false } | { stale: true; reason: string };

/**
 * Stale when there is no build, or when any input was modified after it (a file saved in the same millisecond
 * as the build counts as built: the build read it).
 */
export function buildFreshness(builtAtMs: number | null, inputs: readonly InputTime[]): Freshness {
  if (builtAtMs === null) return { stale: true, reason: `${BUILD_MARKER} is missing` };
  let newest: InputTime | null = null;
  for (const input of inputs) if (!newest || input.mtimeMs > newest.mtimeMs) newest = input;
  if (newest && newest.mtimeMs > builtAtMs)
    return { stale: true, reason: `${newest.path} changed after the last build` };
  return { stale: false };
}

/** Every file under the inputs that exist, with its modification time. */
export function inputTimes(root: string, inputs: readonly string[] = GAME_BUILD_INPUTS): InputTime[] {
  const out: InputTime[] = [];
  const visit = (relative: string): void => {
    const path = join(root, relative);
    const stats = statSync(path);
    if (stats.isDirectory()) for (const entry of readdirSync(path)) visit(join(relative, entry));
    else out.push({ path: relative, mtimeMs: stats.mtimeMs });
  };
  for (const input of inputs) if (existsSync(join(root, input))) visit(input);
  return out;
}

/** The verdict for the project at `root`. */
export function gameBuildFreshness(root: string): Freshness {
  const marker = join(root, BUILD_MARKER);
  return buildFreshness(existsSync(marker) ? statSync(marker).mtimeMs : null, inputTimes(root));
}
