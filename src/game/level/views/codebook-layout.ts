/** Codebook's card (codebook-card.ts) without Phaser: which levels show it, its height on phones, its grid's shape. */
import { resolveControlValues } from '../../../shared/levels/controls';
import type { LevelDefinition } from '../../../shared/levels/types';

/** Phones: what the card adds to the controls column. */
export const CODEBOOK_CARD_HEIGHT = 236;
/** Between cells of the grid. */
export const GRID_GAP = 6;
const GAP = GRID_GAP;
/** 6 screen pixels per glyph pixel at most. */
const MAX_CELL_H = 42;

/** Whether a level trains a VQ-VAE (its default controls plan one). */
export function showsCodebook(level: LevelDefinition): boolean {
  if (level.setup.kind !== 'trained') return false;
  try {
    return level.setup.plan(resolveControlValues(level.controls), level.setup.seed).spec.vq !== undefined;
  } catch {
    return false;
  }
}

/** What the card adds to a level's controls column on phones (0: no card). */
export const codebookCardHeight = (level: LevelDefinition): number => (showsCodebook(level) ? CODEBOOK_CARD_HEIGHT : 0);

/**
 * The grid's shape for K entries in `slots` rows inside width × height: the columns (a slot's entries wrap onto
 * more lines when K is large) that give the biggest cells of the glyphs' 5:7 shape.
 */
export function codebookGridShape(
  size: number,
  slots: number,
  width: number,
  height: number,
  aspect = 7 / 5,
): { columns: number; lines: number; cellW: number; cellH: number } {
  let best = { columns: 1, lines: slots * size, cellW: 0, cellH: 0 };
  for (let columns = 1; columns <= size; columns++) {
    const lines = slots * Math.ceil(size / columns);
    const byWidth = (width - GAP * (columns - 1)) / columns;
    const byHeight = (height - GAP * (lines - 1)) / lines;
    const cellH = Math.min(MAX_CELL_H, byWidth * aspect, byHeight);
    if (cellH > best.cellH) best = { columns, lines, cellW: cellH / aspect, cellH };
  }
  return best;
}
