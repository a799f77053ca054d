import type * as Phaser from 'phaser';
import type { BaseWidgetEvents } from './Widget';
import { fitText } from './fit-text';
import { FocusableWidget } from './FocusableWidget';
import { COLORS, CSS, RADIUS, TEXT, type Rect } from './theme';
import { playSfx } from '../audio/sfx';
import { setTextColor } from './text-color';

/** Room kept free left and right of a button's label. */
const LABEL_PAD_X = 10;

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonConfig extends Rect {
  id: string;
  label: string;
  variant?: ButtonVariant;
  /** Texture key of a small icon drawn left of the label. */
  icon?: string;
}

type ButtonEvents = BaseWidgetEvents & { press: [] };

/** A push button: mouse, touch, and Enter/Space when focused. Emits 'press'. */
export class Button extends FocusableWidget<ButtonEvents> {
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly label: Phaser.GameObjects.Text;
  private readonly zone: Phaser.GameObjects.Zone;
  private readonly icon: Phaser.GameObjects.Image;
  private variant: ButtonVariant;
  private iconKey: string | null;

  constructor(scene: Phaser.Scene, config: ButtonConfig) {
    super(scene, config.id, config);
    this.variant = config.variant ?? 'secondary';
    this.bg = this.track(scene.add.graphics());
    this.label = this.track(scene.add.text(0, 0, config.label, TEXT.button).setOrigin(0.5, 0.5));
    this.icon = this.track(scene.add.image(0, 0, config.icon ?? '__DEFAULT').setOrigin(0.5, 0.5));
    this.iconKey = config.icon !== undefined && scene.textures.exists(config.icon) ? config.icon : null;
    this.icon.setVisible(this.iconKey !== null);
    this.zone = this.track(scene.add.zone(config.x, config.y, config.width, config.height).setOrigin(0, 0));
    this.zone.setInteractive({ useHandCursor: true });
    this.wirePress(this.zone);
    this.redraw();
  }

  setLabel(text: string): this {
    if (this.label.text !== text) {
      this.label.setText(text);
      this.redraw();
    }
    return this;
  }

  setIcon(key: string | null): this {
    const next = key && this.scene.textures.exists(key) ? key : null;
    if (next === this.iconKey) return this;
    this.iconKey = next;
    if (this.iconKey && this.icon.texture.key !== this.iconKey) this.icon.setTexture(this.iconKey);
    this.icon.setVisible(this.iconKey !== null && this.label.visible);
    this.redraw();
    return this;
  }

  override setVisible(visible: boolean): this {
    super.setVisible(visible);
    this.icon.setVisible(visible && this.iconKey !== null);
    return this;
  }

  setVariant(variant: ButtonVariant): this {
    if (variant !== this.variant) {
      this.variant = variant;
      this.redraw();
    }
    return this;
  }

  override canFocus(): boolean {
    return this.enabled && this.label.visible;
  }

  protected override activate(): void {
    if (!this.enabled) return;
    playSfx('click');
    this.events.emit('press');
  }

  protected redraw(): void {
    const { x, y, width, height } = this.rect;
    this.zone.setPosition(x, y).setSize(width, height);
    const iconW = this.icon.visible ? 28 : 0;
    fitText(this.label, { width: Math.max(1, width - LABEL_PAD_X * 2 - iconW), height: Math.max(1, height - 4) });
    this.label.setPosition(Math.round(x + width / 2 + iconW / 2), Math.round(y + height / 2));
    if (this.icon.visible)
      this.icon
        .setPosition(Math.round(x + width / 2 - this.label.displayWidth / 2 - 4), Math.round(y + height / 2))
        .setAlpha(this.enabled ? 1 : 0.35);
    const g = this.bg.clear();
    let fill: number;
    let color: string;
    if (!this.enabled) {
      fill = COLORS.surfaceDisabled;
      color = CSS.disabled;
    } else if (this.variant === 'primary') {
      fill = this.pressed ? COLORS.accentPressed : this.hover ? COLORS.accentHover : COLORS.accent;
      color = CSS.onAccent;
    } else if (this.variant === 'danger') {
      fill = this.pressed ? COLORS.surfacePressed : this.hover ? COLORS.surfaceHover : COLORS.dangerSurface;
      color = CSS.danger;
    } else {
      fill = this.pressed
        ? COLORS.surfacePressed
        : this.hover
          ? COLORS.surfaceHover
          : this.variant === 'ghost'
            ? COLORS.panel
            : COLORS.surface;
      color = CSS.text;
    }
    g.fillStyle(fill, 1).fillRoundedRect(x, y, width, height, RADIUS);
    if (this.variant !== 'primary' || !this.enabled) {
      g.lineStyle(
        1,
        this.variant === 'danger' && this.enabled ? COLORS.danger : COLORS.panelBorder,
        this.variant === 'danger' ? 0.6 : 1,
      );
      g.strokeRoundedRect(x + 0.5, y + 0.5, width - 1, height - 1, RADIUS);
    }
    this.drawFocusRing(g, this.rect);
    setTextColor(this.label, color);
    if (this.zone.input) this.zone.input.cursor = this.enabled ? 'pointer' : 'default';
  }
}
