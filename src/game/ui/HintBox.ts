import type * as Phaser from 'phaser';
import type { BaseWidgetEvents } from './Widget';
import { fitText } from './fit-text';
import { FocusableWidget } from './FocusableWidget';
import { COLORS, CSS, RADIUS, TEXT, type Rect } from './theme';

export interface HintBoxState {
  /** "Hint 2 of 3" or "Hint 1 unlocks in 0:12". */
  title: string;
  text: string;
  /** Whether pressing shows another hint. */
  pressable: boolean;
}

type HintEvents = BaseWidgetEvents & { press: [] };

/** The hint strip: the latest unlocked hint (press to cycle through the unlocked ones), or when the next unlocks. */
export class HintBox extends FocusableWidget<HintEvents> {
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly body: Phaser.GameObjects.Text;
  private readonly zone: Phaser.GameObjects.Zone;
  private state: HintBoxState = { title: '', text: '', pressable: false };

  constructor(scene: Phaser.Scene, id: string, rect: Rect) {
    super(scene, id, rect);
    this.bg = this.track(scene.add.graphics());
    this.title = this.track(scene.add.text(0, 0, '', { ...TEXT.section, color: CSS.warning }));
    this.body = this.track(
      scene.add.text(0, 0, '', {
        ...TEXT.body,
        wordWrap: { width: rect.width - 40, useAdvancedWrap: true },
      }),
    );
    this.zone = this.track(scene.add.zone(rect.x, rect.y, rect.width, rect.height).setOrigin(0, 0));
    this.zone.setInteractive({ useHandCursor: true });
    // Pressed on the way down (a hint shows at once).
    this.zone.on('pointerdown', () => {
      this.pointerFocus();
      this.activate();
    });
    this.redraw();
  }

  set(state: HintBoxState): this {
    const s = this.state;
    if (s.title === state.title && s.text === state.text && s.pressable === state.pressable) return this;
    this.state = { ...state };
    this.redraw();
    return this;
  }

  override canFocus(): boolean {
    return this.state.pressable;
  }

  protected override activate(): void {
    if (this.state.pressable) this.events.emit('press');
  }

  protected redraw(): void {
    const { x, y, width, height } = this.rect;
    this.zone.setPosition(x, y).setSize(width, height);
    const g = this.bg.clear();
    g.fillStyle(COLORS.panel, 0.96).fillRoundedRect(x, y, width, height, RADIUS + 4);
    g.lineStyle(1, COLORS.warning, 0.5).strokeRoundedRect(x + 0.5, y + 0.5, width - 1, height - 1, RADIUS + 4);
    g.fillStyle(COLORS.warning, 1).fillRoundedRect(x, y, 5, height, { tl: RADIUS + 4, bl: RADIUS + 4, tr: 0, br: 0 });
    this.drawFocusRing(g, this.rect, 3, RADIUS + 6);
    this.title.setText(this.state.title.toUpperCase()).setPosition(x + 18, y + 8);
    fitText(this.title, { width: width - 36, height: 18 });
    this.body.setText(this.state.text).setPosition(x + 18, y + 27);
    // Shrinks (then scales) to the strip rather than cutting a long hint off (fit-text.ts).
    fitText(this.body, { width: width - 36, height: height - 31 }, true);
    if (this.zone.input) this.zone.input.cursor = this.state.pressable ? 'pointer' : 'default';
  }
}
