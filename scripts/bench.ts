/**
 * `npm run bench`: drives the built game (dist/) in headless Chromium and prints one JSON object.
 * Per backend (webgl, wasm, cpu) and for the automatic choice: our training loop vs tfjs model.fit on the same
 * 784-256-32-256-784 model (batch 128) in the same page, decode round trips, frames idle and while training,
 * numTensors before/after 1,000 steps; then the chunk sizes. Targets (DESIGN §4) are reported, never asserted.
 */
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import type { BackendBench, BenchOptions } from '../src/game/bench/bench-page';
import type {} from '../src/game/test-api';
import { CHROMIUM_ARGS } from '../tests/e2e/browser';

const ALL_BACKENDS = ['auto', 'webgl', 'wasm', 'cpu'] as const;
/** BENCH_BACKENDS=webgl,wasm limits the run (for quick checks). */
const BACKENDS = ALL_BACKENDS.filter((b) => !process.env.BENCH_BACKENDS || process.env.BENCH_BACKENDS.split(',').includes(b));
const OPTIONS: Record<(typeof ALL_BACKENDS)[number], BenchOptions> = {
  auto: { trainSteps: 200, batchSize: 128, decodeRuns: 80, memorySteps: 1000 },
  webgl: { trainSteps: 120, batchSize: 128, decodeRuns: 80, memorySteps: 1000 },
  wasm: { trainSteps: 200, batchSize: 128, decodeRuns: 80, memorySteps: 1000 },
  cpu: { trainSteps: 30, batchSize: 128, decodeRuns: 40, memorySteps: 1000 },
};

function chunkSizes(distDir: string) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const mainName = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  const files = readdirSync(join(distDir, 'assets')).filter((f) => f.endsWith('.js'));
  const chunks = files.map((name) => {
    const code = readFileSync(join(distDir, 'assets', name));
    const text = code.toString('utf8');
    return {
      name,
      bytes: code.length,
      gzipBytes: gzipSync(code).length,
      // Kernel names survive minification: their presence means tfjs is in the chunk.
      hasTfjs: text.includes('_FusedMatMul') || text.includes('tfjs-backend'),
      isMain: name === mainName,
    };
  });
  const main = chunks.find((c) => c.isMain);
  const worker = chunks.filter((c) => !c.isMain && c.hasTfjs).sort((a, b) => b.bytes - a.bytes)[0];
  return { main, worker, all: chunks, noTfjsInMain: main ? !main.hasTfjs : false };
}

async function main(): Promise<void> {
  const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview did not report a URL');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const results: Record<string, BackendBench | { error: string }> = {};
  const titleInteractiveMs: number[] = [];
  try {
    // Time from navigation start to the Title screen being interactive (3 cold page loads).
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.goto(baseUrl);
      await page.waitForFunction(() => window.__latentQuest?.ready === true && window.__latentQuest.scene() === 'Title', undefined, {
        timeout: 60_000,
        polling: 'raf',
      });
      titleInteractiveMs.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    for (const backend of BACKENDS) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      try {
        await page.goto(new URL(`?scene=lab&backend=${backend}`, baseUrl).toString());
        await page.waitForFunction(() => window.__latentQuest?.ready === true, undefined, { timeout: 60_000 });
        results[backend] = await page.evaluate((o) => window.__latentQuest!.debug.benchmark(o), OPTIONS[backend]);
        process.stderr.write(`bench: ${backend} done\n`);
      } catch (error) {
        results[backend] = { error: error instanceof Error ? error.message : String(error) };
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const ok = (r: BackendBench | { error: string } | undefined): r is BackendBench => !!r && !('error' in r);
  const forced = (['webgl', 'wasm', 'cpu'] as const).map((b) => results[b]).filter(ok);
  const fastest = forced.reduce<BackendBench | null>((best, r) => (!best || r.train.ourSamplesPerSecond > best.train.ourSamplesPerSecond ? r : best), null);
  const auto = results.auto;
  const chunks = chunkSizes('dist');
  const targets = {
    fpsDuringTrainingAtLeast95PercentOfIdle: Object.fromEntries(forced.concat(ok(auto) ? [auto] : []).map((r) => [r.backend, r.frames.fpsRatio >= 0.95])),
    noFrameGapOver50ms: Object.fromEntries(forced.map((r) => [r.backend, r.frames.training.maxGapMs <= 50])),
    ourLoopAtLeastModelFit: Object.fromEntries(forced.map((r) => [r.backend, r.train.ratio >= 1.0])),
    autoWithin10PercentOfFastest:
      ok(auto) && fastest ? auto.train.ourSamplesPerSecond >= 0.9 * fastest.train.ourSamplesPerSecond : false,
    decodeOnePointP95Under4ms: Object.fromEntries(forced.map((r) => [r.backend, r.decode.onePointP95Ms <= 4])),
    decodeGridP95Under16ms: Object.fromEntries(forced.map((r) => [r.backend, r.decode.grid20P95Ms <= 16])),
    noTensorGrowth: Object.fromEntries(forced.map((r) => [r.backend, r.tensors.after === r.tensors.before])),
    noTfjsInMainChunk: chunks.noTfjsInMain,
  };
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), loadavg: os.loadavg(), node: process.version },
    model: '784-256-32-256-784 dense AE, MNIST, Adam 1e-3, MSE',
    titleInteractiveMs: { runs: titleInteractiveMs, median: [...titleInteractiveMs].sort((a, b) => a - b)[1] ?? null },
    backends: results,
    fastestBackend: fastest?.backend ?? null,
    autoVsFastest: ok(auto) && fastest ? auto.train.ourSamplesPerSecond / fastest.train.ourSamplesPerSecond : null,
    chunks: {
      mainGzipBytes: chunks.main?.gzipBytes ?? null,
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
