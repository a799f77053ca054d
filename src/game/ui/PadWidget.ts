import type * as Phaser from 'phaser';
import { COLORS, RADIUS, type Rect } from './theme';
import { Widget, type BaseWidgetEvents } from './Widget';

export type PadEvents = BaseWidgetEvents & { change: [] };

/**
 * What the digit pad and the letter pad share: a graphics layer, a hit zone over the rect, pointer input from the
 * mouse, a pen or a finger (press in the zone, drag anywhere, release anywhere, also outside the canvas), and
 * 'change' when a press-drag-release ends or an edit (undo, clear, load) changed the drawing. A subclass says what
 * a press, a drag and a release do to its model (each returns whether anything changed) and draws it in redraw().
 */
export abstract class PadWidget extends Widget<PadEvents> {
  protected readonly graphics: Phaser.GameObjects.Graphics;
  private readonly detach: () => void;

  protected constructor(scene: Phaser.Scene, id: string, rect: Rect) {
    super(scene, id, rect);
    this.graphics = this.track(scene.add.graphics());
    const r = this.rect;
    const zone = this.track(scene.add.zone(r.x, r.y, r.width, r.height).setOrigin(0, 0));
    zone.setInteractive({ useHandCursor: true });
    zone.on('pointerdown', (p: Phaser.Input.Pointer) => {
      if (!this.enabled) return;
      this.events.emit('pointerfocus');
      if (this.press(p.x, p.y)) this.redraw();
    });
    const move = (p: Phaser.Input.Pointer): void => {
      if (!this.pressing()) return;
      if (!p.isDown) return this.finish();
      if (this.drag(p.x, p.y)) this.redraw();
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
  }

  /** A press at scene coordinates (x, y) inside the pad; true when the drawing changed. */
  protected abstract press(x: number, y: number): boolean;
  /** The pointer moved while pressed; true when the drawing changed. */
  protected abstract drag(x: number, y: number): boolean;
  /** True between a press and its release. */
  protected abstract pressing(): boolean;
  /** The press ended (the model closes its stroke or drag). */
  protected abstract release(): void;

  override destroy(): void {
    this.detach();
    super.destroy();
  }

  /** Redraw and tell the listeners: after a finished stroke and after every edit. */
  protected changed(): void {
    this.redraw();
    this.events.emit('change');
  }

  /** The pad's ground: black as MNIST's background, with the accent outline, `margin` pixels around the rect. */
  protected drawGround(margin = 0): Phaser.GameObjects.Graphics {
    const { x, y, width, height } = this.rect;
    const g = this.graphics.clear();
    g.fillStyle(0x000000, 1).fillRoundedRect(x - margin, y - margin, width + 2 * margin, height + 2 * margin, RADIUS);
    g.lineStyle(2, COLORS.accent, 0.8);
    g.strokeRoundedRect(x - margin, y - margin, width + 2 * margin, height + 2 * margin, RADIUS);
    return g;
  }

  private finish(): void {
    if (!this.pressing()) return;
    this.release();
    this.changed();
  }
}
