/** The Lab's HUD as pure functions of the store state (what each caption says, which button is live). */
import { t } from '../../shared/messages';
import type { GameState } from '../state';
import type { ProgressBarState } from '../ui/ProgressBar';
import { backendWhyText } from '../ml/engine-words';
import { formatDuration } from './format';

type WB = GameState['lab'];

export interface RunView {
  progress: ProgressBarState;
  train: { label: string; enabled: boolean };
  pause: { label: string; icon: 'icon-pause' | 'icon-resume'; enabled: boolean };
  cancel: { enabled: boolean };
}

export function runView(wb: WB): RunView {
  const p = wb.progress;
  const steps = p ? t('progress.steps', { step: p.step, total: p.totalSteps }) : '';
  const fraction = p && p.totalSteps > 0 ? p.step / p.totalSteps : 0;
  const rate = p && p.samplesPerSecond > 0 ? t('progress.rate', { rate: Math.round(p.samplesPerSecond) }) : '';
  const model = wb.model ? t('progress.model', { params: wb.model.paramCount, latent: wb.model.latentSize }) : '';
  const detail = [rate, model].filter(Boolean).join(' · ');
  const failed = wb.workerStatus === 'failed';
  const running = wb.status === 'training' || wb.status === 'paused';

  let progress: ProgressBarState;
  switch (wb.status) {
    case 'idle':
      progress =
        wb.outcome?.reason === 'cancelled'
          ? { fraction, title: `${t('status.cancelled')} · ${steps}`, right: '', detail, muted: true }
          : { fraction: 0, title: t('status.idle'), right: '', detail: t('status.idleHint') };
      break;
    case 'initialising':
      progress = { fraction: 0, title: t('status.initialising'), right: '', detail: '' };
      break;
    case 'training':
      progress = {
        fraction,
        title: `${t('status.training')} · ${steps}`,
        right: p && p.step > 0 ? t('progress.eta', { eta: formatDuration(p.etaMs) }) : '',
        detail,
      };
      break;
    case 'paused':
      progress = { fraction, title: `${t('status.paused')} · ${steps}`, right: '', detail, muted: true };
      break;
    case 'done':
      progress = {
        fraction: 1,
        title: `${t('status.done')} · ${steps}`,
        right: p ? t('progress.took', { time: formatDuration(p.elapsedMs) }) : '',
        detail,
      };
      break;
    case 'error':
      progress = { fraction, title: t('status.error'), right: '', detail: wb.outcome?.message ?? '', muted: true };
      break;
  }
  return {
    progress,
    train: { label: wb.status === 'done' ? t('button.retrain') : t('button.train'), enabled: !failed },
    pause: {
      label: wb.status === 'paused' ? t('button.resume') : t('button.pause'),
      icon: wb.status === 'paused' ? 'icon-resume' : 'icon-pause',
      enabled: running,
    },
    cancel: { enabled: running || wb.status === 'initialising' },
  };
}

export function engineLine(wb: WB): { engine: string; reason: string } {
  const display = t('backend.display', {
    renderer: t(wb.display.renderer === 'canvas' ? 'renderer.canvas' : 'renderer.webgl'),
  });
  const info = wb.backendInfo;
  const backend = info ? t(`backend.${info.backend}`) : t('backend.pending');
  const reason = info ? backendWhyText(info.why) : '';
  return { engine: `${t('backend.engine', { backend })}  ·  ${display}`, reason };
}

export { noticeView } from './notice-view';
