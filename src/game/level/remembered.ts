/**
 * A level's remembered settings (what the player last set there, kept in the save): checked against the level
 * again when they come back, since a save can hold anything and a level's controls or deck may have changed.
 * A value that no longer fits is dropped and its default stands.
 */
import { controlValueProblem } from '../../shared/levels/controls';
import type { ControlDefinition, ControlValue, ImageCard, LinearTerm } from '../../shared/levels/types';

/** The saved control values that are still valid for `controls` (the others are left out). */
export function restoredControlValues(
  controls: readonly ControlDefinition[],
  saved: unknown,
): Record<string, ControlValue> {
  const out: Record<string, ControlValue> = {};
  if (typeof saved !== 'object' || saved === null) return out;
  const values = saved as Record<string, unknown>;
  for (const c of controls)
    if (c.id in values && controlValueProblem(c, values[c.id]) === null) out[c.id] = values[c.id] as ControlValue;
  return out;
}

/** The saved expression, if every term names a card of the deck once with a weight the level allows; else []. */
export function restoredTerms(
  deck: readonly ImageCard[],
  spec: { maxTerms: number; maxWeight: number },
  saved: unknown,
): LinearTerm[] {
  if (!Array.isArray(saved) || saved.length > spec.maxTerms) return [];
  const ids = new Set(deck.map((c) => c.id));
  const seen = new Set<string>();
  const terms: LinearTerm[] = [];
  for (const t of saved as unknown[]) {
    if (typeof t !== 'object' || t === null) return [];
    const { card, weight } = t as { card?: unknown; weight?: unknown };
    if (typeof card !== 'string' || !ids.has(card) || seen.has(card)) return [];
    if (typeof weight !== 'number' || !Number.isFinite(weight) || Math.abs(weight) > spec.maxWeight) return [];
    seen.add(card);
    terms.push({ card, weight });
  }
  return terms;
}
