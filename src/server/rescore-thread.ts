/**
 * One re-scoring worker thread (started by rescore-pool.ts through rescore-thread-boot.mjs): hosts a Rescorer
 * with its own tfjs engine, so training and decoding run off the server's event loop. Plain data only crosses
 * (level id, seed, payload in; the score and measurements out): level definitions hold functions, so the thread
 * looks the level and its variant up itself.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { ModelMismatchError } from './evaluate-model';
import { Rescorer } from './rescore';
import type { ThreadReply, ThreadRequest, ThreadSetup } from './rescore-pool';

const port = parentPort;
if (!port) throw new Error('rescore-thread.ts runs as a worker thread (see rescore-pool.ts).');
const setup = workerData as ThreadSetup;
if (setup.nice) lowerPriority(setup.nice);

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

Rescorer.create({ assetsDir: setup.assetsDir, backend: setup.backend, maxQueue: Number.MAX_SAFE_INTEGER }).then(
  (rescorer) => {
    port.on('message', (request: ThreadRequest) => {
      const reply = (r: ThreadReply): void => port.postMessage(r);
      if (request.type === 'crash') {
        // Tests: an uncaught error, as a bug deep in the engine would throw.
        setImmediate(() => {
          throw new Error('crash requested by a test');
        });
        return;
      }
      const work =
        request.type === 'score'
          ? rescorer.score(request.levelId, request.payload, request.seed)
          : request.type === 'evaluate'
            ? rescorer.evaluate(request.levelId, request.payload, request.seed, request.weights)
            : rescorer.warmUp(request.levelIds).then((ms) => ({ ms }));
      work.then(
        (value) => reply({ type: 'done', id: request.id, value }),
        (error: unknown) =>
          reply({
            type: 'error',
            id: request.id,
            message: message(error),
            ...(error instanceof ModelMismatchError ? { mismatch: true } : {}),
          }),
      );
    });
    port.postMessage({ type: 'ready', backend: rescorer.backend } satisfies ThreadReply);
  },
  (error: unknown) => port.postMessage({ type: 'failed', message: message(error) } satisfies ThreadReply),
);

/**
 * Lowers this thread's scheduling priority. On Linux a thread has its own niceness and setpriority() on its
 * thread id changes only that thread (/proc/thread-self names it); elsewhere nothing happens and the lanes
 * share the cores evenly, as before.
 */
function lowerPriority(nice: number): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/')[2]);
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, nice);
  } catch {
    // Not Linux, or not allowed: the thread keeps the process's priority.
  }
}
