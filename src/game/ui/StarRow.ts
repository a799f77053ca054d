import type * as Phaser from 'phaser';
import { COLORS } from './theme';
import { registerId } from './widget-ids';

export interface StarRowConfig {
  /** Centre of the row. */
  x: number;
  y: number;
  /** Outer radius of one star. */
  size: number;
  gap?: number;
  count?: number;
  /** Stable test id of the row (registered where the scene has bound a registry, see widget-ids.ts). */
  id?: string;
}

/** Points of a five-pointed star centred on (0, 0). */
function starPoints(r: number): Phaser.Math.Vector2[] {
  const inner = r * 0.45;
  return Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const radius = i % 2 === 0 ? r : inner;
    return { x: Math.cos(a) * radius, y: Math.sin(a) * radius } as Phaser.Math.Vector2;
  });
}

/**
 * 0–3 stars drawn as vector shapes (earned: gold, not yet: outline). `set(n, animate)` pops the earned stars in
 * one after another; with `animate` false (reduced motion) they appear at once.
 */
export class StarRow {
  private readonly stars: Phaser.GameObjects.Graphics[];
  private readonly size: number;
  private tweens: Phaser.Tweens.Tween[] = [];
  private shown = true;
  private readonly unregister: () => void;

  constructor(
    private readonly scene: Phaser.Scene,
    config: StarRowConfig,
  ) {
    const count = config.count ?? 3;
    const gap = config.gap ?? config.size * 0.5;
    this.size = config.size;
    const span = count * 2 * config.size + (count - 1) * gap;
    this.stars = Array.from({ length: count }, (_, i) =>
      scene.add.graphics().setPosition(config.x - span / 2 + config.size + i * (2 * config.size + gap), config.y),
    );
    const box = { x: config.x - span / 2, y: config.y - config.size, width: span, height: 2 * config.size };
    this.unregister = registerId(scene, config.id ?? '', () => (this.shown ? { ...box } : null));
    this.set(0, false);
  }

  set(earned: number, animate: boolean): this {
    for (const t of this.tweens.splice(0)) t.stop();
    const pts = starPoints(this.size);
    this.stars.forEach((g, i) => {
      const on = i < earned;
      g.clear().setScale(1).setAlpha(1);
      if (on) g.fillStyle(COLORS.focus, 1).fillPoints(pts, true);
      else g.fillStyle(COLORS.surface, 1).fillPoints(pts, true);
      g.lineStyle(Math.max(1, this.size / 10), on ? 0xffe29a : COLORS.axis, 1).strokePoints(pts, true);
      if (on && animate) {
        g.setScale(0).setAlpha(0);
        this.tweens.push(
          this.scene.tweens.add({
            targets: g,
            scale: 1,
            alpha: 1,
            duration: 380,
            delay: 250 + i * 320,
            ease: 'Back.easeOut',
          }),
        );
      }
    });
    return this;
  }

  setVisible(visible: boolean): this {
    this.shown = visible;
    for (const g of this.stars) g.setVisible(visible);
    return this;
  }

  destroy(): void {
    this.unregister();
    for (const t of this.tweens.splice(0)) t.stop();
    for (const g of this.stars) g.destroy();
  }
}
