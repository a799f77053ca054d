import type * as Phaser from 'phaser';
import { COLORS } from './theme';

/** A five-pointed star drawn into `g` (filled gold when earned, outlined when not). */
export function drawStar(g: Phaser.GameObjects.Graphics, cx: number, cy: number, r: number, earned: boolean): void {
  const path = (): void => {
    g.beginPath();
    for (let i = 0; i < 10; i++) {
      const radius = i % 2 === 0 ? r : r * 0.45;
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      const x = cx + radius * Math.cos(a);
      const y = cy + radius * Math.sin(a);
      if (i === 0) g.moveTo(x, y);
      else g.lineTo(x, y);
    }
    g.closePath();
  };
  g.fillStyle(earned ? COLORS.warning : COLORS.surface, 1);
  path();
  g.fillPath();
  g.lineStyle(2, earned ? 0xffd166 : COLORS.axis, 1);
  path();
  g.strokePath();
}
