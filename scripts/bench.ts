/**
 * `npm run bench`: drives the test build (dist-test/, `vite build --mode test`: the game with its test hooks) in
 * headless Chromium and prints one JSON object.
 * Per backend (webgl, wasm, cpu) and for the automatic choice: our training loop vs tfjs model.fit on the same
 * 784-256-32-256-784 model (batch 128) in the same page, decode round trips, frames idle and while training,
 * numTensors before/after 1,000 steps; then the chunk sizes of the shipped build (dist/). Targets (DESIGN §4) are
 * reported, never asserted.
 * Also: time from navigation to the Title screen being interactive (3 cold loads), and per level (`levels`), on the
 * automatic backend, through the Level scene's own LevelSession (src/game/bench/bench-level.ts): trained levels
 * (worlds 1–2, Balance beta) play the solver bots' skilled ladder (tests/unit/solvers/lib/strategies.ts) until the
 * first star, timed from pressing Train to the score; map/arithmetic levels time the pretrained model getting ready
 * and one scored attempt with the solver's skilled payload. `levelTraining`: frames on a level page idle vs while
 * Beat PCA trains; per trained level a main-thread profile (long tasks, Phaser steps, progress events:
 * src/game/bench/main-profile.ts). Filters: BENCH_BACKENDS=auto,webgl|none, BENCH_LEVELS=beat-pca,blend,software-webgl|none,
 * BENCH_TITLE_RUNS=0, BENCH_WASM_THREADS=2. Issue 15's targets: scripts/bench-targets.ts.
 * Writes .bench/latest.json too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { preview } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import type { BackendBench, BenchOptions } from '../src/game/bench/bench-page';
import type { TrainedLevelBench } from '../src/game/bench/bench-level';
import { LEVELS, type LevelDefinition } from '../src/shared/levels';
import type {} from '../src/game/test-api';
import { CHROMIUM_ARGS } from '../tools/chromium';
import { benchSoftwareWebgl, softwareWebglUsable, type SoftwareWebglRow } from './bench-software-webgl';
import { FRAME_JITTER_MS, smoothPlayTargets } from './bench-targets';
import {
  pretrainedFigure,
  pretrainedPayloads,
  round,
  trainedFigure,
  trainedLadder,
  type LevelFigure,
  type PretrainedPayload,
} from './bench-level-figures';
import { chunkSizes } from './chunk-sizes';
import { measureTitle } from './bench-title';

const ALL_BACKENDS = ['auto', 'webgl', 'wasm', 'cpu'] as const;
/** BENCH_BACKENDS=webgl,wasm limits the run (for quick checks). */
const BACKENDS = ALL_BACKENDS.filter(
  (b) => !process.env.BENCH_BACKENDS || process.env.BENCH_BACKENDS.split(',').includes(b),
);
const OPTIONS: Record<(typeof ALL_BACKENDS)[number], BenchOptions> = {
  auto: { trainSteps: 200, batchSize: 128, decodeRuns: 80, memorySteps: 1000 },
  webgl: { trainSteps: 120, batchSize: 128, decodeRuns: 80, memorySteps: 1000 },
  wasm: { trainSteps: 200, batchSize: 128, decodeRuns: 80, memorySteps: 1000 },
  cpu: { trainSteps: 30, batchSize: 128, decodeRuns: 40, memorySteps: 1000 },
};

/**
 * Levels timed in the browser: the trained ones of worlds 1–2, Balance beta and World 5 (Through the dice, Two forces,
 * Codebook: the solver bots' skilled ladder up to the first star, or the screen-only reader's when a level has no
 * skilled ladder), and the map/arithmetic ones (pretrained model ready, one scored attempt; Digits on demand too).
 * BENCH_LEVELS=beat-pca,blend limits them; BENCH_LEVELS=none skips them.
 */
const LEVEL_FILTER = process.env.BENCH_LEVELS?.split(',').filter(Boolean) ?? null;
const BENCH_LEVELS = LEVELS.filter(
  (l) =>
    (l.setup.kind === 'trained' ? l.world <= 2 || l.id === 'balance-beta' || l.world === 5 : true) &&
    (!LEVEL_FILTER || LEVEL_FILTER.includes(l.id)),
);
/** BENCH_WASM_THREADS=2 asks every page for threaded WASM (`?threads=2`; off by default, README Performance). */
const THREADS_QUERY = process.env.BENCH_WASM_THREADS ? `&threads=${Number(process.env.BENCH_WASM_THREADS)}` : '';
/** The software WebGL row (BENCH_SOFTWARE_WEBGL=0 skips it; a BENCH_LEVELS filter skips it unless it names it). */
const SOFTWARE_WEBGL =
  process.env.BENCH_SOFTWARE_WEBGL !== '0' && (!LEVEL_FILTER || LEVEL_FILTER.includes('software-webgl'));
/** Cold loads timed to the Title screen being interactive (BENCH_TITLE_RUNS=0 skips them). */
const TITLE_RUNS = Number(process.env.BENCH_TITLE_RUNS ?? 3);
/** One level's page may not take longer than this (a slow level reports an error instead of eating the budget). */
const LEVEL_TIMEOUT_MS = Number(process.env.BENCH_LEVEL_TIMEOUT_MS ?? 150_000);
/** The level whose training frames are the headline `levelTraining` figure (first of these that ran). */
const FRAMES_LEVELS = ['beat-pca', 'static'];

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function benchLevel(
  browser: Browser,
  baseUrl: string,
  level: LevelDefinition,
  plan: PretrainedPayload | undefined,
): Promise<{ figure: LevelFigure; trained: TrainedLevelBench | null }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const failed = (error: unknown): LevelFigure => ({
    id: level.id,
    world: level.world,
    kind: level.setup.kind === 'trained' ? 'trained' : 'pretrained',
    secondsToFirstStar: null,
    stars: null,
    openSeconds: null,
    error: error instanceof Error ? error.message.split('\n')[0] : String(error),
  });
  try {
    const run = async () => {
      await page.goto(new URL(`?level=${level.id}&backend=auto${THREADS_QUERY}`, baseUrl).toString());
      await page.waitForFunction(
        () =>
          window.__latentQuest?.ready === true &&
          window.__latentQuest.scene() === 'Level' &&
          window.__latentQuest.level() !== null,
        undefined,
        {
          timeout: 60_000,
        },
      );
      const openSeconds = (await page.evaluate(() => performance.now())) / 1000;
      if (level.setup.kind === 'trained') {
        const ladder = trainedLadder(level);
        const r = await page.evaluate((o) => window.__latentQuest!.debug.benchTrainedLevel(o), {
          ladder,
          idleMs: 3000,
        });
        return { figure: trainedFigure(level, openSeconds, r), trained: r };
      }
      const p = plan ?? { payload: level.example, source: 'example' as const };
      const r = await page.evaluate(([payload, ms]) => window.__latentQuest!.debug.benchPretrainedLevel(payload, ms), [
        p.payload,
        60_000,
      ] as const);
      return { figure: pretrainedFigure(level, openSeconds, r, p), trained: null };
    };
    return await withTimeout(run(), LEVEL_TIMEOUT_MS, level.id);
  } catch (error) {
    return { figure: failed(error), trained: null };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const plans = await pretrainedPayloads(BENCH_LEVELS.filter((l) => l.setup.kind !== 'trained'));
  // The test build (dist-test/, with the test hooks that run the in-page bench); chunk sizes are the shipped dist/.
  const server = await preview({ mode: 'test', preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview did not report a URL');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const results: Record<string, BackendBench | { error: string }> = {};
  let title: Awaited<ReturnType<typeof measureTitle>> | null = null;
  const levels: LevelFigure[] = [];
  const trainedRuns = new Map<string, TrainedLevelBench>();
  let softwareWebgl: SoftwareWebglRow | null = null;
  try {
    // Cold loads to the title (scripts/bench-title.ts): the HTML title, the game's own, and Play pressed at once.
    if (TITLE_RUNS > 0) title = await measureTitle(browser, baseUrl, TITLE_RUNS, Math.min(3, TITLE_RUNS));
    for (const backend of BACKENDS) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      try {
        await page.goto(new URL(`?scene=lab&backend=${backend}${THREADS_QUERY}`, baseUrl).toString());
        await page.waitForFunction(() => window.__latentQuest?.ready === true, undefined, { timeout: 60_000 });
        results[backend] = await page.evaluate((o) => window.__latentQuest!.debug.benchmark(o), OPTIONS[backend]);
        process.stderr.write(`bench: ${backend} done\n`);
      } catch (error) {
        results[backend] = { error: error instanceof Error ? error.message : String(error) };
      } finally {
        await context.close();
      }
    }
    for (const level of BENCH_LEVELS) {
      const { figure, trained } = await benchLevel(browser, baseUrl, level, plans.get(level.id));
      levels.push(figure);
      if (trained) trainedRuns.set(level.id, trained);
      process.stderr.write(
        `bench: ${level.id} ${figure.error ? `error: ${figure.error}` : `done (${JSON.stringify({ secondsToFirstStar: figure.secondsToFirstStar, stars: figure.stars, readySeconds: figure.readySeconds })})`}\n`,
      );
    }
    if (SOFTWARE_WEBGL) {
      softwareWebgl = await benchSoftwareWebgl(browser, baseUrl, THREADS_QUERY);
      process.stderr.write(`bench: software WebGL ${JSON.stringify(softwareWebgl)}\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const ok = (r: BackendBench | { error: string } | undefined): r is BackendBench => !!r && !('error' in r);
  const forced = (['webgl', 'wasm', 'cpu'] as const).map((b) => results[b]).filter(ok);
  const fastest = forced.reduce<BackendBench | null>(
    (best, r) => (!best || r.train.ourSamplesPerSecond > best.train.ourSamplesPerSecond ? r : best),
    null,
  );
  const auto = results.auto;
  const chunks = chunkSizes('dist');
  // Frames on a level page: idle (card closed, nothing running) vs while its first attempt trains.
  const framesLevel = [...FRAMES_LEVELS, ...trainedRuns.keys()].find((id) => trainedRuns.get(id)?.attempts[0]);
  const framesRun = framesLevel ? trainedRuns.get(framesLevel) : undefined;
  const levelTraining = framesRun
    ? {
        level: framesRun.id,
        idleFps: round(framesRun.idle.fps),
        idleMaxGapMs: round(framesRun.idle.maxGapMs),
        trainingFps: round(framesRun.attempts[0].frames.fps),
        maxGapMs: round(framesRun.attempts[0].frames.maxGapMs),
        fpsRatio: framesRun.idle.fps > 0 ? round(framesRun.attempts[0].frames.fps / framesRun.idle.fps) : null,
        trainingSeconds: round(framesRun.attempts[0].seconds),
      }
    : null;
  const titleMedian = title?.interactive.median ?? null;
  const targets = {
    fpsDuringTrainingAtLeast95PercentOfIdle: Object.fromEntries(
      forced.concat(ok(auto) ? [auto] : []).map((r) => [r.backend, r.frames.fpsRatio >= 0.95]),
    ),
    noFrameGapOver50ms: Object.fromEntries(
      forced.map((r) => [r.backend, r.frames.training.maxGapMs <= 50 + FRAME_JITTER_MS]),
    ),
    ourLoopAtLeastModelFit: Object.fromEntries(forced.map((r) => [r.backend, r.train.ratio >= 1.0])),
    autoWithin10PercentOfFastest:
      ok(auto) && fastest ? auto.train.ourSamplesPerSecond >= 0.9 * fastest.train.ourSamplesPerSecond : false,
    decodeOnePointP95Under4ms: Object.fromEntries(forced.map((r) => [r.backend, r.decode.onePointP95Ms <= 4])),
    decodeGridP95Under16ms: Object.fromEntries(forced.map((r) => [r.backend, r.decode.grid20P95Ms <= 16])),
    noTensorGrowth: Object.fromEntries(forced.map((r) => [r.backend, r.tensors.after === r.tensors.before])),
    noTfjsInMainChunk: chunks.noTfjsInMain,
    levelFpsDuringTrainingAtLeast95PercentOfIdle:
      levelTraining?.fpsRatio != null ? levelTraining.fpsRatio >= 0.95 : null,
    // Issue 15 (smooth play): every trained level scene, first stars, WASM decode, main chunk, title.
    ...smoothPlayTargets({
      levels,
      wasm: ok(results.wasm) ? results.wasm : null,
      mainGzipBytes: chunks.main?.gzipBytes ?? null,
      titleMedianMs: titleMedian,
    }),
    softwareWebglUsable: softwareWebglUsable(softwareWebgl),
  };
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memGiB: Math.round(os.totalmem() / 2 ** 30),
      loadavg: os.loadavg(),
      node: process.version,
    },
    model: '784-256-32-256-784 dense AE, MNIST, Adam 1e-3, MSE',
    titleInteractiveMs: title?.interactive ?? null,
    gameTitleMs: title?.gameTitle ?? null,
    earlyPlayMapMs: title?.earlyPlay ?? null,
    backends: results,
    /** The level pages run on the automatic choice (what backends.auto.backend resolved to). */
    levelsBackend: 'auto',
    levels,
    levelTraining,
    /** Beat PCA with WebGL forced on a software renderer (scripts/bench-software-webgl.ts). */
    softwareWebgl,
    fastestBackend: fastest?.backend ?? null,
    autoVsFastest: ok(auto) && fastest ? auto.train.ourSamplesPerSecond / fastest.train.ourSamplesPerSecond : null,
    chunks: {
      mainGzipBytes: chunks.main?.gzipBytes ?? null,
      mainFiles: chunks.main?.files ?? [],
      /** The HTML title alone (src/main.ts and its static imports): what the first screen waits for. */
      shellGzipBytes: chunks.shell.gzipBytes,
      workerGzipBytes: chunks.worker?.gzipBytes ?? null,
      noTfjsInMain: chunks.noTfjsInMain,
      files: chunks.all.map(({ name, bytes, gzipBytes }) => ({ name, bytes, gzipBytes })),
    },
    targets,
  };
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/latest.json', JSON.stringify(report, null, 2));
  console.log(JSON.stringify(report, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
