/**
 * What a "Not yet" card names: the level's goal as a list of checks on the attempt's own numbers (the payload and
 * the measurements), each with the value, its limit and whether it passed. Pure, so the HUD's result card, the
 * Results screen and the unit tests see the same checks; ./shortfall-text.ts turns them into sentences.
 *
 * Every level gets the generic check of its metric against the 1-star line (`stars[0]`, the goal); a level whose
 * goal is more than its metric (Squeeze: the worst letter; Budget: the weight cap; Balance beta: two limits…)
 * lists its own checks in LEVEL_CHECKS, by id, from the same constants its scorer uses.
 */
import { LETTERS } from '../glyphs';
import { isCleanDigit, predictedClass } from '../scoring/judge';
import { resolveControlValues } from './controls';
import type { Evaluation } from './measurements';
import type { LevelDefinition, MetricUnit, SolutionPayload } from './types';
import { BUDGET_MAX_PARAMS, budgetParamCount, SQUEEZE_MAX_WRONG, TRAP_MAX_WRONG } from './world1-bottleneck';
import { ZOO_NOISES } from './world2-denoise';
import { CODEBOOK_MAX_BITS, codebookBits } from './world5-codebook';
import { DIGIT_CLASSES, digitsReadAsThemselves } from './world5-digits';
import { FORCES_MAX_KL, FORCES_MAX_MSE } from './world5-two-forces';
import {
  BETA_MAX_KL,
  BETA_MAX_MSE,
  DIGITS,
  DREAM_PRIOR_CLEAN,
  HOLES_GAP_RADIUS,
  isMapGap,
  isPriorDraw,
  NAVIGATOR_MATCH,
  PATH_END,
  PATH_START,
  PATH_VIA,
} from './world3-latent-map';

/** How a check's numbers are written: a metric unit, or nats (KL divergence). */
/** 'distance': a distance on a map, in its box coordinates (Holes in the map). */
export type CheckUnit = MetricUnit | 'nats' | 'distance';

/** Which sentence a check is written with (shortfall-text.ts has one per kind). */
export type CheckKind =
  | 'metric'
  | 'priorDreams'
  | 'weights'
  | 'bits'
  | 'written'
  | 'worstLetter'
  | 'kl'
  | 'reconstruction'
  | 'hardestNoise'
  | 'bestMatch'
  | 'digits'
  | 'pathOrder'
  | 'elbo'
  | 'nearestGap';

export interface GoalCheck {
  kind: CheckKind;
  /** The attempt's number. */
  value: number;
  /** The goal's line for it. */
  limit: number;
  /** 'max': the value must be at most the limit; 'min': at least. */
  bound: 'max' | 'min';
  unit: CheckUnit;
  met: boolean;
  /** What the sentence names: the worst letter, the hardest noise kind, the missing digits, the path's ends. */
  subject?: string;
  /** 'elbo': the value's two parts, reconstruction and KL (nats). */
  parts?: readonly [number, number];
}

/** How far a failed check is from its limit (0 when met), in its unit. */
export function checkGap(check: GoalCheck): number {
  if (check.met) return 0;
  return Math.abs(check.value - check.limit);
}

function check(
  kind: CheckKind,
  value: number,
  limit: number,
  bound: 'max' | 'min',
  unit: CheckUnit,
  subject?: string,
): GoalCheck {
  const met = bound === 'max' ? value <= limit : value >= limit;
  return subject === undefined
    ? { kind, value, limit, bound, unit, met }
    : { kind, value, limit, bound, unit, met, subject };
}

/** The level's metric against its goal line (the 1-star threshold). */
export function metricCheck(level: LevelDefinition, score: number): GoalCheck {
  return check('metric', score, level.stars[0], level.metric.direction === 'lower' ? 'max' : 'min', level.metric.unit);
}

function worstLetter(wrong: readonly number[] | undefined, limit: number): GoalCheck[] {
  if (!wrong || wrong.length === 0) return [];
  const worst = Math.max(...wrong);
  const letter = LETTERS[wrong.indexOf(worst)] ?? '?';
  return [check('worstLetter', worst, limit, 'max', 'pixels', letter)];
}

type Checker = (level: LevelDefinition, payload: SolutionPayload, evaluation: Evaluation, score: number) => GoalCheck[];

const ZOO_KINDS = Object.keys(ZOO_NOISES);

/** Levels whose goal is more than "the metric reaches the 1-star line" (or whose failure has a better name). */
const LEVEL_CHECKS: Readonly<Record<string, Checker>> = {
  // The score is the code size; the goal is that every letter comes back.
  'squeeze-the-alphabet': (_level, _p, m) => worstLetter(m.glyphWrongPixels, SQUEEZE_MAX_WRONG),
  budget: (level, p, _m, score) =>
    p.kind === 'hyperparameters'
      ? [
          check(
            'weights',
            budgetParamCount(resolveControlValues(level.controls, p.values)),
            BUDGET_MAX_PARAMS,
            'max',
            'count',
          ),
          metricCheck(level, score),
        ]
      : [metricCheck(level, score)],
  // Digits on demand (World 5): every digit read as itself, then the average of class and style.
  'digits-on-demand': (level, _p, m, score) => {
    const read = new Set(digitsReadAsThemselves(m.judgeProbabilities ?? []));
    const wrong = Array.from({ length: DIGIT_CLASSES }, (_, d) => d).filter((d) => !read.has(d));
    return [check('written', read.size, DIGIT_CLASSES, 'min', 'count', wrong.join(', ')), metricCheck(level, score)];
  },
  // Codebook (World 5): bits per image against the budget, then the error.
  codebook: (level, p, _m, score) =>
    p.kind === 'hyperparameters'
      ? [
          check(
            'bits',
            codebookBits(resolveControlValues(level.controls, p.values)),
            CODEBOOK_MAX_BITS,
            'max',
            'count',
          ),
          metricCheck(level, score),
        ]
      : [metricCheck(level, score)],
  'the-identity-trap': (level, _p, m, score) => [
    ...worstLetter(m.glyphWrongPixels, TRAP_MAX_WRONG),
    metricCheck(level, score),
  ],
  'noise-zoo': (level, _p, m, score) => {
    const metric = metricCheck(level, score);
    const mse = m.noiseKindMse;
    if (!mse || mse.length === 0) return [metric];
    const worst = Math.max(...mse);
    const kind = ZOO_KINDS[mse.indexOf(worst)];
    // Names what to work on: it fails exactly when the average does (the goal is on the average).
    return kind
      ? [metric, { ...check('hardestNoise', worst, level.stars[0], 'max', 'mse', kind), met: metric.met }]
      : [metric];
  },
  navigator: (_level, _p, m) =>
    m.matchPercent && m.matchPercent.length > 0
      ? [check('bestMatch', Math.max(...m.matchPercent), NAVIGATOR_MATCH, 'min', 'percent')]
      : [],
  'balance-beta': (_level, _p, m) => [
    ...(m.heldOutMse === undefined ? [] : [check('reconstruction', m.heldOutMse, BETA_MAX_MSE, 'max', 'mse')]),
    ...(m.heldOutKl === undefined ? [] : [check('kl', m.heldOutKl, BETA_MAX_KL, 'max', 'nats')]),
  ],
  // −ELBO against the goal, with its two parts: a KL of almost 0 says the codes collapsed (the trick is off).
  'through-the-dice': (level, _p, m, score) =>
    m.heldOutReconNats === undefined || m.heldOutKl === undefined
      ? [metricCheck(level, score)]
      : [{ ...check('elbo', score, level.stars[0], 'max', 'nats'), parts: [m.heldOutReconNats, m.heldOutKl] }],
  // Two forces (World 5): the prior's digits against the goal, then each force's limit (KL only fails the error's,
  // reconstruction only the KL's).
  'two-forces': (level, _p, m, score) => [
    metricCheck(level, score),
    ...(m.heldOutMse === undefined ? [] : [check('reconstruction', m.heldOutMse, FORCES_MAX_MSE, 'max', 'mse')]),
    ...(m.heldOutKl === undefined ? [] : [check('kl', m.heldOutKl, FORCES_MAX_KL, 'max', 'nats')]),
  ],
  'dream-digits': (_level, p, m) => {
    const found = new Set<number>();
    for (const probs of m.judgeProbabilities ?? []) if (isCleanDigit(probs)) found.add(predictedClass(probs).label);
    const missing = Array.from({ length: DIGITS }, (_, d) => d).filter((d) => !found.has(d));
    // Issue 10: the clean dreams from the prior N(0, I) are the other half of the goal.
    const prior = (p.kind === 'draws' ? p.draws : []).filter(
      (d, i) => isPriorDraw(d) && isCleanDigit(m.judgeProbabilities?.[i] ?? []),
    ).length;
    return [
      check('digits', found.size, DIGITS, 'min', 'count', missing.join(', ')),
      check('priorDreams', prior, DREAM_PRIOR_CLEAN, 'min', 'count'),
    ];
  },
  // Short of the goal: how near the emptiest point that was no hole came to the radius (move it further out).
  'holes-in-the-map': (level, _p, m, score) => {
    const metric = metricCheck(level, score);
    const misses = (m.nearestCodeDistances ?? []).filter((d) => !isMapGap(d));
    if (metric.met || misses.length === 0) return [metric];
    return [metric, check('nearestGap', Math.max(...misses), HOLES_GAP_RADIUS, 'min', 'distance')];
  },
  'the-path': (level, _p, m, score) => {
    const probs = m.judgeProbabilities ?? [];
    if (probs.length === 0) return [metricCheck(level, score)];
    const labels = probs.map((p) => predictedClass(p).label);
    const last = labels.length - 1;
    const viaSeen = labels.slice(1, last).includes(PATH_VIA);
    const ok = labels[0] === PATH_START && labels[last] === PATH_END && viaSeen;
    // value 1 / limit 1: in order; the subject says what the judge read at the start, on the way and at the end.
    const read = `${labels[0]} → ${viaSeen ? PATH_VIA : '…'} → ${labels[last]}`;
    return [check('pathOrder', ok ? 1 : 0, 1, 'min', 'count', read), metricCheck(level, score)];
  },
};

/**
 * Every check of the level's goal for one attempt (met or not), in the order a card lists them. `score` is the
 * scorer's score for this attempt (level.score(payload, evaluation).score).
 */
export function goalChecks(
  level: LevelDefinition,
  payload: SolutionPayload,
  evaluation: Evaluation,
  score: number,
): GoalCheck[] {
  const own = LEVEL_CHECKS[level.id];
  return own ? own(level, payload, evaluation, score) : [metricCheck(level, score)];
}

/** The checks an attempt failed: what a "Not yet" card names (empty when the goal was met). */
export function shortfalls(
  level: LevelDefinition,
  payload: SolutionPayload,
  evaluation: Evaluation,
  score: number,
): GoalCheck[] {
  return goalChecks(level, payload, evaluation, score).filter((c) => !c.met);
}
