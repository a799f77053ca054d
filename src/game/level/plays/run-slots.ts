/**
 * Side-by-side runs (a trained level with `setup.sideBySide`; Two forces: one slot per loss). Each option of that
 * choice control keeps its latest measured run: the held-out codes for the map, the first prior draws decoded,
 * and the run's score with the goal's checks (`goalChecks`: the numbers the meter and the Not-yet card use, no
 * new ones). A run replaces only its own option's slot; the slot of the run the result scores (the meter, Check, a
 * class submission) is `scored`. Slots live for one visit (the models behind them are gone after Leave). Pure.
 */
import { goalChecks, type GoalCheck } from '../../../shared/levels/shortfall';
import type { ControlValue, LevelDefinition, SolutionPayload } from '../../../shared/levels/types';
import type { Evaluation } from '../../../shared/levels/measurements';
import type { LatentMapData } from './latent-map';

export interface SlotImages {
  pixels: Float32Array;
  count: number;
  width: number;
  height: number;
}

export interface RunSlot {
  /** The option's value (Two forces: 'reconstruction', 'kl', 'both'). */
  key: string;
  /** Which measured run of this visit filled it (1, 2, …). */
  run: number;
  map: LatentMapData | null;
  /** The first prior draws z ~ N(0, I), decoded (the draws the score counts begin with these). */
  prior: SlotImages | null;
  /** The level's score of the run (Two forces: the digits the prior draws). */
  score: number;
  /** The goal's checks of the run, in the order a card lists them (metric first). */
  checks: readonly GoalCheck[];
}

export interface RunSlots {
  /** The choice control whose options name the slots. */
  control: string;
  /** The options' values, in the panel's order. */
  keys: readonly string[];
  slots: Readonly<Record<string, RunSlot | undefined>>;
  /** The slot holding the scored run; null while no run is scored (before the first, or while one trains). */
  scored: string | null;
  /** Measured runs so far this visit. */
  runs: number;
}

/** Empty slots for a level that keeps runs side by side, else null. */
export function emptySlots(level: LevelDefinition): RunSlots | null {
  const control = level.setup.kind === 'trained' ? level.setup.sideBySide : undefined;
  const choice = level.controls.find((c) => c.id === control);
  if (!control || !choice || choice.kind !== 'choice') return null;
  return { control, keys: choice.options.map((o) => o.value), slots: {}, scored: null, runs: 0 };
}

/** The slot a run with these control values fills (null: the value names no slot). */
export function slotKey(slots: RunSlots, values: Readonly<Record<string, ControlValue>>): string | null {
  const v = values[slots.control];
  return typeof v === 'string' && slots.keys.includes(v) ? v : null;
}

/** A new run begins: its result is cleared, so no slot is the scored one; every slot keeps its map. */
export function beginRun(slots: RunSlots): RunSlots {
  return slots.scored === null ? slots : { ...slots, scored: null };
}

/** A measured, scored run fills its own slot (the others stay) and becomes the scored one. */
export function fillSlot(slots: RunSlots, fill: Omit<RunSlot, 'run'>): RunSlots {
  if (!slots.keys.includes(fill.key)) return slots;
  const run = slots.runs + 1;
  return { ...slots, slots: { ...slots.slots, [fill.key]: { ...fill, run } }, scored: fill.key, runs: run };
}

/**
 * After a scored run: its slot takes the run's map, the decoded prior draws shown under the held-out images
 * (`images.prior`) and the goal's checks of the result (the same checks the result card lists). Unchanged when
 * the level keeps no slots or the run's values name none.
 */
export function afterRun(
  slots: RunSlots | null,
  level: LevelDefinition,
  result: { payload: SolutionPayload; evaluation: Evaluation; score: number },
  map: LatentMapData | null,
  images: { prior?: Float32Array; count: number; width: number; height: number } | null,
): RunSlots | null {
  if (!slots || result.payload.kind !== 'hyperparameters') return slots;
  const key = slotKey(slots, result.payload.values);
  if (!key) return slots;
  const prior = images?.prior
    ? { pixels: images.prior, count: images.count, width: images.width, height: images.height }
    : null;
  const checks = goalChecks(level, result.payload, result.evaluation, result.score);
  return fillSlot(slots, { key, map, prior, score: result.score, checks });
}

/** How many slots hold a run. */
export function filledSlots(slots: RunSlots | null): number {
  return slots ? slots.keys.filter((k) => slots.slots[k]).length : 0;
}

/** Half the side of the box every slot's map shows at least: the prior N(0, I)'s ±3σ, so the maps compare. */
export const PRIOR_BOX = 3;

/**
 * A slot map's bounds: its codes' box, widened to at least the prior's ±3σ square, so a collapsed map (KL only)
 * shows as the one blob it is and a spread one (reconstruction only) dwarfs the prior's patch.
 */
export function slotBounds(map: LatentMapData): LatentMapData['bounds'] {
  const b = map.bounds;
  return {
    xMin: Math.min(b.xMin, -PRIOR_BOX),
    xMax: Math.max(b.xMax, PRIOR_BOX),
    yMin: Math.min(b.yMin, -PRIOR_BOX),
    yMax: Math.max(b.yMax, PRIOR_BOX),
  };
}

/**
 * `bounds` widened along one axis so a latent unit is as long across as up on a `width` x `height` plot (the
 * prior's ring stays round and the maps' spreads compare by eye).
 */
export function equalAspect(bounds: LatentMapData['bounds'], width: number, height: number): LatentMapData['bounds'] {
  const w = bounds.xMax - bounds.xMin;
  const h = bounds.yMax - bounds.yMin;
  if (!(width > 0 && height > 0 && w > 0 && h > 0)) return { ...bounds };
  const perPixel = Math.max(w / width, h / height);
  const padX = (perPixel * width - w) / 2;
  const padY = (perPixel * height - h) / 2;
  return { xMin: bounds.xMin - padX, xMax: bounds.xMax + padX, yMin: bounds.yMin - padY, yMax: bounds.yMax + padY };
}

/** The test hook's summary (plain JSON): each slot in order, filled or not, scored or not, with its numbers. */
export function slotsSummary(slots: RunSlots | null): SlotSummary[] | null {
  if (!slots) return null;
  return slots.keys.map((key) => {
    const s = slots.slots[key];
    return {
      key,
      filled: !!s,
      scored: slots.scored === key,
      run: s?.run ?? null,
      score: s?.score ?? null,
      checks: s ? s.checks.map((c) => ({ kind: c.kind, value: c.value, met: c.met })) : [],
    };
  });
}

export interface SlotSummary {
  key: string;
  filled: boolean;
  scored: boolean;
  run: number | null;
  score: number | null;
  checks: { kind: string; value: number; met: boolean }[];
}
