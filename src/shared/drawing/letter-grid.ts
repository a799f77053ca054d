/**
 * A 7x5 letter drawn by tapping pixels, in the glyph layout of src/shared/glyphs.ts (5 wide, 7 tall, row-major,
 * 1 = ink), so a drawn letter can join the font's letters as training data or be shown next to them.
 */
import { GLYPH_HEIGHT, GLYPH_PIXELS, GLYPH_WIDTH, glyphBitmap } from '../glyphs';

export interface Cell {
  col: number;
  row: number;
}

const inGrid = (c: Cell): boolean =>
  Number.isInteger(c.col) &&
  Number.isInteger(c.row) &&
  c.col >= 0 &&
  c.col < GLYPH_WIDTH &&
  c.row >= 0 &&
  c.row < GLYPH_HEIGHT;

/** A binary 35-value glyph bitmap with ink at the given cells (cells outside the grid are ignored). */
export function letterFromTaps(cells: Iterable<Cell>): Float32Array {
  const bits = new Float32Array(GLYPH_PIXELS);
  for (const c of cells) if (inGrid(c)) bits[c.row * GLYPH_WIDTH + c.col] = 1;
  return bits;
}

/** The cell under a point of a grid drawn in `rect`, or null outside it. */
export function cellAt(
  x: number,
  y: number,
  rect: { x: number; y: number; width: number; height: number },
): Cell | null {
  const col = Math.floor(((x - rect.x) / rect.width) * GLYPH_WIDTH);
  const row = Math.floor(((y - rect.y) / rect.height) * GLYPH_HEIGHT);
  const cell = { col, row };
  return inGrid(cell) ? cell : null;
}

/**
 * The tapped-letter state with undo. A drag paints: the first cell decides whether it sets ink or erases
 * (as in pixel editors), and the whole drag is one undo step.
 */
export class LetterGrid {
  private bits: Uint8Array = new Uint8Array(GLYPH_PIXELS);
  private readonly history: Uint8Array[] = [];
  private paint: 0 | 1 | null = null;

  /** Starts a tap or drag at `cell`: toggles it and remembers the paint value for the rest of the drag. */
  press(cell: Cell): boolean {
    if (!inGrid(cell)) return false;
    this.history.push(this.bits.slice());
    const i = cell.row * GLYPH_WIDTH + cell.col;
    this.paint = this.bits[i] ? 0 : 1;
    this.bits[i] = this.paint;
    return true;
  }

  /** The drag entered `cell`: paints it with the press's value. Returns whether anything changed. */
  drag(cell: Cell): boolean {
    if (this.paint === null || !inGrid(cell)) return false;
    const i = cell.row * GLYPH_WIDTH + cell.col;
    if (this.bits[i] === this.paint) return false;
    this.bits[i] = this.paint;
    return true;
  }

  release(): void {
    this.paint = null;
  }

  isInk(cell: Cell): boolean {
    return inGrid(cell) && this.bits[cell.row * GLYPH_WIDTH + cell.col] === 1;
  }

  isEmpty(): boolean {
    return this.bits.every((b) => b === 0);
  }

  clear(): boolean {
    if (this.isEmpty()) return false;
    this.history.push(this.bits.slice());
    this.bits = new Uint8Array(GLYPH_PIXELS);
    return true;
  }

  /** Starts from a font glyph ("change the font's letters"); undoable. */
  load(ch: string): void {
    this.history.push(this.bits.slice());
    this.bits = Uint8Array.from(glyphBitmap(ch), (v) => (v >= 0.5 ? 1 : 0));
  }

  canUndo(): boolean {
    return this.history.length > 0;
  }

  undo(): boolean {
    const previous = this.history.pop();
    if (!previous) return false;
    this.bits = previous;
    this.paint = null;
    return true;
  }

  /** The letter as a glyph bitmap (35 values, 0 or 1). */
  bitmap(): Float32Array {
    return Float32Array.from(this.bits);
  }
}
