/**
 * The campaign rule (issue 10): no single level blocks the campaign. After TRIES_TO_GO_ON tries without a star
 * the next level of the world opens; the pure rule (src/shared/levels/unlock.ts) and the game's progress store.
 */
import { describe, expect, it } from 'vitest';
import {
  isLevelUnlocked,
  isOpenedByTries,
  levelsOfWorld,
  TRIES_TO_GO_ON,
  triesLeftToGoOn,
  unlockedLevelIds,
} from '../../src/shared/levels';
import { createGameStore, isLevelOpen, unlockedLevels } from '../../src/game/state';

const [first, second, third] = levelsOfWorld(1);
const memory = () => {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
};

describe('campaign rule: tries without a star open the next level', () => {
  it('opens the next level after TRIES_TO_GO_ON tries of the one before, not earlier', () => {
    expect(TRIES_TO_GO_ON).toBe(3);
    const stars = { [first.id]: 0 };
    expect(isLevelUnlocked(second.id, stars, undefined, { [first.id]: 2 })).toBe(false);
    expect(triesLeftToGoOn(first.id, stars, { [first.id]: 2 })).toBe(1);
    expect(isLevelUnlocked(second.id, stars, undefined, { [first.id]: 3 })).toBe(true);
    expect(isOpenedByTries(second.id, stars, undefined, { [first.id]: 3 })).toBe(true);
    // One step only: the level after the opened one still needs its own star or tries.
    expect(unlockedLevelIds(stars, undefined, { [first.id]: 3 })).toEqual([first.id, second.id]);
  });

  it('counts tries only on a level that is open, and a star still opens the next level at once', () => {
    // Tries recorded on a locked level (e.g. played from a link) do not open the one after it.
    expect(isLevelUnlocked(third.id, {}, undefined, { [second.id]: 5 })).toBe(false);
    expect(isLevelUnlocked(second.id, { [first.id]: 1 }, undefined, {})).toBe(true);
    expect(isOpenedByTries(second.id, { [first.id]: 1 }, undefined, {})).toBe(false);
    expect(triesLeftToGoOn(first.id, { [first.id]: 2 }, {})).toBe(0);
  });

  it('the progress store opens the next level on the third starless try and reports it as newly unlocked', () => {
    const store = createGameStore({ storage: memory() });
    const rec = store.getState().recordLevelResult;
    expect(rec(first.id, { score: 20, stars: 0, payload: null }).newlyUnlocked).toEqual([]);
    expect(rec(first.id, { score: 19, stars: 0, payload: null }).newlyUnlocked).toEqual([]);
    expect(isLevelOpen(store.getState().progress, second.id)).toBe(false);
    expect(rec(first.id, { score: 18, stars: 0, payload: null }).newlyUnlocked).toEqual([second.id]);
    expect(isLevelOpen(store.getState().progress, second.id)).toBe(true);
    expect(unlockedLevels(store.getState().progress)).toEqual([first.id, second.id]);
  });
});
