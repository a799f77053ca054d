/**
 * Store types. State and Actions are separate types per slice; the combined store is their intersection.
 * Only plain data lives here (typed arrays for preview pixels included); never model weights.
 */
import type { DroppedPart } from './save-salvage';
import type {
  Activation,
  BackendName,
  BackendPreference,
  LossName,
  ModelKind,
  TrainEndReason,
} from '../../shared/worker-api';
import type { OwnDrawings } from '../../shared/drawing/own-drawings';
import type { BackendWhy } from '../../shared/engine-events';
import type { Locale, MessageKey, MessageParams } from '../../shared/messages';
import type { ClassroomView } from '../classroom/classroom-service';
import type { LossPoint, PreviewImages } from '../ml/progress-types';

/** The training-view types live with the ML bridge (one owner); the store's state uses them. */
export type { LossPoint, PreviewImages };

export type RendererPreference = 'auto' | 'canvas' | 'webgl';
export type RendererKind = 'canvas' | 'webgl';

// ---- settings slice (persisted) ----
export interface Settings {
  backend: BackendPreference;
  renderer: RendererPreference;
  sound: boolean;
  reducedMotion: boolean;
  locale: Locale;
}

export interface SettingsState {
  settings: Settings;
}

export interface SettingsActions {
  setBackendPreference(backend: BackendPreference): void;
  setRendererPreference(renderer: RendererPreference): void;
  setSound(on: boolean): void;
  setReducedMotion(on: boolean): void;
  setLocale(locale: Locale): void;
}

// ---- lab slice (not persisted) ----
/** The Lab's data: the glyph font, my alphabet (the font with my letters), MNIST, MNIST + my kept digits. */
export type DatasetChoice = 'glyphs' | 'myGlyphs' | 'mnist' | 'mnistMine';
export type NoiseType = 'gaussian' | 'saltPepper' | 'masking' | 'block';
export type LabStatus = 'idle' | 'initialising' | 'training' | 'paused' | 'done' | 'error';
export type WorkerStatus = 'stopped' | 'starting' | 'ready' | 'restarting' | 'failed';
export type NoticeLevel = 'info' | 'warning' | 'error';

export interface LabConfig {
  dataset: DatasetChoice;
  kind: ModelKind;
  /** Code size, 1..64. */
  bottleneck: number;
  /** Width of the one hidden layer on each side (dense-style models). */
  hiddenWidth: number;
  noiseType: NoiseType;
  /** 0..1; mapped to sigma / amount / fraction / block size by the spec builder. */
  noiseLevel: number;
  // ---- branch lab: every hyperparameter the engine has (the Lab's Settings view) ----
  learningRate: number;
  steps: number;
  batchSize: number;
  loss: LossName;
  activation: Activation;
  /** Hidden layers on each side, 0..3 (widths hiddenWidth, hiddenWidth/2, …). */
  depth: number;
  /** vae/cvae: weight of the KL term. */
  beta: number;
  /** sparse: target mean activation and penalty weight. */
  rho: number;
  sparsityWeight: number;
  /** ksparse: code units kept (at most the bottleneck). */
  k: number;
  /** vqvae: codebook entries K and code slots per image. */
  codebookSize: number;
  slots: number;
}

/** A finished (or stopped) run kept for the Lab's comparison view: its settings, loss curve and images. */
export interface RunRecord {
  config: LabConfig;
  lossHistory: LossPoint[];
  preview: PreviewImages | null;
  latentSize: number;
}

export interface BackendInfo {
  backend: BackendName;
  renderer: string;
  isSoftwareGl: boolean;
  /** The worker's English sentence, for logs; the screen words `why` (src/game/ml/engine-words.ts). */
  reason: string;
  why: BackendWhy;
  version: string;
}

export interface DisplayInfo {
  renderer: RendererKind;
  /** Why: software GL detected, forced by URL or setting, or hardware GL. */
  softwareGl: boolean;
  forced: boolean;
}

export interface ProgressInfo {
  step: number;
  totalSteps: number;
  epoch: number;
  samplesPerSecond: number;
  etaMs: number;
  elapsedMs: number;
}

export interface ModelSummary {
  modelId: string;
  kind: ModelKind;
  dataset: DatasetChoice;
  paramCount: number;
  latentSize: number;
}

export interface Notice {
  id: number;
  level: NoticeLevel;
  key: MessageKey;
  params?: MessageParams;
  /**
   * A partly dropped save's parts: `params.parts` names them when the save is read, possibly before the player's
   * language has loaded (English then); noticeText words them again when the notice is shown (notice-text.ts).
   */
  dropped?: readonly DroppedPart[];
}

export interface RunOutcome {
  reason: TrainEndReason;
  message: string;
  steps: number;
}

export interface ProgressUpdate {
  step: number;
  totalSteps: number;
  epoch: number;
  total: number;
  reconstruction: number;
  kl?: number;
  samplesPerSecond: number;
  etaMs: number;
  elapsedMs: number;
  preview?: PreviewImages;
}

export interface LabState {
  lab: {
    config: LabConfig;
    status: LabStatus;
    workerStatus: WorkerStatus;
    backendInfo: BackendInfo | null;
    display: DisplayInfo;
    model: ModelSummary | null;
    lossHistory: LossPoint[];
    progress: ProgressInfo | null;
    preview: PreviewImages | null;
    outcome: RunOutcome | null;
    notices: Notice[];
    /** branch lab: the settings the current run was started with, and the run before it (compare view). */
    runConfig: LabConfig | null;
    previousRun: RunRecord | null;
  };
}

export interface LabActions {
  setDataset(dataset: DatasetChoice): void;
  setKind(kind: ModelKind): void;
  setBottleneck(value: number): void;
  setHiddenWidth(value: number): void;
  setNoiseType(type: NoiseType): void;
  setNoiseLevel(value: number): void;
  /** branch lab: any of the Settings view's hyperparameters (clamped to what the Lab offers). */
  setHyper(patch: Partial<LabConfig>): void;
  setStatus(status: LabStatus): void;
  setWorkerStatus(status: WorkerStatus): void;
  setBackendInfo(info: BackendInfo): void;
  setDisplay(display: DisplayInfo): void;
  /** Idle preview (dataset samples before any training). */
  setPreview(preview: PreviewImages | null): void;
  beginRun(model: ModelSummary, totalSteps: number): void;
  /** After a worker restart: continue from `fromStep`, dropping loss points recorded after it. */
  resumeRun(fromStep: number): void;
  recordProgress(update: ProgressUpdate): void;
  finishRun(outcome: RunOutcome): void;
  addNotice(level: NoticeLevel, key: MessageKey, params?: MessageParams): number;
  dismissNotice(id: number): void;
}

// ---- progress slice (persisted) ----
/** The best result of one level; a level never played has no entry. */
export interface LevelProgress {
  /** Best stars, 0..3 (0 = played, goal not met yet). */
  stars: 0 | 1 | 2 | 3;
  /** The metric value of the best attempt (in the level's own direction: higher or lower is better). */
  bestScore: number;
  /** What the player chose in the best attempt: plain JSON (a level's SolutionPayload), null when unknown. */
  bestPayload: Readonly<Record<string, unknown>> | null;
  attempts: number;
}

export interface Progress {
  /** Level id → its best result. */
  levels: Readonly<Record<string, LevelProgress>>;
  /** Level id → what the player last set there (control values, an expression), given back on re-entry. */
  lastSettings?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The player's kept drawings (#14: the Lab's own data, your digit as a card); absent until one is kept. */
  drawings?: OwnDrawings;
}

export interface ProgressState {
  progress: Progress;
}

export interface LevelResultInput {
  score: number;
  stars: 0 | 1 | 2 | 3;
  payload: unknown;
}

export interface LevelResultOutcome {
  /** True when this attempt replaced the stored best. */
  improved: boolean;
  /** Level ids this result opened. */
  newlyUnlocked: string[];
}

export interface ProgressActions {
  /** Counts the attempt and keeps the best (more stars, then a better score in the level's direction). */
  recordLevelResult(levelId: string, result: LevelResultInput): LevelResultOutcome;
  /** Forgets every level's result (settings stay). */
  resetProgress(): void;
  /** Remembers what the player set on a level (plain JSON), so re-entering the level starts from it. */
  rememberLevelSettings(levelId: string, settings: Readonly<Record<string, unknown>>): void;
  /** Keeps a drawn digit (the pre-processed image) with the judge's digit. */
  keepDigitDrawing(image: Float32Array, label: number): void;
  /** Keeps a tapped letter as my `letter` (replacing my earlier one). */
  keepLetterDrawing(letter: string, bitmap: Float32Array): void;
  removeDrawing(kind: 'digit' | 'letter', index: number): void;
}

// ---- classroom slice (not persisted here: the classroom service keeps its own record) ----
export interface ClassroomState {
  /** The class membership, outbox and standing, mirrored from the ClassroomService for the scenes. */
  classroom: ClassroomView;
}

export interface ClassroomActions {
  setClassroomView(view: ClassroomView): void;
}

export type GameState = SettingsState & LabState & ProgressState & ClassroomState;
export type GameActions = SettingsActions & LabActions & ProgressActions & ClassroomActions;
export type GameStore = GameState & GameActions;
