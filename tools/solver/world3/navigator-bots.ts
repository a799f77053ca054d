/**
 * Navigator's screen-only bots. The skilled player follows the hints: drags over the map comparing each decode with
 * the target picture by eye (how alike two pictures look, pixel by pixel), first coarsely (the right digit), then
 * around the best look in smaller steps (the right style), and places a probe on the best; when its match is short
 * it looks around that probe in smaller steps again (hint 3) and places the next. Naive players place probes drawn
 * from N(0, I) without looking (five of them: the median counts, a lottery).
 */
import type { LevelDefinition } from '../../../src/shared/levels';
import { createRng } from '../../../src/shared/random';
import type { PretrainedEngine } from '../pretrained';
import { alike } from '../screen/arithmetic-bots';
import { NEIGHBOURS } from '../screen/looks';
import type { LevelBots, ScreenBot } from '../screen/types';
import { NavigatorScreen } from './navigator-screen';

/** At most this many looks before each placed probe (issue 10: ≤ 40 looks per placed point). */
const LOOKS_PER_PROBE = 40;

const skilled: ScreenBot<NavigatorScreen> = {
  who: 'skilled: coarse look, then finer around the likeliest, place',
  async play(screen) {
    const goal = Number(screen.info.goalParams.match ?? 95);
    let best = { at: [0, 0], like: -1 };
    let looks = 0;
    const see = async (q: number[]): Promise<void> => {
      if (looks >= LOOKS_PER_PROBE - 1) return;
      const before = screen.clock.looks;
      const like = alike(await screen.look(q), screen.target);
      looks += screen.clock.looks - before;
      if (like > best.like) best = { at: q, like };
    };
    // Coarse: a 5x5 sweep over the prior's bulk (|z| ≤ 2), then halving steps around the likeliest look.
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) await see([-2 + i, -2 + j]);
    let steps = [0.5, 0.25];
    while (!screen.done && !screen.clock.exhausted) {
      for (const step of steps) {
        const c = best.at;
        for (const [dx, dy] of NEIGHBOURS) await see([c[0] + dx * step, c[1] + dy * step]);
      }
      const match = await screen.place(best.at);
      if (match >= goal) break;
      // Short of the goal: a fresh allowance of looks, in smaller steps around that probe (hint 3).
      looks = 0;
      steps = steps.map((s) => s / 4);
    }
  },
};

function randomPlayer(seed: number): ScreenBot<NavigatorScreen> {
  return {
    who: `naive: random probes ${seed}`,
    async play(screen) {
      const rng = createRng(100 + seed);
      while (!screen.done) await screen.place([rng.normal(), rng.normal()]);
    },
  };
}

export function navigatorBots(engine: PretrainedEngine, level: LevelDefinition): LevelBots<NavigatorScreen> {
  return {
    open: () => NavigatorScreen.open(engine, level, 0),
    skilled,
    naive: [1, 2, 3, 4, 5].map(randomPlayer),
    naiveRule: 'median',
  };
}
