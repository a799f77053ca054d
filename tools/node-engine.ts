/** The game's worker Engine in Node, on a tfjs Node backend, reading the generated assets from disk (tools and tests). */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { Engine } from '../src/ml-worker/engine';
import { MemoryWeightsStore } from '../src/ml-worker/weights-store';
import type { BackendName } from '../src/shared/worker-api';

// Quiet tfjs' "install tfjs-node" banner in the output.
tf.env().set('PROD', true);

const assetsDir = fileURLToPath(new URL('../assets/', import.meta.url));

export async function readAsset(path: string): Promise<ArrayBuffer> {
  const bytes = await readFile(assetsDir + path);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** A fresh engine on `backend`, failing if that backend does not start. tfjs is global: one backend per process. */
export async function nodeEngine(backend: BackendName): Promise<Engine> {
  const engine = new Engine({ fetchAsset: readAsset, weightsStore: new MemoryWeightsStore() });
  const init = await engine.init({ backend, assetBase: '' });
  if (init.backend !== backend) throw new Error(`tfjs backend ${backend} did not start: ${init.reason}`);
  return engine;
}
