/** The progress bar's lines for a trained level: ready, training (with a resume notice), measuring, done, errors. */
import { formatNumber } from '../../../shared/i18n/icu';
import { formatMetricValue } from '../../../shared/levels/format';
import { getLocale, t } from '../../../shared/messages';
import type { ProgressBarState } from '../../ui/ProgressBar';
import { formatDuration } from '../../view/format';
import { interruptionLines } from '../plays/interruption';
import type { TrainedPlay } from '../plays/trained-play';
import type { LevelSession } from '../shell/level-session';

/** `compact`: phones, where the progress bar's lines are about 55 characters wide. */
export function trainedProgress(session: LevelSession, play: TrainedPlay, compact: boolean): ProgressBarState {
  const level = session.level;
  const params = play.paramCount();
  // A level with a weight cap (Budget) shows the count against it, in the warning colour when over.
  const cap = level.goal.params?.maxParams;
  const over = typeof cap === 'number' && params !== null && params > cap;
  const locale = getLocale();
  const weightsLine =
    params === null
      ? ''
      : typeof cap === 'number'
        ? t(over ? 'live.weightsOver' : 'live.weights', {
            value: formatNumber(params, locale),
            limit: formatNumber(cap, locale),
            gap: formatNumber(Math.max(0, params - cap), locale),
          })
        : t('level.weights', { params });
  // Bits replace the weight count where there is a bits budget: that is the number the level is about.
  // A level with a bits budget (Codebook) shows bits per image against it, in the warning colour when over.
  const bits = play.bitsPerImage();
  const maxBits = level.goal.params?.maxBits;
  const bitsOver = typeof maxBits === 'number' && bits !== null && bits > maxBits + 1e-9;
  const bitsLine =
    bits === null || typeof maxBits !== 'number'
      ? ''
      : t(bitsOver ? 'fail.bits' : 'live.bits', {
          value: formatNumber(bits, locale, { maximumFractionDigits: 1 }),
          limit: formatNumber(maxBits, locale),
          gap: formatNumber(Math.max(0, bits - maxBits), locale, { maximumFractionDigits: 1 }),
        });
  const warning = over || bitsOver;
  const weights = bitsLine || weightsLine;
  // The latest loss, from the first step on (the chart may be scrolled out of view on a phone).
  const lastLoss = play.lossHistory[play.lossHistory.length - 1];
  const loss = lastLoss
    ? t('progress.loss', { loss: formatNumber(lastLoss.total, locale, { maximumSignificantDigits: 3 }) })
    : '';
  const p = play.progress;
  const interruption = play.interruption;
  switch (session.status) {
    case 'card':
    case 'idle':
      if (interruption && interruption.kind !== 'resumed')
        return { fraction: 0, ...interruptionLines(interruption), right: '', muted: true };
      return {
        fraction: 0,
        title: session.message ?? t('level.ready'),
        right: '',
        detail: weights,
        muted: session.message !== null,
        warning,
      };
    case 'unplayable':
      return { fraction: 0, title: t('level.notPlayable'), right: '', detail: '', muted: true };
    case 'preparing':
      return { fraction: 0, title: t('level.preparing'), right: '', detail: weights, warning };
    case 'training': {
      const fraction = p && p.totalSteps > 0 ? p.step / p.totalSteps : 0;
      if (play.restarting)
        return { fraction, title: t('level.resume.restarting'), right: '', detail: weights, muted: true };
      const resumed = interruption?.kind === 'resumed' ? interruptionLines(interruption, compact).detail : '';
      return {
        fraction,
        // Before the first step's numbers arrive (a slow backend compiles the model first), say so at once.
        title: p
          ? `${t('level.training')} · ${t('progress.steps', { step: p.step, total: p.totalSteps })}`
          : t('level.firstStep'),
        right: p && p.step > 0 ? t('progress.eta', { eta: formatDuration(p.etaMs) }) : '',
        // The resume notice takes the detail line: it matters more than the rate while the run catches up.
        detail:
          resumed ||
          [loss, p ? t('progress.rate', { rate: Math.round(p.samplesPerSecond) }) : '', weights]
            .filter(Boolean)
            .join(' · '),
      };
    }
    case 'measuring':
      return {
        fraction: 1,
        title: t('level.measuring'),
        right: p ? t('progress.took', { time: formatDuration(p.elapsedMs) }) : '',
        detail: weights,
      };
    case 'done': {
      const r = session.result;
      const value = r ? formatMetricValue(r.score, level.metric.unit, getLocale()) : '';
      return {
        fraction: 1,
        title: r?.goalMet
          ? t('level.doneWon', { value, stars: '★'.repeat(r.stars) + '☆'.repeat(3 - r.stars) })
          : t('level.doneMissed', { value }),
        right: p ? t('progress.took', { time: formatDuration(p.elapsedMs) }) : '',
        detail:
          interruption?.kind === 'resumed'
            ? t('level.resume.resumedDone', { step: interruption.fromStep ?? 0 })
            : weights,
      };
    }
    case 'error':
      if (interruption?.kind === 'failed')
        return { fraction: 0, ...interruptionLines(interruption), right: '', muted: true };
      return {
        fraction: 0,
        title: t('level.error', { detail: session.error ?? '' }),
        right: '',
        detail: '',
        muted: true,
      };
  }
}
