/**
 * Control values: checking one value against its control, filling defaults, and reading typed values back in
 * a level's `plan` and scorer. A slider accepts min + k·step only (within a rounding tolerance), so every
 * submitted number is one the game's slider could have produced.
 */
import type { ControlDefinition, ControlValue, ControlValues, SliderControl } from './types';

const STEP_TOLERANCE = 1e-9;

/** Whether `value` is min + k·step for a whole k (relative tolerance for float steps like 0.05). */
export function onSliderGrid(control: SliderControl, value: number): boolean {
  const k = (value - control.min) / control.step;
  return Math.abs(k - Math.round(k)) <= STEP_TOLERANCE * Math.max(1, Math.abs(k));
}

/** A readable problem with `value` for `control`, or null. */
export function controlValueProblem(control: ControlDefinition, value: unknown): string | null {
  switch (control.kind) {
    case 'slider':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `"${control.id}" must be a number.`;
      if (value < control.min || value > control.max)
        return `"${control.id}" must be from ${control.min} to ${control.max} (got ${value}).`;
      if (!onSliderGrid(control, value))
        return `"${control.id}" must be ${control.min} plus a multiple of ${control.step} (got ${value}).`;
      return null;
    case 'choice':
      if (typeof value !== 'string' || !control.options.some((o) => o.value === value)) {
        return `"${control.id}" must be one of ${control.options.map((o) => JSON.stringify(o.value)).join(', ')}.`;
      }
      return null;
    case 'toggle':
      return typeof value === 'boolean' ? null : `"${control.id}" must be true or false.`;
  }
}

/** Every control's value: the given one where present, else the default. Call after validating `values`. */
export function resolveControlValues(
  controls: readonly ControlDefinition[],
  values: ControlValues = {},
): Record<string, ControlValue> {
  const out: Record<string, ControlValue> = {};
  for (const c of controls) out[c.id] = values[c.id] ?? c.default;
  return out;
}

export function defaultControlValues(controls: readonly ControlDefinition[]): Record<string, ControlValue> {
  return resolveControlValues(controls, {});
}

/** Typed readers for `plan` and scorers; they throw on a wrong type, which validation makes a programming error. */
export function numberValue(values: ControlValues, id: string): number {
  const v = values[id];
  if (typeof v !== 'number') throw new TypeError(`Control "${id}" is not a number.`);
  return v;
}

export function booleanValue(values: ControlValues, id: string): boolean {
  const v = values[id];
  if (typeof v !== 'boolean') throw new TypeError(`Control "${id}" is not a toggle.`);
  return v;
}

export function stringValue(values: ControlValues, id: string): string {
  const v = values[id];
  if (typeof v !== 'string') throw new TypeError(`Control "${id}" is not a choice.`);
  return v;
}

/**
 * Controls that change nothing for these values, shown disabled: a hidden layer's width when there are no hidden
 * layers (depth 0). Any level with both a `depth` and a `width` control builds `depth` layers of `width`.
 */
export function inactiveControls(controls: readonly ControlDefinition[], values: ControlValues): Set<string> {
  const ids = new Set(controls.map((c) => c.id));
  const out = new Set<string>();
  if (ids.has('depth') && ids.has('width') && values.depth === 0) out.add('width');
  return out;
}
