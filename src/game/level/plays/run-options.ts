/** What a trained level's run asks of the worker: the level plan's config plus the game's progress settings. */
import type { TrainingPlan } from '../../../shared/levels/types';
import type { MlPort, TrainOptions } from '../../ml/ml-port';

/**
 * Glyph runs last a few seconds and their weights are a few KB: checkpoint them often, or a crash would almost
 * never find one to continue from. MNIST runs keep the bridge's default.
 */
const GLYPH_CHECKPOINT_MS = 500;
/** Images shown per row of the live grids (and asked of the worker per progress event). */
export const PREVIEW_COUNT = 8;

export function runOptions(plan: TrainingPlan): TrainOptions {
  return {
    ...plan.config,
    ...(plan.noisyCopies !== undefined ? { noisyCopies: plan.noisyCopies } : {}),
    ...(plan.spec.dataset === 'glyphs' ? { checkpointIntervalMs: GLYPH_CHECKPOINT_MS } : {}),
    progressIntervalMs: 100,
    previewCount: PREVIEW_COUNT,
  };
}

/** After a control changes, the warm-up waits this long for the next change (a player sets several in a row). */
const REWARM_DELAY_MS = 400;

/**
 * Asks the worker to warm up for the run the controls would start (src/ml-worker/run-warmup.ts; the worker
 * answers false when there is nothing to do): when the level opens, and again shortly after the controls change. Train
 * cancels a pending request; the worker itself skips one while a job runs or another warm-up is going.
 */
export class KernelWarmer {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly port: Pick<MlPort, 'warmKernels'>,
    private readonly planNow: () => TrainingPlan,
  ) {}

  /** Now (the level opened) or after the controls settle. */
  schedule(afterChange: boolean): void {
    this.cancel();
    this.timer = setTimeout(
      () => {
        this.timer = null;
        let plan: TrainingPlan;
        try {
          plan = this.planNow();
        } catch {
          return; // a plan that cannot be built now fails on Train with its own message
        }
        this.port.warmKernels(plan.spec, runOptions(plan)).catch(() => undefined);
      },
      afterChange ? REWARM_DELAY_MS : 0,
    );
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
