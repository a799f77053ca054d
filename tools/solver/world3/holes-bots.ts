/**
 * Holes in the map's screen-only bots. The skilled player follows the hints in order: reads the AE map's picture
 * for empty space with no dots (hint 1), drags the probe into the emptiest patches and reads, under the decode,
 * how far the nearest dot is (hint 2), and places a point wherever the readout says empty; then scores. Naive
 * players place 8 points without looking: anywhere at random, between two colours, or in the corners and at
 * the middles of the sides.
 */
import type { LevelDefinition } from '../../../src/shared/levels';
import { isMapGap } from '../../../src/shared/levels/world3-latent-map';
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

/** The eye's reading of the picture: spots 0.1 apart (~30 px on the 1280x720 map), emptiest first. */
const EYE_STEP = 0.1;
/** How far off the eye may judge a spot's distance to the dots it sees (box units; ~12 px at 1280x720). */
const EYE_ERROR = 0.04;

/**
 * Hints 1 and 2: the picture shows where the dots are; the eye ranks spots by how empty they look (their
 * distance to the nearest dot, give or take EYE_ERROR; reading the picture is no probe look). The probe goes to
 * the emptiest spots in turn, one look each; a spot whose readout says empty gets a point.
 */
function skilled(seed: number): ScreenBot<HolesScreen> {
  return {
    who: 'skilled: drags into the empty patches, reading the nearest dot',
    async play(screen) {
      const rng = createRng(seed);
      const max = screen.spec.maxPoints;
      const n = Math.round(2 / EYE_STEP);
      const spots: { at: number[]; looks: number }[] = [];
      for (let i = 0; i <= n; i++)
        for (let j = 0; j <= n; j++) {
          const at = [-1 + j * EYE_STEP, -1 + i * EYE_STEP].map((v) => Math.round(v * 1000) / 1000);
          const seen = Math.min(...screen.dots.map((d) => Math.hypot(d.at[0] - at[0], d.at[1] - at[1])));
          spots.push({ at, looks: seen + (rng.next() * 2 - 1) * EYE_ERROR });
        }
      spots.sort((a, b) => b.looks - a.looks);
      for (const spot of spots) {
        if (screen.placed.length >= max || screen.clock.looks + 2 >= screen.clock.maxLooks) break;
        if (!screen.free(spot.at)) continue;
        const { nearest } = await screen.look(spot.at);
        if (isMapGap(nearest.distance)) await screen.place(spot.at);
      }
      if (screen.placed.length > 0) await screen.score();
    },
  };
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

/** Four corners and the four sides' middles, just inside the box. */
const EDGES = [
  [-0.95, -0.95],
  [0.95, -0.95],
  [-0.95, 0.95],
  [0.95, 0.95],
  [0, -0.95],
  [0, 0.95],
  [-0.95, 0],
  [0.95, 0],
];

export function holesBots(engine: PretrainedEngine, level: LevelDefinition): LevelBots<HolesScreen> {
  return {
    open: () => HolesScreen.open(engine, level),
    skilled: skilled(11),
    naive: [
      clicker('naive: random clicks', (_s, rng) => [rng.next() * 2 - 1, rng.next() * 2 - 1]),
      clicker('naive: clicks between two colours', (s, rng) => borderSpots(s, rng, 1)[0] ?? [0, 0]),
      clicker('naive: corners and the middles of the sides', (s) => EDGES[s.placed.length % EDGES.length]),
    ],
    naiveRule: 'max',
  };
}
