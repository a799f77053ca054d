/**
 * Holes in the map: points on the plain AE's map with the judge's verdict, "Score my holes"; the VAE's map beside
 * it (read-only, test id map:compare) marks the VAE's verdict at the same spot.
 */
import { t } from '../../../shared/messages';
import type { HolesPlay } from '../plays/holes-play';
import type { MapPanelOptions } from './latent-map-panel';
import { MapView } from './map-view';
import type { ModeView } from './view';

class HolesView extends MapView<HolesPlay> {
  protected override panelOptions(): Partial<MapPanelOptions> {
    return { onCommit: (x, y) => void this.play.place(x, y) };
  }

  protected override compareData() {
    return this.play.compare;
  }

  override render(): void {
    super.render();
    this.panel.compareMap?.setPlaced(this.play.compareVerdicts.map((v) => ({ x: v.x, y: v.y, good: v.hole })));
  }

  protected actionLabel(): string {
    return t('level.map.score');
  }

  protected canAct(): boolean {
    return this.play.placed.length > 0;
  }

  protected act(): void {
    this.play.finish();
  }

  protected progressTitle(n: number, max: number): string {
    return t('level.map.progress', { n, max });
  }

  /** Phones with the two stacked maps: single line breaks, the help only before the first point. */
  protected statusText(): string {
    const play = this.play;
    const compact = this.ctx.L.portrait && this.panel.compareMap !== null;
    const holes = play.placed.filter((p) => p.good).length;
    const lines = [t('level.map.holesStatus', { holes, n: play.placed.length, max: play.maxPoints })];
    const last = play.placed[play.placed.length - 1];
    const probs = play.judged[play.judged.length - 1];
    if (last && probs) {
      const digit = probs.indexOf(Math.max(...probs));
      lines.push(
        last.good
          ? t('level.map.judgeHole')
          : t('level.map.judgeDigit', { digit, confidence: Math.round(last.value * 100) }),
      );
      const verdicts = play.compareVerdicts;
      const vae = verdicts.length === play.placed.length ? verdicts[verdicts.length - 1] : undefined;
      if (vae) {
        const confidence = Math.round(vae.confidence * 100);
        lines.push(
          t(vae.hole ? 'level.map.vaeHole' : vae.clean ? 'level.map.vaeClean' : 'level.map.vaeUnsure', {
            digit: vae.digit,
            confidence,
          }),
        );
      }
    }
    if (!compact || play.placed.length === 0) lines.push(t('level.map.holesHelp'));
    if (this.ctx.session.message === 'tooClose') lines.push(t('level.map.tooClose', { min: play.spec.minSeparation }));
    return lines.join(compact ? '\n' : '\n\n');
  }
}

export const holesView: ModeView<HolesPlay> = {
  leftHeight: (level) => (level.setup.kind === 'map' && level.setup.compare ? 140 : 170),
  liveChart: false,
  create: (ctx, play) => new HolesView(ctx, play).build(),
};
