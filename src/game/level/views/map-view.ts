/**
 * What the four map modes' views share: the panel on the left with the mode's status line, the map card (from
 * the moment the model is loaded), the primary button (the mode's action, then "New attempt") and the progress
 * bar counting points. Each mode's view adds its widgets and words.
 */
import { t } from '../../../shared/messages';
import { Label } from '../../ui/Label';
import { Panel } from '../../ui/Panel';
import type { ProgressBarState } from '../../ui/ProgressBar';
import { registerId } from '../../ui/widget-ids';
import type { MapPlay } from '../plays/map-play';
import { finalProgress } from './final-progress';
import { ImageRowsCard } from './image-rows';
import { LatentMapPanel, type MapPanelOptions } from './latent-map-panel';
import { primary, type LevelView, type PrimaryAction, type ViewContext } from './view';
import { formatFixed } from '../../view/format';

export abstract class MapView<P extends MapPlay> implements LevelView {
  protected status!: Label;
  protected images!: ImageRowsCard;
  protected panel!: LatentMapPanel;

  constructor(
    protected readonly ctx: ViewContext,
    protected readonly play: P,
  ) {}

  /** Creates the widgets (after construction, so the mode's own fields exist). */
  build(): this {
    const { scene, L } = this.ctx;
    new Panel(scene, { ...L.controls, title: t('level.map.panel') });
    this.createLeft();
    const at = this.statusAt();
    // With a button at the panel's foot, the status fits above it in every language (fit-text.ts shrinks it).
    const foot = this.footReserve();
    const maxHeight = foot === null ? undefined : L.controls.y + L.controls.height - foot - 8 - at.y;
    this.status = new Label(scene, { ...at, maxHeight, text: '', variant: 'body' }).setVisible(this.statusShown());
    this.images = new ImageRowsCard(this.ctx, () => false);
    this.images.panel.setTitle(t('level.view.map'));
    this.panel = new LatentMapPanel(this.ctx, {
      mapLevel: true,
      decode: (x, y) => this.play.decodeAt(x, y),
      ...this.panelOptions(),
    });
    // Placing on the map is the run card's primary button.
    registerId(this.ctx.scene, 'map:place', () => this.ctx.trainBounds());
    return this;
  }

  /** The mode's action on the primary button (before the attempt is scored). */
  protected abstract actionLabel(): string;
  /** Whether the mode's action can run now (the level is idle and loaded). */
  protected abstract canAct(): boolean;
  protected abstract act(): void;
  /** The left panel's status line. */
  protected abstract statusText(): string;
  protected abstract progressTitle(n: number, max: number): string;

  /** The mode's left-panel widgets (before the status line). */
  protected createLeft(): void {
    // Most modes have none.
  }

  /** Height kept free at the left panel's foot for a mode's button there (Score my holes, Clear). */
  protected footReserve(): number | null {
    return null;
  }

  /** Where the status line starts, and its wrap width. */
  protected statusAt(): { x: number; y: number; wrap: number } {
    const c = this.ctx.L.controls;
    return { x: c.x + 16, y: c.y + 44, wrap: c.width - 32 };
  }

  protected statusShown(): boolean {
    return true;
  }

  /** The map panel's callbacks for this mode. */
  protected panelOptions(): Partial<MapPanelOptions> {
    return {};
  }

  /** Points so far, for the progress bar. */
  protected count(): number {
    return this.play.placed.length;
  }

  render(): void {
    const { session } = this.ctx;
    const play = this.play;
    this.panel.sync(play.map, this.compareData());
    this.panel.map?.setPath([]);
    this.panel.map?.setPlaced(play.placed);
    this.panel.map?.setEnabled(session.status === 'idle');
    this.status.setText(this.statusText());
    this.images.show(null);
    if (!play.map)
      this.images.empty.setText(
        session.status === 'error' ? t('level.error', { detail: session.error ?? '' }) : t('level.map.loading'),
      );
  }

  primary(): PrimaryAction {
    const status = this.ctx.session.status;
    const done = status === 'done';
    return primary(
      done ? t('level.map.again') : this.actionLabel(),
      this.play.map !== null && (status === 'idle' || done) && (done || this.canAct()),
    );
  }

  press(): void {
    if (!this.play.map) return;
    if (this.ctx.session.status === 'done') void this.play.newAttempt();
    else this.act();
  }

  progress(): ProgressBarState {
    const { session } = this.ctx;
    const level = session.level;
    if (session.status === 'done' || session.status === 'error') return finalProgress(session);
    const max = this.play.maxPoints;
    const n = this.count();
    const live = this.liveMatch();
    return {
      fraction: n / max,
      title: session.status === 'preparing' || !this.play.map ? t('level.map.loading') : this.progressTitle(n, max),
      right: live !== null ? t('level.map.live', { match: formatFixed(live, 1) }) : '',
      detail: t('level.map.model', { asset: (level.setup as { asset: string }).asset }),
    };
  }

  update(): void {
    this.panel.update();
  }

  destroy(): void {
    this.status.destroy();
    this.images.destroy();
    this.panel.destroy();
  }

  /** The probe's live match % (Navigator). */
  protected liveMatch(): number | null {
    return null;
  }

  /** Holes in the map: the compare model's map. */
  protected compareData(): MapPlay['map'] {
    return null;
  }
}
