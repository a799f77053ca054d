/**
 * Digits on demand: the style card beside the live decode of the picked class, the ten class buttons
 * (`cond:digit:<d>`), Write on the run card's primary button, and per class what was written (tagged on the map).
 */
import { DIGITS_LOOK_BUDGET } from '../../../shared/levels/world5-digits';
import { MNIST_SIDE } from '../../../shared/mnist-format';
import { t } from '../../../shared/messages';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { TargetMatch } from '../../ui/TargetMatch';
import { formatFixed, formatPercent } from '../../view/format';
import type { ConditionalPlay } from '../plays/conditional-play';
import type { MapPanelOptions } from './latent-map-panel';
import { MapView } from './map-view';
import type { ModeView } from './view';

const DIGIT_OPTIONS = Array.from({ length: 10 }, (_, d) => ({ value: String(d), label: String(d) }));
const CARD_HEIGHT = 150;

class ConditionalView extends MapView<ConditionalPlay> {
  private card: TargetMatch | null = null;
  private classes: SegmentedControl<string> | null = null;

  protected override createLeft(): void {
    const { scene, L } = this.ctx;
    const x = L.controls.x + 16;
    const width = L.controls.width - 32;
    this.card = new TargetMatch(
      scene,
      'cond:card',
      { x, y: L.controls.y + 44, width, height: CARD_HEIGHT },
      { target: t('cond.card'), current: t('cond.probe') },
      100,
    );
    this.classes = new SegmentedControl(scene, {
      x,
      y: L.controls.y + 52 + CARD_HEIGHT,
      width,
      height: 64,
      idPrefix: 'cond:digit',
      options: DIGIT_OPTIONS,
      value: '0',
      columns: 5,
    });
    this.classes.events.on('change', (v) => {
      this.play.setDigit(Number(v));
      this.panel.redecode();
    });
    this.ctx.focus.register(this.classes);
  }

  protected override statusAt() {
    const c = this.ctx.L.controls;
    return { x: c.x + 16, y: c.y + 128 + CARD_HEIGHT, wrap: c.width - 32 };
  }

  protected override panelOptions(): Partial<MapPanelOptions> {
    return {
      decodeOnRelease: true,
      onDecoded: (pixels, data) => this.card?.setCurrent({ pixels, width: data.width, height: data.height }, null, ' '),
    };
  }

  override render(): void {
    super.render();
    const play = this.play;
    this.card?.setTarget(play.card ? { pixels: play.card.image, width: MNIST_SIDE, height: MNIST_SIDE } : null);
    this.classes?.setValue(String(play.digit)).setEnabled(this.ctx.session.status === 'idle');
    this.panel.map?.setPlaced(
      play.written.flatMap((w, d) => (w ? [{ x: w.x, y: w.y, value: w.score, good: w.score >= 50, tag: `${d}` }] : [])),
    );
  }

  override destroy(): void {
    super.destroy();
    this.card?.destroy();
    this.classes?.destroy();
  }

  protected actionLabel(): string {
    return t('cond.write', { digit: this.play.digit });
  }

  protected canAct(): boolean {
    return this.play.card !== null;
  }

  protected act(): void {
    const p = this.panel.map?.getProbe();
    if (p) void this.play.write(p.x, p.y);
  }

  protected override count(): number {
    return this.play.count;
  }

  protected progressTitle(n: number, max: number): string {
    return t('cond.progress', { n, max });
  }

  protected statusText(): string {
    const play = this.play;
    const style = play.card?.style;
    const scores = play.written.map((w, d) => `${d} ${w ? formatPercent(w.score) : '–'}`).join(' · ');
    return [
      t('cond.status', {
        digit: play.digit,
        looks: play.looks,
        max3: DIGITS_LOOK_BUDGET.threeStars,
        max2: DIGITS_LOOK_BUDGET.twoStars,
        width: style ? formatFixed(style.strokeWidth, 1) : '–',
        slant: style ? formatFixed(style.slant, 0) : '–',
      }),
      scores,
      t('cond.help'),
    ].join('\n\n');
  }
}

export const conditionalView: ModeView<ConditionalPlay> = {
  leftHeight: () => 440,
  liveChart: false,
  create: (ctx, play) => new ConditionalView(ctx, play).build(),
};
