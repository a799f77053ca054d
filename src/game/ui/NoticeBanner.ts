import type * as Phaser from 'phaser';
import { COLORS, CSS, RADIUS, TEXT, type Rect } from './theme';
import { Widget, type BaseWidgetEvents } from './Widget';
import { Button } from './Button';

export type NoticeTone = 'info' | 'warning' | 'error';

export interface BannerNotice {
  id: number;
  tone: NoticeTone;
  text: string;
}

export interface NoticeBannerConfig extends Rect {
  id: string;
  dismissLabel: string;
}

type BannerEvents = BaseWidgetEvents & { dismiss: [id: number] };

const TONE: Record<NoticeTone, { color: number; css: string; icon: string }> = {
  info: { color: COLORS.accent, css: CSS.accent, icon: 'i' },
  warning: { color: COLORS.warning, css: CSS.warning, icon: '!' },
  error: { color: COLORS.danger, css: CSS.danger, icon: '×' },
};

/**
 * One line for the newest notice (with a Dismiss button and "+N more"), or a muted hint when there is none.
 * Its dismiss button is a normal focusable Button (`dismissButton`).
 */
export class NoticeBanner extends Widget<BannerEvents> {
  readonly dismissButton: Button;
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly icon: Phaser.GameObjects.Text;
  private readonly message: Phaser.GameObjects.Text;
  private readonly more: Phaser.GameObjects.Text;
  private notice: BannerNotice | null = null;
  private moreText = '';
  private hint = '';

  constructor(scene: Phaser.Scene, config: NoticeBannerConfig) {
    super(scene, config.id, config);
    this.graphics = this.track(scene.add.graphics());
    this.icon = this.track(scene.add.text(0, 0, '', { ...TEXT.heading, color: CSS.onAccent }).setOrigin(0.5, 0.5));
    this.message = this.track(scene.add.text(0, 0, '', TEXT.body).setOrigin(0, 0.5));
    this.more = this.track(scene.add.text(0, 0, '', TEXT.small).setOrigin(1, 0.5));
    this.dismissButton = new Button(scene, {
      id: `${config.id}:dismiss`,
      label: config.dismissLabel,
      x: 0,
      y: 0,
      width: 96,
      height: 32,
      variant: 'ghost',
    });
    this.dismissButton.events.on('press', () => {
      if (this.notice) this.events.emit('dismiss', this.notice.id);
    });
    this.redraw();
  }

  show(notice: BannerNotice | null, moreText: string, hint: string): this {
    const same =
      this.notice?.id === notice?.id &&
      this.notice?.text === notice?.text &&
      this.moreText === moreText &&
      this.hint === hint;
    if (same) return this;
    this.notice = notice ? { ...notice } : null;
    this.moreText = moreText;
    this.hint = hint;
    this.redraw();
    return this;
  }

  /** On screen for the tests only while it shows a notice (the hint line is not the banner). */
  protected override testBounds(): Rect | null {
    return this.notice ? super.testBounds() : null;
  }

  protected redraw(): void {
    const { x, y, width, height } = this.rect;
    const g = this.graphics.clear();
    const n = this.notice;
    const cy = y + height / 2;
    const buttonW = 96;
    this.dismissButton.layout({ x: x + width - buttonW - 8, y: cy - 16, width: buttonW, height: 32 });
    if (!n) {
      this.icon.setVisible(false);
      this.more.setVisible(false);
      this.dismissButton.setVisible(false);
      this.message
        .setStyle(TEXT.small)
        .setText(this.hint)
        .setPosition(x + 4, cy)
        .setWordWrapWidth(width - 8, true);
      return;
    }
    const tone = TONE[n.tone];
    g.fillStyle(COLORS.panel, 1).fillRoundedRect(x, y, width, height, RADIUS);
    g.lineStyle(1, tone.color, 0.7).strokeRoundedRect(x + 0.5, y + 0.5, width - 1, height - 1, RADIUS);
    g.fillStyle(tone.color, 1).fillCircle(x + 22, cy, 11);
    this.icon
      .setVisible(true)
      .setText(tone.icon)
      .setPosition(x + 22, cy);
    this.dismissButton.setVisible(true);
    const moreW = this.moreText ? 72 : 0;
    this.more
      .setVisible(this.moreText !== '')
      .setText(this.moreText)
      .setPosition(x + width - buttonW - 18, cy);
    this.message
      .setStyle({ ...TEXT.body, fontSize: '15px' })
      .setText(n.text)
      .setPosition(x + 44, cy)
      .setWordWrapWidth(width - 44 - buttonW - 24 - moreW, true);
  }

  override destroy(): void {
    this.dismissButton.destroy();
    super.destroy();
  }
}
