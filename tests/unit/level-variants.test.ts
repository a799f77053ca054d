/**
 * Classroom variants (src/shared/levels/variants.ts), pure checks: the seed → variant choice, that a variant is
 * the same level with other targets, that every variant is as sound as a catalogue level, and that a payload is
 * judged against the variant it was assigned. How hard each variant is gets measured by the solver bots
 * (tests/unit/solvers/pretrained-levels.test.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  getLevel,
  LEVELS,
  LevelInputError,
  levelVariant,
  validateLevels,
  validatePayload,
  variantCount,
  type ImageCard,
  type LevelDefinition,
  type SolutionPayload,
} from '../../src/shared/levels';
import { levelVariants, variantIndex } from '../../src/shared/levels/variants';

const SEEDS = Array.from({ length: 1000 }, (_, i) => i);
const level = (id: string): LevelDefinition => {
  const found = getLevel(id);
  if (!found) throw new Error(`no level ${id}`);
  return found;
};
const varying = LEVELS.filter((l) => variantCount(l) > 1);
const cardsOf = (l: LevelDefinition): ImageCard[] =>
  l.setup.kind === 'arithmetic' ? [...l.setup.deck, ...l.setup.hidden] : [];
/** What a variant may change: its targets (and the cards they need); everything else is the level's. */
const unchanged = (l: LevelDefinition) => {
  const { setup: _setup, solution, score: _score, ...rest } = l;
  const { targets: _targets, ...bounds } = solution as { targets?: number };
  return JSON.stringify({ ...rest, solution: bounds });
};

describe('levelVariant: which variant a seed plays', () => {
  it('gives the map and arithmetic levels with targets several variants, the others one', () => {
    expect(
      Object.fromEntries(LEVELS.filter((l) => l.setup.kind !== 'trained').map((l) => [l.id, variantCount(l)])),
    ).toEqual({
      'holes-in-the-map': 1,
      navigator: 5,
      'dream-digits': 1,
      'the-path': 1,
      blend: 4,
      difference: 3,
      'attribute-vector': 8,
      'letter-forge': 1,
      'digits-on-demand': 1,
    });
    for (const l of LEVELS.filter((x) => x.setup.kind === 'trained')) expect(variantCount(l)).toBe(1);
  });

  it('is deterministic: the same seed always plays the same variant', () => {
    for (const l of varying) {
      for (const seed of [0, 1, 42, 123_456, 2 ** 31 - 1]) {
        const first = levelVariant(l, seed);
        expect(levelVariant(l, seed)).toBe(first);
        expect(levelVariant(getLevel(l.id)!, seed)).toBe(first);
        expect(levelVariants(l)[variantIndex(l, seed)]).toBe(first);
      }
    }
  });

  it('reaches every variant from seeds 0..999, roughly evenly', () => {
    for (const l of varying) {
      const n = variantCount(l);
      const counts = new Array<number>(n).fill(0);
      for (const seed of SEEDS) counts[variantIndex(l, seed)]++;
      // Each share within ±35 % of 1000 / n (binomial noise at n = 8 is about ±10 %).
      for (const c of counts) {
        expect(c, `${l.id}: ${counts.join(', ')}`).toBeGreaterThan((0.65 * SEEDS.length) / n);
        expect(c, `${l.id}: ${counts.join(', ')}`).toBeLessThan((1.35 * SEEDS.length) / n);
      }
    }
  });

  it('mixes the level id in: one seed does not play the same index everywhere', () => {
    const [a, b] = [level('blend'), level('navigator')];
    const same = SEEDS.filter((s) => variantIndex(a, s) === variantIndex(b, s)).length;
    // Independent choices agree about 1000 / 4 times (blend has 4 variants, navigator 5): far from all 1000.
    expect(same).toBeLessThan(400);
  });

  it("is stable: a seed keeps its variant (a running competition re-derives each student's from the seed)", () => {
    const first12 = (id: string): number[] => SEEDS.slice(0, 12).map((s) => variantIndex(level(id), s));
    expect(first12('navigator')).toEqual([0, 0, 1, 2, 1, 4, 2, 0, 3, 4, 1, 2]);
    expect(first12('blend')).toEqual([0, 3, 1, 1, 3, 1, 0, 0, 2, 1, 0, 1]);
    expect(first12('difference')).toEqual([2, 0, 1, 2, 0, 1, 0, 0, 1, 1, 2, 1]);
    expect(first12('attribute-vector')).toEqual([7, 2, 0, 1, 5, 4, 5, 3, 2, 4, 0, 6]);
  });
});

describe('levelVariant: the same level with other targets', () => {
  it('trained levels keep everything and train with the seed', () => {
    for (const l of LEVELS.filter((x) => x.setup.kind === 'trained')) {
      const v = levelVariant(l, 987_654);
      if (v.setup.kind !== 'trained' || l.setup.kind !== 'trained') throw new Error('trained expected');
      expect(v.setup.seed).toBe(987_654);
      expect(v.setup.plan).toBe(l.setup.plan);
      expect(v.setup.heldOut).toBe(l.setup.heldOut);
      expect(v.score).toBe(l.score);
      expect(unchanged(v)).toBe(unchanged(l));
      expect(l.setup.seed).not.toBe(987_654);
    }
  });

  it('map and arithmetic levels without targets are returned as they are', () => {
    for (const id of ['holes-in-the-map', 'dream-digits', 'the-path', 'letter-forge'])
      for (const seed of [0, 7, 99_999]) expect(levelVariant(level(id), seed)).toBe(level(id));
  });

  it('variant 0 is the catalogue level (Navigator: its first target alone)', () => {
    for (const id of ['blend', 'difference', 'attribute-vector']) expect(levelVariants(level(id))[0]).toBe(level(id));
    const nav = level('navigator');
    const first = levelVariants(nav)[0];
    if (first.setup.kind !== 'map' || nav.setup.kind !== 'map') throw new Error('map expected');
    expect(first.setup.targets).toEqual([nav.setup.targets![0]]);
  });

  it('every variant keeps the id, text, stars, metric, solution bounds, measures and example', () => {
    for (const l of varying) {
      for (const v of levelVariants(l)) {
        expect(v.id).toBe(l.id);
        expect(v.stars).toEqual(l.stars);
        expect(v.metric).toEqual(l.metric);
        expect(v.solution.kind).toBe(l.solution.kind);
        expect(v.setup.kind).toBe(l.setup.kind);
        expect(unchanged(v)).toBe(unchanged(l));
      }
    }
  });

  it('every variant scores the same measurements exactly as the catalogue level', () => {
    const nav = level('navigator');
    const probes: SolutionPayload = {
      kind: 'latentPoints',
      points: [
        [0, 0],
        [1, 1],
        [0.5, -0.5],
      ],
      target: 0,
    };
    for (const v of levelVariants(nav)) {
      for (const m of [
        [10, 50, 94.9],
        [96, 20, 99],
        [40, 95, 95],
      ])
        expect(v.score(probes, { matchPercent: m })).toEqual(nav.score(probes, { matchPercent: m }));
    }
    for (const id of ['blend', 'difference', 'attribute-vector']) {
      const l = level(id);
      const n = id === 'attribute-vector' ? 3 : 1;
      for (const v of levelVariants(l)) {
        for (const pct of [0, 50, 70, 74.9, 75, 85, 87.5, 88, 95, 100]) {
          const evaluation = { matchPercent: new Array<number>(n).fill(pct) };
          expect(v.score(v.example, evaluation)).toEqual(l.score(l.example, evaluation));
        }
      }
    }
  });

  it('no two variants of a level share their targets', () => {
    for (const l of varying) {
      const targets = levelVariants(l).map((v) =>
        JSON.stringify(
          v.setup.kind === 'map'
            ? v.setup.targets
            : v.setup.kind === 'arithmetic'
              ? [v.setup.target, cardsOf(v).map((c) => c.image)]
              : null,
        ),
      );
      expect(new Set(targets).size, l.id).toBe(targets.length);
    }
  });
});

describe('every variant is sound', () => {
  it('passes validateLevels() in place of its catalogue level', () => {
    for (const l of varying) {
      levelVariants(l).forEach((v, i) => {
        expect(validateLevels(LEVELS.map((x) => (x.id === v.id ? v : x))), `${l.id} variant ${i}`).toEqual([]);
      });
    }
  });

  it('Navigator: one target each, inside the prior bulk |z| < 2', () => {
    for (const v of levelVariants(level('navigator'))) {
      if (v.setup.kind !== 'map' || v.solution.kind !== 'latentPoints') throw new Error('map expected');
      expect(v.setup.targets).toHaveLength(1);
      expect(v.solution.targets).toBe(1);
      for (const t of v.setup.targets!) {
        expect(t).toHaveLength(2);
        expect(Math.hypot(...t)).toBeLessThan(2);
      }
    }
  });

  it('arithmetic: targets use existing cards, MNIST indices lie in the 2,000-image test split', () => {
    for (const id of ['blend', 'difference', 'attribute-vector']) {
      for (const v of levelVariants(level(id))) {
        if (v.setup.kind !== 'arithmetic') throw new Error('arithmetic expected');
        const ids = new Set(cardsOf(v).map((c) => c.id));
        const deck = new Set(v.setup.deck.map((c) => c.id));
        const t = v.setup.target;
        if (t.kind === 'decode')
          for (const term of t.terms) expect(deck.has(term.card), `${id}: ${term.card}`).toBe(true);
        if (t.kind === 'applyVector') {
          expect(t.bases).toHaveLength(3);
          for (const b of t.bases) expect(ids.has(b) && !deck.has(b), `${id}: base ${b} is a hidden card`).toBe(true);
          for (const term of t.reference) expect(ids.has(term.card)).toBe(true);
        }
        for (const c of cardsOf(v)) {
          if (c.image.kind !== 'mnistTest') throw new Error('MNIST cards expected');
          expect(Number.isInteger(c.image.index) && c.image.index >= 0 && c.image.index < 2000, `${id}: ${c.id}`).toBe(
            true,
          );
        }
      }
    }
  });

  it('a card id names one image in every variant of its level (caches key codes by level and card)', () => {
    for (const l of varying) {
      const images = new Map<string, string>();
      for (const v of levelVariants(l)) {
        for (const c of cardsOf(v)) {
          const image = JSON.stringify(c.image);
          expect(images.get(c.id) ?? image, `${l.id}: ${c.id}`).toBe(image);
          images.set(c.id, image);
        }
      }
    }
  });

  it("the example stays a valid attempt, never the variant's answer", () => {
    for (const l of varying) {
      for (const v of levelVariants(l)) {
        expect(validatePayload(v, v.example).ok).toBe(true);
        if (v.setup.kind === 'arithmetic' && v.setup.target.kind === 'decode' && v.example.kind === 'expression') {
          const key = (terms: readonly { card: string; weight: number }[]): string =>
            terms
              .map((t) => `${t.card}:${t.weight}`)
              .sort()
              .join(' ');
          expect(key(v.example.terms)).not.toBe(key(v.setup.target.terms));
        }
      }
    }
  });
});

describe('payloads are judged against the assigned variant', () => {
  const probes = (target: number): SolutionPayload => ({ kind: 'latentPoints', points: [[0.5, 0.5]], target });

  it('Navigator: only target 0, the assigned one, is accepted; choosing another target is refused', () => {
    const nav = level('navigator');
    // The catalogue level lets the game pick any of its five targets...
    expect(validatePayload(nav, probes(3)).ok).toBe(true);
    for (const v of levelVariants(nav)) {
      expect(validatePayload(v, probes(0)).ok).toBe(true);
      for (const other of [1, 2, 4]) {
        const checked = validatePayload(v, probes(other));
        expect(checked.ok).toBe(false);
        // ...a variant's own scorer refuses the others too, whatever the measurements say.
        expect(() => v.score(probes(other), { matchPercent: [100] })).toThrow(LevelInputError);
      }
      expect(validatePayload(v, { kind: 'latentPoints', points: [[0.5, 0.5]] }).ok).toBe(false);
    }
  });

  it('arithmetic: cards of another variant or hidden cards are refused by the variant', () => {
    const variants = levelVariants(level('difference'));
    const deckOf = (v: LevelDefinition): Set<string> =>
      new Set(v.setup.kind === 'arithmetic' ? v.setup.deck.map((c) => c.id) : []);
    for (const v of variants) {
      const own = deckOf(v);
      const foreign = variants.flatMap((w) => [...deckOf(w)]).filter((id) => !own.has(id));
      expect(foreign.length).toBeGreaterThan(0);
      for (const card of foreign) {
        const payload: SolutionPayload = {
          kind: 'expression',
          terms: [
            { card: 'thin-3', weight: 1 },
            { card, weight: 1 },
          ],
        };
        expect(validatePayload(v, payload).ok, card).toBe(false);
        expect(() => v.score(payload, { matchPercent: [100] })).toThrow(LevelInputError);
      }
    }
    for (const v of levelVariants(level('attribute-vector'))) {
      if (v.setup.kind !== 'arithmetic' || v.setup.target.kind !== 'applyVector')
        throw new Error('applyVector expected');
      const payload: SolutionPayload = { kind: 'expression', terms: [{ card: v.setup.target.bases[0], weight: 1 }] };
      expect(validatePayload(v, payload).ok).toBe(false);
    }
  });
});
