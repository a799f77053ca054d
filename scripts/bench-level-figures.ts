/**
 * `npm run bench`'s per-level figures (`levels[]`): what a level page measured, as JSON, and what each level plays:
 * trained levels the screen-only reader's settings in order (tools/solver/screen/readings.ts), map / arithmetic / World 5 levels
 * the skilled bots' payloads found in Node. Split out of bench.ts, which drives the pages.
 */
import type { PretrainedLevelBench, TrainedLevelBench } from '../src/game/bench/bench-level';
import type { MainProfile } from '../src/game/bench/main-profile';
import type { WorkerReplyStats } from '../src/game/bench/worker-probe';
import type { LevelDefinition, SolutionPayload } from '../src/shared/levels';
import { solverEngine } from '../tools/solver/node-engine';
import { PretrainedLevel } from '../tools/solver/pretrained';
import { planPretrained } from '../tools/solver/pretrained-solvers';
import { digitsBots } from '../tools/solver/world5/digits-bots';
import { WORLD3_BOTS } from '../tools/solver/world3';
import { playBot } from '../tools/solver/screen/run';
import { READINGS } from '../tools/solver/screen/readings';
import type { Values } from '../tools/solver/strategies';

export interface LevelFigure {
  id: string;
  world: number;
  kind: 'trained' | 'pretrained';
  /**
   * Trained: wall seconds from pressing Train with the screen-only reader's first starring settings to its scored
   * result card (the reader's earlier steps, a hint's deliberate experiment such as the trick-off run, not counted).
   */
  secondsToFirstStar: number | null;
  /** Trained: the same, summed over every reading step played up to and including the first star. */
  secondsToFirstStarOverAttempts?: number | null;
  /** Best stars of the attempts played (trained: the ladder; pretrained: the level's example payload). */
  stars: number | null;
  /** Navigation to the Level scene being interactive. */
  openSeconds: number | null;
  attempts?: {
    values: object;
    seconds: number;
    trainSeconds: number | null;
    score: number | null;
    stars: number | null;
    fps: number;
    maxGapMs: number;
    /** Main-thread profile while it trained and was measured (src/game/bench/main-profile.ts). */
    profile: MainProfile;
    /** The worker's slowest reply to a trivial call while training / over the attempt (worker-probe.ts). */
    workerReplies?: WorkerReplyStats;
    error: string | null;
  }[];
  idleFps?: number;
  idleMaxGapMs?: number;
  idleProfile?: MainProfile;
  /**
   * Pretrained: concept card dismissed → model (and map or cards) ready; then the solver's skilled payload played
   * through the session (cards, probes, path, dreams) and scored. secondsToFirstStar = ready + attempt when it
   * earns a star (nothing trains). payloadSource says whose payload it was ('solver', or 'example' if planning failed).
   */
  readySeconds?: number;
  payloadSource?: 'solver' | 'example';
  /** Seconds the solver bot took in Node to find its payload (not part of the browser figures). */
  solverSearchSeconds?: number;
  attemptSeconds?: number | null;
  score?: number | null;
  error?: string | null;
}

export const round = (v: number, digits = 4): number => Number(v.toPrecision(digits));

export function trainedFigure(level: LevelDefinition, openSeconds: number, r: TrainedLevelBench): LevelFigure {
  let total = 0;
  let secondsToFirstStar: number | null = null;
  let secondsToFirstStarOverAttempts: number | null = null;
  for (const a of r.attempts) {
    total += a.seconds;
    if (secondsToFirstStar === null && (a.stars ?? 0) >= 1) {
      secondsToFirstStar = round(a.seconds);
      secondsToFirstStarOverAttempts = round(total);
    }
  }
  const errors = r.attempts.map((a) => a.error).filter((e): e is string => !!e);
  return {
    id: level.id,
    world: level.world,
    kind: 'trained',
    secondsToFirstStar,
    secondsToFirstStarOverAttempts,
    stars: r.attempts.reduce<number | null>(
      (best, a) => (a.stars === null ? best : Math.max(best ?? 0, a.stars)),
      null,
    ),
    openSeconds: round(openSeconds),
    idleFps: round(r.idle.fps),
    idleMaxGapMs: round(r.idle.maxGapMs),
    idleProfile: r.idleProfile,
    attempts: r.attempts.map((a) => ({
      values: a.values,
      seconds: round(a.seconds),
      trainSeconds: a.trainSeconds === null ? null : round(a.trainSeconds),
      score: a.score === null ? null : round(a.score, 5),
      stars: a.stars,
      fps: round(a.frames.fps),
      maxGapMs: round(a.frames.maxGapMs),
      profile: a.profile,
      workerReplies: a.workerReplies,
      error: a.error,
    })),
    error: errors[0] ?? null,
  };
}

export function pretrainedFigure(
  level: LevelDefinition,
  openSeconds: number,
  r: PretrainedLevelBench,
  plan: PretrainedPayload,
): LevelFigure {
  return {
    id: level.id,
    world: level.world,
    kind: 'pretrained',
    secondsToFirstStar:
      (r.stars ?? 0) >= 1 && r.attemptSeconds !== null ? round(r.readySeconds + r.attemptSeconds) : null,
    stars: r.stars,
    payloadSource: plan.source,
    ...(plan.searchSeconds !== undefined ? { solverSearchSeconds: round(plan.searchSeconds) } : {}),
    openSeconds: round(openSeconds),
    readySeconds: round(r.readySeconds),
    attemptSeconds: r.attemptSeconds === null ? null : round(r.attemptSeconds),
    score: r.score === null ? null : round(r.score, 5),
    error: r.error,
  };
}

export interface PretrainedPayload {
  payload: SolutionPayload;
  source: 'solver' | 'example';
  searchSeconds?: number;
  error?: string;
}

/** The solver bots' skilled payloads for the map and arithmetic levels (found in Node on the WASM engine, ~3 s). */
export async function pretrainedPayloads(levels: LevelDefinition[]): Promise<Map<string, PretrainedPayload>> {
  const out = new Map<string, PretrainedPayload>();
  if (levels.length === 0) return out;
  let engine: Awaited<ReturnType<typeof solverEngine>> | null = null;
  try {
    engine = await solverEngine();
  } catch (error) {
    process.stderr.write(`bench: solver engine failed (${String(error)}); the levels' example payloads are played\n`);
  }
  for (const level of levels) {
    if (!engine) {
      out.set(level.id, { payload: level.example, source: 'example' });
      continue;
    }
    const t0 = performance.now();
    try {
      if (level.id === 'digits-on-demand') {
        out.set(level.id, {
          payload: await digitsPayload(engine, level),
          source: 'solver',
          searchSeconds: (performance.now() - t0) / 1000,
        });
        continue;
      }
      // World 3's map levels: the skilled screen-only bot's best answer (the old search's payloads ignore what
      // the reworked levels score, e.g. Dream digits' prior draws).
      const screenBots = WORLD3_BOTS[level.id];
      if (screenBots) {
        const bots = screenBots(engine, level);
        const play = await playBot(bots, bots.skilled);
        if (play.best) {
          out.set(level.id, {
            payload: play.best.payload,
            source: 'solver',
            searchSeconds: (performance.now() - t0) / 1000,
          });
          continue;
        }
      }
      const plan = await planPretrained(await PretrainedLevel.load(engine, level));
      out.set(level.id, { payload: plan.skilled, source: 'solver', searchSeconds: (performance.now() - t0) / 1000 });
    } catch (error) {
      out.set(level.id, { payload: level.example, source: 'example', error: String(error) });
    }
  }
  return out;
}

/**
 * A trained level's attempts: the screen-only reader's settings in order (tools/solver/screen/readings.ts), what a
 * player who reads the card and the hints presses; the page stops at the first star. A step that reads the screen
 * (Two forces' columns) sees none yet: the bench's page plays a fresh visit. No reading: the defaults.
 */
export function trainedLadder(level: LevelDefinition): Values[] {
  const reading = READINGS[level.id];
  if (!reading) return [{}];
  return reading.map((step) =>
    typeof step.settings === 'function'
      ? step.settings({ goalParams: level.goal.params ?? {}, columns: null })
      : step.settings,
  );
}

/** Digits on demand: the skilled screen-only bot's written points (tools/solver/world5/digits-bots.ts). */
async function digitsPayload(
  engine: Awaited<ReturnType<typeof solverEngine>>,
  level: LevelDefinition,
): Promise<SolutionPayload> {
  const bots = digitsBots(engine, level);
  const screen = await bots.open();
  await bots.skilled.play(screen);
  return { kind: 'latentPoints', points: screen.written.map((w) => [...(w?.at ?? [0, 0])]), looks: screen.clock.looks };
}
