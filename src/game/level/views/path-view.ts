/** The path: drag (or arrow keys) draws it on the VAE map in short steps; Check path asks the judge; Clear starts over. */
import { t } from '../../../shared/messages';
import { predictedClass } from '../../../shared/scoring/judge';
import { Button } from '../../ui/Button';
import { COLORS } from '../../ui/theme';
import type { PathPlay } from '../plays/path-play';
import type { MapPanelOptions } from './latent-map-panel';
import { MapView } from './map-view';
import type { ModeView } from './view';

class PathView extends MapView<PathPlay> {
  private clear: Button | null = null;

  /** The status text stops above the button at the panel's foot (56 px from the bottom). */
  protected override footReserve(): number {
    return 56;
  }

  protected override createLeft(): void {
    const { scene, L } = this.ctx;
    this.clear = new Button(scene, {
      x: L.controls.x + 16,
      y: L.controls.y + L.controls.height - 56,
      width: 140,
      height: 40,
      id: 'path:clear',
      label: t('level.arith.clear'),
    });
    this.clear.events.on('press', () => this.play.clearPath());
    this.ctx.focus.register(this.clear);
  }

  protected override panelOptions(): Partial<MapPanelOptions> {
    return {
      onMove: (x, y) => this.play.extendPath(x, y),
      onCommit: (x, y) => this.play.extendPath(x, y),
    };
  }

  protected override count(): number {
    return this.play.path.length;
  }

  override render(): void {
    super.render();
    this.panel.map?.setPath(this.play.path, this.stepColors());
    this.clear?.setEnabled(this.play.path.length > 0 && this.ctx.session.status !== 'preparing');
  }

  /**
   * After Check path: each step coloured by the judge's confidence against the level's star lines (red below
   * the first star, amber up to the third, green from the third), so the weak steps show where they are.
   */
  private stepColors(): number[] {
    const judged = this.play.judged;
    if (judged.length !== this.play.path.length) return [];
    const [one, , three] = this.ctx.session.level.stars;
    return judged.map((probs) => {
      const c = predictedClass(probs).confidence;
      return c < one ? COLORS.danger : c < three ? COLORS.warning : COLORS.success;
    });
  }

  override destroy(): void {
    super.destroy();
    this.clear?.destroy();
  }

  protected actionLabel(): string {
    return t('level.path.check');
  }

  protected canAct(): boolean {
    return this.play.path.length >= this.play.spec.minPoints;
  }

  protected act(): void {
    void this.play.checkPath();
  }

  protected progressTitle(n: number, max: number): string {
    return t('level.path.status', { n, max });
  }

  protected statusText(): string {
    const p = this.ctx.session.level.goal.params ?? {};
    const [one, , three] = this.ctx.session.level.stars;
    const colours =
      this.stepColors().length > 0
        ? [t('level.path.colours', { green: Math.round(three * 100), amber: Math.round(one * 100) })]
        : [];
    return [
      t('level.path.status', { n: this.play.path.length, max: this.play.maxPoints }),
      ...colours,
      t('level.path.help', { start: String(p.start), via: String(p.via), end: String(p.end) }),
    ].join('\n\n');
  }
}

export const pathView: ModeView<PathPlay> = {
  // Phones: the status (two short paragraphs) and the Clear button under it.
  leftHeight: () => 190,
  liveChart: false,
  create: (ctx, play) => new PathView(ctx, play).build(),
};
