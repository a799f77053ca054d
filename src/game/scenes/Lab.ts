import * as Phaser from 'phaser';
import { t } from '../../shared/messages';
import { BACKEND_PREFERENCES, MODEL_KINDS } from '../../shared/worker-api';
import { getContext } from '../context';
import { SECTION_LABEL_OFFSET, imageRowRects, layoutLab, type LabLayout } from '../layout/lab-layout';
import {
  BOTTLENECK_MAX,
  BOTTLENECK_MIN,
  HIDDEN_WIDTHS,
  watch,
  type DatasetChoice,
  type NoiseType,
  type PreviewImages,
} from '../state';
import { Button } from '../ui/Button';
import { installCameraScroll, ScrolledRegistry } from '../ui/camera-scroll';
import { bindWidgetIds } from '../ui/widget-ids';
import { FocusManager } from '../ui/FocusManager';
import { ImageGrid } from '../ui/ImageGrid';
import { Label } from '../ui/Label';
import { LossChart } from '../ui/LossChart';
import { NoticeBanner } from '../ui/NoticeBanner';
import { Panel } from '../ui/Panel';
import { ProgressBar } from '../ui/ProgressBar';
import { SegmentedControl } from '../ui/SegmentedControl';
import { Slider } from '../ui/Slider';
import { COLORS, CSS, type Rect } from '../ui/theme';
import { formatLevel } from '../view/format';
import { engineLine, noticeView, runView } from '../view/lab-view';

const DATASETS: readonly DatasetChoice[] = ['glyphs', 'mnist'];
/** Every model kind but the VQ-VAE, whose codebook controls the Lab does not have. */
const KINDS = MODEL_KINDS.filter((k) => k !== 'vqvae');
const NOISES: readonly NoiseType[] = ['gaussian', 'saltPepper', 'masking', 'block'];
const IMAGE_ROWS = ['original', 'noisy', 'reconstructed'] as const;
type ImageRow = (typeof IMAGE_ROWS)[number];

/**
 * The Lab (the foundation's Lab), reached from the title screen: pick data and a model, train it in the
 * worker, watch loss, progress and reconstructions; free play with every model type, dataset and control.
 * Built only from src/game/ui widgets; every widget event is wired once here and every store subscription is
 * dropped on shutdown. Leaving (Back, Esc) cancels a running job. Widget ids: see test-hooks.ts (+ lab:back).
 */
export class Lab extends Phaser.Scene {
  constructor() {
    super('Lab');
  }

  create(): void {
    const context = getContext(this);
    const { store, training } = context;
    const L = layoutLab(this.scale.width, this.scale.height);
    const cleanup: (() => void)[] = [];
    // Every widget built below registers its own test id here (scrolled with the camera on phones).
    const registry = new ScrolledRegistry(this.cameras.main);
    bindWidgetIds(this, registry);
    const focus = new FocusManager(this);
    const initial = store.getState().lab.config;

    // ---- chrome ----
    this.cameras.main.setBackgroundColor(COLORS.bg);
    if (this.textures.exists('backdrop')) this.add.image(0, 0, 'backdrop').setOrigin(0, 0).setAlpha(0.35);
    const bar = this.add.graphics();
    bar.fillStyle(COLORS.panel, 0.92).fillRect(L.topBar.x, L.topBar.y, L.topBar.width, L.topBar.height);
    bar
      .lineStyle(1, COLORS.panelBorder, 1)
      .lineBetween(0, L.topBar.height - 0.5, L.topBar.width, L.topBar.height - 0.5);
    const backButton = new Button(this, { ...L.back, id: 'lab:back', label: t('nav.back') });
    const logoX = L.back.x + L.back.width + 16;
    if (!L.portrait)
      this.add
        .image(logoX, L.topBar.height / 2, 'logo')
        .setOrigin(0, 0.5)
        .setScale(0.5);
    const title = new Label(this, {
      x: L.portrait ? logoX : logoX + 68,
      y: L.topBar.height / 2 - 17,
      text: L.portrait ? t('lab.title') : t('app.title'),
      variant: 'title',
    });
    const subtitle = new Label(this, {
      x: title.text.x + title.text.width + 12,
      y: L.topBar.height / 2 - 8,
      text: t('lab.title'),
      variant: 'bodyMuted',
    });
    subtitle.setVisible(!L.portrait);
    const engine = new Label(this, { x: L.topBar.width - 20, y: 9, text: '', variant: 'body', align: 1 });
    const reasonWidth = L.topBar.width - 20 - (title.text.x + title.text.width + (L.portrait ? 12 : 140));
    const reason = new Label(this, {
      x: L.topBar.width - 20,
      y: 31,
      text: '',
      variant: 'small',
      align: 1,
      wrap: reasonWidth,
    });
    reason.text.setStyle({ maxLines: 2, align: 'right' });
    if (L.portrait) {
      engine.setPosition(L.topBar.width - 12, L.topBar.height / 2 - 9);
      engine.text.setFontSize(14);
      reason.setVisible(false);
    }

    // ---- controls ----
    new Panel(this, L.controls);
    const section = (rect: Rect, text: string): Label =>
      new Label(this, { x: rect.x, y: rect.y - SECTION_LABEL_OFFSET, text: text.toUpperCase(), variant: 'section' });
    const valueLabel = (rect: Rect): Label =>
      new Label(this, {
        x: rect.x + rect.width,
        y: rect.y - SECTION_LABEL_OFFSET - 2,
        text: '',
        variant: 'value',
        align: 1,
      });
    section(L.rows.dataset, t('section.dataset'));
    section(L.rows.kind, t('section.model'));
    section(L.rows.bottleneck, t('section.bottleneck'));
    const hiddenLabel = section(L.rows.hidden, t('section.hidden'));
    const noiseLabel = section(L.rows.noise, t('section.noise'));
    const noiseLevelLabel = section(L.rows.noiseLevel, t('section.noiseLevel'));
    section(L.rows.backend, t('section.backend'));
    const bottleneckValue = valueLabel(L.rows.bottleneck);
    const noiseLevelValue = valueLabel(L.rows.noiseLevel);

    const dataset = new SegmentedControl(this, {
      ...L.rows.dataset,
      idPrefix: 'dataset',
      options: DATASETS.map((value) => ({ value, label: t(`dataset.${value}`) })),
      value: initial.dataset,
    });
    const kind = new SegmentedControl(this, {
      ...L.rows.kind,
      idPrefix: 'kind',
      options: KINDS.map((value) => ({ value, label: t(`kind.${value}`) })),
      value: initial.kind,
      columns: 4,
    });
    const bottleneck = new Slider(this, {
      ...L.rows.bottleneck,
      id: 'bottleneck',
      min: BOTTLENECK_MIN,
      max: BOTTLENECK_MAX,
      step: 1,
      value: initial.bottleneck,
    });
    const hidden = new SegmentedControl(this, {
      ...L.rows.hidden,
      idPrefix: 'hidden',
      options: HIDDEN_WIDTHS.map((w) => ({ value: String(w), label: String(w) })),
      value: String(initial.hiddenWidth),
    });
    const noise = new SegmentedControl(this, {
      ...L.rows.noise,
      idPrefix: 'noise',
      options: NOISES.map((value) => ({ value, label: t(`noise.${value}`) })),
      value: initial.noiseType,
      columns: 2,
    });
    const noiseLevel = new Slider(this, {
      ...L.rows.noiseLevel,
      id: 'noiseLevel',
      min: 0,
      max: 1,
      step: 0.05,
      value: initial.noiseLevel,
    });
    const backend = new SegmentedControl(this, {
      ...L.rows.backend,
      idPrefix: 'backend',
      options: BACKEND_PREFERENCES.map((value) => ({ value, label: t(`backend.${value}`) })),
      value: context.backendOverride ?? store.getState().settings.backend,
    });

    // ---- run card: buttons + progress ----
    new Panel(this, L.runCard);
    const train = new Button(this, {
      ...L.buttons.train,
      id: 'train',
      label: t('button.train'),
      variant: 'primary',
      icon: 'icon-play',
    });
    const pause = new Button(this, { ...L.buttons.pause, id: 'pause', label: t('button.pause'), icon: 'icon-pause' });
    const cancel = new Button(this, {
      ...L.buttons.cancel,
      id: 'cancel',
      label: t('button.cancel'),
      variant: 'danger',
      icon: 'icon-stop',
    });
    const progress = new ProgressBar(this, 'progress', L.progress);

    // ---- loss chart ----
    new Panel(this, L.chartCard);
    new Label(this, {
      x: L.chartCard.x + 16,
      y: L.chartCard.y + 14,
      text: t('section.loss').toUpperCase(),
      variant: 'section',
    });
    const chart = new LossChart(this, 'lossChart', L.chart, {
      total: t('loss.total'),
      reconstruction: t('loss.reconstruction'),
      reconstructionIsTotal: t('loss.reconstructionIsTotal'),
      kl: t('loss.kl'),
      empty: L.portrait ? splitInTwo(t('loss.empty')) : t('loss.empty'),
      step: t('loss.axisStep'),
    });

    // ---- images ----
    new Panel(this, { ...L.imagesCard, title: t('section.images') });
    const rowLabels: Record<ImageRow, Label> = {
      original: new Label(this, { x: 0, y: 0, text: t('images.original'), variant: 'bodyMuted' }),
      noisy: new Label(this, { x: 0, y: 0, text: t('images.noisy'), variant: 'bodyMuted' }),
      reconstructed: new Label(this, { x: 0, y: 0, text: t('images.reconstructed'), variant: 'bodyMuted' }),
    };
    const grids: Record<ImageRow, ImageGrid> = {
      original: new ImageGrid(this, { ...L.imageRows[0].grid, id: 'images:original', columns: 8 }),
      noisy: new ImageGrid(this, { ...L.imageRows[1].grid, id: 'images:noisy', columns: 8 }),
      reconstructed: new ImageGrid(this, { ...L.imageRows[2].grid, id: 'images:reconstructed', columns: 8 }),
    };
    const imagesEmpty = new Label(this, {
      x: 0,
      y: 0,
      text: L.portrait ? splitInTwo(t('images.empty')) : t('images.empty'),
      variant: 'small',
      align: 0.5,
    });
    imagesEmpty.text.setAlign('center');

    const notice = new NoticeBanner(this, { ...L.notice, id: 'notice', dismissLabel: t('button.dismiss') });

    // ---- events: each wired once, gone with the widgets on shutdown ----
    const actions = () => store.getState();
    dataset.events.on('change', (v) => actions().setDataset(v));
    kind.events.on('change', (v) => actions().setKind(v));
    bottleneck.events.on('change', (v) => actions().setBottleneck(v));
    hidden.events.on('change', (v) => actions().setHiddenWidth(Number(v)));
    noise.events.on('change', (v) => actions().setNoiseType(v));
    noiseLevel.events.on('change', (v) => actions().setNoiseLevel(v));
    backend.events.on('change', (v) => {
      context.backendOverride = null;
      actions().setBackendPreference(v);
      actions().addNotice('info', 'notice.backendChanged', { backend: t(`backend.${v}`) });
      training.restartEngine();
    });
    train.events.on('press', () => void training.train());
    pause.events.on('press', () => void (actions().lab.status === 'paused' ? training.resume() : training.pause()));
    cancel.events.on('press', () => void training.cancel());
    notice.events.on('dismiss', (id) => actions().dismissNotice(id));

    const leave = (): void => {
      const status = actions().lab.status;
      if (status === 'training' || status === 'paused' || status === 'initialising') void training.cancel();
      this.scene.start('Title');
    };
    backButton.events.on('press', leave);
    this.input.keyboard?.on('keydown-ESC', leave);

    focus.register(
      backButton,
      dataset,
      kind,
      bottleneck,
      hidden,
      noise,
      noiseLevel,
      backend,
      train,
      pause,
      cancel,
      notice.dismissButton,
    );

    // ---- store → widgets ----
    cleanup.push(
      watch(
        store,
        (s) => s.lab.config,
        (c) => {
          dataset.setValue(c.dataset);
          kind.setValue(c.kind);
          bottleneck.setValue(c.bottleneck);
          hidden.setValue(String(c.hiddenWidth));
          noise.setValue(c.noiseType);
          noiseLevel.setValue(c.noiseLevel);
          bottleneckValue.setText(String(c.bottleneck));
          noiseLevelValue.setText(formatLevel(c.noiseLevel));
          const denoising = c.kind === 'denoising';
          noise.setEnabled(denoising);
          noiseLevel.setEnabled(denoising);
          noiseLevelValue.setColor(denoising ? CSS.accent : CSS.disabled);
          noiseLabel.setColor(denoising ? CSS.muted : CSS.disabled);
          noiseLevelLabel.setColor(denoising ? CSS.muted : CSS.disabled);
          hidden.setEnabled(c.kind !== 'conv');
          hiddenLabel.setColor(c.kind !== 'conv' ? CSS.muted : CSS.disabled);
        },
      ),
      watch(
        store,
        (s) => [s.lab.status, s.lab.progress, s.lab.model, s.lab.outcome, s.lab.workerStatus],
        () => {
          const view = runView(actions().lab);
          progress.set(view.progress);
          train.setLabel(view.train.label).setEnabled(view.train.enabled);
          pause.setLabel(view.pause.label).setIcon(view.pause.icon).setEnabled(view.pause.enabled);
          cancel.setEnabled(view.cancel.enabled);
        },
      ),
      watch(
        store,
        (s) => s.lab.lossHistory,
        (points) => chart.setData(points),
      ),
      watch(
        store,
        (s) => [s.lab.preview, s.lab.config.kind] as const,
        ([preview, k]) => {
          const visibleRows: ImageRow[] =
            k === 'denoising' || preview?.corrupted ? [...IMAGE_ROWS] : ['original', 'reconstructed'];
          placeImageRows(L, visibleRows, rowLabels, grids, imagesEmpty);
          showImages(grids, preview);
          imagesEmpty.setVisible(!preview?.outputs);
        },
      ),
      watch(
        store,
        (s) => [s.lab.backendInfo, s.lab.display],
        () => {
          const line = engineLine(actions().lab);
          engine.setText(line.engine);
          reason.setText(line.reason);
        },
      ),
      watch(
        store,
        (s) => s.lab.notices,
        (notices) => {
          const view = noticeView(notices);
          notice.show(view.notice, view.more, t('hint.keyboard'));
        },
      ),
      watch(
        store,
        (s) => s.settings.backend,
        (b) => backend.setValue(context.backendOverride ?? b),
      ),
    );

    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      for (const off of cleanup.splice(0)) off();
      focus.destroy();
      this.scale.off(Phaser.Scale.Events.RESIZE, onResize);
      for (const w of [
        backButton,
        dataset,
        kind,
        bottleneck,
        hidden,
        noise,
        noiseLevel,
        backend,
        train,
        pause,
        cancel,
        progress,
        chart,
        notice,
      ])
        w.destroy();
      for (const row of IMAGE_ROWS) grids[row].destroy();
      registry.clear();
      context.widgets = null;
      context.ready = false;
      context.renderGate?.setContinuous(true);
    });

    // Portrait: the column is taller than the screen; drag empty space, use the wheel, or Tab to scroll.
    if (L.contentHeight > this.scale.height)
      cleanup.push(installCameraScroll(this, { contentHeight: L.contentHeight, focused: () => focus.focused() }));

    // The phone turned (or the window changed shape): rebuild at the new base size.
    const builtAt = { width: this.scale.width, height: this.scale.height };
    const onResize = (size: Phaser.Structs.Size): void => {
      if (size.width !== builtAt.width || size.height !== builtAt.height) this.scene.restart();
    };
    this.scale.on(Phaser.Scale.Events.RESIZE, onResize);

    // Nothing here animates on its own: draw only on store changes and input.
    context.renderGate?.setContinuous(false);
    context.widgets = registry;
    context.ready = true;
  }
}

/** A long caption on two lines, broken at the space nearest the middle (narrow phone cards). */
function splitInTwo(text: string): string {
  const mid = text.length / 2;
  let best = -1;
  for (let i = 0; i < text.length; i++)
    if (text[i] === ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  return best < 0 ? text : `${text.slice(0, best)}\n${text.slice(best + 1)}`;
}

function placeImageRows(
  L: LabLayout,
  rows: readonly ImageRow[],
  labels: Record<ImageRow, Label>,
  grids: Record<ImageRow, ImageGrid>,
  empty: Label,
): void {
  for (const row of IMAGE_ROWS) {
    const slot = rows.indexOf(row);
    const visible = slot >= 0;
    labels[row].setVisible(visible);
    grids[row].setVisible(visible);
    if (!visible) continue;
    const r = imageRowRects(L.imagesCard, rows.length, L.imageLabelWidth)[slot];
    labels[row].setPosition(r.label.x, r.label.y + r.label.height / 2 - 10);
    grids[row].layout(r.grid);
  }
  const last = imageRowRects(L.imagesCard, rows.length, L.imageLabelWidth)[rows.length - 1].grid;
  empty.setPosition(last.x + last.width / 2, last.y + last.height / 2 - 9);
}

function showImages(grids: Record<ImageRow, ImageGrid>, preview: PreviewImages | null): void {
  const as = (pixels: Float32Array | undefined) =>
    preview && pixels ? { pixels, count: preview.count, width: preview.width, height: preview.height } : null;
  grids.original.setImages(as(preview?.inputs));
  grids.noisy.setImages(as(preview?.corrupted));
  grids.reconstructed.setImages(as(preview?.outputs));
}
