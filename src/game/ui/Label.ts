import type * as Phaser from 'phaser';
import { fitText, type FitBox } from './fit-text';
import { TEXT } from './theme';
import { setTextColor } from './text-color';

export type LabelVariant = keyof typeof TEXT;

export interface LabelConfig {
  x: number;
  y: number;
  text: string;
  variant?: LabelVariant;
  /** 0 left, 0.5 centre, 1 right (horizontal origin). */
  align?: 0 | 0.5 | 1;
  /** Wrap width in game pixels (also the width the text must fit). */
  wrap?: number;
  /** The box the text must fit without wrapping (shrinks by the rule in fit-text.ts); none: any width. */
  maxWidth?: number;
  /** Height the (wrapped) text must fit. */
  maxHeight?: number;
  color?: string;
}

/**
 * A text in one of the theme's styles; a thin wrapper so scenes never style text by hand. Given a box (`wrap`,
 * `maxWidth`, `maxHeight`) it fits it in every language (fit-text.ts).
 */
export class Label {
  readonly text: Phaser.GameObjects.Text;
  private wrapWidth: number | undefined;
  private readonly maxWidth: number | undefined;
  private readonly maxHeight: number | undefined;

  constructor(scene: Phaser.Scene, config: LabelConfig) {
    const style = { ...TEXT[config.variant ?? 'body'] };
    if (config.color) style.color = config.color;
    if (config.wrap) style.wordWrap = { width: config.wrap, useAdvancedWrap: true };
    this.wrapWidth = config.wrap;
    this.maxWidth = config.maxWidth;
    this.maxHeight = config.maxHeight;
    this.text = scene.add.text(config.x, config.y, config.text, style).setOrigin(config.align ?? 0, 0);
    this.fit();
  }

  private fit(): void {
    const width = this.wrapWidth ?? this.maxWidth;
    if (width === undefined && this.maxHeight === undefined) return;
    const box: FitBox = { width: width ?? Number.POSITIVE_INFINITY, height: this.maxHeight };
    fitText(this.text, box, this.wrapWidth !== undefined);
  }

  setText(text: string): this {
    if (this.text.text !== text) {
      this.text.setText(text);
      this.fit();
    }
    return this;
  }

  setColor(color: string): this {
    setTextColor(this.text, color);
    return this;
  }

  setPosition(x: number, y: number): this {
    this.text.setPosition(x, y);
    return this;
  }

  setWrap(width: number): this {
    this.wrapWidth = width;
    this.text.setWordWrapWidth(width, true);
    this.fit();
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
