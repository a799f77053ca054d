/**
 * The worker calls only the test build answers (MlWorkerTestApi: benchFit, loseWebGlContext), made through the
 * bridge with its usual start/crash handling. Only the test hooks and the bench page use this, and they are
 * in the test build only (`__LQ_TEST_HOOKS__`), where the worker exposes these calls.
 */
import type * as Comlink from 'comlink';
import type { MlWorkerApi, MlWorkerTestApi } from '../../shared/worker-api';
import type { MlBridge } from './bridge';

export type TestWorkerRemote = Comlink.Remote<MlWorkerApi & MlWorkerTestApi>;

export function testCall<T>(bridge: MlBridge, fn: (api: TestWorkerRemote) => Promise<T>): Promise<T> {
  return bridge.call((api) => fn(api as TestWorkerRemote));
}
