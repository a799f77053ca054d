/**
 * Dream digits' screen-only bots. The skilled player follows the hints in order: presses Sample N(0, I) until the
 * goal's clean dreams from the prior are in (hint 1), then, for each digit still missing, puts μ in the middle
 * of that digit's colour on the map (hint 2) with a small σ (hint 3) and presses Dream; when the judge is not
 * sure or sees another digit, it tries a spot where that colour is thickest, away from the digit it got (at
 * most six spots a digit). Naive players: one only samples the prior (a lottery for the rarest digits), one aims
 * at every colour but never samples the prior.
 */
import type { LevelDefinition } from '../../../src/shared/levels';
import type { PretrainedEngine } from '../pretrained';
import type { LevelBots, ScreenBot } from '../screen/types';
import { DreamScreen } from './dream-screen';

/** The σ a reader of hint 3 sets: small, but not the slider's very end. */
const AIM_SIGMA = 0.1;
const TRIES_PER_DIGIT = 6;

/**
 * How much a spot looks like `digit`'s own patch on the map: its colour's dots within 0.3 count +1, other colours'
 * −2, and the colours the judge already called dreams aimed at this digit (`confusers`) −4: a player who got a 9
 * when aiming at a 4 moves away from the 9s.
 */
function patchScore(screen: DreamScreen, digit: number, at: readonly number[], confusers: ReadonlySet<number>): number {
  let score = 0;
  for (const d of screen.dots)
    if (Math.hypot(d.at[0] - at[0], d.at[1] - at[1]) < 0.3)
      score += d.label === digit ? 1 : confusers.has(d.label) ? -4 : -2;
  return score;
}

/** Aims at `digit` until the judge calls a dream a clean one, or the tries are spent. */
async function aimAt(screen: DreamScreen, digit: number): Promise<void> {
  const confusers = new Set<number>();
  const tried: number[][] = [];
  const own = screen.dots.filter((d) => d.label === digit);
  if (own.length === 0) return;
  // First the middle of the colour (the median of its dots).
  const middle = [0, 1].map((k) => own.map((d) => d.at[k]).sort((a, b) => a - b)[Math.floor(own.length / 2)]);
  for (let k = 0; k < TRIES_PER_DIGIT && !screen.found.has(digit) && !screen.done; k++) {
    if (k === 0) {
      tried.push(middle);
      const { clean } = await screen.dream(middle, AIM_SIGMA);
      if (clean !== null && clean !== digit) confusers.add(clean);
      continue;
    }
    let best: { at: number[]; score: number } | null = null;
    for (const d of screen.dots) {
      if (d.label !== digit || tried.some((t) => Math.hypot(t[0] - d.at[0], t[1] - d.at[1]) < 0.25)) continue;
      const score = patchScore(screen, digit, d.at, confusers);
      if (!best || score > best.score) best = { at: [...d.at], score };
    }
    if (!best) return;
    tried.push(best.at);
    const { clean } = await screen.dream(best.at, AIM_SIGMA);
    if (clean !== null && clean !== digit) confusers.add(clean);
  }
}

async function aimAtMissing(screen: DreamScreen): Promise<void> {
  for (let digit = 0; digit < 10 && !screen.done; digit++) if (!screen.found.has(digit)) await aimAt(screen, digit);
}

const skilled: ScreenBot<DreamScreen> = {
  who: 'skilled: samples the prior, then aims a small σ at each missing colour',
  async play(screen) {
    while (!screen.done && screen.priorClean < screen.priorNeeded) await screen.prior();
    await aimAtMissing(screen);
  },
};

const priorOnly: ScreenBot<DreamScreen> = {
  who: 'naive: only Sample N(0, I)',
  async play(screen) {
    while (!screen.done) await screen.prior();
  },
};

const aimOnly: ScreenBot<DreamScreen> = {
  who: 'naive: aims at every colour, never samples the prior',
  async play(screen) {
    await aimAtMissing(screen);
  },
};

export function dreamBots(engine: PretrainedEngine, level: LevelDefinition): LevelBots<DreamScreen> {
  return {
    open: () => DreamScreen.open(engine, level),
    skilled,
    naive: [priorOnly, aimOnly],
    naiveRule: 'max',
  };
}
