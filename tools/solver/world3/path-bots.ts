/**
 * The path's screen-only bots. The skilled player follows the hints: finds the 1, the 9 and the 7 by the names the
 * map writes on them (hint 1) and draws 1 → 9 → 7 through them; after Check path it looks at the weakest coloured
 * step (red, else amber) and bends the path there (hint 3: a detour), trying a waypoint beside that step to
 * either side; a detour stays when the result card's weakest step improves. Naive players draw the straight
 * 1 → 9 → 7 line and check once, or scribble a path from the middle.
 */
import type { LevelDefinition } from '../../../src/shared/levels';
import type { PretrainedEngine } from '../pretrained';
import type { LevelBots, ResultCard, ScreenBot } from '../screen/types';
import { PathScreen, type StepColour } from './path-screen';
import { PATH_END, PATH_START, PATH_VIA } from '../../../src/shared/levels/world3-latent-map';

/** How far beside the weak step a detour waypoint goes (latent units). */
const OFFSETS = [0.2, -0.2, 0.4, -0.4, 0.7, -0.7];
const MAX_CHECKS = 24;

/** The step to mend: the first red one, else the first amber, else null. */
function weakest(colours: readonly StepColour[]): number | null {
  const red = colours.indexOf('red');
  if (red >= 0) return red;
  const amber = colours.indexOf('amber');
  return amber >= 0 ? amber : null;
}

const better = (a: ResultCard, b: ResultCard | null): boolean =>
  !b || (a.goalMet && !b.goalMet) || (a.goalMet === b.goalMet && a.score > b.score);

/** Dots of `digit` where its colour is thickest (own +1, others −2 within 0.3): the player's "confident" part. */
function purity(screen: PathScreen, digit: number, at: readonly number[]): number {
  let score = 0;
  for (const d of screen.dots)
    if (Math.hypot(d.at[0] - at[0], d.at[1] - at[1]) < 0.3) score += d.label === digit ? 1 : -2;
  return score;
}

/** The purest spot of `digit`'s colour. */
function purest(screen: PathScreen, digit: number): number[] {
  let best = { at: screen.labelOf(digit), score: -Infinity };
  for (const d of screen.dots)
    if (d.label === digit) {
      const score = purity(screen, digit, d.at);
      if (score > best.score) best = { at: [...d.at], score };
    }
  return best.at;
}

/** Where two colours meet most thinly: the closest pair of a's and b's dots that each sit among their own colour. */
function crossing(screen: PathScreen, a: number, b: number): number[][] {
  const side = (d: number) => screen.dots.filter((x) => x.label === d && purity(screen, d, x.at) > 2);
  let best: { pair: number[][]; d: number } | null = null;
  for (const p of side(a))
    for (const q of side(b)) {
      const d = Math.hypot(p.at[0] - q.at[0], p.at[1] - q.at[1]);
      if (!best || d < best.d) best = { pair: [[...p.at], [...q.at]], d };
    }
  return best ? best.pair : [];
}

const skilled: ScreenBot<PathScreen> = {
  who: 'skilled: 1 → 9 → 7 by the map names, then detours at the weakest colour',
  async play(screen) {
    // First 1 → 9 → 7 through the names on the map (hint 1), then through the confident middle of each digit,
    // crossing each border where it is thin (hints 2 and 3); the better result card is where the detours start.
    const designs = [
      [PATH_START, PATH_VIA, PATH_END].map((d) => screen.labelOf(d)),
      [
        purest(screen, PATH_START),
        ...crossing(screen, PATH_START, PATH_VIA),
        purest(screen, PATH_VIA),
        ...crossing(screen, PATH_VIA, PATH_END),
        purest(screen, PATH_END),
      ],
    ];
    let waypoints = designs[0];
    let path = screen.draw(waypoints);
    const first = await screen.check(path);
    let [colours, best] = [first.colours, first.card];
    const other = screen.draw(designs[1]);
    const second = await screen.check(other);
    if (better(second.card, best)) [waypoints, path, colours, best] = [designs[1], other, second.colours, second.card];
    for (let checks = 2; checks < MAX_CHECKS && best.stars < 3;) {
      const weak = weakest(colours);
      if (weak === null) break;
      // Which leg the weak step is on, and the leg's direction.
      const at = path[weak];
      let leg = 0;
      let bestD = Infinity;
      for (let i = 0; i + 1 < waypoints.length; i++) {
        const [a, b] = [waypoints[i], waypoints[i + 1]];
        const d = Math.hypot(at[0] - a[0], at[1] - a[1]) + Math.hypot(at[0] - b[0], at[1] - b[1]);
        if (d < bestD) [bestD, leg] = [d, i];
      }
      const [a, b] = [waypoints[leg], waypoints[leg + 1]];
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
      const normal = [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
      let improved = false;
      for (const o of OFFSETS) {
        if (checks >= MAX_CHECKS) break;
        const detour = [at[0] + o * normal[0], at[1] + o * normal[1]];
        const tryWaypoints = [...waypoints.slice(0, leg + 1), detour, ...waypoints.slice(leg + 1)];
        const tryPath = screen.draw(tryWaypoints);
        const seen = await screen.check(tryPath);
        checks++;
        if (better(seen.card, best)) {
          [waypoints, path, colours, best, improved] = [tryWaypoints, tryPath, seen.colours, seen.card, true];
          break;
        }
      }
      if (!improved) break;
    }
  },
};

const straight: ScreenBot<PathScreen> = {
  who: 'naive: the straight line 1 → 9 → 7',
  async play(screen) {
    await screen.check(screen.draw([PATH_START, PATH_VIA, PATH_END].map((d) => screen.labelOf(d))));
  },
};

const scribble: ScreenBot<PathScreen> = {
  who: 'naive: a scribble from the middle',
  async play(screen) {
    await screen.check(
      screen.draw([
        [0, 0],
        [1, 1],
        [-1, 1],
        [0, -1],
      ]),
    );
  },
};

export function pathBots(engine: PretrainedEngine, level: LevelDefinition): LevelBots<PathScreen> {
  return {
    open: () => PathScreen.open(engine, level),
    skilled,
    naive: [straight, scribble],
    naiveRule: 'max',
  };
}
