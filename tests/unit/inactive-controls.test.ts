/** Controls that change nothing are shown disabled: a hidden layer's width when there are no hidden layers. */
import { describe, expect, it } from 'vitest';
import { budgetParamCount, defaultControlValues, getLevel } from '../../src/shared/levels';
import { inactiveControls } from '../../src/shared/levels/controls';

describe('inactiveControls', () => {
  const budget = getLevel('budget')!;
  const values = (v: Record<string, number | string>) => ({ ...defaultControlValues(budget.controls), ...v });

  it('Budget: width is inactive exactly when depth is 0, and then it really changes no weight', () => {
    expect([...inactiveControls(budget.controls, values({ depth: 0 }))]).toEqual(['width']);
    expect([...inactiveControls(budget.controls, values({ depth: 1 }))]).toEqual([]);
    expect(budgetParamCount(values({ depth: 0, width: 8 }))).toBe(budgetParamCount(values({ depth: 0, width: 128 })));
    expect(budgetParamCount(values({ depth: 1, width: 8 }))).toBeLessThan(
      budgetParamCount(values({ depth: 1, width: 128 })),
    );
  });

  it('levels without a depth control keep every control active', () => {
    const beta = getLevel('balance-beta')!;
    expect(inactiveControls(beta.controls, defaultControlValues(beta.controls)).size).toBe(0);
  });
});
