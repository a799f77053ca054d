/** The progress bar once a map or arithmetic attempt is scored (or failed): the result, or what went wrong. */
import { formatMetricValue } from '../../../shared/levels/format';
import { getLocale, t } from '../../../shared/messages';
import type { ProgressBarState } from '../../ui/ProgressBar';
import type { LevelSession } from '../shell/level-session';

export function finalProgress(session: LevelSession): ProgressBarState {
  if (session.status === 'error')
    return {
      fraction: 0,
      title: t('level.error', { detail: session.error ?? '' }),
      right: '',
      detail: '',
      muted: true,
    };
  const r = session.result;
  const value = r ? formatMetricValue(r.score, session.level.metric.unit, getLocale()) : '';
  return {
    fraction: 1,
    title: r?.goalMet
      ? t('level.doneWon', { value, stars: '★'.repeat(r.stars) + '☆'.repeat(3 - r.stars) })
      : t('level.doneMissed', { value }),
    right: '',
    detail: '',
  };
}
