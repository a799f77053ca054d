import type * as Phaser from 'phaser';
import { StrokeModel, type Point } from '../../shared/drawing';
import { COLORS, RADIUS, type Rect } from './theme';
import { Widget } from './Widget';

export interface DrawingPadConfig extends Rect {
  id: string;
  /** Brush diameter as a share of the pad's side (MNIST strokes are about a tenth of the digit box). */
  brush: number;
}

type PadEvents = { pointerfocus: []; change: [] };

/**
 * A square pad to draw a digit on with the mouse, a pen or a finger (Phaser pointer events cover all three): the
 * strokes live in a StrokeModel (undo/redo, clear), drawn white on black as MNIST digits are. 'change' fires when a
 * stroke ends, and on undo, redo and clear. Test id: the pad's id.
 */
export class DrawingPad extends Widget<PadEvents> {
  readonly model: StrokeModel;
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly zone: Phaser.GameObjects.Zone;
  private brush: number;
  private drawnVersion = -1;
  private readonly detach: () => void;

  constructor(scene: Phaser.Scene, config: DrawingPadConfig) {
    super(scene, config.id, config);
    this.brush = config.brush;
    this.model = new StrokeModel({ width: config.width, height: config.height, minSpacing: 1.5 });
    this.graphics = this.track(scene.add.graphics());
    this.zone = this.track(scene.add.zone(config.x, config.y, config.width, config.height).setOrigin(0, 0));
    this.zone.setInteractive({ useHandCursor: true });
    const local = (p: Phaser.Input.Pointer): Point => ({ x: p.x - this.rect.x, y: p.y - this.rect.y });
    this.zone.on('pointerdown', (p: Phaser.Input.Pointer) => {
      if (!this.enabled) return;
      this.events.emit('pointerfocus');
      if (this.model.begin(local(p), this.brush * this.rect.width)) this.redraw();
    });
    const move = (p: Phaser.Input.Pointer): void => {
      if (!this.model.isDrawing()) return;
      if (!p.isDown) return this.finish();
      if (this.model.extend(local(p))) this.redraw();
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

  override destroy(): void {
    this.detach();
    super.destroy();
  }

  private finish(): void {
    if (!this.model.isDrawing()) return;
    this.model.end();
    this.redraw();
    this.events.emit('change');
  }

  setBrush(share: number): this {
    this.brush = share;
    return this;
  }

  undo(): void {
    if (this.model.undo()) this.changed();
  }

  redo(): void {
    if (this.model.redo()) this.changed();
  }

  clear(): void {
    if (this.model.clear()) this.changed();
  }

  private changed(): void {
    this.redraw();
    this.events.emit('change');
  }

  protected redraw(): void {
    if (!this.graphics) return;
    const { x, y, width, height } = this.rect;
    if (this.drawnVersion === this.model.version && this.graphics.commandBuffer.length > 0) return;
    this.drawnVersion = this.model.version;
    const g = this.graphics.clear();
    g.fillStyle(0x000000, 1).fillRoundedRect(x, y, width, height, RADIUS);
    g.lineStyle(2, COLORS.accent, 0.8).strokeRoundedRect(x, y, width, height, RADIUS);
    g.fillStyle(0xffffff, 1);
    for (const stroke of this.model.strokes()) {
      const r = stroke.thickness / 2;
      const pts = stroke.points;
      for (let i = 0; i < pts.length; i++) {
        g.fillCircle(x + pts[i].x, y + pts[i].y, r);
        if (i === 0) continue;
        // Fill the gap between two recorded points with circles along the segment.
        const a = pts[i - 1];
        const steps = Math.ceil(Math.hypot(pts[i].x - a.x, pts[i].y - a.y) / Math.max(1, r / 2));
        for (let s = 1; s < steps; s++) {
          const f = s / steps;
          g.fillCircle(x + a.x + (pts[i].x - a.x) * f, y + a.y + (pts[i].y - a.y) * f, r);
        }
      }
    }
  }
}
