/** A level's words for an ML worker crash under its training run (the resume itself: src/game/ml/resumable-train.ts). */
import { t } from '../../../shared/messages';

/**
 * What happened to a trained run when the ML worker died under it:
 * - 'resumed': the restarted worker restored the checkpoint at `fromStep` and the run continues from there;
 * - 'noCheckpoint': the worker died before the run's first checkpoint (or while building the model);
 * - 'again': it died a second time in the same run (one resume per run, so a worker that keeps dying cannot loop);
 * - 'measuring': it died after training, while measuring (the restored checkpoint is older than the trained weights);
 * - 'failed': the bridge gave up restarting it.
 */
export interface WorkerInterruption {
  kind: 'resumed' | 'noCheckpoint' | 'again' | 'measuring' | 'failed';
  /** The step the run had reached when the worker died (null before training began). */
  crashStep: number | null;
  /** 'resumed': the checkpoint's step the run continues from. */
  fromStep: number | null;
}

/**
 * The player's words for a worker interruption: a short headline and what to do (the progress bar's title and
 * detail lines, each short enough for a phone); `compact` shortens the resume notice for phones.
 */
export function interruptionLines(i: WorkerInterruption, compact = false): { title: string; detail: string } {
  switch (i.kind) {
    case 'resumed':
      return {
        title: t('level.resume.stopped'),
        detail: t(compact ? 'level.resume.continuesShort' : 'level.resume.continues', { step: i.fromStep ?? 0 }),
      };
    case 'noCheckpoint':
      return { title: t('level.resume.stopped'), detail: t('level.resume.noCheckpoint') };
    case 'again':
      return { title: t('level.resume.stopped'), detail: t('level.resume.again') };
    case 'measuring':
      return { title: t('level.resume.stopped'), detail: t('level.resume.measuring') };
    case 'failed':
      return { title: t('level.resume.gaveUp'), detail: t('level.resume.failed') };
  }
}

/** The whole sentence (the play's message or error, and the test snapshot). */
export function interruptionText(i: WorkerInterruption): string {
  if (i.kind === 'resumed') return t('level.resume.continues', { step: i.fromStep ?? 0 });
  const { title, detail } = interruptionLines(i);
  return `${title} ${detail}`;
}
