/**
 * Digits on demand's screen-only bots. The skilled player reads the card ("style is stroke width and slant") and
 * judges each decode by eye the same way (scoring/style.ts on the two pictures it sees: the card and the decode);
 * following the hints, it finds the card's style with the first digit (a coarse 5 x 5 sweep, then finer steps
 * around the best), writes it, and starts every next class from the point that worked, looking only nearby
 * (hint 2: the style map is shared). A digit whose shown score is poor is looked for again more widely before
 * the last Write. Naive players write every digit at the map's centre, or at random points, without looking.
 */
import type { LevelDefinition } from '../../../src/shared/levels';
import { DIGIT_CLASSES } from '../../../src/shared/levels/world5-digits';
import { MNIST_SIDE } from '../../../src/shared/mnist-format';
import { createRng } from '../../../src/shared/random';
import { styleMatchPercent, styleOf } from '../../../src/shared/scoring';
import type { PretrainedEngine } from '../pretrained';
import { LOOKS_PER_POINT } from '../screen/budget';
import { NEIGHBOURS } from '../screen/looks';
import type { LevelBots, ScreenBot } from '../screen/types';
import { DigitsScreen } from './digits-screen';

const looksLike = (card: Float32Array, decode: Float32Array): number =>
  styleMatchPercent(styleOf(decode, MNIST_SIDE, MNIST_SIDE), styleOf(card, MNIST_SIDE, MNIST_SIDE));

/** Looks around `start` (a sweep first when `sweep`), within `budget` new looks; the likeliest point. */
async function search(
  screen: DigitsScreen,
  digit: number,
  start: number[],
  sweep: boolean,
  steps: readonly number[],
  budget: number,
): Promise<number[]> {
  const first = screen.clock.looks;
  let best = { at: start, like: -1 };
  const see = async (q: number[]): Promise<void> => {
    if (screen.clock.looks - first >= budget) return;
    const like = looksLike(screen.card, await screen.look(digit, q));
    if (like > best.like) best = { at: q, like };
  };
  await see(start);
  if (sweep) for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) await see([-2 + i, -2 + j]);
  for (const step of steps) {
    const c = best.at;
    for (const [dx, dy] of NEIGHBOURS) await see([c[0] + dx * step, c[1] + dy * step]);
  }
  return best.at;
}

const skilled: ScreenBot<DigitsScreen> = {
  who: 'skilled: match the card with one digit, then nearby for the rest',
  async play(screen) {
    let from = [0, 0];
    for (let d = 0; d < DIGIT_CLASSES; d++) {
      const at = await search(screen, d, from, d === 0, d === 0 ? [0.5, 0.25] : [0.25, 0.125], LOOKS_PER_POINT / 2);
      if (d === DIGIT_CLASSES - 1) break;
      const score = await screen.write(d, at);
      if (score >= 60) from = at;
    }
    // Before the last Write: the digits whose shown score is poor get a wider second look.
    for (let d = 0; d < DIGIT_CLASSES - 1; d++) {
      const w = screen.written[d];
      if (w && w.score < 60)
        await screen.write(d, await search(screen, d, w.at, true, [0.5, 0.25], LOOKS_PER_POINT / 2));
    }
    const last = DIGIT_CLASSES - 1;
    await screen.write(last, await search(screen, last, from, false, [0.5, 0.25, 0.125], LOOKS_PER_POINT / 2));
  },
};

const centre: ScreenBot<DigitsScreen> = {
  who: 'naive: every digit at the centre',
  async play(screen) {
    for (let d = 0; d < DIGIT_CLASSES; d++) await screen.write(d, [0, 0]);
  },
};

function randomPlayer(seed: number): ScreenBot<DigitsScreen> {
  return {
    who: `naive: random points ${seed}`,
    async play(screen) {
      const rng = createRng(200 + seed);
      for (let d = 0; d < DIGIT_CLASSES; d++) await screen.write(d, [rng.normal(), rng.normal()]);
    },
  };
}

export function digitsBots(engine: PretrainedEngine, level: LevelDefinition): LevelBots<DigitsScreen> {
  return {
    open: () => DigitsScreen.open(engine, level),
    skilled,
    naive: [centre, ...[1, 2, 3].map(randomPlayer)],
    naiveRule: 'max',
  };
}
