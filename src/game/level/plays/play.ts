/**
 * What every level play is and what it may ask of the level shell. A play is one mode's state and actions (no
 * Phaser): it reaches the ML worker only through the MlPort, and the shell through PlayHost, which owns the
 * status, the result and best, the error and message line, and the one "current work" whose AbortSignal a newer
 * action (or leaving) aborts.
 */
import type { ElboParts } from './elbo';
import type { Evaluation } from '../../../shared/levels/measurements';
import type { LevelDefinition, LevelScore, SolutionPayload } from '../../../shared/levels/types';
import { errorText } from '../../ml/engine-words';
import type { MlPort } from '../../ml/ml-port';
import type { LatentMapData } from './latent-map';
import type { PlacedProbe, CompareVerdict } from './map-play';
import type { WorkerInterruption } from './interruption';
import type { LiveProgress } from './trained-play';
import type { OwnCard } from '../../../shared/drawing/own-card';
import type { SlotSummary } from './run-slots';

export type LevelStatus = 'card' | 'idle' | 'preparing' | 'training' | 'measuring' | 'done' | 'error' | 'unplayable';

export interface LevelResult extends LevelScore {
  payload: SolutionPayload;
  evaluation: Evaluation;
  /** A trained level's model as a class upload (float16 base64, model-codec.ts): scored at once by the server. */
  model?: string;
}

export interface PlayHost {
  readonly level: LevelDefinition;
  readonly port: MlPort;
  readonly status: LevelStatus;
  readonly result: LevelResult | null;
  /** Aborted when the player leaves the level. */
  readonly lifetime: AbortSignal;
  /** Scored attempts go to a class competition with their model (trained plays then export and encode it). */
  readonly uploadsModel: boolean;
  error: string | null;
  /** A line for the player when a run ends without a score (or a map hint such as 'tooClose'). */
  message: string | null;
  setStatus(status: LevelStatus): void;
  /** Tells the views to redraw. */
  changed(): void;
  /** Runs `task` as the level's current work: the previous work is aborted; an error ends in status 'error'. */
  run(task: (signal: AbortSignal) => Promise<void>): Promise<void>;
  /** Aborts the current work. */
  abortRun(): void;
  /** Forgets the shown result (a new attempt begins; the best stays). */
  clearResult(): void;
  /** Scores an attempt with the level's pure scorer, keeps it as the result and, when better, the best (throws). */
  record(payload: SolutionPayload, evaluation: Evaluation): LevelResult;
  /** record, then 'done' (or 'error' with the scorer's complaint), then redraw. */
  finish(payload: SolutionPayload, evaluation: Evaluation): void;
}

/** The plain JSON a play adds to the test hook's `level()` snapshot (the shell fills the rest and the defaults). */
export interface PlaySnapshot {
  values?: Record<string, number | string | boolean>;
  progress?: LiveProgress | null;
  lossPoints?: number;
  map?: LatentMapData | null;
  /** Levels scored on the −ELBO: its two parts as the bar shows them (plays/elbo.ts). */
  elbo?: ElboParts | null;
  compare?: LatentMapData | null;
  probe?: { x: number; y: number } | null;
  probeDecodes?: number;
  mapPlay?: {
    mode: string;
    target: number | null;
    live: number | null;
    pathPoints: number;
    placed: PlacedProbe[];
    compareVerdicts: CompareVerdict[];
    /** Holes: the nearest dot's distance at the probe on each map (live), and each placed point's (scored). */
    liveNearest?: number | null;
    liveCompareNearest?: number | null;
    distances?: number[];
  } | null;
  /** Digits on demand: the class picked, looks so far, each class's written point and scores, the card's style. */
  conditional?: {
    digit: number;
    looks: number;
    written: ({ x: number; y: number; style: number; score: number } | null)[];
    cardStyle: { strokeWidth: number; slant: number } | null;
  };
  /** Codebook, after a run: the decoded codebook's shape and how many entries the letters use. */
  codebook?: { size: number; slots: number; used: number } | null;
  /** Levels that keep runs side by side (Two forces): each slot, filled or not, and which one is scored. */
  slots?: SlotSummary[] | null;
  checkpointStep?: number | null;
  restarting?: boolean;
  interruption?: WorkerInterruption | null;
}

export interface LevelPlay {
  /** The concept card was dismissed: load what the play needs (once; later calls do nothing). */
  open(): void;
  /** Leaving: free what the play holds in the worker. */
  dispose(): void;
  snapshot(): PlaySnapshot;
  /** What the player has set (plain JSON) for the save, so re-entering the level starts from it; null: nothing. */
  settings?(): Record<string, unknown> | null;
  /** Before open(): puts back remembered settings (checked again here; what no longer fits keeps its default). */
  restoreSettings?(saved: Readonly<Record<string, unknown>>): void;
  /** World 4 after a win (#14): the player's kept digits as extra cards (before open). */
  offerOwnCards?(cards: readonly OwnCard[]): void;
}

/** An error for the player's screen: an engine error's sentence for its code, in the player's language. */
export const describeError = errorText;
