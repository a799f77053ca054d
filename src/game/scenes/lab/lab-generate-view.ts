/**
 * The Lab's Generate view (branch lab), for the model the last run trained: the latent map of held-out codes
 * (PCA of the codes above 2-D) with a probe decoded live, a decoded grid over the map or (VQ-VAE) the decoded
 * codebook, a sheet of prior samples with σ and a seed, the strip between two picked held-out images, and for
 * the conditional VAE the class every decode is made as. Test ids: lab:gen:*, lab:pick:<i>, map:area, map:probe.
 */
import type * as Phaser from 'phaser';
import { t } from '../../../shared/messages';
import type { GameStoreApi } from '../../state';
import type { ModelSummary } from '../../state/types';
import { Button } from '../../ui/Button';
import { ImageGrid } from '../../ui/ImageGrid';
import { Label } from '../../ui/Label';
import { LatentMap } from '../../ui/LatentMap';
import { Panel } from '../../ui/Panel';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { Slider } from '../../ui/Slider';
import type { Focusable } from '../../ui/Widget';
import { registerId } from '../../ui/widget-ids';
import { formatFixed, formatLevel } from '../../view/format';
import type { LabLayout } from '../../layout/lab-layout';
import { generateLayout, type GenerateLayout } from './lab-generate-layout';
import {
  buildLabMap,
  codebookImages,
  decodeAt,
  decodedGrid,
  interpolate,
  pickIndices,
  sampleSheet,
  type GenerateModel,
  type GeneratePort,
  type LabMapData,
} from './lab-generate-data';
import { datasetName } from '../../ml/own-data';

type MapMode = 'dots' | 'grid' | 'codebook';
const SHEET = 16;
const GRID_N = 10;
const DIGITS = Array.from({ length: 10 }, (_, i) => String(i));

export class LabGenerateView {
  private readonly panel: Panel;
  private readonly G: GenerateLayout;
  private readonly labels: Label[] = [];
  private readonly title: Label;
  private readonly empty: Label;
  private readonly probeCaption: Label;
  private readonly seedLabel: Label;
  private readonly sigmaValue: Label;
  private readonly modeReason: Label;
  readonly mode: SegmentedControl<MapMode>;
  private readonly probe: ImageGrid;
  private readonly overlay: ImageGrid;
  private readonly sheet: ImageGrid;
  readonly sigma: Slider;
  readonly newSeed: Button;
  readonly classPicker: SegmentedControl<string>;
  private readonly picks: ImageGrid;
  private readonly strip: ImageGrid;
  private readonly pickZone: Phaser.GameObjects.Zone;
  private map: LatentMap | null = null;
  private book: { size: number; grid: ImageGrid } | null = null;
  private data: LabMapData | null = null;
  private model: GenerateModel | null = null;
  private builtFor: string | null = null;
  private visible = false;
  private seed = 1;
  private label = 0;
  private pickable: number[] = [];
  private chosen: number[] = [];
  private probeAt: { x: number; y: number } | null = null;
  private probeBusy = false;
  /** How many probe decodes came back (the e2e test reads it through the store-free hook). */
  decodes = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly L: LabLayout,
    private readonly port: GeneratePort,
    private readonly store: GameStoreApi,
  ) {
    const area = L.outputArea;
    const G = generateLayout(area, L.portrait, LatentMap.legendHeight(10));
    this.G = G;
    this.panel = new Panel(scene, area);
    const text = (
      r: { x: number; y: number; width: number },
      s: string,
      variant: 'section' | 'small' | 'bodyMuted',
    ) => {
      const l = new Label(scene, { x: r.x, y: r.y, text: s, variant, wrap: r.width });
      this.labels.push(l);
      return l;
    };
    this.title = text(G.title, t('lab.gen.map').toUpperCase(), 'section');
    this.empty = text({ ...G.map, y: G.map.y + 40 }, t('lab.gen.empty'), 'bodyMuted');
    text(G.probeTitle, t('lab.gen.probe'), 'small');
    this.probeCaption = text({ ...G.probe, y: G.probe.y + G.probe.height + 4 }, '', 'small');
    text(G.samplesTitle, t('lab.gen.samples').toUpperCase(), 'section');
    text({ ...G.sigma, y: G.sigma.y - 22 }, t('lab.gen.sigma'), 'small');
    this.sigmaValue = text({ ...G.sigma, y: G.sigma.y - 22 }, '', 'small');
    this.sigmaValue.text.setOrigin(1, 0).setX(G.sigma.x + G.sigma.width);
    this.seedLabel = text({ ...G.seedButton, y: G.seedButton.y + G.seedButton.height + 4 }, '', 'small');
    text(G.stripTitle, t('lab.gen.strip').toUpperCase(), 'section');
    text(G.stripHint, t('lab.gen.stripHint'), 'small');
    this.modeReason = text({ ...G.map, y: G.map.y + 40 }, t('lab.reason.vqvaeOnly'), 'bodyMuted');

    this.mode = new SegmentedControl<MapMode>(scene, {
      ...G.mode,
      idPrefix: 'lab:gen:mode',
      options: [
        { value: 'dots', label: t('lab.gen.dots') },
        { value: 'grid', label: t('lab.gen.grid') },
        { value: 'codebook', label: t('lab.gen.codebook') },
      ],
      value: 'dots',
    });
    this.mode.events.on('change', () => void this.showMode());
    this.probe = new ImageGrid(scene, { ...G.probe, id: 'lab:gen:probe', columns: 1 });
    const side = Math.min(G.map.width, G.map.height - LatentMap.legendHeight(10));
    this.overlay = new ImageGrid(scene, {
      ...G.map,
      width: side,
      height: side,
      id: 'lab:gen:grid',
      columns: GRID_N,
      rows: GRID_N,
      gap: 0,
    });
    this.sheet = new ImageGrid(scene, { ...G.sheet, id: 'lab:gen:sheet', columns: 4, rows: 4, gap: 2 });
    this.sigma = new Slider(scene, { ...G.sigma, id: 'lab:gen:sigma', min: 0.25, max: 3, step: 0.25, value: 1 });
    this.sigma.events.on('change', () => void this.refreshSheet());
    this.newSeed = new Button(scene, { ...G.seedButton, id: 'lab:gen:seed', label: t('lab.gen.newSeed') });
    this.newSeed.events.on('press', () => {
      this.seed++;
      void this.refreshSheet();
    });
    this.classPicker = new SegmentedControl<string>(scene, {
      ...G.classPicker,
      idPrefix: 'lab:gen:class',
      options: DIGITS.map((d) => ({ value: d, label: d })),
      value: '0',
      columns: 5,
    });
    this.classPicker.events.on('change', (v) => {
      this.label = Number(v);
      this.refreshAll();
    });
    this.picks = new ImageGrid(scene, { ...G.picks, id: 'lab:gen:picks', columns: 10, gap: 4 });
    this.strip = new ImageGrid(scene, { ...G.strip, id: 'lab:gen:strip', columns: 8, gap: 4 });
    this.pickZone = scene.add.zone(G.picks.x, G.picks.y, G.picks.width, G.picks.height).setOrigin(0, 0);
    this.pickZone.setInteractive({ useHandCursor: true });
    this.pickZone.on('pointerdown', (p: Phaser.Input.Pointer) => this.pickAt(p.worldX));
    registerId(scene, 'map:probe', () =>
      this.map && this.visible && this.mode.getValue() === 'dots' ? this.map.probeBounds() : null,
    );
    for (let i = 0; i < 10; i++) registerId(scene, `lab:pick:${i}`, () => this.pickBounds(i));
    this.setVisible(false);
  }

  focusables(): Focusable[] {
    return [this.mode, this.sigma, this.newSeed, this.classPicker];
  }

  /** Shows the view; (re)builds the map when the trained model changed. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.panel.setVisible(visible);
    if (visible) void this.rebuild();
    this.applyVisibility();
  }

  /** A run finished (or a new one began): the next show builds from the newest model. */
  onModel(model: ModelSummary | null, done: boolean): void {
    const key = model && done ? model.modelId : null;
    if (key === this.builtFor) return;
    this.builtFor = null;
    this.data = null;
    this.map?.destroy();
    this.map = null;
    if (this.visible) void this.rebuild();
    this.applyVisibility();
  }

  private async rebuild(): Promise<void> {
    const lab = this.store.getState().lab;
    const summary = lab.status === 'done' ? lab.model : null;
    if (!summary || this.builtFor === summary.modelId) return;
    this.builtFor = summary.modelId;
    const cfg = lab.runConfig;
    const vq = summary.kind === 'vqvae' && cfg ? { size: cfg.codebookSize, slots: cfg.slots } : null;
    const model: GenerateModel = {
      modelId: summary.modelId,
      dataset: datasetName(summary.dataset),
      latentSize: summary.latentSize,
      conditional: summary.kind === 'cvae',
      codebook: vq,
    };
    try {
      const data = await buildLabMap(this.port, model);
      if (this.builtFor !== summary.modelId) return;
      this.model = model;
      this.data = data;
      this.buildMap(data);
      this.refreshAll();
    } catch {
      this.builtFor = null;
    }
  }

  private buildMap(data: LabMapData): void {
    this.map = new LatentMap(this.scene, {
      ...this.G.map,
      id: 'map:area',
      bounds: data.box,
      classNames: data.classNames,
    });
    this.map.setPoints({ codes: data.points, labels: data.labels, count: data.count });
    this.map.events.on('move', (x, y) => this.moveProbe(x, y));
    this.map.events.on('commit', (x, y) => this.moveProbe(x, y));
    const p = data.projection;
    this.title.setText(
      (p
        ? t('lab.gen.mapPca', { dim: p.dim, share: Math.round(100 * (p.explained[0] + p.explained[1])) })
        : t('lab.gen.map')
      ).toUpperCase(),
    );
    this.pickable = pickIndices(data.labels);
    this.chosen = [];
    const size = data.width * data.height;
    const pickPixels = new Float32Array(this.pickable.length * size);
    this.pickable.forEach((i, k) => pickPixels.set(data.images.subarray(i * size, (i + 1) * size), k * size));
    this.picks.setImages({ pixels: pickPixels, count: this.pickable.length, width: data.width, height: data.height });
    this.picks.setOverlay(null);
    this.strip.setImages(null);
    const c = this.map.getProbe();
    this.moveProbe(c.x, c.y);
  }

  private refreshAll(): void {
    void this.refreshSheet();
    void this.showMode();
    void this.refreshStrip();
    const at = this.map?.getProbe();
    if (at) this.moveProbe(at.x, at.y);
  }

  private moveProbe(x: number, y: number): void {
    this.probeCaption.setText(`(${formatFixed(x, 2)}, ${formatFixed(y, 2)})`);
    this.probeAt = { x, y };
    void this.pumpProbe();
  }

  /** At most one probe decode in flight; the newest position wins. */
  private async pumpProbe(): Promise<void> {
    if (this.probeBusy) return;
    this.probeBusy = true;
    try {
      while (this.probeAt && this.model && this.data) {
        const { x, y } = this.probeAt;
        this.probeAt = null;
        const data = this.data;
        const pixels = await decodeAt(this.port, this.model, data, x, y, this.label);
        this.decodes++;
        this.probe.setImages({ pixels, count: 1, width: data.width, height: data.height });
      }
    } catch {
      // The worker restarted or the model is gone: the next run rebuilds the view.
    } finally {
      this.probeBusy = false;
    }
  }

  private async refreshSheet(): Promise<void> {
    const sigma = this.sigma.getValue();
    this.sigmaValue.setText(formatLevel(sigma));
    this.seedLabel.setText(t('lab.gen.seed', { seed: this.seed }));
    const { model, data } = this;
    if (!model || !data) return;
    this.sigma.setEnabled(!model.codebook);
    try {
      const pixels = await sampleSheet(this.port, model, SHEET, sigma, this.seed, this.label);
      if (this.model === model) this.sheet.setImages({ pixels, count: SHEET, width: data.width, height: data.height });
    } catch {
      /* see pumpProbe */
    }
  }

  private async showMode(): Promise<void> {
    this.applyVisibility();
    const { model, data } = this;
    const mode = this.mode.getValue();
    if (!model || !data || mode === 'dots') return;
    try {
      const pixels =
        mode === 'grid'
          ? await decodedGrid(this.port, model, data, GRID_N, this.label)
          : await codebookImages(this.port, model);
      if (!pixels || this.model !== model || this.mode.getValue() !== mode) return;
      const target = mode === 'grid' ? this.overlay : this.bookGrid(model.codebook?.size ?? 1);
      const count = mode === 'grid' ? GRID_N * GRID_N : (model.codebook?.size ?? 0);
      target.setImages({ pixels, count, width: data.width, height: data.height });
      this.applyVisibility();
    } catch {
      /* see pumpProbe */
    }
  }

  /** The codebook's decoded entries, as square as they come, over the map (rebuilt for another K). */
  private bookGrid(size: number): ImageGrid {
    const columns = Math.ceil(Math.sqrt(size));
    if (this.book?.size !== size) {
      this.book?.grid.destroy();
      const side = Math.min(this.G.map.width, this.G.map.height - LatentMap.legendHeight(10));
      const rect = { x: this.G.map.x, y: this.G.map.y, width: side, height: side };
      const grid = new ImageGrid(this.scene, {
        ...rect,
        id: 'lab:gen:codebook',
        columns,
        rows: Math.ceil(size / columns),
        gap: 2,
      });
      this.book = { size, grid };
    }
    return this.book.grid;
  }

  private pickBounds(i: number): { x: number; y: number; width: number; height: number } | null {
    if (!this.visible || !this.data || i >= this.pickable.length) return null;
    const cell = this.G.picks.width / 10;
    return { x: this.G.picks.x + i * cell, y: this.G.picks.y, width: cell - 4, height: this.G.picks.height };
  }

  private pickAt(worldX: number): void {
    if (!this.data) return;
    const i = Math.floor((worldX - this.G.picks.x) / (this.G.picks.width / 10));
    if (i < 0 || i >= this.pickable.length) return;
    this.chosen = [...this.chosen, i].slice(-2);
    const { width, height } = this.data;
    this.picks.setOverlay({
      boxes: this.pickable.map((_, k) => (this.chosen.includes(k) ? { x: 0, y: 0, width, height } : null)),
    });
    void this.refreshStrip();
  }

  private async refreshStrip(): Promise<void> {
    const { model, data } = this;
    if (!model || !data || this.chosen.length < 2) return;
    const [a, b] = this.chosen.map((k) => this.pickable[k]);
    try {
      const pixels = await interpolate(this.port, model, data, a, b, this.label);
      if (this.model === model) this.strip.setImages({ pixels, count: 8, width: data.width, height: data.height });
    } catch {
      /* see pumpProbe */
    }
  }

  private applyVisibility(): void {
    const v = this.visible;
    const ready = v && this.data !== null;
    const mode = this.mode.getValue();
    for (const l of this.labels) l.setVisible(ready);
    this.title.setVisible(v);
    this.empty.setVisible(v && !this.data);
    this.modeReason.setVisible(ready && mode === 'codebook' && !this.model?.codebook);
    this.mode.setVisible(ready);
    this.map?.setVisible(ready && mode === 'dots');
    this.overlay.setVisible(ready && mode === 'grid');
    this.book?.grid.setVisible(ready && mode === 'codebook' && this.model?.codebook?.size === this.book.size);
    for (const w of [this.probe, this.sheet, this.sigma, this.newSeed, this.picks, this.strip]) w.setVisible(ready);
    this.classPicker.setVisible(ready && this.model?.conditional === true);
    this.pickZone.setVisible(ready);
    if (ready) this.pickZone.setInteractive();
    else this.pickZone.disableInteractive();
  }

  destroy(): void {
    this.map?.destroy();
    this.book?.grid.destroy();
    for (const w of [this.mode, this.probe, this.overlay, this.sheet, this.sigma, this.newSeed, this.classPicker])
      w.destroy();
    this.picks.destroy();
    this.strip.destroy();
    this.pickZone.destroy();
    for (const l of this.labels) l.destroy();
    this.panel.destroy();
  }
}
