/**
 * How long the ML worker takes to answer while a level trains: a trivial call (its tensor count) sent again 25 ms
 * after each answer. A reply that takes long means the worker's event loop was busy in one piece (a training step,
 * a slice of PCA, an evaluation) — the wait a player would have after pressing Pause or Stop, or for a decode.
 * Issue 15: nothing in the worker blocks for more than 100 ms between progress events.
 */
export interface WorkerReplyStats {
  /** Calls answered while the session was training (between the first and the last progress event). */
  trainingCalls: number;
  /** The slowest of those answers, ms (0: none). */
  trainingMaxMs: number;
  /** The slowest answer over the whole attempt (preparing and scoring included), ms. */
  attemptMaxMs: number;
}

const GAP_MS = 25;

export function workerReplyProbe(
  ping: () => Promise<unknown>,
  training: () => boolean,
): { stop(): Promise<WorkerReplyStats> } {
  const stats: WorkerReplyStats = { trainingCalls: 0, trainingMaxMs: 0, attemptMaxMs: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const wasTraining = training();
      const t0 = performance.now();
      try {
        await ping();
      } catch {
        return; // the worker went away: the attempt reports its own error
      }
      const ms = performance.now() - t0;
      stats.attemptMaxMs = Math.max(stats.attemptMaxMs, ms);
      if (wasTraining && training()) {
        stats.trainingCalls++;
        stats.trainingMaxMs = Math.max(stats.trainingMaxMs, ms);
      }
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return {
        ...stats,
        trainingMaxMs: Math.round(stats.trainingMaxMs * 10) / 10,
        attemptMaxMs: Math.round(stats.attemptMaxMs * 10) / 10,
      };
    },
  };
}
