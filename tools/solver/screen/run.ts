/**
 * Plays a level with its screen-only bots and reduces the plays to the figures `npm run solve` prints:
 * playerBot {stars, actions, seconds} (the skilled bot), winnable / bestStars (the skilled bot's best result
 * card) and naiveStars (the naive bots, by the level's naiveRule).
 */
import { OutOfBudget } from './budget';
import type { LevelBots, ResultCard, Screen, ScreenBot } from './types';

export interface BotPlay {
  who: string;
  stars: number;
  /** Best result card's score (null: the bot never pressed Train / Check). */
  score: number | null;
  actions: number;
  looks: number;
  presses: number;
  seconds: number;
  /** Why the play ended: the bot was content, or the budget ran out. */
  ended: 'done' | 'budget';
  best: ResultCard | null;
  /** Every result card the bot saw, in order (score and stars). */
  cards: { score: number; stars: number }[];
}

export interface ScreenReport {
  playerBot: { stars: number; actions: number; seconds: number };
  winnable: boolean;
  bestStars: number;
  naiveStars: number;
  naiveRule: 'max' | 'median';
  /** Proven: the skilled bot wins with 3 stars and the naive player stays below 3 (issue 10). */
  proven: boolean;
  plays: BotPlay[];
}

const round = (v: number): number => Math.round(v * 10) / 10;
const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];

function bestCard(cards: readonly ResultCard[], direction: 'higher' | 'lower'): ResultCard | null {
  let best: ResultCard | null = null;
  for (const c of cards)
    if (
      !best ||
      c.stars > best.stars ||
      (c.stars === best.stars && (direction === 'higher' ? c.score > best.score : c.score < best.score))
    )
      best = c;
  return best;
}

/** One bot on a fresh screen. */
export async function playBot<S extends Screen>(bots: LevelBots<S>, bot: ScreenBot<S>): Promise<BotPlay> {
  const screen = await bots.open();
  let ended: BotPlay['ended'] = 'done';
  try {
    await bot.play(screen);
  } catch (error) {
    if (!(error instanceof OutOfBudget)) throw error;
    ended = 'budget';
  }
  const best = bestCard(screen.results, screen.info.direction);
  return {
    who: bot.who,
    stars: best?.stars ?? 0,
    score: best ? Number(best.score.toPrecision(5)) : null,
    actions: screen.clock.actions,
    looks: screen.clock.looks,
    presses: screen.clock.presses,
    seconds: round(screen.clock.seconds),
    ended,
    best,
    cards: screen.results.map((c) => ({ score: Number(c.score.toPrecision(5)), stars: c.stars })),
  };
}

/** The skilled bot, then every naive bot, each on its own screen. */
export async function playLevel<S extends Screen>(
  bots: LevelBots<S>,
  onPlay?: (play: BotPlay) => void,
): Promise<ScreenReport> {
  const plays: BotPlay[] = [];
  for (const bot of [bots.skilled, ...bots.naive]) {
    const play = await playBot(bots, bot);
    plays.push(play);
    onPlay?.(play);
  }
  const [skilled, ...naive] = plays;
  const naiveStars =
    naive.length === 0
      ? 0
      : bots.naiveRule === 'median'
        ? median(naive.map((p) => p.stars))
        : Math.max(...naive.map((p) => p.stars));
  return {
    playerBot: { stars: skilled.stars, actions: skilled.actions, seconds: skilled.seconds },
    winnable: skilled.stars >= 1,
    bestStars: skilled.stars,
    naiveStars,
    naiveRule: bots.naiveRule,
    proven: skilled.stars === 3 && naiveStars < 3,
    plays,
  };
}
