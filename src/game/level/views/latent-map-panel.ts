/**
 * The latent map card: held-out codes on a 2-D map, the probe (drag, click, tap, arrow keys) decoded live beside
 * it, and for Holes in the map the compare model's map beside (landscape) or under (phones) the played one. Trained
 * levels with a 2-D code toggle it with the images; map levels show it from the start.
 */
import type * as Phaser from 'phaser';
import { t } from '../../../shared/messages';
import { ImageGrid } from '../../ui/ImageGrid';
import { Label } from '../../ui/Label';
import { LatentMap } from '../../ui/LatentMap';
import type { SegmentedControl } from '../../ui/SegmentedControl';
import type { Rect } from '../../ui/theme';
import { registerId } from '../../ui/widget-ids';
import type { LatentMapData } from '../plays/latent-map';
import { cardGraphics, imagesMapToggle, viewAreas, type ViewAreas } from './areas';
import type { ViewContext } from './view';
import { formatFixed } from '../../view/format';

export interface MapPanelOptions {
  /** Map levels: the map is the whole view (no images | map toggle). */
  mapLevel: boolean;
  /** Decodes the probe's point (null: nothing to show). */
  decode(x: number, y: number): Promise<Float32Array | null>;
  onDecoded?(pixels: Float32Array, data: LatentMapData): void;
  /** Holes in the map: decodes the compare map's probe (shown beside that map, live as the AE's). */
  decodeCompare?(x: number, y: number): Promise<Float32Array | null>;
  /** The probe moved (dragged or keyed), and where it was dropped (click, tap, Enter). */
  onMove?(x: number, y: number): void;
  onCommit?(x: number, y: number): void;
  /** A press on the map, before the probe moves there (The path starts a new path where pressed). */
  onPress?(x: number, y: number): void;
  /** Decode only where the probe is dropped (a click, a drag's end, an arrow key), not along a drag (Digits on demand). */
  decodeOnRelease?: boolean;
}

export class LatentMapPanel {
  /** The played map, once built. */
  map: LatentMap | null = null;
  /** Holes in the map: the compare model's map (read-only). */
  compareMap: LatentMap | null = null;
  readonly areas: ViewAreas;
  private readonly card: Phaser.GameObjects.Graphics;
  readonly title: Label;
  private readonly probeCaption: Label;
  private readonly probeTitle: Label;
  private readonly probeImage: ImageGrid;
  private readonly compareTitle: Label;
  /** Holes in the map: the live decode beside each of the two maps (test ids map:decode, map:compareDecode). */
  private readonly aeThumb: ImageGrid;
  private readonly vaeThumb: ImageGrid;
  private readonly aeCaption: Label;
  private readonly vaeCaption: Label;
  private compareData: LatentMapData | null = null;
  private comparePending: { x: number; y: number } | null = null;
  readonly toggle: SegmentedControl<'images' | 'map'>;
  private view: 'images' | 'map' = 'images';
  private builtFor: unknown = null;
  /** The single map (no compare map), kept from run to run; shown as `map` while there is data. */
  private single: LatentMap | null = null;
  private pending: { x: number; y: number } | null = null;
  private decoding = false;

  constructor(
    private readonly ctx: ViewContext,
    private readonly options: MapPanelOptions,
  ) {
    const { scene, L } = ctx;
    this.areas = viewAreas(L);
    const { union, toggle } = this.areas;
    const mapLevel = options.mapLevel;
    this.card = cardGraphics(scene, union);
    this.title = new Label(scene, {
      x: mapLevel ? union.x + 16 : toggle.x + toggle.width + 16,
      y: union.y + 14,
      text: (L.portrait ? t('level.view.map') : t('level.map.title')).toUpperCase(),
      variant: 'section',
      wrap: union.width - 32 - (mapLevel ? 0 : 256),
    }).setVisible(false);
    this.probeCaption = new Label(scene, { x: 0, y: 0, text: '', variant: 'small', wrap: 240 }).setVisible(false);
    this.probeTitle = new Label(scene, { x: 0, y: 0, text: t('level.map.decoded'), variant: 'bodyMuted' });
    this.probeTitle.setVisible(false);
    this.probeImage = new ImageGrid(scene, {
      x: union.x,
      y: union.y,
      width: 10,
      height: 10,
      id: 'map:decode',
      columns: 1,
    });
    this.probeImage.setVisible(false);
    this.compareTitle = new Label(scene, {
      x: 0,
      y: 0,
      text: t('level.map.vaeTitle').toUpperCase(),
      variant: 'section',
    });
    this.compareTitle.setVisible(false);
    const thumbAt = { x: union.x, y: union.y, width: 10, height: 10, columns: 1 };
    this.aeThumb = new ImageGrid(scene, { ...thumbAt, id: 'map:aeDecode' });
    this.vaeThumb = new ImageGrid(scene, { ...thumbAt, id: 'map:compareDecode' });
    this.aeThumb.setVisible(false);
    this.vaeThumb.setVisible(false);
    this.aeCaption = new Label(scene, { x: 0, y: 0, text: '', variant: 'small', wrap: 96 }).setVisible(false);
    this.vaeCaption = new Label(scene, { x: 0, y: 0, text: '', variant: 'small', wrap: 96 }).setVisible(false);
    this.toggle = imagesMapToggle(scene, toggle);
    this.toggle.events.on('change', (v) => this.setView(v));
    this.registerIds();
  }

  /** The map covers the card. */
  get showingMap(): boolean {
    return this.view === 'map';
  }

  /**
   * Builds the single map ahead, hidden, for codes of these classes (a trained level whose first run will have a
   * 2-D code): the run's end then only sets its bounds and dots, and the frame that shows it stays short.
   */
  prepare(classNames: readonly string[]): void {
    const rect = this.singleRect(classNames.length);
    if (rect && !this.single) this.single = this.createSingle(rect, classNames).setVisible(false);
  }

  /** (Re)builds the map when its data changed (null: no map; the images show). */
  sync(data: LatentMapData | null, compare: LatentMapData | null = null): void {
    if (data === this.builtFor) return;
    this.builtFor = data;
    if (this.map !== this.single) this.map?.destroy();
    this.single?.setVisible(false);
    this.map = null;
    this.compareMap?.destroy();
    this.compareMap = null;
    this.compareData = compare;
    if (data && compare) {
      this.buildCompare(data, compare);
      return;
    }
    const rect = data ? this.singleRect(data.classNames.length) : null;
    if (!data || !rect) {
      this.toggle.setVisible(false);
      this.setView('images');
      return;
    }
    // The single map is kept from run to run (and may be built ahead): a new run sets its bounds and dots.
    const kept = this.single;
    if (!kept || !sameRect(kept.getBounds(), rect) || kept.classNames.join() !== data.classNames.join()) {
      kept?.destroy();
      this.single = this.createSingle(rect, data.classNames);
    }
    const map = this.single as LatentMap;
    map.reset(data.bounds, { codes: data.codes, labels: data.labels, count: data.count });
    const { L } = this.ctx;
    const { union, mapSide } = this.areas;
    const right = L.portrait
      ? null
      : { x: rect.x + mapSide + 32, width: union.x + union.width - 16 - (rect.x + mapSide + 32) };
    if (right) {
      const side = Math.min(200, right.width);
      this.probeTitle.setPosition(right.x, rect.y);
      this.probeImage.layout({ x: right.x, y: rect.y + 28, width: side, height: side });
      this.probeCaption.setPosition(right.x, rect.y + 36 + side).setWrap(right.width);
    }
    this.map = map;
    this.toggle.setVisible(!this.options.mapLevel);
    this.setView('map');
  }

  /** Where the single map goes (with its legend), or null when the card has no room for a map. */
  private singleRect(classes: number): Rect | null {
    const { L } = this.ctx;
    const { union, mapSide } = this.areas;
    if (mapSide < 160) return null;
    // Phones: the map takes the card's whole width (its axes scale separately), so the legend has room.
    return {
      x: union.x + 16,
      y: union.y + 48,
      width: L.portrait ? union.width - 32 : mapSide,
      height: mapSide + LatentMap.legendHeight(classes),
    };
  }

  /** The played map: its probe decodes beside it and reports to the level (wired once, kept across runs). */
  private createSingle(rect: Rect, classNames: readonly string[]): LatentMap {
    const map = new LatentMap(this.ctx.scene, {
      ...rect,
      id: 'map:area',
      bounds: { xMin: -3, xMax: 3, yMin: -3, yMax: 3 },
      classNames,
    });
    map.events.on('press', (x, y) => this.options.onPress?.(x, y));
    map.events.on('move', (x, y) => {
      this.showProbe(x, y);
      this.options.onMove?.(x, y);
    });
    map.events.on('commit', (x, y) => {
      this.showProbe(x, y);
      this.options.onCommit?.(x, y);
    });
    this.ctx.focus.register(map);
    return map;
  }

  /** Per frame: decode the probe's newest point (at most one decode in flight). */
  update(): void {
    const data = this.builtFor as LatentMapData | null;
    if (!this.pending || this.decoding || !this.map || this.view !== 'map' || !data) return;
    if (this.options.decodeOnRelease && this.map.held) return;
    const { x, y } = this.pending;
    const at = this.comparePending;
    this.pending = null;
    this.comparePending = null;
    this.decoding = true;
    const cmp = this.compareData;
    const other = at && cmp && this.options.decodeCompare ? this.options.decodeCompare(at.x, at.y) : null;
    this.options
      .decode(x, y)
      .then(async (pixels) => {
        const seen = await other;
        if (seen && cmp) this.vaeThumb.setImages({ pixels: seen, count: 1, width: cmp.width, height: cmp.height });
        if (!pixels) return;
        const image = { pixels, count: 1, width: data.width, height: data.height };
        this.probeImage.setImages(image);
        if (this.compareMap) this.aeThumb.setImages({ ...image, pixels: pixels.slice() });
        this.options.onDecoded?.(pixels, data);
      })
      .catch(() => undefined)
      .finally(() => {
        this.decoding = false;
      });
  }

  /** Decodes the probe's point again (Digits on demand: the class changed, the point did not). */
  redecode(): void {
    const at = this.map?.getProbe();
    if (at) this.pending = { x: at.x, y: at.y };
  }

  /** Holes in the map: what the judge reads in each map's live decode, under it. */
  setDecodeCaptions(ae: string, vae: string): void {
    this.aeCaption.setText(ae);
    this.vaeCaption.setText(vae);
  }

  destroy(): void {
    this.aeCaption.destroy();
    this.vaeCaption.destroy();
    this.toggle.destroy();
    this.probeImage.destroy();
    this.aeThumb.destroy();
    this.vaeThumb.destroy();
    this.single?.destroy();
    if (this.map !== this.single) this.map?.destroy();
    this.compareMap?.destroy();
  }

  /**
   * Ids that follow the map and the view, not one widget's shown state (level:view:* also while a map level hides
   * the toggle; map:decode also on phones, where the probe image is hidden).
   */
  private registerIds(): void {
    const scene = this.ctx.scene;
    for (const v of ['images', 'map'])
      registerId(scene, `level:view:${v}`, () => (this.map ? this.toggle.optionBounds(v) : null));
    registerId(scene, 'map:probe', () => (this.map && this.view === 'map' ? this.map.probeBounds() : null));
    registerId(scene, 'map:decode', () =>
      this.map && this.view === 'map' ? (this.compareMap ? this.aeThumb : this.probeImage).getBounds() : null,
    );
  }

  private createMap(rect: Rect, id: string, data: LatentMapData, legend: boolean): LatentMap {
    const map = new LatentMap(this.ctx.scene, {
      ...rect,
      id,
      bounds: data.bounds,
      classNames: data.classNames,
      legend,
    });
    map.setPoints({ codes: data.codes, labels: data.labels, count: data.count });
    return map;
  }

  private showProbe(x: number, y: number): void {
    this.probeCaption.setText(t('level.map.probe', { x: formatFixed(x, 2), y: formatFixed(y, 2) }));
    this.pending = { x, y };
  }

  private setView(next: 'images' | 'map'): void {
    this.view = next;
    const onMap = next === 'map' && this.map !== null;
    this.card.setVisible(onMap);
    this.title.setVisible(onMap);
    // Phones have no room beside the map for the decoded probe.
    const besideRoom = !this.ctx.L.portrait && !this.compareMap;
    this.probeCaption.setVisible(onMap && besideRoom);
    this.probeTitle.setVisible(onMap && besideRoom);
    this.probeImage.setVisible(onMap && besideRoom);
    this.map?.setVisible(onMap);
    this.compareMap?.setVisible(onMap);
    this.compareTitle.setVisible(onMap && this.compareMap !== null);
    this.aeThumb.setVisible(onMap && this.compareMap !== null);
    this.vaeThumb.setVisible(onMap && this.compareMap !== null);
    this.aeCaption.setVisible(onMap && this.compareMap !== null);
    this.vaeCaption.setVisible(onMap && this.compareMap !== null);
    this.toggle.setValue(onMap ? 'map' : 'images');
    if (onMap && this.map) {
      const p = this.map.getProbe();
      this.showProbe(p.x, p.y);
    }
  }

  /** Holes in the map: the played AE map and the VAE map, titled; the VAE's probe mirrors the AE's. */
  private buildCompare(data: LatentMapData, cmp: LatentMapData): void {
    const { L } = this.ctx;
    const { union } = this.areas;
    const legend = LatentMap.legendHeight(data.classNames.length);
    let aeRect: Rect;
    let vaeRect: Rect;
    // Each map has its live decode beside it (top right), so the two decodes of one spot can be compared.
    let thumb: number;
    if (L.portrait) {
      // Stacked; one legend (the classes' colours are the same) under the lower map.
      const top = union.y + 40;
      const titleH = 26;
      const h = Math.floor((union.y + union.height - 12 - top - titleH - legend) / 2);
      thumb = Math.min(84, Math.floor(union.width * 0.24));
      const w = union.width - 32 - thumb - 8;
      aeRect = { x: union.x + 16, y: top, width: w, height: h };
      vaeRect = { x: union.x + 16, y: top + h + titleH, width: w, height: h + legend };
      this.compareTitle.setPosition(vaeRect.x, top + h + 6);
    } else {
      const half = Math.floor((union.width - 32 - 24) / 2);
      thumb = Math.min(96, Math.floor(half * 0.26));
      const side = Math.min(half - thumb - 8, union.height - 48 - 12 - legend);
      const y = union.y + 48;
      const pad = Math.floor((half - side - thumb - 8) / 2);
      aeRect = { x: union.x + 16 + pad, y, width: side, height: side + legend };
      vaeRect = { x: union.x + 16 + half + 24 + pad, y, width: side, height: side + legend };
      this.compareTitle.setPosition(vaeRect.x, union.y + 14);
    }
    this.aeThumb.layout({ x: aeRect.x + aeRect.width + 8, y: aeRect.y, width: thumb, height: thumb });
    this.vaeThumb.layout({ x: vaeRect.x + vaeRect.width + 8, y: vaeRect.y, width: thumb, height: thumb });
    this.aeCaption.setPosition(aeRect.x + aeRect.width + 8, aeRect.y + thumb + 6).setWrap(thumb);
    this.vaeCaption.setPosition(vaeRect.x + vaeRect.width + 8, vaeRect.y + thumb + 6).setWrap(thumb);
    this.title.setText(t('level.map.aeTitle').toUpperCase()).setPosition(aeRect.x, union.y + 14);
    const ae = this.createMap(aeRect, 'map:area', data, !L.portrait);
    const vae = this.createMap(vaeRect, 'map:compare', cmp, true);
    vae.setEnabled(false);
    const mirror = (x: number, y: number): void => {
      const a = data.bounds;
      const b = cmp.bounds;
      const at = {
        x: b.xMin + ((x - a.xMin) / (a.xMax - a.xMin)) * (b.xMax - b.xMin),
        y: b.yMin + ((y - a.yMin) / (a.yMax - a.yMin)) * (b.yMax - b.yMin),
      };
      vae.setProbe(at.x, at.y);
      this.comparePending = at;
    };
    const p0 = ae.getProbe();
    mirror(p0.x, p0.y);
    ae.events.on('move', (x, y) => {
      this.showProbe(x, y);
      mirror(x, y);
    });
    ae.events.on('commit', (x, y) => {
      this.showProbe(x, y);
      mirror(x, y);
      this.options.onCommit?.(x, y);
    });
    this.ctx.focus.register(ae);
    this.map = ae;
    this.compareMap = vae;
    this.toggle.setVisible(false);
    this.setView('map');
  }
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
