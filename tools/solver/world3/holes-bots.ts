/**
 * Holes in the map's screen-only bots. The skilled player follows the hints in order: looks between two colours
 * of the AE map (hint 1), drags slowly across such a border watching the judge's live % fall (hint 2), and keeps
 * every spot where the % fell below the level's bar; it places the lowest ones, apart, then scores. Naive players
 * place 8 points without looking: anywhere at random, or between two colours.
 */
import type { LevelDefinition } from '../../../src/shared/levels';
import { HOLES_NON_DIGIT } from '../../../src/shared/levels/world3-latent-map';
import { createRng, type Rng } from '../../../src/shared/random';
import type { PretrainedEngine } from '../pretrained';
import type { LevelBots, ScreenBot } from '../screen/types';
import { HolesScreen } from './holes-screen';

/** Spots between two near dots of different colours (what "look between the colours" points at). */
function borderSpots(screen: HolesScreen, rng: Rng, n: number): number[][] {
  const dots = screen.dots;
  const out: number[][] = [];
  for (let k = 0; k < 50 * n && out.length < n; k++) {
    const a = dots[rng.int(dots.length)];
    const b = dots[rng.int(dots.length)];
    const d = Math.hypot(a.at[0] - b.at[0], a.at[1] - b.at[1]);
    if (a.label === b.label || d > 0.25 || d < 0.02) continue;
    out.push([(a.at[0] + b.at[0]) / 2, (a.at[1] + b.at[1]) / 2]);
  }
  return out;
}

/**
 * Hints 1 and 2: drag slowly across the map in straight strokes (each stroke crosses several borders between
 * colours), a look every 0.05 of the box, noting every spot whose live % is under the bar; stop once enough
 * separated spots are noted or the time is nearly up; place the lowest, then score.
 */
function skilled(offset: number): ScreenBot<HolesScreen> {
  return {
    who: 'skilled: strokes across the borders, watching the live %',
    async play(screen) {
      const max = screen.spec.maxPoints;
      const sep = screen.spec.minSeparation;
      const low: { at: number[]; confidence: number }[] = [];
      const enough = (): boolean =>
        pick(low, sep, max).length >= max ||
        screen.clock.looks + 2 >= screen.clock.maxLooks ||
        screen.clock.seconds + 12 >= screen.clock.maxSeconds;
      // Vertical strokes, 0.3 apart, then the same between them.
      const columns = [0, 1].flatMap((k) => Array.from({ length: 7 }, (_, i) => -0.9 + offset + 0.3 * i + 0.15 * k));
      for (const x of columns) {
        for (let y = -0.975; y <= 0.975 && !enough(); y += 0.05) {
          const q = [x, y];
          const { confidence } = (await screen.look(q)).verdict;
          if (confidence < HOLES_NON_DIGIT) low.push({ at: q, confidence });
        }
        if (enough()) break;
      }
      for (const spot of pick(low, sep, max)) if (screen.free(spot)) await screen.place(spot);
      if (screen.placed.length > 0) await screen.score();
    },
  };
}

/** The lowest spots, kept apart by the level's minimum separation. */
function pick(low: readonly { at: number[]; confidence: number }[], sep: number, max: number): number[][] {
  const chosen: number[][] = [];
  for (const s of [...low].sort((a, b) => a.confidence - b.confidence)) {
    if (chosen.length >= max) break;
    if (chosen.every((c) => Math.hypot(c[0] - s.at[0], c[1] - s.at[1]) >= sep + 0.002)) chosen.push(s.at);
  }
  return chosen;
}

/** Places `max` points without looking first, from `spots`, kept apart. */
function clicker(who: string, spots: (screen: HolesScreen, rng: Rng) => number[]): ScreenBot<HolesScreen> {
  return {
    who,
    async play(screen) {
      const rng = createRng(who.length * 7 + 3);
      for (let k = 0; k < 500 && screen.placed.length < screen.spec.maxPoints; k++) {
        const q = spots(screen, rng);
        if (screen.free(q)) await screen.place(q);
      }
      await screen.score();
    },
  };
}

export function holesBots(engine: PretrainedEngine, level: LevelDefinition): LevelBots<HolesScreen> {
  return {
    open: () => HolesScreen.open(engine, level),
    skilled: skilled(0),
    naive: [
      clicker('naive: random clicks', (_s, rng) => [rng.next() * 2 - 1, rng.next() * 2 - 1]),
      clicker('naive: clicks between two colours', (s, rng) => borderSpots(s, rng, 1)[0] ?? [0, 0]),
    ],
    naiveRule: 'max',
  };
}
