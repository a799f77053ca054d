/**
 * The ceiling search for the arithmetic levels (pretrained decoders): every blend, difference and attribute
 * expression the deck allows, and a beam search for Letter forge, each scored through PretrainedLevel. Split out of
 * pretrained-solvers.ts, which dispatches to it.
 */
import { GLYPH_PIXELS, glyphBitmap } from '../../src/shared/glyphs';
import { wrongPixels } from '../../src/shared/scoring';
import type { ArithmeticSetup, LinearTerm } from '../../src/shared/levels';
import { createRng } from '../../src/shared/random';
import type { PretrainedLevel } from './pretrained';
import type { PretrainedPlan } from './pretrained-solvers';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Blend: every half-and-half pair of the deck's cards. */
export function blendPairs(ids: readonly string[]): LinearTerm[][] {
  const out: LinearTerm[][] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++)
      out.push([
        { card: ids[i], weight: 0.5 },
        { card: ids[j], weight: 0.5 },
      ]);
  return out;
}

/** Difference: every a + b − c of three different cards. */
export function differenceTriples(ids: readonly string[]): LinearTerm[][] {
  const out: LinearTerm[][] = [];
  for (const a of ids)
    for (const b of ids)
      for (const c of ids)
        if (a !== b && b !== c && a !== c)
          out.push([
            { card: a, weight: 1 },
            { card: b, weight: 1 },
            { card: c, weight: -1 },
          ]);
  return out;
}

async function bestExpression(
  p: PretrainedLevel,
  candidates: LinearTerm[][],
): Promise<{ terms: LinearTerm[]; score: number }> {
  const level = p.level;
  let best: { terms: LinearTerm[]; score: number } | null = null;
  const better = (a: number, b: number): boolean => (level.metric.direction === 'higher' ? a > b : a < b);
  for (const terms of candidates) {
    const { result } = await p.play({ kind: 'expression', terms });
    if (!best || better(result.score, best.score)) best = { terms, score: result.score };
  }
  return best!;
}

export async function arithmetic(p: PretrainedLevel): Promise<PretrainedPlan> {
  const setup = p.level.setup as ArithmeticSetup;
  const spec = p.level.solution;
  if (spec.kind !== 'expression') throw new Error('arithmetic: expression expected');
  await p.preloadCards();
  const ids = setup.deck.map((c) => c.id);
  let candidates: LinearTerm[][] = [];
  if (p.level.id === 'blend') {
    candidates = blendPairs(ids);
  } else if (p.level.id === 'difference') {
    candidates = differenceTriples(ids);
  } else if (p.level.id === 'attribute-vector') {
    const pairs = ids.filter((id) => id.startsWith('bold-')).map((b) => [b, b.replace('bold-', 'thin-')]);
    for (let k = 1; k <= pairs.length; k++)
      candidates.push(
        pairs.slice(0, k).flatMap(([b, t]) => [
          { card: b, weight: 1 / k },
          { card: t, weight: -1 / k },
        ]),
      );
  } else {
    // Letter forge: beam search over up to maxTerms cards with weights on a ½ grid, judged by the decode alone
    // (wrong pixels against the target glyph the player sees), decoding each round's candidates in one batch.
    const target = setup.target.kind === 'glyph' ? glyphBitmap(setup.target.char) : null;
    if (!target) throw new Error('forge: glyph target expected');
    const weights = [-1, -0.5, 0.5, 1, 1.5, 2].filter((w) => Math.abs(w) <= spec.maxWeight);
    let beam: { terms: LinearTerm[]; wrong: number }[] = [{ terms: [], wrong: GLYPH_PIXELS }];
    let best = beam[0];
    for (let t = 0; t < spec.maxTerms; t++) {
      const options: LinearTerm[][] = [];
      for (const b of beam)
        for (const id of ids)
          if (!b.terms.some((c) => c.card === id))
            for (const w of weights) options.push([...b.terms, { card: id, weight: w }]);
      const codes = new Float32Array(options.length * p.latent);
      options.forEach((o, i) => codes.set(p.combine(o), i * p.latent));
      const images = await p.decode(codes);
      const scored = options.map((terms, i) => ({
        terms,
        wrong: wrongPixels(target, images.subarray(i * GLYPH_PIXELS, (i + 1) * GLYPH_PIXELS)),
      }));
      scored.sort((a, b) => a.wrong - b.wrong || a.terms.length - b.terms.length);
      beam = scored.slice(0, 12);
      if (beam[0].wrong < best.wrong) best = beam[0];
      if (best.wrong === 0) break;
    }
    candidates = [best.terms];
  }
  const best = await bestExpression(p, candidates);
  const rng = createRng(17);
  const random: LinearTerm[] = [];
  for (const i of range(2)) {
    const card = ids[rng.int(ids.length)];
    if (!random.some((t) => t.card === card)) random.push({ card, weight: i === 0 ? 1 : 0.5 });
  }
  return {
    skilled: { kind: 'expression', terms: best.terms },
    naive: [
      { label: 'example', payload: p.level.example },
      { label: 'random', payload: { kind: 'expression', terms: random } },
    ],
  };
}
