/**
 * The bookkeeping every screen-only bot's screen shares: a look at a position or expression is charged once on
 * the level's PlayClock and what it showed is remembered (looking again is free, as a player remembers it); the
 * eight neighbours a bot steps to around a spot; and pressing the level's submit, which shows the result card.
 */
import type { SolutionPayload } from '../../../src/shared/levels';
import type { PretrainedLevel } from '../pretrained';
import type { PlayClock } from './budget';
import type { ResultCard } from './types';

/** What each distinct look showed, charged on `clock` the first time only. */
export class LookMemo<V> {
  private readonly seen = new Map<string, V>();

  constructor(private readonly clock: PlayClock) {}

  /** The view at `key`: remembered, or charged as one look and made by `show`. */
  async see(key: string, show: () => Promise<V>): Promise<V> {
    const known = this.seen.get(key);
    if (known !== undefined) return known;
    this.clock.look(key);
    const view = await show();
    this.seen.set(key, view);
    return view;
  }
}

/** The eight steps around a spot (right, left, up, down, then the diagonals). */
export const NEIGHBOURS: readonly (readonly [number, number])[] = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
  [1, 1],
  [1, -1],
  [-1, 1],
  [-1, -1],
];

/** Submits `payload` to the level's scorer: the result card the player then reads, kept in `results`. */
export async function resultCard(
  p: PretrainedLevel,
  payload: SolutionPayload,
  results: ResultCard[],
): Promise<ResultCard> {
  const { result } = await p.play(payload);
  const card: ResultCard = {
    score: result.score,
    stars: result.stars,
    goalMet: result.goalMet,
    detail: result.detail,
    payload,
  };
  results.push(card);
  return card;
}
