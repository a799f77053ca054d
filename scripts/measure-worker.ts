/**
 * `npx tsx scripts/measure-worker.ts [decode] [pca] [threads]`: worker-side timings in Node on the tfjs WASM
 * backend (the figures in the README's Performance section). Not a test: timings depend on the machine's load.
 * - decode: the pretrained 2-D VAE (mnist-vae-2d) and the bench's dense 784-256-32-256-784 model, one point and
 *   a 20x20 latentGrid, p50/p95 over 300 calls each.
 * - pca: first and second `pca('mnist', 8)`, and the longest the event loop was blocked meanwhile (a 2 ms timer).
 * - threads: see scripts/measure-threads.ts (a separate process per thread count).
 */
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { nodeEngine } from '../tools/node-engine';
import { nearestRankPercentile } from '../src/shared/percentile';

const RUNS = Number(process.env.RUNS ?? 300);

async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 10; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return { p50: nearestRankPercentile(times, 50), p95: nearestRankPercentile(times, 95) };
}

/**
 * How long the event loop was blocked while `fn` runs: the longest gap between ticks of a 2 ms timer, in wall
 * time and in this process' CPU time (on a busy machine the wall gap also counts time the OS ran other
 * processes; the CPU gap is the work done without yielding).
 */
async function longestBlock<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; ms: number; maxBlockMs: number; maxBlockCpuMs: number }> {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let maxBlockMs = 0;
  let maxBlockCpuMs = 0;
  const tick = (): void => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    maxBlockMs = Math.max(maxBlockMs, now - last);
    maxBlockCpuMs = Math.max(maxBlockCpuMs, (cpu.user + cpu.system) / 1000);
    last = now;
    lastCpu = process.cpuUsage();
  };
  const timer = setInterval(tick, 2);
  const started = performance.now();
  try {
    const value = await fn();
    tick();
    return { value, ms: performance.now() - started, maxBlockMs, maxBlockCpuMs };
  } finally {
    clearInterval(timer);
  }
}

const fmt = (r: { p50: number; p95: number }): string => `p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms`;

async function main(): Promise<void> {
  const what = new Set(process.argv.slice(2));
  const all = what.size === 0;
  const engine = await nodeEngine('wasm');
  console.log(
    `tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}, load ${(await import('node:os')).loadavg()[0].toFixed(1)}`,
  );
  if (all || what.has('decode')) {
    const vae = await engine.loadPretrained('mnist-vae-2d');
    const dense = await engine.createModel({
      kind: 'dense',
      dataset: 'mnist',
      hidden: [256],
      bottleneck: 32,
      activation: 'relu',
      seed: 1,
    });
    for (const { name, id, latent } of [
      { name: 'mnist-vae-2d', id: vae.modelId, latent: 2 },
      { name: 'dense 784-256-32', id: dense.modelId, latent: 32 },
    ]) {
      const before = tf.memory().numTensors;
      const one = await timeRuns(RUNS, () => engine.decode(id, new Float32Array(latent).fill(0.5)));
      const grid = await timeRuns(RUNS, () => engine.latentGrid(id, { xMin: -3, xMax: 3, yMin: -3, yMax: 3 }, 20));
      console.log(
        `decode ${name}: one point ${fmt(one)}; grid 20x20 ${fmt(grid)}; tensors +${tf.memory().numTensors - before}`,
      );
    }
  }
  if (all || what.has('pca')) {
    await engine.loadDataset('mnist');
    const first = await longestBlock(() => engine.pca('mnist', 8));
    const second = await longestBlock(() => engine.pca('mnist', 8));
    const line = (r: typeof first): string =>
      `${r.ms.toFixed(0)} ms (longest block ${r.maxBlockMs.toFixed(0)} ms wall, ${r.maxBlockCpuMs.toFixed(0)} ms CPU)`;
    console.log(
      `pca mnist k=8: first ${line(first)}, second ${line(second)}, testMse ${first.value.testMse.toPrecision(7)}`,
    );
  }
}

await main();
