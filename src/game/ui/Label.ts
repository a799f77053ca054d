import type * as Phaser from 'phaser';
import { TEXT } from './theme';

export type LabelVariant = keyof typeof TEXT;

export interface LabelConfig {
  x: number;
  y: number;
  text: string;
  variant?: LabelVariant;
  /** 0 left, 0.5 centre, 1 right (horizontal origin). */
  align?: 0 | 0.5 | 1;
  /** Wrap width in game pixels. */
  wrap?: number;
  color?: string;
}

/** A text in one of the theme's styles; a thin wrapper so scenes never style text by hand. */
export class Label {
  readonly text: Phaser.GameObjects.Text;

  constructor(scene: Phaser.Scene, config: LabelConfig) {
    const style = { ...TEXT[config.variant ?? 'body'] };
    if (config.color) style.color = config.color;
    if (config.wrap) style.wordWrap = { width: config.wrap, useAdvancedWrap: true };
    this.text = scene.add.text(config.x, config.y, config.text, style).setOrigin(config.align ?? 0, 0);
  }

  setText(text: string): this {
    if (this.text.text !== text) this.text.setText(text);
    return this;
  }

  setColor(color: string): this {
    this.text.setColor(color);
    return this;
  }

  setPosition(x: number, y: number): this {
    this.text.setPosition(x, y);
    return this;
  }

  setWrap(width: number): this {
    this.text.setWordWrapWidth(width, true);
    return this;
  }

  setVisible(visible: boolean): this {
    this.text.setVisible(visible);
    return this;
  }

  destroy(): void {
    this.text.destroy();
  }
}
