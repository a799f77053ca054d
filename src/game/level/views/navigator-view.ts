/**
 * Navigator: the target beside the live decode (no match % while dragging: the eye compares them), probes placed
 * by Place probe on the VAE map, each tagged with its match; an ellipse shows the encoder's μ ± σ for the last
 * probe's picture (the target's when the attempt is over).
 */
import { t } from '../../../shared/messages';
import { TargetMatch } from '../../ui/TargetMatch';
import type { NavigatorPlay } from '../plays/navigator-play';
import type { MapPanelOptions } from './latent-map-panel';
import { MapView } from './map-view';
import type { ModeView } from './view';
import { formatFixed, formatPercent } from '../../view/format';

class NavigatorView extends MapView<NavigatorPlay> {
  private target: TargetMatch | null = null;

  protected override createLeft(): void {
    const { scene, L } = this.ctx;
    this.target = new TargetMatch(
      scene,
      'map:target',
      {
        x: L.controls.x + 16,
        y: L.controls.y + 44,
        width: L.controls.width - 32,
        height: L.portrait
          ? L.controls.height - 52
          : Math.min(L.controls.width - 32, L.controls.height - 150) * 0.62 + 70,
      },
      { target: t('level.map.targetImage'), current: t('level.map.currentImage') },
      this.play.goal,
    );
  }

  protected override statusAt() {
    const at = super.statusAt();
    const b = this.target?.getBounds();
    return b ? { ...at, y: b.y + b.height + 12 } : at;
  }

  protected override statusShown(): boolean {
    return !this.ctx.L.portrait;
  }

  protected override panelOptions(): Partial<MapPanelOptions> {
    return {
      onDecoded: (pixels, data) => this.target?.setCurrent({ pixels, width: data.width, height: data.height }, null),
    };
  }

  override render(): void {
    super.render();
    const data = this.play.map;
    const image = this.play.targetImage;
    this.target?.setTarget(image && data ? { pixels: image, width: data.width, height: data.height } : null);
    this.panel.map?.setPlaced(this.play.placed.map((p) => ({ ...p, tag: `${Math.round(p.value)}%` })));
    // The encoder's μ ± σ for the last probe's picture (the target's once the attempt is over).
    this.panel.map?.setEllipse(this.play.region);
  }

  override destroy(): void {
    super.destroy();
    this.target?.destroy();
  }

  protected actionLabel(): string {
    return t('level.map.place');
  }

  protected canAct(): boolean {
    return true;
  }

  protected act(): void {
    const p = this.panel.map?.getProbe();
    if (p) void this.play.place(p.x, p.y);
  }

  protected progressTitle(n: number, max: number): string {
    return t('level.map.progress', { n, max });
  }

  protected statusText(): string {
    const play = this.play;
    const best = play.placed.length > 0 ? Math.max(...play.placed.map((p) => p.value)) : null;
    const lines = [
      t('level.map.navStatus', {
        n: play.placed.length,
        max: play.maxPoints,
        best: best === null ? '–' : formatPercent(best),
      }),
      t('level.map.navHelp'),
    ];
    const region = play.region;
    if (region)
      lines.push(
        t(region.of === 'target' ? 'level.map.navRegionTarget' : 'level.map.navRegionProbe', {
          n: play.placed.length,
          sigma: formatFixed(Math.max(region.rx, region.ry), 2),
        }),
      );
    if (this.ctx.session.message === 'tooClose') lines.push(t('level.map.tooClose', { min: play.spec.minSeparation }));
    return lines.join('\n\n');
  }
}

export const navigatorView: ModeView<NavigatorPlay> = {
  leftHeight: () => 196,
  liveChart: false,
  create: (ctx, play) => new NavigatorView(ctx, play).build(),
};
