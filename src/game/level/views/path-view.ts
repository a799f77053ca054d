/** The path: drag (or arrow keys) draws it on the VAE map in short steps; Check path asks the judge; Clear starts over. */
import { t } from '../../../shared/messages';
import { Button } from '../../ui/Button';
import type { PathPlay } from '../plays/path-play';
import type { MapPanelOptions } from './latent-map-panel';
import { MapView } from './map-view';
import type { ModeView } from './view';

class PathView extends MapView<PathPlay> {
  private clear: Button | null = null;

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
    this.panel.map?.setPath(this.play.path);
    this.clear?.setEnabled(this.play.path.length > 0 && this.ctx.session.status !== 'preparing');
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
    return [
      t('level.path.status', { n: this.play.path.length, max: this.play.maxPoints }),
      t('level.path.help', { start: String(p.start), via: String(p.via), end: String(p.end) }),
    ].join('\n\n');
  }
}

export const pathView: ModeView<PathPlay> = {
  leftHeight: () => 170,
  liveChart: false,
  create: (ctx, play) => new PathView(ctx, play).build(),
};
