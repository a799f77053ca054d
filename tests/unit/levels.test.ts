import { describe, expect, it } from 'vitest';
import {
  getLevel,
  goalText,
  LEVELS,
  levelsOfWorld,
  localize,
  missingTranslations,
  parsePayloadJson,
  PAYLOAD_LIMITS,
  validateLevels,
  validatePayload,
  type LevelDefinition,
  type SolutionPayload,
} from '../../src/shared/levels';

// The five documents in ../shared/seeds, written out here so a renamed seed constant cannot pass silently.
const SEED_FILE_NAMES = [
  '000_030cefa14aa91942.txt',
  '001_01f0c3934fb2763b.txt',
  '002_473200448d10064a.txt',
  '003_c9063255341ae41f.txt',
  '004_a6fc6e8dcd014518.txt',
];

const level = (id: string): LevelDefinition => {
  const found = getLevel(id);
  if (!found) throw new Error(`no level ${id}`);
  return found;
};

/** A copy of the catalogue with one level changed. */
function withLevel(id: string, change: (l: LevelDefinition) => LevelDefinition): LevelDefinition[] {
  return LEVELS.map((l) => (l.id === id ? change(l) : l));
}

const problemsOf = (levels: LevelDefinition[]): string => validateLevels(levels).join('\n');

describe('the level catalogue', () => {
  it('has the 21 levels in play order', () => {
    expect(LEVELS.map((l) => l.id)).toEqual([
      'squeeze-the-alphabet',
      'beat-pca',
      'budget',
      'the-identity-trap',
      'static',
      'storm',
      'noise-zoo',
      'inpainting',
      'holes-in-the-map',
      'navigator',
      'balance-beta',
      'dream-digits',
      'the-path',
      'blend',
      'difference',
      'attribute-vector',
      'letter-forge',
      'through-the-dice',
      'digits-on-demand',
      'codebook',
      'two-forces',
    ]);
    expect(([1, 2, 3, 4, 5] as const).map((w) => levelsOfWorld(w).length)).toEqual([4, 4, 5, 4, 4]);
  });

  it('passes validateLevels() without a single problem', () => {
    expect(validateLevels()).toEqual([]);
  });

  it('gives every level a concept card with 3-6 lines, a formula and a real seed', () => {
    for (const l of LEVELS) {
      expect(l.card.lines.length, l.id).toBeGreaterThanOrEqual(3);
      expect(l.card.lines.length, l.id).toBeLessThanOrEqual(6);
      expect(l.card.formula.trim().length, l.id).toBeGreaterThan(0);
      expect(SEED_FILE_NAMES, l.id).toContain(l.card.seed.file);
      expect(l.card.seed.idea.length, l.id).toBeGreaterThan(0);
      for (const s of l.card.seeAlso ?? []) expect(SEED_FILE_NAMES, l.id).toContain(s.file);
    }
  });

  it('teaches the formulas of the seeds', () => {
    expect(level('holes-in-the-map').card.formula).toBe('KL = ½·Σ(σ² + μ² − log σ² − 1)');
    expect(level('static').card.formula).toBe('L(x, g(f(x̃)))');
    expect(level('the-identity-trap').card.formula).toContain('Σⱼ KL(ρ‖ρ̂ⱼ)');
    expect(level('dream-digits').card.formula).toContain('z = μ + σ·ε');
    expect(level('blend').card.formula).toBe('z = ½·(μ(a) + μ(b))');
  });

  it('fills goal sentences from thresholds and parameters', () => {
    expect(goalText(level('squeeze-the-alphabet'))).toContain('at most 1 wrong pixel');
    expect(goalText(level('beat-pca'))).toContain(
      `at most ${Math.round(level('beat-pca').stars[0] * 100)}% of PCA's error`,
    );
    expect(goalText(level('budget'))).toContain('40,000 weights');
    expect(goalText(level('budget'))).not.toMatch(/\{\w+\}/);
    for (const l of LEVELS) expect(goalText(l), l.id).not.toMatch(/\{\w+\}/);
  });

  it('falls back to English per string and lists what a locale lacks', () => {
    expect(localize({ en: 'Static', pl: 'Szum' }, 'pl')).toBe('Szum');
    expect(localize({ en: 'Static', pl: 'Szum' }, 'cs')).toBe('Static');
    expect(missingTranslations('en')).toEqual([]);
    // Every level text is translated (tests/unit/i18n.test.ts), so the listing is shown on a copy without Polish.
    const untranslated = { ...level('static'), title: { en: level('static').title.en } };
    expect(missingTranslations('pl', [untranslated])).toContain('static: title');
  });
});

describe('validateLevels() on broken copies', () => {
  it('reports thresholds ordered the wrong way', () => {
    expect(problemsOf(withLevel('static', (l) => ({ ...l, stars: [90, 80, 60] })))).toMatch(
      /static: stars: .*increase/,
    );
    expect(problemsOf(withLevel('squeeze-the-alphabet', (l) => ({ ...l, stars: [1, 2, 8] })))).toMatch(
      /squeeze-the-alphabet: stars: .*decrease/,
    );
  });

  it('reports a missing card, a missing formula and the wrong number of lines', () => {
    expect(
      problemsOf(withLevel('blend', (l) => ({ ...l, card: undefined as unknown as LevelDefinition['card'] }))),
    ).toMatch(/blend: card: missing concept card/);
    expect(problemsOf(withLevel('blend', (l) => ({ ...l, card: { ...l.card, formula: ' ' } })))).toMatch(
      /blend: card: missing formula/,
    );
    const seven = Array.from({ length: 7 }, (_, i) => ({ en: `line ${i}` }));
    expect(problemsOf(withLevel('blend', (l) => ({ ...l, card: { ...l.card, lines: seven } })))).toMatch(
      /blend: card: 7 lines/,
    );
    expect(problemsOf(withLevel('blend', (l) => ({ ...l, card: { ...l.card, lines: seven.slice(0, 2) } })))).toMatch(
      /blend: card: 2 lines/,
    );
    expect(problemsOf(withLevel('blend', (l) => ({ ...l, card: { ...l.card, formula: '\\frac{1}{2}' } })))).toMatch(
      /not LaTeX/,
    );
  });

  it('reports a seed that is not one of the five documents', () => {
    const bad = withLevel('navigator', (l) => ({
      ...l,
      card: { ...l.card, seed: { file: 'notes.txt' as never, idea: 'x' } },
    }));
    expect(problemsOf(bad)).toMatch(/navigator: card.seed: "notes.txt" is not one of the five seed files/);
  });

  it('reports a control default outside its range or off its grid', () => {
    const outside = withLevel('squeeze-the-alphabet', (l) => ({
      ...l,
      controls: l.controls.map((c) => (c.id === 'bottleneck' && c.kind === 'slider' ? { ...c, default: 99 } : c)),
    }));
    expect(problemsOf(outside)).toMatch(/control "bottleneck": the default is invalid/);
    const offGrid = withLevel('squeeze-the-alphabet', (l) => ({
      ...l,
      controls: l.controls.map((c) => (c.id === 'width' && c.kind === 'slider' ? { ...c, default: 20 } : c)),
    }));
    expect(problemsOf(offGrid)).toMatch(/control "width": the default is invalid/);
  });

  it('reports a slider range that would build a model the worker refuses', () => {
    const tooBig = withLevel('squeeze-the-alphabet', (l) => ({
      ...l,
      controls: l.controls.map((c) => (c.id === 'bottleneck' && c.kind === 'slider' ? { ...c, max: 100 } : c)),
    }));
    expect(problemsOf(tooBig)).toMatch(
      /squeeze-the-alphabet: plan\(.*"bottleneck":100.*bottleneck must be a whole number from 1 to 64/,
    );
  });

  it('reports a trained level without a whole-number training seed', () => {
    const bad = withLevel('budget', (l) =>
      l.setup.kind === 'trained' ? { ...l, setup: { ...l.setup, seed: 1.5 } } : l,
    );
    expect(problemsOf(bad)).toMatch(/budget: setup.seed: a whole number/);
  });

  it('reports too many hints and unlock times that do not increase', () => {
    const four = withLevel('storm', (l) => ({
      ...l,
      hints: [...l.hints, { afterSeconds: 999, text: { en: 'more' } }],
    }));
    expect(problemsOf(four)).toMatch(/storm: hints: 4; at most 3/);
    const backwards = withLevel('storm', (l) => ({ ...l, hints: [...l.hints].reverse() }));
    expect(problemsOf(backwards)).toMatch(/storm: hints\[1\]: unlock times must increase/);
  });

  it('reports duplicate ids, order gaps, and translations with other placeholders', () => {
    expect(problemsOf(withLevel('budget', (l) => ({ ...l, id: 'beat-pca' })))).toMatch(
      /beat-pca: the id is used twice/,
    );
    expect(problemsOf(withLevel('budget', (l) => ({ ...l, order: 7 })))).toMatch(/world 1: orders must be 1, 2, 3/);
    const pl = withLevel('budget', (l) => ({
      ...l,
      goal: { ...l.goal, text: { ...l.goal.text, pl: 'Zmieść się w budżecie.' } },
    }));
    expect(problemsOf(pl)).toMatch(/budget: goal \(pl\): placeholders differ/);
  });

  it('reports an example payload the level would reject', () => {
    const bad = withLevel('blend', (l) => ({
      ...l,
      example: { kind: 'expression', terms: [{ card: 'eight', weight: 1 }] },
    }));
    expect(problemsOf(bad)).toMatch(/blend: example: terms\[0\]: "eight" is not a card/);
  });
});

describe('solution payload validators', () => {
  const ok = (id: string, payload: unknown): SolutionPayload => {
    const r = validatePayload(level(id), payload);
    if (!r.ok) throw new Error(r.problems.join(' '));
    return r.payload;
  };
  const problems = (id: string, payload: unknown): string => {
    const r = validatePayload(level(id), payload);
    return r.ok ? '' : r.problems.join(' ');
  };

  it('accepts every level example', () => {
    for (const l of LEVELS) expect(validatePayload(l, l.example).ok, l.id).toBe(true);
  });

  it('hyperparameters: fills defaults, checks names, types, ranges and slider steps', () => {
    expect(ok('squeeze-the-alphabet', { kind: 'hyperparameters', values: { bottleneck: 2 } })).toEqual({
      kind: 'hyperparameters',
      values: { bottleneck: 2, width: 16, depth: 1, activation: 'relu', steps: 1000 },
    });
    expect(ok('the-identity-trap', { kind: 'hyperparameters', values: { inputNoise: 0.15 } }).kind).toBe(
      'hyperparameters',
    );
    expect(problems('squeeze-the-alphabet', { kind: 'hyperparameters', values: { bottleneck: 2.5 } })).toMatch(
      /multiple of 1/,
    );
    expect(problems('squeeze-the-alphabet', { kind: 'hyperparameters', values: { bottleneck: 9 } })).toMatch(
      /from 1 to 8/,
    );
    expect(problems('squeeze-the-alphabet', { kind: 'hyperparameters', values: { bottleneck: '2' } })).toMatch(
      /must be a number/,
    );
    expect(problems('squeeze-the-alphabet', { kind: 'hyperparameters', values: { activation: 'gelu' } })).toMatch(
      /one of "relu"/,
    );
    expect(problems('squeeze-the-alphabet', { kind: 'hyperparameters', values: { learningRate: 1 } })).toMatch(
      /not a control/,
    );
    expect(problems('static', { kind: 'hyperparameters', values: { denoise: 'yes' } })).toMatch(/true or false/);
    const many = Object.fromEntries(Array.from({ length: PAYLOAD_LIMITS.controls + 1 }, (_, i) => [`k${i}`, 1]));
    expect(problems('static', { kind: 'hyperparameters', values: many })).toMatch(/At most 32/);
  });

  it('latent points: dimensions, bounds, count, separation and target', () => {
    expect(ok('navigator', { kind: 'latentPoints', points: [[0.5, -0.5]], target: 4 }).kind).toBe('latentPoints');
    expect(problems('navigator', { kind: 'latentPoints', points: [[0.5, -0.5]] })).toMatch(/"target"/);
    expect(problems('navigator', { kind: 'latentPoints', points: [[0.5, -0.5]], target: 5 })).toMatch(/"target"/);
    expect(problems('navigator', { kind: 'latentPoints', points: [[0.5, -0.5, 0]], target: 0 })).toMatch(
      /2 coordinates/,
    );
    expect(problems('navigator', { kind: 'latentPoints', points: [[4.5, 0]], target: 0 })).toMatch(/±4/);
    expect(
      problems('navigator', { kind: 'latentPoints', points: Array.from({ length: 31 }, () => [0, 0]), target: 0 }),
    ).toMatch(/At most 30 points/);
    expect(problems('navigator', { kind: 'latentPoints', points: [[Number.NaN, 0]], target: 0 })).not.toBe('');
    expect(
      problems('navigator', { kind: 'latentPoints', points: [[Number.POSITIVE_INFINITY, 0]], target: 0 }),
    ).not.toBe('');
    expect(
      problems('holes-in-the-map', {
        kind: 'latentPoints',
        points: [
          [0, 0],
          [0.1, 0],
        ],
      }),
    ).toMatch(/closer than 0.15/);
    expect(problems('holes-in-the-map', { kind: 'latentPoints', points: [[0, 0]], target: 0 })).toMatch(/no targets/);
  });

  it('draws: μ bounds, σ range, integer seeds, count', () => {
    expect(ok('dream-digits', { kind: 'draws', draws: [{ mu: [0, 0], sigma: 1, seed: 42 }] }).kind).toBe('draws');
    expect(problems('dream-digits', { kind: 'draws', draws: [{ mu: [0, 0], sigma: 0.01, seed: 1 }] })).toMatch(
      /sigma must be from 0.05/,
    );
    expect(problems('dream-digits', { kind: 'draws', draws: [{ mu: [0, 3.5], sigma: 1, seed: 1 }] })).toMatch(/±3/);
    expect(problems('dream-digits', { kind: 'draws', draws: [{ mu: [0, 0], sigma: 1, seed: 1.5 }] })).toMatch(/seed/);
    const many = Array.from({ length: 61 }, (_, i) => ({ mu: [0, 0], sigma: 1, seed: i }));
    expect(problems('dream-digits', { kind: 'draws', draws: many })).toMatch(/At most 60 draws/);
  });

  it('path: step length and point count', () => {
    const path = [
      [0, 0],
      [0.2, 0],
      [0.4, 0],
    ];
    expect(ok('the-path', { kind: 'path', points: path }).kind).toBe('path');
    expect(
      problems('the-path', {
        kind: 'path',
        points: [
          [0, 0],
          [0.3, 0],
          [0.5, 0],
        ],
      }),
    ).toMatch(/longer than 0.25/);
    expect(
      problems('the-path', {
        kind: 'path',
        points: [
          [0, 0],
          [0.1, 0],
        ],
      }),
    ).toMatch(/3 to 80 points/);
  });

  it('expression: deck cards only, once each, non-zero bounded weights, bounded length', () => {
    expect(
      ok('difference', {
        kind: 'expression',
        terms: [
          { card: 'thin-3', weight: 1 },
          { card: 'bold-7', weight: 1 },
          { card: 'thin-7', weight: -1 },
        ],
      }).kind,
    ).toBe('expression');
    expect(problems('attribute-vector', { kind: 'expression', terms: [{ card: 'ref-bold-3', weight: 1 }] })).toMatch(
      /not a card/,
    );
    expect(
      problems('blend', {
        kind: 'expression',
        terms: [
          { card: 'two', weight: 0.5 },
          { card: 'two', weight: 0.5 },
        ],
      }),
    ).toMatch(/appears twice/);
    expect(problems('blend', { kind: 'expression', terms: [{ card: 'two', weight: 0 }] })).toMatch(/non-zero/);
    expect(problems('blend', { kind: 'expression', terms: [{ card: 'two', weight: 3 }] })).toMatch(/±2/);
    const five = ['zero', 'one', 'two', 'four', 'seven'].map((card) => ({ card, weight: 0.2 }));
    expect(problems('blend', { kind: 'expression', terms: five })).toMatch(/At most 4 terms/);
    expect(problems('letter-forge', { kind: 'expression', terms: [{ card: 'E', weight: 1 }] })).toMatch(
      /"E" is not a card/,
    );
  });

  it('rejects the wrong kind, extra fields and malformed structure', () => {
    expect(problems('blend', { kind: 'latentPoints', points: [[0, 0]] })).toMatch(/takes a "expression" solution/);
    expect(problems('blend', { kind: 'expression', terms: [{ card: 'two', weight: 1 }], note: 'hi' })).not.toBe('');
    expect(problems('blend', { kind: 'telepathy' })).not.toBe('');
    expect(problems('blend', null)).not.toBe('');
    expect(problems('blend', { kind: 'expression', terms: [] })).not.toBe('');
  });

  it('parses JSON text and refuses oversized or invalid text before looking inside', () => {
    expect(
      parsePayloadJson(
        level('blend'),
        '{"kind":"expression","terms":[{"card":"two","weight":0.5},{"card":"seven","weight":0.5}]}',
      ).ok,
    ).toBe(true);
    expect(parsePayloadJson(level('blend'), '{"kind":')).toEqual({
      ok: false,
      problems: ['The solution is not valid JSON.'],
    });
    const huge = JSON.stringify({
      kind: 'path',
      points: Array.from({ length: 2000 }, () => [0.123456789, 0.123456789]),
    });
    const r = parsePayloadJson(level('the-path'), huge);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.problems[0]).toMatch(/too large/);
  });
});
