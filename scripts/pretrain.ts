/**
 * `npm run pretrain`: trains every model in PRETRAINED_ASSETS (src/shared/levels/assets.ts: the specs, seeds
 * and training budgets are that table) and writes assets/pretrained/<name>.json + <name>.bin, which are
 * committed so levels start instantly and identically for everyone.
 *
 * - Runs the game's own engine (src/ml-worker/engine.ts) in Node on the tfjs WASM backend, single-threaded,
 *   reading MNIST from assets/generated (built first when missing, as `npm run assets` does).
 * - Deterministic: every seed comes from the table; nothing depends on the clock. The same seed and backend
 *   give bit-identical files (`npm run pretrain -- --check` regenerates and compares without writing).
 * - Weights are stored compactly (src/ml-worker/pretrained-format.ts): kernels of ≥ 4096 weights as 8-bit
 *   per-column affine, the rest float16. Held-out numbers in each manifest are measured on those shipped
 *   weights (and, as `heldOutFloat32`, on the float32 weights before quantisation).
 * - The judge ('mnist-judge') is a dense classifier trained on the MNIST training split only, with seeded
 *   random shifts of up to 1 pixel and a tenth of the learning rate for the last 30 % of steps; its held-out accuracy is in its manifest.
 *
 * Options: --only name,name   make just these assets
 *          --check            regenerate and compare with the files on disk; exit 1 on any difference
 *          --out DIR          write elsewhere (default assets/pretrained)
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { Engine } from '../src/ml-worker/engine';
import { pretrainAsset } from '../src/ml-worker/pretrain';
import { MemoryWeightsStore } from '../src/ml-worker/weights-store';
import { PRETRAINED_ASSETS, type PretrainedAssetName } from '../src/shared/levels/assets';
import { ensureAssets } from './ensure-assets';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ASSETS = join(ROOT, 'assets');

function parseArgs(argv: string[]): { only: PretrainedAssetName[]; check: boolean; out: string } {
  const names = Object.keys(PRETRAINED_ASSETS) as PretrainedAssetName[];
  let only = names;
  let check = false;
  let out = join(ASSETS, 'pretrained');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') check = true;
    else if (arg === '--only') {
      only = (argv[++i] ?? '').split(',').filter(Boolean) as PretrainedAssetName[];
      const unknown = only.filter((n) => !names.includes(n));
      if (unknown.length > 0 || only.length === 0)
        throw new Error(`--only takes names from: ${names.join(', ')} (got "${unknown.join(', ')}").`);
    } else if (arg === '--out') out = argv[++i] ?? out;
    else throw new Error(`Unknown option ${arg}. Options: --only name,name  --check  --out DIR`);
  }
  return { only, check, out };
}

function writeAtomic(path: string, bytes: Uint8Array | string): void {
  writeFileSync(`${path}.tmp`, bytes);
  renameSync(`${path}.tmp`, path);
}

async function main(): Promise<void> {
  const { only, check, out } = parseArgs(process.argv.slice(2));
  tf.env().set('PROD', true);
  ensureAssets({ quiet: true });
  const engine = new Engine({
    fetchAsset: async (path) => {
      const bytes = readFileSync(join(ASSETS, path));
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
    weightsStore: new MemoryWeightsStore(),
  });
  const init = await engine.init({ backend: 'wasm', assetBase: '' });
  if (init.backend !== 'wasm')
    throw new Error(`The WASM backend did not start (${init.reason}); pretrained files are defined on WASM.`);
  if (!check) mkdirSync(out, { recursive: true });

  const started = performance.now();
  let differences = 0;
  let total = 0;
  for (const name of only) {
    const t0 = performance.now();
    const files = await pretrainAsset(engine, name, PRETRAINED_ASSETS[name]);
    const seconds = (performance.now() - t0) / 1000;
    const jsonPath = join(out, `${name}.json`);
    const binPath = join(out, `${name}.bin`);
    total += files.bin.byteLength + files.json.length;
    const summary = `${name}: ${files.manifest.training.steps} steps, ${(files.bin.byteLength / 1024).toFixed(0)} KiB, held out ${JSON.stringify(files.manifest.training.heldOut)}, ${seconds.toFixed(1)} s`;
    if (check) {
      const same =
        existsSync(jsonPath) &&
        existsSync(binPath) &&
        readFileSync(jsonPath, 'utf8') === files.json &&
        Buffer.compare(readFileSync(binPath), Buffer.from(files.bin)) === 0;
      if (!same) differences++;
      console.log(`${same ? 'same' : 'DIFFERENT'} ${summary}`);
    } else {
      writeAtomic(binPath, files.bin);
      writeAtomic(jsonPath, files.json);
      console.log(`wrote ${summary}`);
    }
  }
  console.log(
    `${only.length} assets, ${(total / 1024).toFixed(0)} KiB, ${((performance.now() - started) / 1000).toFixed(1)} s on ${init.backend}`,
  );
  if (differences > 0) {
    console.error(`${differences} asset(s) differ from the files on disk.`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
