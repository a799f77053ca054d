/**
 * Holes in the map: points on the plain AE's map, each with what it found (empty, or the nearest digit and how
 * far) and what the decoder draws there; "Score my holes"; the VAE's map beside it (read-only, test id
 * map:compare) marks the same spot on the VAE's map. Under each live decode: the nearest dot's distance, then
 * the judge's reading.
 */
import { HOLES_GAP_RADIUS, HOLES_NON_DIGIT, isMapGap } from '../../../shared/levels/world3-latent-map';
import { t } from '../../../shared/messages';
import { Button } from '../../ui/Button';
import { formatFixed } from '../../view/format';
import type { HolesPlay } from '../plays/holes-play';
import type { MapPanelOptions } from './latent-map-panel';
import { MapView } from './map-view';
import type { ModeView } from './view';

/** A distance on a map, in its box coordinates, with two decimals for the active language. */
const distance = (d: number): string => (Number.isFinite(d) ? formatFixed(d, 2) : '–');
const RADIUS = (): string => formatFixed(HOLES_GAP_RADIUS, 1);
const isGap = (d: number | undefined): boolean => d !== undefined && isMapGap(d);

class HolesView extends MapView<HolesPlay> {
  private score: Button | null = null;

  /** "Score my holes" sits at the panel's foot; the run card's primary button places a point. */
  /** The status text stops above the button at the panel's foot (56 px from the bottom). */
  protected override footReserve(): number {
    return 56;
  }

  protected override createLeft(): void {
    const { scene, L } = this.ctx;
    this.score = new Button(scene, {
      x: L.controls.x + 16,
      y: L.controls.y + L.controls.height - 56,
      width: Math.min(220, L.controls.width - 32),
      height: 40,
      id: 'map:score',
      label: t('level.map.score'),
    });
    this.score.events.on('press', () => this.play.finish());
    this.ctx.focus.register(this.score);
  }

  /** Dragging, tapping and Enter only move the probe (both maps decode it live); placing is the Place button. */
  protected override panelOptions(): Partial<MapPanelOptions> {
    return { decodeCompare: (x, y) => this.play.decodeCompareAt(x, y) };
  }

  protected override compareData() {
    return this.play.compare;
  }

  override render(): void {
    super.render();
    const play = this.play;
    // Each point says what it found: "?" empty (a hole), else the digit of the nearest dot.
    const tag = (gap: boolean, digit: number | undefined): string => (gap || digit === undefined ? '?' : String(digit));
    this.panel.map?.setPlaced(play.placed.map((p, i) => ({ ...p, tag: tag(p.good, play.nearestDigits[i]) })));
    this.panel.compareMap?.setPlaced(
      play.compareVerdicts.map((v) => {
        const gap = isGap(v.nearest);
        return { x: v.x, y: v.y, good: gap, tag: tag(gap, v.nearestDigit) };
      }),
    );
    this.score?.setEnabled(play.placed.length > 0 && this.ctx.session.status === 'idle');
    // The nearest dot (what scores), then what the judge reads in the decode.
    const caption = (v: HolesPlay['live']): string =>
      v === null
        ? ''
        : [
            t(v.gap ? 'level.map.liveEmpty' : 'level.map.liveNear', {
              digit: v.nearestDigit,
              distance: distance(v.nearest),
            }),
            t(v.hole ? 'level.map.liveHole' : 'level.map.liveDigit', {
              digit: v.digit,
              confidence: Math.round(v.confidence * 100),
            }),
          ].join('\n');
    this.panel.setDecodeCaptions(caption(play.live), caption(play.liveCompare));
  }

  override destroy(): void {
    super.destroy();
    this.score?.destroy();
  }

  protected actionLabel(): string {
    return t('level.map.placePoint');
  }

  protected canAct(): boolean {
    return this.play.placed.length < this.play.maxPoints;
  }

  protected act(): void {
    const p = this.panel.map?.getProbe();
    if (p) void this.play.place(p.x, p.y);
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
    const i = play.placed.length - 1;
    const last = play.placed[i];
    const probs = play.judged[i];
    if (last && probs) {
      const found = { digit: play.nearestDigits[i], distance: distance(play.distances[i]), radius: RADIUS() };
      lines.push(t(last.good ? 'level.map.pointEmpty' : 'level.map.pointNear', found));
      const digit = probs.indexOf(Math.max(...probs));
      lines.push(
        probs[digit] < HOLES_NON_DIGIT
          ? t('level.map.judgeHole')
          : t('level.map.judgeDigit', { digit, confidence: Math.round(last.value * 100) }),
      );
      const verdicts = play.compareVerdicts;
      const vae = verdicts.length === play.placed.length ? verdicts[verdicts.length - 1] : undefined;
      if (vae?.nearest !== undefined)
        lines.push(
          t(isGap(vae.nearest) ? 'level.map.vaeEmpty' : 'level.map.vaeFilled', {
            digit: vae.nearestDigit ?? '?',
            distance: distance(vae.nearest),
          }),
        );
    }
    if (!compact || play.placed.length === 0) lines.push(t('level.map.holesHelp', { radius: RADIUS() }));
    if (this.ctx.session.message === 'tooClose') lines.push(t('level.map.tooClose', { min: play.spec.minSeparation }));
    return lines.join(compact ? '\n' : '\n\n');
  }
}

export const holesView: ModeView<HolesPlay> = {
  // Phones (the only layout that reads this; 420 game pixels wide, 909 tall at 390x844): the status and the
  // Score button under it, tall enough that the column scrolls (layout.ts: under 200 px left), so the two
  // stacked maps get a 420 px card and each live decode keeps room for its readout lines beside its map.
  leftHeight: (level) => (level.setup.kind === 'map' && level.setup.compare ? 290 : 170),
  liveChart: false,
  create: (ctx, play) => new HolesView(ctx, play).build(),
};
