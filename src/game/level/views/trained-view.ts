/**
 * Trained levels: the controls (from the level's control definitions), the live loss chart, the input / corrupted
 * / rebuilt images, and after a run whose model has a 2-D code the latent map (toggled with the images).
 */
import { inactiveControls } from '../../../shared/levels/controls';
import { t } from '../../../shared/messages';
import { timed } from '../../render-timing';
import { linkHidden } from '../../share/startup-link';
import { ControlPanel } from '../../ui/ControlPanel';
import { Label } from '../../ui/Label';
import { LossChart } from '../../ui/LossChart';
import { Panel } from '../../ui/Panel';
import { showsElbo } from '../plays/elbo';
import { slotKey } from '../plays/run-slots';
import type { TrainedPlay } from '../plays/trained-play';
import { CodebookCard } from './codebook-card';
import { codebookCardHeight } from './codebook-layout';
import { ELBO_BAR_H, ElboBar } from './elbo-bar';
import { datasetClassNames } from '../../../shared/dataset-classes';
import type { FrameBudget } from '../frame-budget';
import { ForceMapsPanel } from './force-maps';
import { ImageRowsCard } from './image-rows';
import { LatentMapPanel } from './latent-map-panel';
import { NoiseKindsCard, noiseKindsHeight } from './noise-kinds-card';
import { trainedProgress } from './trained-progress';
import type { LevelView, ModeView, PrimaryAction, ViewContext } from './view';

class TrainedView implements LevelView {
  private readonly controls: ControlPanel;
  private readonly chart: LossChart;
  private readonly lossCaption: Label | null = null;
  private readonly hasChart: boolean;
  private readonly images: ImageRowsCard;
  /** The map card: one latent map, or (Two forces: `setup.sideBySide`) each option's latest map side by side. */
  private readonly mapPanel: LatentMapPanel | ForceMapsPanel;
  /** Levels scored on the −ELBO (Through the dice): its two parts under the controls. */
  private readonly elbo: ElboBar | null = null;
  private readonly noiseKinds: NoiseKindsCard | null;
  /** VQ-VAE levels (Codebook): the decoded codebook under the controls. */
  private readonly codebook: CodebookCard | null;

  constructor(
    private readonly ctx: ViewContext,
    private readonly play: TrainedPlay,
  ) {
    const { scene, L, session } = ctx;
    new Panel(scene, { ...L.controls, title: t('level.yourModel') });
    const elboH = showsElbo(session.level) ? ELBO_BAR_H : 0;
    const width = L.controls.width - 32;
    this.controls = new ControlPanel(scene, {
      x: L.controls.x + 16,
      y: L.controls.y + 44,
      width,
      height: L.controls.height - 52 - elboH,
      controls: session.level.controls,
      values: play.values,
    });
    if (elboH > 0) {
      const y = L.controls.y + 44 + Math.min(ControlPanel.heightFor(session.level.controls, width), L.controls.height);
      this.elbo = new ElboBar(scene, { x: L.controls.x + 16, y: y + 4, width, height: ELBO_BAR_H - 8 }, session.level);
    }
    this.controls.onChange((id, value) => play.setValue(id, value));
    this.noiseKinds = NoiseKindsCard.create(ctx);
    this.codebook = CodebookCard.create(ctx);
    this.hasChart = L.chartCard.height > 0;
    if (this.hasChart) {
      new Panel(scene, L.chartCard);
      this.lossCaption = new Label(scene, {
        x: L.chartCard.x + 16,
        y: L.chartCard.y + 14,
        text: t('section.loss').toUpperCase(),
        variant: 'section',
      });
    }
    this.chart = new LossChart(scene, 'level:lossChart', L.chart, {
      total: t('loss.total'),
      reconstruction: t('loss.reconstruction'),
      reconstructionIsTotal: t('loss.reconstructionIsTotal'),
      kl: t('loss.kl'),
      empty: t('loss.empty'),
      step: t('loss.axisStep'),
    });
    this.chart.setVisible(this.hasChart);
    this.images = new ImageRowsCard(ctx, () => !this.mapPanel.showingMap);
    this.mapPanel = play.slots
      ? new ForceMapsPanel(ctx, play.slots.keys, play.slots.control)
      : new LatentMapPanel(ctx, { mapLevel: false, decode: (x, y) => play.decodeAt(x, y) });
    ctx.focus.register(...this.controls.focusables(), this.mapPanel.toggle);
  }

  /** Controls, chart and images first; the cards under them and the map wait a frame when the budget is spent. */
  render(budget?: FrameBudget): boolean {
    const { session } = this.ctx;
    const play = this.play;
    // Inactive for this model, or fixed by a teacher's link (`&hide=`).
    const hidden = linkHidden('level', session.level.id);
    const inactive = inactiveControls(session.level.controls, play.values);
    timed('view:controls', () =>
      this.controls.setEnabled(!session.busy, hidden.size > 0 ? new Set([...inactive, ...hidden]) : inactive),
    );
    if (this.hasChart) timed('view:chart', () => this.chart.setData(play.lossHistory));
    timed('view:images', () => this.images.show(play.images));
    if (budget?.spent) return false;
    if (this.elbo) timed('view:elbo', () => this.elbo?.set(play.elbo()));
    if (this.noiseKinds)
      timed('view:noiseKinds', () => this.noiseKinds?.render(session.result?.evaluation.noiseKindMse));
    if (this.codebook)
      timed('view:codebook', () =>
        this.codebook?.render(play.codebook, play.codebook ? session.result?.evaluation.heldOutMse : undefined),
      );
    if (budget?.spent) return false;
    const panel = this.mapPanel;
    // Settings whose run ends with a 2-D map: the map is built now (the card is read, a control moved), not in the
    // frame that ends the run. Built once; a no-op after that.
    const mapDataset = panel instanceof LatentMapPanel && !session.busy ? play.mapDataset() : null;
    if (mapDataset && panel instanceof LatentMapPanel) panel.prepare(datasetClassNames(mapDataset));
    timed('view:map', () => {
      if (panel instanceof ForceMapsPanel)
        panel.sync(play.slots, play.slots && session.busy ? slotKey(play.slots, play.values) : null);
      else panel.sync(play.map);
    });
    const { toggle, joined } = panel.areas;
    const L = this.ctx.L;
    const hasMap = panel instanceof ForceMapsPanel ? panel.hasMaps : panel.map !== null;
    if (hasMap && joined) this.lossCaption?.setPosition(toggle.x + toggle.width + 16, L.chartCard.y + 14);
    else this.lossCaption?.setPosition(L.chartCard.x + 16, L.chartCard.y + 14);
    return true;
  }

  primary(): PrimaryAction {
    const { session } = this.ctx;
    const busy = session.busy;
    return {
      label: busy ? t('level.stop') : session.result ? t('level.trainAgain') : t('level.train'),
      variant: busy ? 'danger' : 'primary',
      icon: busy ? 'icon-stop' : 'icon-play',
      enabled: session.status !== 'card',
    };
  }

  press(): void {
    if (this.ctx.session.busy) this.play.stop();
    else void this.play.train();
  }

  progress(compact: boolean) {
    return trainedProgress(this.ctx.session, this.play, compact);
  }

  update(): void {
    this.mapPanel.update();
  }

  destroy(): void {
    this.controls.destroy();
    this.chart.destroy();
    this.images.destroy();
    this.mapPanel.destroy();
    this.elbo?.destroy();
    this.noiseKinds?.destroy();
    this.codebook?.destroy();
  }
}

export const trainedView: ModeView<TrainedPlay> = {
  leftHeight: (level, width) =>
    ControlPanel.heightFor(level.controls, width) +
    56 +
    (showsElbo(level) ? ELBO_BAR_H : 0) +
    noiseKindsHeight(level) +
    codebookCardHeight(level),
  liveChart: true,
  create: (ctx, play) => new TrainedView(ctx, play),
};
