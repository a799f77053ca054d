import { describe, expect, it } from 'vitest';
import { FrameBudget } from '../../src/game/level/frame-budget';

describe('FrameBudget', () => {
  it('is spent once its milliseconds have passed on its clock, not before', () => {
    let now = 1000;
    const budget = new FrameBudget(10, () => now);
    expect(budget.spent).toBe(false);
    now = 1009.9;
    expect(budget.spent).toBe(false);
    now = 1010;
    expect(budget.spent).toBe(true);
  });

  it('a zero budget is spent at once (every part after the first waits a frame)', () => {
    expect(new FrameBudget(0, () => 5).spent).toBe(true);
  });
});
