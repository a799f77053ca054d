/**
 * The ML worker entry (a module worker started by the game's ml bridge). It depends on nothing outside
 * src/ml-worker and src/shared: no Phaser, no DOM, no game code; only tfjs, Comlink and idb.
 * Exposes one object that satisfies MlWorkerApi (src/shared/worker-api.ts), plus MlWorkerTestApi in the test
 * build; errors cross as MlError wire objects and big typed arrays are transferred, not copied.
 */
import * as Comlink from 'comlink';
import { createApi, createTestApi } from './api';
import { registerMlErrorTransfer } from './comlink-errors';
import { Engine } from './engine';
import { TestEngine } from './test-engine';
import { useBundledWasm } from './wasm-paths';

useBundledWasm();
registerMlErrorTransfer();

function exposedApi(): object {
  // The test build (e2e tests, npm run bench) also answers MlWorkerTestApi; the shipped worker never has it.
  if (__LQ_TEST_HOOKS__) {
    const engine = new TestEngine();
    return { ...createApi(engine, Comlink.transfer), ...createTestApi(engine) };
  }
  return createApi(new Engine(), Comlink.transfer);
}

Comlink.expose(exposedApi());
