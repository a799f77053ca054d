import type * as Phaser from 'phaser';
import { cellAt, LetterGrid } from '../../shared/drawing';
import { GLYPH_HEIGHT, GLYPH_WIDTH } from '../../shared/glyphs';
import { COLORS, RADIUS, type Rect } from './theme';
import { Widget } from './Widget';

type LetterPadEvents = { pointerfocus: []; change: [] };

/**
 * A 7x5 letter to tap pixel by pixel (mouse, pen or finger): a tap toggles a square, a drag paints (or erases, when
 * it started on ink) every square it crosses, one undo step per drag (LetterGrid). Square cells, centred in the
 * rect. 'change' fires when a tap or drag ends and on undo / clear / load. Test id: the pad's id.
 */
export class LetterPad extends Widget<LetterPadEvents> {
  readonly grid = new LetterGrid();
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly zone: Phaser.GameObjects.Zone;
  private pressed = false;
  private readonly detach: () => void;

  constructor(scene: Phaser.Scene, config: Rect & { id: string }) {
    super(scene, config.id, LetterPad.square(config));
    this.graphics = this.track(scene.add.graphics());
    const r = this.rect;
    this.zone = this.track(scene.add.zone(r.x, r.y, r.width, r.height).setOrigin(0, 0));
    this.zone.setInteractive({ useHandCursor: true });
    this.zone.on('pointerdown', (p: Phaser.Input.Pointer) => {
      if (!this.enabled) return;
      this.events.emit('pointerfocus');
      const cell = cellAt(p.x, p.y, this.rect);
      if (cell && this.grid.press(cell)) {
        this.pressed = true;
        this.redraw();
      }
    });
    const move = (p: Phaser.Input.Pointer): void => {
      if (!this.pressed) return;
      if (!p.isDown) return this.finish();
      const cell = cellAt(p.x, p.y, this.rect);
      if (cell && this.grid.drag(cell)) this.redraw();
    };
    const up = (): void => this.finish();
    scene.input.on('pointermove', move);
    scene.input.on('pointerup', up);
    scene.input.on('pointerupoutside', up);
    this.detach = () => {
      scene.input.off('pointermove', move);
      scene.input.off('pointerup', up);
      scene.input.off('pointerupoutside', up);
    };
    this.redraw();
  }

  /** The largest 5:7 grid of square cells inside `rect`, centred. */
  static square(rect: Rect): Rect {
    const cell = Math.floor(Math.min(rect.width / GLYPH_WIDTH, rect.height / GLYPH_HEIGHT));
    const width = cell * GLYPH_WIDTH;
    const height = cell * GLYPH_HEIGHT;
    return { x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height - height) / 2, width, height };
  }

  override destroy(): void {
    this.detach();
    super.destroy();
  }

  private finish(): void {
    if (!this.pressed) return;
    this.pressed = false;
    this.grid.release();
    this.changed();
  }

  undo(): void {
    if (this.grid.undo()) this.changed();
  }

  clear(): void {
    if (this.grid.clear()) this.changed();
  }

  private changed(): void {
    this.redraw();
    this.events.emit('change');
  }

  protected redraw(): void {
    if (!this.graphics) return;
    const { x, y, width, height } = this.rect;
    const cell = width / GLYPH_WIDTH;
    const g = this.graphics.clear();
    g.fillStyle(0x000000, 1).fillRoundedRect(x - 6, y - 6, width + 12, height + 12, RADIUS);
    g.lineStyle(2, COLORS.accent, 0.8).strokeRoundedRect(x - 6, y - 6, width + 12, height + 12, RADIUS);
    for (let row = 0; row < GLYPH_HEIGHT; row++)
      for (let col = 0; col < GLYPH_WIDTH; col++) {
        const ink = this.grid.isInk({ col, row });
        g.fillStyle(ink ? 0xffffff : 0x1d2842, 1).fillRect(x + col * cell + 1, y + row * cell + 1, cell - 2, cell - 2);
      }
  }
}
