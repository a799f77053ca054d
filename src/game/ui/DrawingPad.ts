import type * as Phaser from 'phaser';
import { StrokeModel, type Point } from '../../shared/drawing';
import { PadWidget } from './PadWidget';
import type { Rect } from './theme';

export interface DrawingPadConfig extends Rect {
  id: string;
  /** Brush diameter as a share of the pad's side (MNIST strokes are about a tenth of the digit box). */
  brush: number;
}

/**
 * A square pad to draw a digit on with the mouse, a pen or a finger (Phaser pointer events cover all three): the
 * strokes live in a StrokeModel (undo/redo, clear), drawn white on black as MNIST digits are. 'change' fires when a
 * stroke ends, and on undo, redo and clear. Test id: the pad's id.
 */
export class DrawingPad extends PadWidget {
  readonly model: StrokeModel;
  private brush: number;
  private drawnVersion = -1;

  constructor(scene: Phaser.Scene, config: DrawingPadConfig) {
    super(scene, config.id, config);
    this.brush = config.brush;
    this.model = new StrokeModel({ width: config.width, height: config.height, minSpacing: 1.5 });
    this.redraw();
  }

  private local(x: number, y: number): Point {
    return { x: x - this.rect.x, y: y - this.rect.y };
  }

  protected press(x: number, y: number): boolean {
    return this.model.begin(this.local(x, y), this.brush * this.rect.width);
  }

  protected drag(x: number, y: number): boolean {
    return this.model.extend(this.local(x, y));
  }

  protected pressing(): boolean {
    return this.model.isDrawing();
  }

  protected release(): void {
    this.model.end();
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

  protected redraw(): void {
    if (!this.graphics) return;
    const { x, y } = this.rect;
    if (this.drawnVersion === this.model.version && this.graphics.commandBuffer.length > 0) return;
    this.drawnVersion = this.model.version;
    const g = this.drawGround().fillStyle(0xffffff, 1);
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
