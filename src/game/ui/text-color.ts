import type * as Phaser from 'phaser';

/**
 * Sets a text's fill colour only when it differs: Phaser's `setColor` re-renders the text's canvas (and, on WebGL,
 * re-uploads its texture) every time, and widgets re-apply their colours on every redraw (~10 a second on a level
 * that trains).
 */
export function setTextColor(text: Phaser.GameObjects.Text, color: string): void {
  if (text.style.color !== color) text.setColor(color);
}
