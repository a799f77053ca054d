import type * as Phaser from 'phaser';
import type { BaseWidgetEvents } from './Widget';
import { fitText } from './fit-text';
import { StarRow } from './StarRow';
import { FocusableWidget } from './FocusableWidget';
import { COLORS, CSS, RADIUS, TEXT, type Rect } from './theme';

export interface LevelTileConfig extends Rect {
  id: string;
  /** "1.2" */
  number: string;
  title: string;
  stars: number;
  locked: boolean;
  /** Title font size in game pixels. */
  fontSize?: number;
  /** A muted line at the bottom (e.g. the best score), shown when the tile is tall enough. */
  detail?: string;
}

type TileEvents = BaseWidgetEvents & { press: [] };

/** Room the padlock takes at a locked tile's right edge (its 20 px glyph 12 px from the edge, and a gap). */
const LOCK_SPACE = 30;

/** Draws a small padlock centred on (x, y). */
export function drawLock(g: Phaser.GameObjects.Graphics, x: number, y: number, s: number, color: number): void {
  g.lineStyle(Math.max(2, s * 0.16), color, 1);
  g.beginPath();
  g.arc(x, y - s * 0.15, s * 0.3, Math.PI, 0, false);
  g.strokePath();
  g.fillStyle(color, 1).fillRoundedRect(x - s * 0.45, y - s * 0.15, s * 0.9, s * 0.7, Math.max(2, s * 0.1));
}

/**
 * One level on the world map: number, title, best stars, and a padlock when locked. Focusable (Enter/Space
 * press), clickable and tappable; a locked tile still emits 'press' so the scene can say why it is closed.
 */
export class LevelTile extends FocusableWidget<TileEvents> {
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly zone: Phaser.GameObjects.Zone;
  private readonly starRow: StarRow;
  private readonly locked: boolean;
  private readonly stars: number;

  constructor(scene: Phaser.Scene, config: LevelTileConfig) {
    super(scene, config.id, config);
    this.locked = config.locked;
    this.stars = config.stars;
    const { x, y, width, height } = config;
    const fontSize = config.fontSize ?? 16;
    // Below this height (five worlds on a phone) the tile is two tight rows: number and stars, then the title
    // on the whole width (shrunk to fit by rule); the detail line is left out.
    const compact = height < fontSize * 2 + 30;
    this.bg = this.track(scene.add.graphics());
    const starSize = Math.max(7, Math.min(11, Math.round(height / 7)));
    this.track(
      scene.add.text(x + (compact ? 10 : 12), compact ? y + 4 : y + 10, config.number, {
        ...TEXT.section,
        fontSize: `${Math.round(fontSize * (compact ? 0.8 : 0.85))}px`,
        color: this.locked ? CSS.disabled : CSS.accent,
      }),
    );
    if (compact) {
      const title = this.track(
        scene.add
          .text(x + 10, y + height - 4, config.title, {
            ...TEXT.body,
            fontSize: `${fontSize}px`,
            color: this.locked ? CSS.disabled : CSS.text,
          })
          .setOrigin(0, 1),
      );
      // Under the number row; a long title wraps onto a second line before it shrinks (Czech 5.3 on a phone).
      fitText(title, { width: width - 20 - (this.locked ? 26 : 0), height: height - 22 }, true);
    } else {
      // Two lines at most, clear of the padlock (drawn at the right, centred: redraw) and of the detail line; a
      // long title (Czech "Kódová kniha: VQ-VAE a komprese") shrinks to fit rather than run under the padlock.
      const top = y + 10 + fontSize + 2;
      const withDetail = !!config.detail && height >= fontSize * 3 + 28;
      const bottom = withDetail ? y + height - 10 - Math.round(fontSize * 0.82) - 4 : y + height - 8;
      const title = this.track(
        scene.add.text(x + 12, top, config.title, {
          ...TEXT.body,
          fontSize: `${fontSize}px`,
          color: this.locked ? CSS.disabled : CSS.text,
          wordWrap: { width: width - 24 - (this.locked ? LOCK_SPACE : 0), useAdvancedWrap: true },
        }),
      );
      fitText(
        title,
        { width: width - 24 - (this.locked ? LOCK_SPACE : 0), height: Math.max(fontSize, bottom - top) },
        true,
      );
    }
    if (config.detail && !compact && height >= fontSize * 3 + 28) {
      this.track(
        scene.add
          .text(x + 12, y + height - 10, config.detail, {
            ...TEXT.small,
            fontSize: `${Math.round(fontSize * 0.82)}px`,
            color: this.locked ? CSS.disabled : CSS.muted,
          })
          .setOrigin(0, 1),
      );
    }
    this.starRow = new StarRow(scene, {
      x: x + width - 12 - starSize * 3.5,
      y: compact ? y + 4 + starSize : y + 10 + starSize,
      size: starSize,
      gap: starSize * 0.4,
    });
    this.starRow.set(this.locked ? 0 : config.stars, false).setVisible(!this.locked);
    this.zone = this.track(scene.add.zone(x, y, width, height).setOrigin(0, 0));
    this.zone.setInteractive({ useHandCursor: !this.locked });
    this.wirePress(this.zone);
    this.redraw();
  }

  isLocked(): boolean {
    return this.locked;
  }

  starCount(): number {
    return this.stars;
  }

  /** A locked tile is focusable and pressable too: the scene says why it is closed. */
  override canFocus(): boolean {
    return true;
  }

  protected override activate(): void {
    this.events.emit('press');
  }

  protected redraw(): void {
    const { x, y, width, height } = this.rect;
    const g = this.bg.clear();
    const fill = this.locked ? COLORS.surfaceDisabled : this.hover ? COLORS.surfaceHover : COLORS.surface;
    g.fillStyle(fill, 1).fillRoundedRect(x, y, width, height, RADIUS);
    g.lineStyle(1, this.stars >= 3 && !this.locked ? COLORS.focus : COLORS.panelBorder, this.stars >= 3 ? 0.6 : 1);
    g.strokeRoundedRect(x + 0.5, y + 0.5, width - 1, height - 1, RADIUS);
    if (this.locked) drawLock(g, x + width - 22, y + height / 2, 20, COLORS.axis);
    this.drawFocusRing(g, this.rect);
  }

  override destroy(): void {
    this.starRow.destroy();
    super.destroy();
  }
}
