/**
 * In-page half of `npm run bench`'s level figures (loaded on demand): plays the level open in the Level scene
 * (`?level=<id>`) through its own level shell and play, the objects the Train button and the map/arithmetic
 * widgets drive, so the figures are the game's, not a copy of its engine. scripts/bench.ts picks the settings (the
 * screen-only reader's settings in order, tools/solver/screen/readings.ts) and prints the JSON.
 */
import type * as Phaser from 'phaser';
import { workerReplyProbe, type WorkerReplyStats } from './worker-probe';
import { resolveControlValues } from '../../shared/levels';
import type { ControlValue, SolutionPayload } from '../../shared/levels';
import { currentSession, levelDrawn } from '../level/current';
import { TrainedPlay } from '../level/plays/trained-play';
import type { LevelSession } from '../level/shell/level-session';
import { frameMeter, type FrameStats } from './frames';
import { mainProfiler, type MainProfile } from './main-profile';
import { PAYLOAD_STEPS } from './payload-steps';

export interface TrainedAttemptBench {
  values: Record<string, ControlValue>;
  /** Wall seconds from pressing Train to the scored result (training + measuring). */
  seconds: number;
  /** Seconds the worker reported for training alone. */
  trainSeconds: number | null;
  /** Pressing Train → the first progress event on screen (a step, its loss and an ETA); null: none came. */
  firstProgressSeconds: number | null;
  /** The first progress event had an ETA to show. */
  etaAtFirstProgress: boolean | null;
  /** Pressing Train → the session training (model built, data on the device; before it: preparing). */
  secondsToTraining: number | null;
  score: number | null;
  stars: number | null;
  frames: FrameStats;
  /** Where the main thread's time went during this attempt (long tasks, Phaser steps, progress events). */
  profile: MainProfile;
  /** How fast the worker answered a trivial call meanwhile (worker-probe.ts). */
  workerReplies: WorkerReplyStats;
  error: string | null;
}

/** What the profile needs from the page (the test hooks pass it). */
export interface ProfileTarget {
  game: Phaser.Game;
  /** Frames the Canvas renderer's gate drew (null: WebGL, every step draws). */
  drawnFrames: (() => number) | null;
  /** A trivial worker call (its tensor count), for the reply probe. */
  ping: () => Promise<unknown>;
}

export interface TrainedLevelBench {
  kind: 'trained';
  id: string;
  /** Main-thread frames on the level page before Train (3 s). */
  idle: FrameStats;
  /** The main-thread profile of those idle seconds. */
  idleProfile: MainProfile;
  attempts: TrainedAttemptBench[];
}

export interface PretrainedLevelBench {
  kind: 'pretrained';
  id: string;
  /** From dismissing the concept card to the pretrained model (and map or cards) being ready. */
  readySeconds: number;
  /** One scored attempt with the given payload (the solver's), from the first action to the score. */
  attemptSeconds: number | null;
  score: number | null;
  stars: number | null;
  error: string | null;
}

export interface TrainedLevelOptions {
  /** The ladder: each attempt's control values over the level's defaults; stops at the first star. */
  ladder: Record<string, ControlValue>[];
  /** Idle frames measured for this long before the first Train. */
  idleMs: number;
  /** The concept card stays up this long before the player dismisses it (default: dismissed at once). */
  cardMs?: number;
  /** Stop each attempt after this long (software WebGL's row: its first progress and frames, not a whole run). */
  stopAfterMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Between setting an attempt's controls and pressing Train. */
const SETTLE_MS = 1000;
/** Frames an attempt's meters keep running after its result is on screen (the result card's first frames). */
const RESULT_FRAMES = 3;
/** Longest wait for the level's last redraw and the result card after a run (a slow machine: a few frames). */
const RESULT_DRAWN_MS = 5000;

const animationFrames = (count: number): Promise<void> =>
  new Promise((resolve) => {
    let left = count;
    const tick = (): void => {
      if (--left <= 0) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

function session(): LevelSession {
  const s = currentSession();
  if (!s) throw new Error('No level is being played (open one with ?level=<id>).');
  return s;
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error('Timed out waiting for the level.');
    await sleep(20);
  }
}

/** Trained levels: the ladder's attempts in order, each pressed like Train, until one earns a star. */
export async function runTrainedLevelBench(
  opts: TrainedLevelOptions,
  target: ProfileTarget,
): Promise<TrainedLevelBench> {
  const s = session();
  const play = s.play;
  if (!(play instanceof TrainedPlay)) throw new Error(`${s.level.id} is not a trained level.`);
  if (opts.cardMs) await sleep(opts.cardMs);
  s.start();
  await sleep(500);
  const idleMeter = frameMeter();
  const idleProfiler = mainProfiler(target.game, s, target.drawnFrames);
  await sleep(opts.idleMs);
  const idle = idleMeter.stop();
  const idleProfile = idleProfiler.stop();
  const attempts: TrainedAttemptBench[] = [];
  for (const step of opts.ladder) {
    const defaults = resolveControlValues(s.level.controls);
    const values = resolveControlValues(s.level.controls, step);
    for (const [id, value] of Object.entries({ ...defaults, ...values })) play.setValue(id, value);
    // A player's moment between the last control and Train (software WebGL compiles the new run's programs then).
    await sleep(SETTLE_MS);
    const meter = frameMeter();
    const profiler = mainProfiler(target.game, s, target.drawnFrames);
    const t0 = performance.now();
    let first: { seconds: number; eta: boolean } | null = null;
    let trainingAt: number | null = null;
    const watch = setInterval(() => {
      if (trainingAt === null && s.status === 'training') trainingAt = (performance.now() - t0) / 1000;
      if (!first && play.progress && play.progress.step >= 1 && play.lossHistory.length > 0)
        first = { seconds: (performance.now() - t0) / 1000, eta: play.progress.etaMs > 0 };
    }, 10);
    // Training = between the first and the last progress event on screen (play.progress set, status training).
    const probe = workerReplyProbe(target.ping, () => s.status === 'training' && play.progress !== null);
    const stopper = opts.stopAfterMs !== undefined ? setTimeout(() => play.stop(), opts.stopAfterMs) : undefined;
    await play.train().finally(() => {
      clearInterval(watch);
      clearTimeout(stopper);
    });
    const seconds = (performance.now() - t0) / 1000;
    const firstProgress = first as { seconds: number; eta: boolean } | null;
    // train() settles inside the run's last task (the score): the level's redraw and the result card come in the
    // frames after it, so the meters run on until they are on screen and for a few frames more.
    await until(levelDrawn, RESULT_DRAWN_MS).catch(() => undefined);
    await animationFrames(RESULT_FRAMES);
    const frames = meter.stop();
    const profile = profiler.stop();
    const workerReplies = await probe.stop();
    attempts.push({
      values: { ...play.values },
      seconds,
      trainSeconds: play.progress ? play.progress.elapsedMs / 1000 : null,
      firstProgressSeconds: firstProgress?.seconds ?? null,
      etaAtFirstProgress: firstProgress?.eta ?? null,
      secondsToTraining: trainingAt,
      score: s.result?.score ?? null,
      stars: s.result?.stars ?? null,
      frames,
      profile,
      workerReplies,
      error: s.error ?? (s.result ? null : (s.message ?? `ended with status ${s.status}`)),
    });
    if ((s.result?.stars ?? 0) >= 1) break;
  }
  return { kind: 'trained', id: s.level.id, idle, idleProfile, attempts };
}

/** Plays a payload through the level's play's own actions (cards, probes, path, dreams), as a player would. */
async function playPayload(s: LevelSession, payload: SolutionPayload): Promise<void> {
  const step = PAYLOAD_STEPS[s.level.mode];
  if (!step || !s.play) throw new Error(`No example play for ${s.level.mode}.`);
  await step(s.play, payload, s);
}

/** Map and arithmetic levels: time to the pretrained model being ready, then one scored attempt. */
export async function runPretrainedLevelBench(
  payload: SolutionPayload,
  timeoutMs: number,
): Promise<PretrainedLevelBench> {
  const s = session();
  const t0 = performance.now();
  s.start();
  let readySeconds = 0;
  let attemptSeconds: number | null = null;
  let error: string | null = null;
  try {
    await until(() => s.status === 'idle' || s.status === 'error' || s.status === 'unplayable', timeoutMs);
    readySeconds = (performance.now() - t0) / 1000;
    if (s.status !== 'idle') throw new Error(s.error ?? `status ${s.status}`);
    const t1 = performance.now();
    await playPayload(s, payload);
    await until(() => s.status === 'done' || s.status === 'error' || s.error !== null, timeoutMs);
    attemptSeconds = (performance.now() - t1) / 1000;
    if (s.error) error = s.error;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
    if (!readySeconds) readySeconds = (performance.now() - t0) / 1000;
  }
  return {
    kind: 'pretrained',
    id: s.level.id,
    readySeconds,
    attemptSeconds,
    score: s.result?.score ?? null,
    stars: s.result?.stars ?? null,
    error,
  };
}
