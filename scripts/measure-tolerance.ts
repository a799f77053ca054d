/**
 * Measures how far an honest re-training's score can fall from the score of the model a student trained, to set
 * the classroom's verification tolerance (src/server/verification.ts SCORE_TOLERANCE; README "Verification
 * tolerance"). One level per trained family, each with its example settings: a glyph autoencoder (Squeeze the
 * alphabet), an MNIST autoencoder (Beat PCA), a denoising one (Static) and a VAE (Balance beta).
 * - Browser: the test build (dist-test/, `npx vite build --mode test`) in headless Chromium, the level page with
 *   `?backend=webgl` (headless Chromium's WebGL is SwiftShader, a CPU rasteriser: its float rounding is a GPU's,
 *   its speed is not) and `?backend=wasm`, trained through the game's own LevelSession (the bench hook), with the
 *   level's own seed.
 * - Node: the class server's side, `cpu` and `wasm` tfjs backends (scripts/measure-tolerance-node.ts, one process
 *   each), the same seed, plus two classroom variant seeds (the spread a different seed gives) and the float16
 *   round trip of the upload.
 * Prints one JSON object: every run, and per level the spread across backends at one seed and across seeds.
 * Usage: npx tsx scripts/measure-tolerance.ts [levels…]  (TOLERANCE_BROWSER=webgl,wasm|none, TOLERANCE_NODE=wasm,cpu|none
 * (default wasm: tfjs' pure-JS CPU backend takes many minutes per MNIST training), TOLERANCE_PORT=8105,
 * TOLERANCE_RUNS=<file>: JSON lines of runs measured before (this script's stderr), not measured again).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import type { Browser } from 'playwright-core';
import { getLevel, validatePayload } from '../src/shared/levels';
import type {} from '../src/game/test-api';
import { launchChromium } from '../tools/chromium';

const LEVELS = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['squeeze-the-alphabet', 'beat-pca', 'static', 'balance-beta'];
const BROWSER_BACKENDS = (process.env.TOLERANCE_BROWSER ?? 'webgl,wasm').split(',').filter((b) => b && b !== 'none');
const NODE_BACKENDS = (process.env.TOLERANCE_NODE ?? 'wasm').split(',').filter((b) => b && b !== 'none');
/** Runs measured before (TOLERANCE_RUNS), by where and level: not measured again. */
const EARLIER: Run[] = process.env.TOLERANCE_RUNS
  ? readFileSync(process.env.TOLERANCE_RUNS, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Run)
  : [];
const measuredBefore = (where: string, level: string) => EARLIER.some((r) => r.where === where && r.level === level);
const VARIANT_SEEDS = [11, 12];

interface Run {
  where: string;
  level: string;
  seed: number;
  values: Record<string, unknown>;
  trainMs: number | null;
  score: number | null;
  stars: number | null;
  float16Score?: number;
  renderer?: string;
  error?: string;
}

async function browserRun(browser: Browser, baseUrl: string, id: string, backend: string): Promise<Run> {
  const level = getLevel(id)!;
  if (level.setup.kind !== 'trained' || level.example.kind !== 'hyperparameters') throw new Error(id);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const run: Run = {
    where: `browser-${backend}`,
    level: id,
    seed: level.setup.seed,
    values: {},
    trainMs: null,
    score: null,
    stars: null,
  };
  try {
    await page.goto(new URL(`?level=${id}&backend=${backend}&lang=en`, baseUrl).toString());
    await page.waitForFunction(
      () => window.__latentQuest?.ready === true && window.__latentQuest.level() !== null,
      undefined,
      { timeout: 60_000 },
    );
    const r = await page.evaluate((o) => window.__latentQuest!.debug.benchTrainedLevel(o), {
      ladder: [level.example.values],
      idleMs: 0,
    });
    const a = r.attempts[0];
    const info = (await page.evaluate(() => window.__latentQuest!.getState())).lab.backendInfo;
    if (info?.backend !== backend) throw new Error(`asked for ${backend}, the game ran ${info?.backend}`);
    Object.assign(run, {
      values: a.values,
      trainMs: a.trainSeconds === null ? null : Math.round(a.trainSeconds * 1000),
      score: a.score,
      stars: a.stars,
      renderer: info.renderer,
      ...(a.error ? { error: a.error } : {}),
    });
  } catch (error) {
    run.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await context.close();
  }
  console.error(JSON.stringify(run));
  return run;
}

/** One Node process on `backend`; each run is printed (stderr) as it finishes, so a cut-short run keeps its figures. */
async function nodeRuns(backend: string, levels: string[]): Promise<Run[]> {
  if (!levels.length) return [];
  const script = fileURLToPath(new URL('./measure-tolerance-node.ts', import.meta.url));
  const seeds = ['base', ...VARIANT_SEEDS.map(String)].join(',');
  const child = spawn('npx', ['tsx', script, backend, seeds, ...levels], { stdio: ['ignore', 'pipe', 'inherit'] });
  const runs: Run[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    if (!line.startsWith('{')) continue;
    runs.push(JSON.parse(line) as Run);
    console.error(line);
  }
  const code = await new Promise<number | null>((r) => child.on('close', r));
  if (code !== 0) throw new Error(`measure-tolerance-node ${backend} ended with ${code}`);
  return runs;
}

const spread = (scores: number[]) => {
  if (scores.length < 2) return null;
  const max = Math.max(...scores);
  const min = Math.min(...scores);
  const abs = max - min;
  return { min, max, maxAbsDelta: abs, relative: abs / Math.max(Math.abs(max), Math.abs(min), 1e-3) };
};

const runs: Run[] = [...EARLIER];
const started = performance.now();
if (BROWSER_BACKENDS.some((b) => LEVELS.some((id) => !measuredBefore(`browser-${b}`, id)))) {
  const server = await preview({
    mode: 'test',
    build: { outDir: 'dist-test' },
    preview: { host: '127.0.0.1', port: Number(process.env.TOLERANCE_PORT ?? 8105), strictPort: false },
    logLevel: 'warn',
  });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview did not report a URL');
  const browser = await launchChromium();
  try {
    for (const id of LEVELS)
      for (const b of BROWSER_BACKENDS)
        if (!measuredBefore(`browser-${b}`, id)) runs.push(await browserRun(browser, baseUrl, id, b));
  } finally {
    await browser.close();
    await server.close();
  }
}
for (const b of NODE_BACKENDS)
  runs.push(
    ...(await nodeRuns(
      b,
      LEVELS.filter((id) => !measuredBefore(`node-${b}`, id)),
    )),
  );

const levels = LEVELS.map((id) => {
  const level = getLevel(id)!;
  const base = level.setup.kind === 'trained' ? level.setup.seed : 0;
  const checked = validatePayload(level, level.example);
  const values = checked.ok && checked.payload.kind === 'hyperparameters' ? checked.payload.values : {};
  const ok = runs.filter((r) => r.level === id && r.score !== null && !r.error);
  const sameSeed = ok.filter((r) => r.seed === base);
  // Every run must have trained the same settings, or the comparison means nothing.
  const sameSettings = sameSeed.every((r) => JSON.stringify(r.values) === JSON.stringify(values));
  // Per Node backend present (measured now or before): the same settings over the level's and variant seeds.
  const nodeWheres = [...new Set(ok.map((r) => r.where).filter((w) => w.startsWith('node-')))];
  const seedSpreads = nodeWheres.map((where) => ({
    where,
    ...spread(ok.filter((r) => r.where === where).map((r) => r.score!)),
  }));
  const float16 = ok.filter((r) => r.float16Score !== undefined).map((r) => Math.abs(r.float16Score! - r.score!));
  return {
    level: id,
    seed: base,
    sameSettings,
    scores: Object.fromEntries(sameSeed.map((r) => [r.where, r.score])),
    stars: Object.fromEntries(sameSeed.map((r) => [r.where, r.stars])),
    acrossBackends: spread(sameSeed.map((r) => r.score!)),
    acrossSeeds: seedSpreads,
    float16MaxAbsDelta: float16.length ? Math.max(...float16) : null,
  };
});

console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      seconds: Math.round((performance.now() - started) / 1000),
      browserBackends: BROWSER_BACKENDS,
      levels,
      runs,
    },
    null,
    1,
  ),
);
