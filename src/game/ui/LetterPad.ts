import type * as Phaser from 'phaser';
import { cellAt, LetterGrid } from '../../shared/drawing';
import { GLYPH_HEIGHT, GLYPH_WIDTH } from '../../shared/glyphs';
import type { Rect } from './theme';
import { PadWidget } from './PadWidget';

/**
 * A 7x5 letter to tap pixel by pixel (mouse, pen or finger): a tap toggles a square, a drag paints (or erases, when
 * it started on ink) every square it crosses, one undo step per drag (LetterGrid). Square cells, centred in the
 * rect. 'change' fires when a tap or drag ends and on undo / clear / load. Test id: the pad's id.
 */
export class LetterPad extends PadWidget {
  readonly grid = new LetterGrid();
  private pressed = false;

  constructor(scene: Phaser.Scene, config: Rect & { id: string }) {
    super(scene, config.id, LetterPad.square(config));
    this.redraw();
  }

  /** The largest 5:7 grid of square cells inside `rect`, centred. */
  static square(rect: Rect): Rect {
    const cell = Math.floor(Math.min(rect.width / GLYPH_WIDTH, rect.height / GLYPH_HEIGHT));
    const width = cell * GLYPH_WIDTH;
    const height = cell * GLYPH_HEIGHT;
    return { x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height - height) / 2, width, height };
  }

  protected press(x: number, y: number): boolean {
    const cell = cellAt(x, y, this.rect);
    this.pressed = cell !== null && this.grid.press(cell);
    return this.pressed;
  }

  protected drag(x: number, y: number): boolean {
    const cell = cellAt(x, y, this.rect);
    return cell !== null && this.grid.drag(cell);
  }

  protected pressing(): boolean {
    return this.pressed;
  }

  protected release(): void {
    this.pressed = false;
    this.grid.release();
  }

  undo(): void {
    if (this.grid.undo()) this.changed();
  }

  clear(): void {
    if (this.grid.clear()) this.changed();
  }

  /** Starts from the font's `ch` (undoable): "change the font's letters". */
  load(ch: string): void {
    this.grid.load(ch);
    this.changed();
  }

  protected redraw(): void {
    if (!this.graphics) return;
    const { x, y, width } = this.rect;
    const cell = width / GLYPH_WIDTH;
    const g = this.drawGround(6);
    for (let row = 0; row < GLYPH_HEIGHT; row++)
      for (let col = 0; col < GLYPH_WIDTH; col++) {
        const ink = this.grid.isInk({ col, row });
        g.fillStyle(ink ? 0xffffff : 0x1d2842, 1).fillRect(x + col * cell + 1, y + row * cell + 1, cell - 2, cell - 2);
      }
  }
}
