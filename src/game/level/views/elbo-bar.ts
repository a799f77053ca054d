/**
 * The −ELBO as a stacked bar (Through the dice): reconstruction (green) + KL (amber) in nats per image, on a
 * fixed scale with the level's star lines marked, so trick on / off shows as a bar that shrinks and a KL part
 * that appears or vanishes. Live from the training batches, then the held-out numbers (plays/elbo.ts).
 * Test id: level:elbo.
 */
import type * as Phaser from 'phaser';
import { formatNumber } from '../../../shared/i18n/icu';
import type { LevelDefinition } from '../../../shared/levels/types';
import { getLocale, t } from '../../../shared/messages';
import { fitText } from '../../ui/fit-text';
import { COLORS, CSS, SERIES, TEXT, type Rect } from '../../ui/theme';
import { registerId } from '../../ui/widget-ids';
import type { ElboParts } from '../plays/elbo';

/** Height the bar needs under the controls. */
export const ELBO_BAR_H = 84;

export class ElboBar {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly legend: Phaser.GameObjects.Text;
  private readonly unregister: () => void;
  private readonly max: number;
  private last = '';

  constructor(
    scene: Phaser.Scene,
    private readonly rect: Rect,
    private readonly level: LevelDefinition,
  ) {
    // A scale that holds the collapsed model's bar (about 210 nats on MNIST) with room to spare.
    this.max = Math.max(250, Math.ceil((level.stars[0] * 1.4) / 50) * 50);
    this.g = scene.add.graphics();
    this.title = scene.add.text(rect.x, rect.y, '', { ...TEXT.section });
    this.legend = scene.add.text(rect.x, rect.y + 58, '', { ...TEXT.small, color: CSS.muted });
    this.unregister = registerId(scene, 'level:elbo', () => this.rect);
    this.set(null);
  }

  set(parts: ElboParts | null): void {
    const locale = getLocale();
    const n = (v: number): string => formatNumber(v, locale, { maximumFractionDigits: 1 });
    const key = parts ? `${parts.source}|${n(parts.reconstruction)}|${n(parts.kl)}|${locale}` : 'none';
    if (key === this.last) return;
    this.last = key;
    const { x, y, width } = this.rect;
    const total = parts ? parts.reconstruction + parts.kl : 0;
    this.title.setText(
      parts ? t(parts.source === 'heldOut' ? 'elbo.heldOut' : 'elbo.training', { value: n(total) }) : t('elbo.empty'),
    );
    fitText(this.title, { width });
    this.legend.setText(parts ? t('elbo.parts', { reconstruction: n(parts.reconstruction), kl: n(parts.kl) }) : '');
    fitText(this.legend, { width });
    const barY = y + 24;
    const barH = 24;
    const px = (v: number): number => (Math.min(v, this.max) / this.max) * width;
    const g = this.g.clear();
    g.fillStyle(COLORS.imageEmpty, 1).fillRect(x, barY, width, barH);
    if (parts) {
      const rw = px(parts.reconstruction);
      g.fillStyle(SERIES.reconstruction.color, 0.9).fillRect(x, barY, rw, barH);
      // A KL part of a fraction of a nat (collapsed codes) still shows as a hairline.
      const kw = parts.kl > 0 ? Math.max(1, px(parts.reconstruction + parts.kl) - rw) : 0;
      g.fillStyle(SERIES.kl.color, 0.95).fillRect(x + rw, barY, kw, barH);
    }
    // The star lines: the goal (1 star) in the warning colour, the others in the focus colour.
    this.level.stars.forEach((line, i) => {
      const lx = x + px(line);
      g.lineStyle(2, i === 0 ? COLORS.warning : COLORS.focus, 1).lineBetween(lx, barY - 4, lx, barY + barH + 4);
    });
    g.lineStyle(1, COLORS.axis, 1).strokeRect(x + 0.5, barY + 0.5, width - 1, barH - 1);
  }

  destroy(): void {
    this.unregister();
    this.g.destroy();
    this.title.destroy();
    this.legend.destroy();
  }
}
