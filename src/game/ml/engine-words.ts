/**
 * The engine's reasons and run endings (src/shared/engine-events.ts) in the player's language. The worker sends
 * them as data next to an English sentence for logs; everything a player reads is worded here from the catalogue.
 */
import type { BackendWhy, ContextLostEvent, DivergenceCause, TrainEnd } from '../../shared/engine-events';
import { getLocale, t } from '../../shared/messages';
import type { BackendName } from '../../shared/worker-api';

/** Three significant digits, as the loss readouts show them. */
const short = (x: number): number => Number(x.toPrecision(3));

const backendName = (b: BackendName): string => t(`backend.${b}`);

/** "WebGL and WASM", "WebGL a WASM"…: the backends that could not start, as a list in the player's language. */
function list(names: readonly BackendName[]): string {
  return new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(names.map(backendName));
}

export function backendWhyText(why: BackendWhy): string {
  switch (why.kind) {
    case 'autoWebgl':
      return t('backend.why.autoWebgl', { renderer: why.renderer });
    case 'autoFallback': {
      const cause = t(`backend.cause.${why.cause}`, { renderer: why.renderer });
      return t(why.backend === 'cpu' ? 'backend.why.autoCpu' : 'backend.why.autoWasm', { cause });
    }
    case 'chosen':
      return why.softwareRenderer
        ? t('backend.why.chosenSoftware', { renderer: why.softwareRenderer })
        : t('backend.why.chosen', { backend: backendName(why.backend) });
    case 'failedOver':
      return t('backend.why.failedOver', { failed: list(why.failed), backend: backendName(why.backend) });
    case 'contextLost':
      return t('backend.why.contextLost', { backend: backendName(why.backend) });
  }
}

function causeText(cause: DivergenceCause): string {
  switch (cause.kind) {
    case 'lossNaN':
      return t('train.diverge.lossNaN');
    case 'exploded':
      return t('train.diverge.exploded', { loss: short(cause.loss) });
    case 'grew':
      return t('train.diverge.grew', { loss: short(cause.loss), first: short(cause.first) });
    case 'weightsNaN':
      return t('train.diverge.weightsNaN');
  }
}

/** Why a run stopped before its end, for the progress line and the notice; '' for a completed run. */
export function trainEndText(end: TrainEnd): string {
  switch (end.kind) {
    case 'completed':
      return '';
    case 'cancelled':
      return t('train.end.cancelled', { step: end.step, total: end.totalSteps });
    case 'diverged':
      return t('train.end.diverged', {
        step: end.step,
        cause: causeText(end.cause),
        rate: end.learningRate,
        optimizer: end.optimizer.toUpperCase(),
        lastGood: end.lastGoodStep,
      });
  }
}

/** The notice for a backend change mid-run: its key and params (worded when shown, so a language switch follows). */
export function contextLostNotice(e: ContextLostEvent): {
  key: 'notice.contextLost';
  params: { lostAt: number; backend: string; fromStep: number };
} {
  return {
    key: 'notice.contextLost',
    params: { lostAt: e.lostAt, backend: backendName(e.backend), fromStep: e.fromStep },
  };
}
