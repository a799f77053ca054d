import type * as Phaser from 'phaser';
import { COLORS, RADIUS, type Rect } from './theme';
import { Label } from './Label';

export interface PanelConfig extends Rect {
  title?: string;
  fill?: number;
}

/** A rounded card with an optional section title; other widgets are laid out inside `content()`. */
export class Panel {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly title: Label | null;
  private rect: Rect;
  private readonly fill: number;

  constructor(scene: Phaser.Scene, config: PanelConfig) {
    this.rect = { x: config.x, y: config.y, width: config.width, height: config.height };
    this.fill = config.fill ?? COLORS.panel;
    this.graphics = scene.add.graphics();
    this.title = config.title
      ? new Label(scene, { x: 0, y: 0, text: config.title.toUpperCase(), variant: 'section' })
      : null;
    this.draw();
  }

  /** The area inside the padding (below the title when there is one). */
  content(padding = 16): Rect {
    const top = this.title ? 40 : padding;
    return {
      x: this.rect.x + padding,
      y: this.rect.y + top,
      width: this.rect.width - 2 * padding,
      height: this.rect.height - top - padding,
    };
  }

  layout(rect: Rect): this {
    this.rect = { ...rect };
    this.draw();
    return this;
  }

  setTitle(text: string): this {
    this.title?.setText(text.toUpperCase());
    return this;
  }

  private draw(): void {
    const { x, y, width, height } = this.rect;
    this.graphics.clear();
    this.graphics.fillStyle(this.fill, 1).fillRoundedRect(x, y, width, height, RADIUS + 4);
    this.graphics
      .lineStyle(1, COLORS.panelBorder, 1)
      .strokeRoundedRect(x + 0.5, y + 0.5, width - 1, height - 1, RADIUS + 4);
    this.title?.setPosition(x + 16, y + 14);
  }

  setVisible(visible: boolean): this {
    this.graphics.setVisible(visible);
    this.title?.setVisible(visible);
    return this;
  }

  destroy(): void {
    this.graphics.destroy();
    this.title?.destroy();
  }
}
