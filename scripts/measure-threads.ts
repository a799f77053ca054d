/**
 * `npx tsx scripts/measure-threads.ts`: training samples/s of the bench's dense AE 784-256-32-256-784 (MNIST,
 * batch 128, Adam 1e-3, MSE) through the game's engine in Node on tfjs WASM: the single-threaded SIMD build
 * (what the game and the classroom server use) and the threaded SIMD build with 1 and 2 threads. One child
 * process per setting (the WASM module and its thread count are fixed once per process). A measurement for the
 * README, not a test: figures depend on the machine's load.
 * `-- --child <threads|0>` runs one setting and prints one JSON line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelSpec } from '../src/shared/worker-api';

const STEPS = Number(process.env.STEPS ?? 150);
const BATCH = 128;

const MAIN_SCRIPT = 'var WasmBackendModuleThreadedSimd';

/**
 * tfjs 4.22's threaded WASM build does not start in Node as shipped: it hands Emscripten its pthread worker and
 * main script as Blob URLs, which Node's worker_threads cannot load (ERR_WORKER_PATH), and the main script is the
 * bundle's function source, which refers to the bundle's own variables. This shim writes both to temporary files
 * and patches those references. Measurement only: nothing in the game or the server does this.
 */
function shimThreadedWasmForNode(): void {
  const dir = mkdtempSync(join(tmpdir(), 'lq-wasm-threads-'));
  const mainPath = join(dir, 'main.js');
  const texts = new WeakMap<Blob, string>();
  const NodeBlob = globalThis.Blob;
  class TextBlob extends NodeBlob {
    constructor(parts: BlobPart[] = [], options?: BlobPropertyBag) {
      super(parts, options);
      const text = parts.map(String).join('');
      texts.set(this, text);
      const prelude =
        "var require$$0 = require('fs'), require$$1 = require('path'), require$$3 = require('perf_hooks'), " +
        "require$$4 = require('os'), commonjsGlobal = globalThis;\n";
      if (text.startsWith(MAIN_SCRIPT)) writeFileSync(mainPath, prelude + text);
    }
  }
  globalThis.Blob = TextBlob;
  let files = 0;
  URL.createObjectURL = (blob: Blob): string => {
    const text = texts.get(blob) ?? '';
    if (text.startsWith(MAIN_SCRIPT)) return mainPath;
    const path = join(dir, `worker${files++}.js`);
    const patched = text
      .replace('URL.createObjectURL(e.data.urlOrBlob)', JSON.stringify(mainPath))
      .replace('URL.revokeObjectURL(objectUrl)', '');
    writeFileSync(path, patched);
    return path;
  };
}

async function child(threads: number): Promise<void> {
  if (threads > 0) shimThreadedWasmForNode();
  const tf = await import('@tensorflow/tfjs');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  tf.env().set('PROD', true);
  // 0 = the plain SIMD build; otherwise the threaded SIMD build with that many threads.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threads > 0);
  if (threads > 0) wasm.setThreadsCount(threads);
  const started = performance.now();
  if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');
  await tf.ready();
  const initMs = performance.now() - started;
  const actualThreads = wasm.getThreadsCount();
  const { nodeEngine } = await import('../tools/node-engine');
  const engine = await nodeEngine('wasm');
  const spec: ModelSpec = {
    kind: 'dense',
    dataset: 'mnist',
    hidden: [256],
    bottleneck: 32,
    activation: 'relu',
    seed: 1,
  };
  const { modelId } = await engine.createModel(spec);
  const config = (jobId: string, steps: number) =>
    ({ jobId, steps, batchSize: BATCH, optimizer: 'adam', learningRate: 1e-3, loss: 'mse', seed: 1 }) as const;
  await engine.train(modelId, config('warm', 10));
  const result = await engine.train(modelId, config('measure', STEPS));
  const before = tf.memory().numTensors;
  const grid = await engine.latentGrid(modelId, { xMin: -3, xMax: 3, yMin: -3, yMax: 3 }, 20);
  const loss = result.finalLoss;
  console.log(
    JSON.stringify({
      threads,
      actualThreads,
      initMs: Math.round(initMs),
      samplesPerSecond: Math.round(result.samplesPerSecond),
      finalLoss: loss,
      gridOk: grid.length === 400 * 784,
      leaked: tf.memory().numTensors - before,
    }),
  );
  process.exit(0);
}

function parent(): void {
  const self = fileURLToPath(import.meta.url);
  console.log(`load ${loadavg()[0].toFixed(1)}, ${STEPS} steps of batch ${BATCH}`);
  for (const threads of [0, 1, 2, 0, 1, 2]) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', String(threads)], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    console.log(
      run.status === 0 ? line : `threads ${threads}: failed (${run.status ?? run.signal}) ${run.stderr.slice(-400)}`,
    );
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(Number(process.argv[at + 1]));
else parent();
