/**
 * Dream digits: σ of the next draw, Sample N(0, I) (a dream from the prior itself), the last dream with the judge's
 * verdict, the digits found so far and the clean dreams from the prior.
 */
import { t } from '../../../shared/messages';
import { predictedClass } from '../../../shared/scoring/judge';
import { Button } from '../../ui/Button';
import { ImageGrid } from '../../ui/ImageGrid';
import { Label } from '../../ui/Label';
import { Slider } from '../../ui/Slider';
import type { DreamPlay } from '../plays/dream-play';
import type { MapPanelOptions } from './latent-map-panel';
import { MapView } from './map-view';
import type { ModeView } from './view';
import { formatFixed } from '../../view/format';

class DreamView extends MapView<DreamPlay> {
  private sigma: Slider | null = null;
  private sigmaValue: Label | null = null;
  private lastDream: ImageGrid | null = null;
  private prior: Button | null = null;

  protected override createLeft(): void {
    const { scene, L } = this.ctx;
    const spec = this.play.spec;
    new Label(scene, { x: L.controls.x + 16, y: L.controls.y + 44, text: t('level.dream.sigma'), variant: 'section' });
    this.sigmaValue = new Label(scene, {
      x: L.controls.x + L.controls.width - 16,
      y: L.controls.y + 42,
      text: '',
      variant: 'value',
      align: 1,
    });
    this.sigma = new Slider(scene, {
      x: L.controls.x + 16,
      y: L.controls.y + 66,
      width: L.controls.width - 32,
      height: 28,
      id: 'dream:sigma',
      min: spec.sigmaMin,
      max: spec.sigmaMax,
      step: 0.05,
      value: 1,
    });
    this.sigma.events.on('change', (v) => this.play.setSigma(v));
    this.prior = new Button(scene, {
      x: L.controls.x + 16,
      y: L.controls.y + 102,
      width: Math.min(260, L.controls.width - 32),
      height: 36,
      id: 'dream:prior',
      label: t('level.dream.prior'),
    });
    this.prior.events.on('press', () => void this.play.dreamPrior());
    this.lastDream = new ImageGrid(scene, {
      x: L.controls.x + 16,
      y: L.controls.y + 148,
      width: 96,
      height: 96,
      id: 'dream:last',
      columns: 1,
    });
    this.ctx.focus.register(this.sigma);
    this.ctx.focus.register(this.prior);
  }

  protected override statusAt() {
    const c = this.ctx.L.controls;
    return { x: c.x + 128, y: c.y + 148, wrap: c.width - 144 };
  }

  /** Moving μ (drag, tap, arrows, Enter) draws nothing: only the Dream button does. The ring follows μ. */
  protected override panelOptions(): Partial<MapPanelOptions> {
    return { onMove: () => this.drawRing() };
  }

  /** μ ± σ as a ring on the map: where about two in five of the next draws land (one σ in each direction). */
  private drawRing(): void {
    const map = this.panel.map;
    if (!map) return;
    const mu = map.getProbe();
    map.setEllipse({ x: mu.x, y: mu.y, rx: this.play.sigma, ry: this.play.sigma });
  }

  override render(): void {
    super.render();
    const play = this.play;
    const data = play.map;
    this.sigma?.setValue(play.sigma).setEnabled(this.ctx.session.status === 'idle');
    this.sigmaValue?.setText(formatFixed(play.sigma, 2));
    this.prior?.setEnabled(this.ctx.session.status === 'idle');
    this.drawRing();
    this.lastDream?.setImages(
      play.lastDream && data ? { pixels: play.lastDream, count: 1, width: data.width, height: data.height } : null,
    );
  }

  override destroy(): void {
    super.destroy();
    this.sigma?.destroy();
    this.lastDream?.destroy();
    this.prior?.destroy();
  }

  protected actionLabel(): string {
    return t('level.dream.draw');
  }

  protected canAct(): boolean {
    return true;
  }

  protected act(): void {
    const p = this.panel.map?.getProbe();
    if (p) void this.play.dream(p.x, p.y);
  }

  protected progressTitle(n: number, max: number): string {
    return t('level.dream.progress', { n, max, found: this.play.found.length });
  }

  protected statusText(): string {
    const play = this.play;
    const last = play.judged[play.judged.length - 1];
    const lines = [
      t('level.dream.found', { digits: play.found.length > 0 ? play.found.join(' ') : '–' }),
      t('level.dream.priorStatus', { clean: play.priorClean, n: play.priorDraws, min: play.priorNeeded }),
    ];
    if (last) {
      const verdict = predictedClass(last);
      lines.push(
        play.placed[play.placed.length - 1]?.good
          ? t('level.dream.clean', { digit: verdict.label })
          : t('level.dream.unclear'),
      );
    }
    // Phones: the panel holds the verdicts only (the help would be cut off; the hints and the card say it).
    if (!this.ctx.L.portrait) lines.push(t('level.dream.help'));
    return lines.join('\n\n');
  }
}

export const dreamView: ModeView<DreamPlay> = {
  leftHeight: () => 250,
  liveChart: false,
  create: (ctx, play) => new DreamView(ctx, play).build(),
};
