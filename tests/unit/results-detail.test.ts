/** The Results screen's detail lines: every scorer's `detail` keys worded, numbers formatted, unknown keys skipped. */
import { describe, expect, it } from 'vitest';
import { resultDetailLines } from '../../src/game/view/results-detail';

describe('resultDetailLines', () => {
  it('words each level kind of detail', () => {
    expect(resultDetailLines({ worstLetterWrongPixels: 2, perfectLetters: 20 })).toEqual([
      'Worst letter: 2 wrong pixels · perfect letters: 20 of 26',
    ]);
    expect(resultDetailLines({ worstLetterWrongPixels: 1, perfectLetters: 25 })).toEqual([
      'Worst letter: 1 wrong pixel · perfect letters: 25 of 26',
    ]);
    expect(resultDetailLines({ worstLetterWrongPixels: 0, perfectLetters: 26 })).toEqual([
      'Every letter perfect · perfect letters: 26 of 26',
    ]);
    expect(resultDetailLines({ heldOutMse: 0.03104, pcaMse: 0.0361 })).toEqual(['Your MSE 0.031 vs PCA 0.0361']);
    expect(resultDetailLines({ params: 41234, overBudget: 1234 })).toEqual(['Weights: 41,234 · 1,234 over the budget']);
    expect(resultDetailLines({ params: 25120, overBudget: 0 })).toEqual(['Weights: 25,120 · within the budget']);
    expect(resultDetailLines({ meanWrongPixels: 1.234 })).toEqual(['Wrong pixels per letter: 1.2 on average']);
    expect(resultDetailLines({ worstKindIndex: 3 })).toEqual(['Hardest noise: erased blocks']);
    expect(resultDetailLines({ worstKindIndex: 1 })).toEqual(['Hardest noise: salt & pepper']);
    expect(resultDetailLines({ bestMatch: 93.14 })).toEqual(['Best match 93.1%']);
    expect(resultDetailLines({ worstMatch: 88.25 })).toEqual(['Worst match 88.3%']);
    expect(resultDetailLines({ mseShare: 0.853, klShare: 0.97 })).toEqual([
      'Error at 85% of its limit · KL at 97% of its limit',
    ]);
    expect(resultDetailLines({ digitsFound: 7 })).toEqual(['Digits found: 7 of 10']);
    expect(resultDetailLines({ inOrder: 1, steps: 14 })).toEqual(['Path of 14 steps · digits in the right order']);
    expect(resultDetailLines({ inOrder: 0, steps: 9 })).toEqual(['Path of 9 steps · digits out of order']);
    expect(resultDetailLines({ pointsTried: 6 })).toEqual(['Points tried: 6']);
  });

  it('skips unknown keys, non-finite numbers and out-of-range indices instead of showing them raw', () => {
    expect(resultDetailLines({ somethingNew: 0.1234 })).toEqual([]);
    expect(resultDetailLines({ bestMatch: 90, somethingNew: 0.1234 })).toEqual(['Best match 90%']);
    expect(resultDetailLines({ worstKindIndex: 7 })).toEqual([]);
    expect(resultDetailLines({ heldOutMse: Number.NaN, pcaMse: 0.036 })).toEqual(['PCA MSE 0.036']);
    expect(resultDetailLines(undefined)).toEqual([]);
    expect(resultDetailLines({})).toEqual([]);
  });

  it('puts what does not fit on a second line, never a third, and capitalises each line', () => {
    const lines = resultDetailLines({ worstLetterWrongPixels: 1, randomPatternPixels: 35 }, 'en', 30);
    expect(lines).toEqual(['Worst letter: 1 wrong pixel', 'A random pattern has 35 pixels']);
    const many = resultDetailLines(
      { worstLetterWrongPixels: 3, perfectLetters: 20, params: 1000, overBudget: 0, pointsTried: 4 },
      'en',
      20,
    );
    expect(many).toHaveLength(2);
    expect(many[1]).toBe('Perfect letters: 20 of 26 · Weights: 1,000 · within the budget · Points tried: 4');
  });

  it('has wording for every detail key the levels score with', () => {
    // The keys the scorers in src/shared/levels/world*.ts return (`detail: {`).
    const keys = [
      'worstLetterWrongPixels',
      'perfectLetters',
      'heldOutMse',
      'pcaMse',
      'params',
      'overBudget',
      'randomPatternPixels',
      'meanWrongPixels',
      'worstKindIndex',
      'pointsTried',
      'bestMatch',
      'mseShare',
      'klShare',
      'digitsFound',
      'inOrder',
      'steps',
      'worstMatch',
    ];
    for (const key of keys) {
      const detail = key === 'mseShare' || key === 'klShare' ? { mseShare: 0.5, klShare: 0.5 } : { [key]: 1 };
      expect(resultDetailLines(detail), key).toHaveLength(1);
    }
  });
});
