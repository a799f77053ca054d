/**
 * The solver bots: for one level, play the naive attempt(s) and the skilled ladder through the real engine,
 * score every attempt with the level's own pure `score`, and report one plain-JSON line (npm run solve).
 */
import { bestAttempt, type LevelDefinition, type SolutionPayload } from '../../src/shared/levels';
import { playTrained, type MeasuringEngine, type TrainedAttempt } from './measure';
import { PretrainedLevel, type PretrainedEngine } from './pretrained';
import { planPretrained } from './pretrained-solvers';
import { randomValues, TRAINED_STRATEGIES, type Values } from './strategies';

export interface AttemptSummary {
  who: 'defaults' | 'random' | 'example' | 'skilled' | string;
  /** Control values (trained levels) or the whole payload (map and arithmetic levels). */
  values: Values | SolutionPayload;
  score: number;
  stars: number;
  /** Wall-clock training seconds (engine). */
  trainSeconds: number;
  /** CPU seconds of training (load-independent; see TrainedAttempt.trainCpuSeconds). */
  trainCpuSeconds: number;
}

export interface SolverReport {
  id: string;
  world: number;
  title: string;
  /** 'solved': the bot played the level; 'unavailable': it could not (reason says why). */
  status: 'solved' | 'unavailable';
  reason?: string;
  /** Some attempt met the goal (≥ 1 star). */
  winnable: boolean;
  bestStars: number;
  /** Stars of the naive attempts (the defaults, the level's example, random players), by naiveRule. */
  naiveStars: number;
  /** 'max': the best naive attempt; 'median': the typical random player (Navigator's random probes). */
  naiveRule: 'max' | 'median';
  /**
   * Training seconds the skilled ladder spent up to and including its first ≥ 1-star attempt (null: none),
   * counted in CPU seconds of the training process (see TrainedAttempt.trainCpuSeconds), so the figure does
   * not depend on what else the machine runs; wallSecondsToFirstStar is the same in wall-clock seconds.
   */
  secondsToFirstStar: number | null;
  wallSecondsToFirstStar: number | null;
  /** Training seconds of the best attempt alone. */
  bestTrainSeconds: number | null;
  bestScore: number | null;
  bestPayload: Values | SolutionPayload | null;
  /** Map and arithmetic levels: seconds the bot spent looking and searching (no training: the model ships). */
  searchSeconds?: number;
  defaultsScore: number | null;
  attempts: AttemptSummary[];
}

export interface SolveOptions {
  /** Random naive players besides the defaults (seeded 1..n). */
  randomPlayers?: number;
  /** Stop the ladder at the first 3-star attempt (default true). */
  stopAtThreeStars?: boolean;
  /** Called after every attempt (progress output). */
  onAttempt?: (level: LevelDefinition, attempt: AttemptSummary) => void;
}

const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];
const round = (v: number, digits = 4): number => Number(v.toPrecision(digits));

function summary(who: AttemptSummary['who'], a: TrainedAttempt): AttemptSummary {
  return {
    who,
    values: a.values,
    score: round(a.result.score, 5),
    stars: a.result.stars,
    trainSeconds: round(a.trainSeconds, 3),
    trainCpuSeconds: round(a.trainCpuSeconds, 3),
  };
}

export function unavailable(level: LevelDefinition, reason: string): SolverReport {
  return {
    id: level.id,
    world: level.world,
    title: level.title.en,
    status: 'unavailable',
    reason,
    winnable: false,
    bestStars: 0,
    naiveStars: 0,
    naiveRule: 'max',
    secondsToFirstStar: null,
    wallSecondsToFirstStar: null,
    bestTrainSeconds: null,
    bestScore: null,
    bestPayload: null,
    defaultsScore: null,
    attempts: [],
  };
}

/** Plays a trained level: defaults, `randomPlayers` random players, then the skilled ladder. */
export async function solveTrained(
  engine: MeasuringEngine,
  level: LevelDefinition,
  options: SolveOptions = {},
): Promise<SolverReport> {
  const strategy = TRAINED_STRATEGIES[level.id];
  if (!strategy) return unavailable(level, 'No strategy for this trained level.');
  const attempts: AttemptSummary[] = [];
  const record = (s: AttemptSummary): AttemptSummary => {
    attempts.push(s);
    options.onAttempt?.(level, s);
    return s;
  };

  const defaults = record(summary('defaults', await playTrained(engine, level, {})));
  for (let i = 1; i <= (options.randomPlayers ?? 0); i++) {
    record(summary('random', await playTrained(engine, level, randomValues(level.controls, i))));
  }

  let cpu = 0;
  let wall = 0;
  let secondsToFirstStar: number | null = null;
  let wallSecondsToFirstStar: number | null = null;
  for (const values of strategy.ladder) {
    const s = record(summary('skilled', await playTrained(engine, level, values)));
    cpu += s.trainCpuSeconds;
    wall += s.trainSeconds;
    if (secondsToFirstStar === null && s.stars >= 1) {
      secondsToFirstStar = round(cpu, 3);
      wallSecondsToFirstStar = round(wall, 3);
    }
    if (s.stars === 3 && options.stopAtThreeStars !== false) break;
  }

  const best = bestAttempt(level.metric.direction, attempts)!;
  const naive = attempts.filter((a) => a.who !== 'skilled');
  return {
    id: level.id,
    world: level.world,
    title: level.title.en,
    status: 'solved',
    winnable: best.stars >= 1,
    bestStars: best.stars,
    naiveStars: Math.max(...naive.map((a) => a.stars)),
    naiveRule: 'max',
    secondsToFirstStar,
    wallSecondsToFirstStar,
    bestTrainSeconds: best.trainSeconds,
    bestScore: best.score,
    bestPayload: best.values,
    defaultsScore: defaults.score,
    attempts,
  };
}

/**
 * Plays a map or arithmetic level on its pretrained model: the naive payloads (the level's example, random
 * choices) and the skilled bot's payload. Nothing trains, so the first star costs 0 training seconds.
 */
export async function solvePretrained(
  engine: PretrainedEngine,
  level: LevelDefinition,
  options: SolveOptions = {},
): Promise<SolverReport> {
  const started = performance.now();
  let p: PretrainedLevel;
  try {
    p = await PretrainedLevel.load(engine, level);
  } catch (error) {
    return unavailable(
      level,
      `The pretrained model could not be loaded (npm run pretrain): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const plan = await planPretrained(p);
  const attempts: AttemptSummary[] = [];
  const play = async (who: string, payload: SolutionPayload): Promise<AttemptSummary> => {
    const { result } = await p.play(payload);
    const s: AttemptSummary = {
      who,
      values: payload,
      score: round(result.score, 5),
      stars: result.stars,
      trainSeconds: 0,
      trainCpuSeconds: 0,
    };
    attempts.push(s);
    options.onAttempt?.(level, {
      ...s,
      values:
        payload.kind === 'expression'
          ? payload
          : ({ kind: payload.kind, size: JSON.stringify(payload).length } as never),
    });
    return s;
  };
  for (const n of plan.naive) await play(n.label, n.payload);
  const skilled = await play('skilled', plan.skilled);
  const naive = attempts.filter((a) => a !== skilled);
  const best = bestAttempt(level.metric.direction, attempts)!;
  return {
    id: level.id,
    world: level.world,
    title: level.title.en,
    status: 'solved',
    winnable: best.stars >= 1,
    bestStars: best.stars,
    naiveStars:
      plan.naiveRule === 'median' ? median(naive.map((a) => a.stars)) : Math.max(0, ...naive.map((a) => a.stars)),
    naiveRule: plan.naiveRule ?? 'max',
    secondsToFirstStar: best.stars >= 1 ? 0 : null,
    wallSecondsToFirstStar: best.stars >= 1 ? 0 : null,
    bestTrainSeconds: 0,
    bestScore: best.score,
    bestPayload: best.values,
    defaultsScore: naive[0]?.score ?? null,
    searchSeconds: round((performance.now() - started) / 1000, 3),
    attempts,
  };
}

/** Plays any level the bots know how to play; map and arithmetic levels need the pretrained assets. */
export async function solveLevel(
  engine: MeasuringEngine & PretrainedEngine,
  level: LevelDefinition,
  options: SolveOptions = {},
): Promise<SolverReport> {
  return level.setup.kind === 'trained'
    ? solveTrained(engine, level, options)
    : solvePretrained(engine, level, options);
}
