/** The solvers' engine: the real worker Engine in Node on the tfjs WASM backend (as the browser falls back to). */
import type { Engine } from '../../src/ml-worker/engine';
import { nodeEngine } from '../node-engine';

export function solverEngine(): Promise<Engine> {
  return nodeEngine('wasm');
}
