/**
 * The ML worker entry (a module worker started by the game's ml bridge). It depends on nothing outside
 * src/ml-worker and src/shared: no Phaser, no DOM, no game code; only tfjs, Comlink and idb.
 * Exposes one object that satisfies MlWorkerApi (src/shared/worker-api.ts); errors cross as MlError wire
 * objects and big typed arrays are transferred, not copied.
 */
import * as Comlink from 'comlink';
import { createApi } from './api';
import { registerMlErrorTransfer } from './comlink-errors';
import { Engine } from './engine';
import { useBundledWasm } from './wasm-paths';

useBundledWasm();
registerMlErrorTransfer();

const api = createApi(new Engine(), Comlink.transfer);

Comlink.expose(api);
