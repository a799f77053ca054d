/**
 * The shape of a level. A level is data (the catalogue is described in src/shared/levels/README.md): numbers,
 * text and two small pure functions (`plan` turns control values into a model + training config; `score` turns
 * measured numbers into stars), so the game, the solver bots and the classroom server all read the same definition.
 */
import type { NoiseSpec } from '../noise';
import type { Direction, Stars, StarThresholds } from '../scoring/stars';
import type { DatasetName, ModelSpec, TrainConfig } from '../worker-api';
import type { PretrainedAssetName } from './assets';
import type { Evaluation, MeasurementId } from './measurements';
import type { LevelMode } from './modes';
import type { SeedFile } from './seeds';
import type { LocalText } from './text';

export type { LevelMode } from './modes';

export type WorldId = 1 | 2 | 3 | 4 | 5;

/** Where a concept comes from: a seed document and the idea as that document names it (its own language). */
export interface SeedRef {
  file: SeedFile;
  idea: string;
}

export interface ConceptCard {
  title: LocalText;
  /** 3 to 6 short lines (≤ 80 characters each). */
  lines: readonly LocalText[];
  /** One formula in plain Unicode (no LaTeX), e.g. "KL = ½·Σ(σ² + μ² − log σ² − 1)". */
  formula: string;
  /** One line saying what the formula's symbols are. */
  formulaLegend: LocalText;
  seed: SeedRef;
  /** Other seeds teaching the same idea (at most 2). */
  seeAlso?: readonly SeedRef[];
}

// ── Controls ────────────────────────────────────────────────────────────────────────────────────────────────

interface ControlBase {
  /** Key in the hyperparameter payload: lowerCamelCase. */
  id: string;
  label: LocalText;
  help?: LocalText;
}

export interface SliderControl extends ControlBase {
  kind: 'slider';
  min: number;
  max: number;
  /** Allowed values are min + k·step. */
  step: number;
  default: number;
}

export interface ChoiceOption {
  value: string;
  label: LocalText;
}

export interface ChoiceControl extends ControlBase {
  kind: 'choice';
  options: readonly ChoiceOption[];
  default: string;
}

export interface ToggleControl extends ControlBase {
  kind: 'toggle';
  default: boolean;
}

export type ControlDefinition = SliderControl | ChoiceControl | ToggleControl;
export type ControlValue = number | string | boolean;
export type ControlValues = Readonly<Record<string, ControlValue>>;

// ── How a level gets its model ──────────────────────────────────────────────────────────────────────────────

/** What the engine trains for one attempt. */
export interface TrainingPlan {
  spec: ModelSpec;
  /** Everything but the job id, which the caller chooses. */
  config: Omit<TrainConfig, 'jobId'>;
  /**
   * Storm only: train on K fixed noisy copies of each clean example (the course assignment's "muestras"), drawn
   * once from config.seed, instead of fresh noise every batch. Needs engine support (see the report).
   */
  noisyCopies?: number;
}

/** The held-out images the harness reconstructs after training to take the level's measurements. */
export type HeldOutRecipe =
  | {
      /** The 26 letters (glyph labels 0..25), `copies` times each, corrupted with `noise` (if any). */
      source: 'letters';
      copies: number;
      noise?: NoiseSpec;
      noiseSeed: number;
      /** The identity trap: random 7x5 patterns the model should NOT copy (harness.randomGlyphPatterns). */
      randomPatterns?: { count: number; inkFraction: number; seed: number };
    }
  | {
      /**
       * The first `limit` images of the MNIST test split, once per noise kind (clean when `noises` is empty);
       * kind i is drawn with seed noiseSeed + i.
       */
      source: 'mnistTest';
      limit: number;
      noises: readonly NoiseSpec[];
      noiseSeed: number;
    };

export interface TrainedSetup {
  kind: 'trained';
  /**
   * The seed the game trains with (weights, batch order, noise), so a payload scores the same every time on the
   * same backend; a classroom competition may pass its own seed to `plan` instead.
   */
  seed: number;
  /** Pure: complete, validated control values and a seed → what to train. */
  plan(values: ControlValues, seed: number): TrainingPlan;
  heldOut: HeldOutRecipe;
  /**
   * A choice control whose every option keeps its latest run side by side (Two forces: 'loss', the three maps):
   * training with one option replaces only that option's slot.
   */
  sideBySide?: string;
}

export interface MapSetup {
  kind: 'map';
  /** The 2-D model whose map the player explores. */
  asset: PretrainedAssetName;
  /** A second model shown side by side (Holes in the map: the VAE beside the plain AE). */
  compare?: PretrainedAssetName;
  /** Navigator: target codes of `asset`; the target image is their decode. The payload picks one by index. */
  targets?: readonly (readonly number[])[];
  /** Digits on demand: the index in the MNIST test split of the digit whose style the player copies. */
  styleCard?: number;
}

/** An image card of an arithmetic level: a held-out MNIST digit (index into the test split) or a glyph. */
export type CardImage = { kind: 'mnistTest'; index: number } | { kind: 'glyph'; char: string };

export interface ImageCard {
  id: string;
  label: LocalText;
  image: CardImage;
}

/** weight · μ(card): an arithmetic expression is a sum of these (sums, differences and averages all are). */
export interface LinearTerm {
  card: string;
  weight: number;
}

export type ArithmeticTarget =
  /** target = decode(Σ w·μ(card)) over deck and hidden cards: reachable, so 100 % is possible. */
  | { kind: 'decode'; terms: readonly LinearTerm[] }
  /** The payload is a vector v; result_k = decode(μ(base_k) + v), target_k = decode(μ(base_k) + Σ w·μ(card)). */
  | { kind: 'applyVector'; bases: readonly string[]; reference: readonly LinearTerm[] }
  /** target = the 7x5 glyph, compared binarised with the decode. */
  | { kind: 'glyph'; char: string };

export interface ArithmeticSetup {
  kind: 'arithmetic';
  asset: PretrainedAssetName;
  /** The cards the player may use. */
  deck: readonly ImageCard[];
  /** Cards only targets use (never shown). */
  hidden: readonly ImageCard[];
  target: ArithmeticTarget;
  /** Cards the player adds share the weight equally (½ + ½ for two): the level is about averaging codes. */
  averageCards?: boolean;
}

export type LevelSetup = TrainedSetup | MapSetup | ArithmeticSetup;

// ── Solutions ───────────────────────────────────────────────────────────────────────────────────────────────

/** Bounds of a level's solution payload (validated before scoring; the server trusts nothing else). */
export type SolutionSpec =
  | { kind: 'hyperparameters' }
  | {
      kind: 'latentPoints';
      dims: number;
      maxPoints: number;
      /** |coordinate| ≤ bound. */
      bound: number;
      /** Minimum distance between any two points (0: none). */
      minSeparation: number;
      /** 'latent': the model's own coordinates; 'dataBox': [−1, 1] spans the box of the encoded training data. */
      space: 'latent' | 'dataBox';
      /** Number of targets the payload chooses from (Navigator); absent: no target field. */
      targets?: number;
      /** The payload counts the distinct decodes the player looked at (`looks`, Digits on demand); absent: none. */
      countsLooks?: true;
    }
  | { kind: 'draws'; dims: number; maxDraws: number; muBound: number; sigmaMin: number; sigmaMax: number }
  | { kind: 'path'; dims: number; minPoints: number; maxPoints: number; bound: number; maxStep: number }
  | { kind: 'expression'; maxTerms: number; maxWeight: number };

/** One reparameterised sample: z = μ + σ·ε, ε ~ N(0, I) from the shared seeded PRNG (harness.drawLatent). */
export interface LatentDraw {
  mu: number[];
  sigma: number;
  seed: number;
}

/** What a player submits: small plain JSON (a classroom server re-scores it). */
export type SolutionPayload =
  | { kind: 'hyperparameters'; values: Record<string, ControlValue> }
  | { kind: 'latentPoints'; points: number[][]; target?: number; looks?: number }
  | { kind: 'draws'; draws: LatentDraw[] }
  | { kind: 'path'; points: number[][] }
  | { kind: 'expression'; terms: LinearTerm[] };

export type SolutionKind = SolutionPayload['kind'];
export type PayloadOf<K extends SolutionKind> = Extract<SolutionPayload, { kind: K }>;
export type SolutionSpecOf<K extends SolutionKind> = Extract<SolutionSpec, { kind: K }>;

// ── Goals and scores ────────────────────────────────────────────────────────────────────────────────────────

export type MetricUnit = 'percent' | 'pixels' | 'mse' | 'ratio' | 'count' | 'probability' | 'codeSize' | 'nats';

export interface MetricDefinition {
  label: LocalText;
  direction: Direction;
  unit: MetricUnit;
}

export interface GoalDefinition {
  /** One sentence; may use {star1} {star2} {star3} (the formatted thresholds) and the keys of `params`. */
  text: LocalText;
  params?: Readonly<Record<string, number | string>>;
}

export interface Hint {
  /** Seconds after the level starts; strictly increasing. */
  afterSeconds: number;
  text: LocalText;
}

export interface LevelScore {
  /** The metric's value (in its direction), shown to the player and ranked on the leaderboard. */
  score: number;
  /** 0 unless the goal is met; then at least 1. */
  stars: Stars;
  goalMet: boolean;
  /** Extra numbers for the results screen (e.g. the worst letter's wrong pixels). */
  detail: Readonly<Record<string, number>>;
}

export interface LevelDefinition {
  /** kebab-case, stable: saves and classroom results refer to it. */
  id: string;
  world: WorldId;
  /** Position within the world, from 1. */
  order: number;
  title: LocalText;
  card: ConceptCard;
  dataset: DatasetName;
  /** How the level is played (./modes.ts): fixes the setup and payload kinds, and picks the game's play and view. */
  mode: LevelMode;
  setup: LevelSetup;
  /** The player's knobs (trained levels); map and arithmetic levels act on the map or the cards instead. */
  controls: readonly ControlDefinition[];
  goal: GoalDefinition;
  metric: MetricDefinition;
  /** 1-, 2-, 3-star lines of the metric, checked and tuned by the solver bots (the runs: each world file's header). */
  stars: StarThresholds;
  /** At most 3, unlocking over time. */
  hints: readonly Hint[];
  solution: SolutionSpec;
  /** What the scorer needs measured (measurements.ts says how each is taken). */
  measures: readonly MeasurementId[];
  /** A well-formed payload (defaults, or a plausible attempt): documentation, tests, the server's examples. */
  example: SolutionPayload;
  /**
   * Pure and deterministic: validates the payload and the measurements (throws LevelInputError with readable
   * problems), then maps them to the score. Stars = 0 unless the goal is met, else max(1, stars of the score),
   * capped by the scorer's `maxStars` where the level also has a budget of actions (Digits on demand's looks).
   */
  score(payload: SolutionPayload, evaluation: Evaluation): LevelScore;
}
