/**
 * When the verifier may lend spare evaluation threads to re-training (Verifier's `draining`): while no
 * competition takes uploads. During a lesson one core stays with evaluation and HTTP (what a student waits
 * for); after the end nothing new arrives but late attempts, which the evaluation thread that is never lent
 * answers, so the queue drains on every core.
 */
import type { ClassroomStore } from './store';
import { isOver } from './views';

/** Asked at every poll of every spare loop: the answer is kept this long. */
const CACHE_MS = 2000;

export function noCompetitionTakesUploads(
  store: Pick<ClassroomStore, 'competitions'>,
  now: () => Date = () => new Date(),
  cacheMs = CACHE_MS,
): () => Promise<boolean> {
  let known: { at: number; value: boolean } | null = null;
  return async () => {
    const t = Date.now();
    if (known && t - known.at < cacheMs) return known.value;
    const at = now();
    const value = (await store.competitions()).every((c) => c.state !== 'running' || isOver(c, at));
    known = { at: t, value };
    return value;
  };
}
