/**
 * When a training run has diverged, and how it ended, as data (src/shared/engine-events.ts) plus the English log
 * line; the game words the data in the player's language.
 */
import type { DivergenceCause, TrainEnd } from '../shared/engine-events';

/** Loss above this, or above 100x the first loss (and above 1), ends the job as diverged. */
export const EXPLODED_LOSS = 1e6;

/** Why a run diverged, or null: a loss that is NaN, exploded, or grew 100-fold from its start. */
export function divergenceCause(total: number, firstLoss: number | undefined): DivergenceCause | null {
  if (!Number.isFinite(total)) return { kind: 'lossNaN' };
  if (total > EXPLODED_LOSS) return { kind: 'exploded', loss: total };
  if (firstLoss !== undefined && total > Math.max(100 * firstLoss, 1))
    return { kind: 'grew', loss: total, first: firstLoss };
  return null;
}

/** The cause in English, for the log line (the game words it from the data). */
function causeInEnglish(cause: DivergenceCause): string {
  switch (cause.kind) {
    case 'lossNaN':
      return 'the loss became NaN (not a number)';
    case 'exploded':
      return `the loss exploded to ${cause.loss.toPrecision(3)}`;
    case 'grew':
      return `the loss grew to ${cause.loss.toPrecision(3)}, over 100 times its starting value ${cause.first.toPrecision(3)}`;
    case 'weightsNaN':
      return 'the weights became NaN';
  }
}

type Diverged = Extract<TrainEnd, { kind: 'diverged' }>;

export function divergedEnd(
  step: number,
  cause: DivergenceCause,
  config: { learningRate: number; optimizer: string },
  lastGoodStep: number,
): Diverged {
  return {
    kind: 'diverged',
    step,
    cause,
    learningRate: config.learningRate,
    optimizer: config.optimizer,
    lastGoodStep,
  };
}

export function divergedInEnglish(end: Diverged): string {
  return (
    `Training diverged at step ${end.step}: ${causeInEnglish(end.cause)}. The learning rate ${end.learningRate} is ` +
    `probably too high for ${end.optimizer.toUpperCase()}; the model keeps its last good weights, from step ` +
    `${end.lastGoodStep}.`
  );
}
