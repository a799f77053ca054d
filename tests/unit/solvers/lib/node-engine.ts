/** The solvers' engine: the real worker Engine in Node on the tfjs WASM backend (as the browser falls back to). */
import type { Engine } from '../../../../src/ml-worker/engine';
import { testEngine } from '../../support/engine';

export function solverEngine(): Promise<Engine> {
  return testEngine('wasm');
}
