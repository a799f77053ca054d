/**
 * World 4's screen-only bots. The skilled bot compares pictures as a player does (how much of a card's ink
 * lies where the target has ink, pixel by pixel), follows the level's hints to choose which expressions to put on
 * the table, reads the live meter under the result for each, and presses Check on the best one it saw (or as
 * soon as the meter passes the 3-star line). Naive players check the level's example or two random cards.
 */
import type { LevelDefinition, LinearTerm } from '../../../src/shared/levels';
import { createRng } from '../../../src/shared/random';
import type { PretrainedEngine } from '../pretrained';
import { ArithmeticScreen, type CardPicture } from './arithmetic-screen';
import type { LevelBots, ScreenBot } from './types';

type Terms = LinearTerm[];

/** How alike two pictures look: 1 − mean absolute pixel difference (0..1). */
export function alike(a: Float32Array, b: Float32Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += Math.abs(a[i] - b[i]);
  return 1 - d / a.length;
}

/** The digit a card's label names ("a bold 7" → "7"), or its whole label. */
const digitOf = (c: CardPicture): string => c.label.match(/\d/)?.[0] ?? c.label;

function better(screen: ArithmeticScreen, a: number, b: number): boolean {
  return screen.info.direction === 'higher' ? a > b : a < b;
}

function reached3(screen: ArithmeticScreen, meter: number): boolean {
  const line = screen.info.stars[2];
  return screen.info.direction === 'higher' ? meter >= line : meter <= line;
}

/** Looks at each candidate in order until one passes the 3-star line; checks the best seen. */
async function lookThenCheck(screen: ArithmeticScreen, candidates: readonly Terms[]): Promise<void> {
  let best: { terms: Terms; meter: number } | null = null;
  for (const terms of candidates) {
    if (screen.clock.exhausted) break;
    const { meter } = await screen.look(terms);
    if (!best || better(screen, meter, best.meter)) best = { terms, meter };
    if (reached3(screen, meter)) break;
  }
  if (best) await screen.check(best.terms);
}

/** Blend. Hint 1: which two digits are in the target (cards ranked by likeness); hint 2: weight ½ each. */
async function blend(screen: ArithmeticScreen): Promise<void> {
  const target = screen.targets[0];
  const ranked = [...screen.cards].sort((a, b) => alike(b.image, target) - alike(a.image, target));
  const pairs: { terms: Terms; rank: number }[] = [];
  for (let i = 0; i < ranked.length; i++)
    for (let j = i + 1; j < ranked.length; j++)
      pairs.push({
        terms: [
          { card: ranked[i].id, weight: 0.5 },
          { card: ranked[j].id, weight: 0.5 },
        ],
        rank: i + j,
      });
  await lookThenCheck(
    screen,
    pairs.sort((a, b) => a.rank - b.rank).map((p) => p.terms),
  );
}

/**
 * Difference. Hint 1: start with the card the target is made from (the most alike); hint 2 + 3: add the
 * difference of two cards of the same digit, one way or the other (the labels name digit and style).
 */
async function difference(screen: ArithmeticScreen): Promise<void> {
  const target = screen.targets[0];
  const ranked = [...screen.cards].sort((a, b) => alike(b.image, target) - alike(a.image, target));
  const candidates: Terms[] = [];
  for (const base of ranked.slice(0, 2)) {
    candidates.push([{ card: base.id, weight: 1 }]);
    for (const a of screen.cards)
      for (const b of screen.cards)
        if (a !== b && a !== base && b !== base && digitOf(a) === digitOf(b))
          candidates.push([
            { card: base.id, weight: 1 },
            { card: a.id, weight: 1 },
            { card: b.id, weight: -1 },
          ]);
  }
  await lookThenCheck(screen, candidates);
}

/** Attribute vector. Hints 1-3: one pair bold − thin, then k pairs each weighted 1/k, up to all of them. */
async function attributeVector(screen: ArithmeticScreen): Promise<void> {
  const bold = screen.cards.filter((c) => /bold/.test(c.label));
  const pairs = bold.flatMap((b) => {
    const thin = screen.cards.find((c) => /thin/.test(c.label) && digitOf(c) === digitOf(b));
    return thin ? [[b.id, thin.id] as const] : [];
  });
  const candidates: Terms[] = [];
  for (let k = 1; k <= pairs.length; k++)
    candidates.push(
      pairs.slice(0, k).flatMap(([b, t]) => [
        { card: b, weight: 1 / k },
        { card: t, weight: -1 / k },
      ]),
    );
  // Every step adds a pair, so the bot looks at all of them (the meter may keep rising) before checking.
  let best: { terms: Terms; meter: number } | null = null;
  for (const terms of candidates) {
    const { meter } = await screen.look(terms);
    if (!best || better(screen, meter, best.meter)) best = { terms, meter };
  }
  if (best) await screen.check(best.terms);
}

/**
 * Letter forge. Hint 1: start from the card sharing most of the target's strokes; hints 2 + 3: add a card that
 * draws what is missing, or subtract one that draws what is too much, with weights ±½ and ±1, keeping the
 * change only when the live wrong-pixel count drops; then try halving or growing the weights already placed.
 */
async function forge(screen: ArithmeticScreen): Promise<void> {
  const target = screen.targets[0];
  const ranked = [...screen.cards].sort((a, b) => alike(b.image, target) - alike(a.image, target));
  let current: Terms = [{ card: ranked[0].id, weight: 1 }];
  let meter = (await screen.look(current)).meter;
  const weights = [1, 0.5, -0.5, -1];
  for (let round = 0; round < screen.spec.maxTerms * 2 && !reached3(screen, meter); round++) {
    const [decode] = (await screen.look(current)).decodes;
    // Which strokes are missing or extra, as the player sees on the result next to the target.
    const need = Array.from(target, (t, i) => t - decode[i]);
    const relevance = (c: CardPicture): number => Math.abs(c.image.reduce((s, v, i) => s + v * need[i], 0));
    const unused = screen.cards.filter((c) => !current.some((t) => t.card === c.id));
    const moves: Terms[] = [];
    if (current.length < screen.spec.maxTerms)
      for (const c of [...unused].sort((a, b) => relevance(b) - relevance(a)).slice(0, 6))
        for (const w of weights) moves.push([...current, { card: c.id, weight: w }]);
    for (let i = 0; i < current.length; i++)
      for (const f of [0.5, 1.5])
        moves.push(current.map((t, k) => (k === i ? { ...t, weight: Math.max(-2, Math.min(2, t.weight * f)) } : t)));
    let step: { terms: Terms; meter: number } | null = null;
    for (const terms of moves) {
      if (screen.clock.exhausted) break;
      const m = (await screen.look(terms)).meter;
      if (better(screen, m, step?.meter ?? meter)) step = { terms, meter: m };
      if (reached3(screen, m)) break;
    }
    if (!step) break;
    current = step.terms;
    meter = step.meter;
  }
  await screen.check(current);
}

const SKILLED: Readonly<Record<string, (screen: ArithmeticScreen) => Promise<void>>> = {
  blend,
  difference,
  'attribute-vector': attributeVector,
  'letter-forge': forge,
};

export function arithmeticBots(engine: PretrainedEngine, level: LevelDefinition): LevelBots<ArithmeticScreen> {
  const play = SKILLED[level.id];
  if (!play) throw new Error(`No screen-only bot for "${level.id}".`);
  const example: ScreenBot<ArithmeticScreen> = {
    who: 'example',
    async play(screen) {
      if (level.example.kind === 'expression') await screen.check(level.example.terms);
    },
  };
  const random: ScreenBot<ArithmeticScreen> = {
    who: 'random',
    async play(screen) {
      const rng = createRng(17);
      const terms: Terms = [];
      for (const i of [0, 1]) {
        const card = screen.cards[rng.int(screen.cards.length)].id;
        if (!terms.some((t) => t.card === card)) terms.push({ card, weight: i === 0 ? 1 : 0.5 });
      }
      await screen.check(terms);
    },
  };
  return {
    open: () => ArithmeticScreen.open(engine, level),
    skilled: { who: 'skilled', play },
    naive: [example, random],
    naiveRule: 'max',
  };
}
