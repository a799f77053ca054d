/**
 * The path: a press starts it, dragging (or arrow keys) draws it on the VAE map in short steps; the strip under the
 * status shows decodes along it (the morph); Check path asks the judge and colours each step; Clear starts over.
 */
import { t } from '../../../shared/messages';
import { predictedClass } from '../../../shared/scoring/judge';
import { Button } from '../../ui/Button';
import { ImageGrid } from '../../ui/ImageGrid';
import { Label } from '../../ui/Label';
import { COLORS } from '../../ui/theme';
import { STRIP_SIZE, type PathPlay } from '../plays/path-play';
import type { MapPanelOptions } from './latent-map-panel';
import { MapView } from './map-view';
import type { ModeView } from './view';

/** The strip's caption and images, between the status and the Clear button. */
const STRIP_CAPTION = 22;

class PathView extends MapView<PathPlay> {
  private clear: Button | null = null;
  private strip: ImageGrid | null = null;

  /** Phones: the strip sits beside the Clear button (no caption), so the map keeps its room. */
  private get beside(): boolean {
    return this.ctx.L.portrait;
  }

  /** One strip image's side: the room for STRIP_SIZE images, at most 44 px. */
  private stripSide(): number {
    const room = this.ctx.L.controls.width - 32 - (this.beside ? 150 : 0);
    return Math.min(44, Math.floor(room / STRIP_SIZE) - 2);
  }

  /** The status text stops above the strip and the button at the panel's foot (56 px from the bottom). */
  protected override footReserve(): number {
    return this.beside ? 56 : 56 + STRIP_CAPTION + this.stripSide() + 12;
  }

  protected override createLeft(): void {
    const { scene, L } = this.ctx;
    const side = this.stripSide();
    const foot = L.controls.y + L.controls.height - 56;
    const top = this.beside ? foot + (40 - side) / 2 : foot - side - 8;
    if (!this.beside)
      new Label(scene, {
        x: L.controls.x + 16,
        y: top - STRIP_CAPTION,
        text: t('level.path.strip'),
        variant: 'section',
        maxWidth: L.controls.width - 32,
      });
    this.strip = new ImageGrid(scene, {
      x: L.controls.x + 16 + (this.beside ? 150 : 0),
      y: top,
      width: (side + 2) * STRIP_SIZE,
      height: side,
      id: 'path:strip',
      columns: STRIP_SIZE,
      rows: 1,
      gap: 2,
    });
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
      onPress: (x, y) => this.play.pressAt(x, y),
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
    const data = this.play.map;
    const strip = this.play.strip;
    this.strip?.setImages(
      strip && data
        ? { pixels: strip, count: strip.length / (data.width * data.height), width: data.width, height: data.height }
        : null,
    );
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
    this.strip?.destroy();
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
  // Phones: the status (two short paragraphs) and the Clear button under it, the strip beside the button.
  leftHeight: () => 190,
  liveChart: false,
  create: (ctx, play) => new PathView(ctx, play).build(),
};
