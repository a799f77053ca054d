/**
 * Two forces (a trained level with `setup.sideBySide`): the latest run of each option (each loss) side by side,
 * toggled with the images as a single map is. Landscape: three columns; phones: one column at a time under tabs.
 * Each column: the option's name, its held-out map (at least the prior's ±3σ square, with the prior's 2σ ring, so
 * the three compare), its first prior draws decoded, and its coverage: the digits the prior draws and the held-out
 * MSE and KL, the level's own goal checks of that run (✓ met, ✗ not). The column of the run the result scores is
 * framed and badged; an untrained one says how to fill it. The maps are pictures (no probe): their models are gone.
 * Test ids: forces:slot:<option>, forces:map:<option>, forces:prior:<option>, forces:tab:<option> (phones).
 */
import type * as Phaser from 'phaser';
import { datasetClassNames } from '../../../shared/dataset-classes';
import { formatCheckValue } from '../../../shared/levels/shortfall-text';
import type { GoalCheck } from '../../../shared/levels/shortfall';
import { localize } from '../../../shared/levels/text';
import { getLocale, t } from '../../../shared/messages';
import { fitText } from '../../ui/fit-text';
import { ImageGrid } from '../../ui/ImageGrid';
import { Label } from '../../ui/Label';
import { LatentMap } from '../../ui/LatentMap';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { COLORS, CSS, RADIUS, type Rect } from '../../ui/theme';
import { registerId } from '../../ui/widget-ids';
import { equalAspect, filledSlots, PRIOR_BOX, slotBounds, type RunSlot, type RunSlots } from '../plays/run-slots';
import { cardGraphics, imagesMapToggle, viewAreas, type ViewAreas } from './areas';
import type { ViewContext } from './view';

/** Prior draws shown per column (the first of the 200 the score counts). */
const PRIOR_SHOWN = 8;
/** The prior's ring on each map: radius 2 (about 86 % of the draws z ~ N(0, I) in two dimensions fall inside). */
const PRIOR_RING = 2;
const HEAD_H = 24;
const READOUT_H = 40;
/** Total number of digits (the coverage's "of 10"). */
const DIGIT_COUNT = 10;

interface Column {
  key: string;
  name: string;
  head: Label;
  badge: Label;
  empty: Label;
  prior: ImageGrid;
  digits: Label;
  numbers: Label;
  /** Built with the panel (hidden) and kept: a run only sets its bounds and dots (no new texts mid-training). */
  map: LatentMap;
  /** The shown run has a map. */
  hasMap: boolean;
  built: RunSlot | undefined;
}

export class ForceMapsPanel {
  readonly areas: ViewAreas;
  readonly toggle: SegmentedControl<'images' | 'map'>;
  private readonly card: Phaser.GameObjects.Graphics;
  private readonly frames: Phaser.GameObjects.Graphics;
  private readonly title: Label;
  private readonly tabs: SegmentedControl<string> | null;
  private readonly columns: Column[];
  private view: 'images' | 'map' = 'images';
  private slots: RunSlots | null = null;
  private training: string | null = null;
  private tab: string;
  private readonly slotCount: number;

  constructor(
    private readonly ctx: ViewContext,
    keys: readonly string[],
    control: string,
  ) {
    const { scene, L, session } = ctx;
    this.areas = viewAreas(L);
    const { union, toggle } = this.areas;
    const locale = getLocale();
    const choice = session.level.controls.find((c) => c.id === control);
    const options = choice?.kind === 'choice' ? choice.options : [];
    const nameOf = (key: string): string => {
      const o = options.find((x) => x.value === key);
      return o ? localize(o.label, locale) : key;
    };
    const controlName = choice ? localize(choice.label, locale) : control;
    this.card = cardGraphics(scene, union);
    this.frames = scene.add.graphics().setVisible(false);
    const titleX = L.portrait ? union.x + 16 : toggle.x + toggle.width + 16;
    this.title = new Label(scene, {
      x: titleX,
      y: L.portrait ? union.y + 92 : union.y + 14,
      // Not upper-cased: σ would turn into Σ.
      text: t('level.forces.title'),
      variant: L.portrait ? 'small' : 'section',
      maxWidth: union.x + union.width - 16 - titleX,
    }).setVisible(false);
    this.tab = keys[keys.length - 1] ?? '';
    this.tabs = L.portrait
      ? new SegmentedControl<string>(scene, {
          x: union.x + 16,
          y: union.y + 44,
          width: union.width - 32,
          height: 42,
          idPrefix: 'forces:tab',
          // A third of a phone is narrow: a long name goes on two lines (broken at its last space).
          options: keys.map((k) => ({ value: k, label: twoLines(nameOf(k)) })),
          value: this.tab,
        })
      : null;
    this.tabs?.setVisible(false);
    this.tabs?.events.on('change', (k) => {
      this.tab = k;
      this.place();
    });
    this.slotCount = keys.length;
    const classNames = datasetClassNames(session.level.dataset);
    this.columns = keys.map((key, i) => ({
      key,
      name: nameOf(key),
      head: new Label(scene, { x: 0, y: 0, text: nameOf(key), variant: 'button' }).setVisible(false),
      badge: new Label(scene, { x: 0, y: 0, text: '', variant: 'small', align: 1 }).setVisible(false),
      empty: new Label(scene, {
        x: 0,
        y: 0,
        text: t('level.forces.notTrained', { loss: nameOf(key), control: controlName }),
        variant: 'small',
        align: 0.5,
        wrap: 200,
      }).setVisible(false),
      prior: new ImageGrid(scene, {
        x: 0,
        y: 0,
        width: 10,
        height: 10,
        id: `forces:prior:${key}`,
        columns: PRIOR_SHOWN,
        gap: 3,
      }).setVisible(false),
      digits: new Label(scene, { x: 0, y: 0, text: '', variant: 'small' }).setVisible(false),
      numbers: new Label(scene, { x: 0, y: 0, text: '', variant: 'small' }).setVisible(false),
      map: this.createMap(key, i, classNames),
      hasMap: false,
      built: undefined,
    }));
    for (const col of this.columns) col.empty.text.setAlign('center');
    this.toggle = imagesMapToggle(scene, toggle);
    this.toggle.events.on('change', (v) => this.setView(v));
    if (this.tabs) ctx.focus.register(this.tabs);
    this.registerIds();
  }

  /** The maps cover the card. */
  get showingMap(): boolean {
    return this.view === 'map';
  }

  /** Some slot holds a run (the toggle shows). */
  get hasMaps(): boolean {
    return filledSlots(this.slots) > 0;
  }

  /**
   * Draws `slots`; `training`: the option a run is training now (its column says it will be replaced). A newly
   * filled slot shows the maps (phones: its tab); a run starting shows the live images (the maps a toggle away).
   */
  sync(slots: RunSlots | null, training: string | null): void {
    const before = this.slots;
    if (slots === before && training === this.training) return;
    this.slots = slots;
    this.training = training;
    for (const col of this.columns) {
      const run = slots?.slots[col.key];
      if (run !== col.built) this.build(col, run);
    }
    const filled = filledSlots(slots) > 0;
    this.toggle.setVisible(filled);
    if (!filled) this.setView('images');
    else if (slots && slots.runs !== (before?.runs ?? 0) && slots.scored) {
      this.tab = slots.scored;
      this.tabs?.setValue(slots.scored);
      this.setView('map');
    } else if (slots?.scored === null && before?.scored) this.setView('images');
    else this.place();
  }

  update(): void {
    // Pictures only: nothing to decode per frame.
  }

  destroy(): void {
    this.toggle.destroy();
    this.tabs?.destroy();
    for (const col of this.columns) {
      col.map.destroy();
      col.prior.destroy();
      for (const l of [col.head, col.badge, col.empty, col.digits, col.numbers]) l.destroy();
    }
  }

  /** Each column's box when shown (landscape: three across; phones: the chosen tab's one), else null. */
  private columnRect(i: number): Rect | null {
    return this.ctx.L.portrait && this.columns[i].key !== this.tab ? null : this.slotRect(i);
  }

  /** Column `i`'s box: landscape three across; phones one, full width, under the tabs. */
  private slotRect(i: number): Rect {
    const { union } = this.areas;
    if (this.ctx.L.portrait) {
      const top = union.y + 114;
      return { x: union.x + 16, y: top, width: union.width - 32, height: union.y + union.height - 10 - top };
    }
    const gap = 12;
    const n = this.slotCount;
    const w = Math.floor((union.width - 32 - gap * (n - 1)) / n);
    const top = union.y + 46;
    return { x: union.x + 16 + i * (w + gap), y: top, width: w, height: union.y + union.height - 10 - top };
  }

  /** Where a column's parts go: head, map (with legend), prior row, the two readout lines. */
  private parts(r: Rect): { map: Rect; prior: Rect; readout: number } {
    const inner = { x: r.x + 8, width: r.width - 16 };
    const cell = Math.min(36, Math.floor((inner.width - 3 * (PRIOR_SHOWN - 1)) / PRIOR_SHOWN));
    const priorW = cell * PRIOR_SHOWN + 3 * (PRIOR_SHOWN - 1);
    const readout = r.y + r.height - READOUT_H;
    const prior = {
      x: inner.x + Math.floor((inner.width - priorW) / 2),
      y: readout - 6 - cell,
      width: priorW,
      height: cell,
    };
    const mapTop = r.y + HEAD_H + 6;
    return { map: { ...inner, y: mapTop, height: prior.y - 8 - mapTop }, prior, readout };
  }

  /** Column `i`'s map, hidden until a run fills it (the prior's ring drawn on it; a picture, no probe). */
  private createMap(key: string, i: number, classNames: readonly string[]): LatentMap {
    const rect = this.parts(this.slotRect(i)).map;
    const map = new LatentMap(this.ctx.scene, {
      ...rect,
      id: `forces:map:${key}`,
      bounds: { xMin: -PRIOR_BOX, xMax: PRIOR_BOX, yMin: -PRIOR_BOX, yMax: PRIOR_BOX },
      classNames,
      probe: false,
    });
    map.setEnabled(false);
    return map.setVisible(false);
  }

  private build(col: Column, run: RunSlot | undefined): void {
    col.built = run;
    col.prior.setImages(run?.prior ? { ...run.prior, count: Math.min(PRIOR_SHOWN, run.prior.count) } : null);
    col.digits.setText(run ? t('level.forces.digits', { digits: run.score, total: DIGIT_COUNT }) : '');
    col.numbers.setText(run ? numbersLine(run.checks) : '');
    const metric = run?.checks.find((c) => c.kind === 'metric');
    col.digits.setColor(metric && !metric.met ? CSS.warning : CSS.success);
    col.numbers.setColor(run && run.checks.some((c) => c.kind !== 'metric' && !c.met) ? CSS.warning : CSS.muted);
    const data = run?.map;
    col.hasMap = !!data;
    if (!data) return;
    const i = this.columns.indexOf(col);
    // A run's map of other classes than the dataset's (not a level of today): a map built for them.
    if (data.classNames.join() !== col.map.classNames.join()) {
      col.map.destroy();
      col.map = this.createMap(col.key, i, data.classNames);
    }
    const rect = this.parts(this.slotRect(i)).map;
    const plotH = rect.height - LatentMap.legendHeight(data.classNames.length);
    col.map
      .reset(equalAspect(slotBounds(data), rect.width, plotH), {
        codes: data.codes,
        labels: data.labels,
        count: data.count,
      })
      .setEllipse({ x: 0, y: 0, rx: PRIOR_RING, ry: PRIOR_RING });
  }

  /** Lays out and shows what the current view and tab show. */
  private place(): void {
    const onMap = this.view === 'map' && this.hasMaps;
    this.card.setVisible(onMap);
    this.title.setVisible(onMap);
    this.tabs?.setVisible(onMap);
    const g = this.frames.clear().setVisible(onMap);
    this.columns.forEach((col, i) => {
      const r = onMap ? this.columnRect(i) : null;
      const run = this.slots?.slots[col.key];
      for (const part of [col.head, col.badge, col.empty, col.digits, col.numbers]) part.setVisible(false);
      col.prior.setVisible(false);
      col.map.setVisible(false);
      if (!r) return;
      const scored = this.slots?.scored === col.key;
      g.lineStyle(scored ? 2 : 1, scored ? COLORS.focus : COLORS.panelBorder, 1);
      g.strokeRoundedRect(r.x - 4, r.y - 4, r.width + 8, r.height + 8, RADIUS);
      const badge = this.training === col.key ? t('level.forces.training') : scored ? t('level.forces.scored') : '';
      col.badge.setText(badge).setColor(scored ? CSS.text : CSS.muted);
      col.badge.setPosition(r.x + r.width - 6, r.y + 4).setVisible(badge !== '');
      col.head.setPosition(r.x + 6, r.y + 1).setVisible(true);
      // The name and the badge share the head row: when both do not fit, the badge gets at most 45 % of it.
      const room = r.width - 12 - (badge ? 10 : 0);
      fitTo(col.head, room);
      fitTo(col.badge, room);
      const [nameW, badgeW] = [col.head.text.displayWidth, badge ? col.badge.text.displayWidth : 0];
      if (nameW + badgeW > room) {
        const forBadge = Math.min(badgeW, Math.max(room * 0.45, room - nameW));
        fitTo(col.badge, forBadge);
        fitTo(col.head, room - forBadge);
      }
      const p = this.parts(r);
      if (!run) {
        col.empty
          .setWrap(r.width - 32)
          .setPosition(r.x + r.width / 2, p.map.y + p.map.height / 2 - 20)
          .setVisible(true);
        return;
      }
      col.map.setVisible(col.hasMap);
      col.prior.layout(p.prior).setVisible(true);
      col.digits.setPosition(r.x + 8, p.readout).setVisible(true);
      col.numbers.setPosition(r.x + 8, p.readout + 19).setVisible(true);
      fitTo(col.digits, r.width - 16);
      fitTo(col.numbers, r.width - 16);
    });
  }

  private setView(next: 'images' | 'map'): void {
    this.view = next;
    this.toggle.setValue(next === 'map' && this.hasMaps ? 'map' : 'images');
    this.place();
  }

  private registerIds(): void {
    const scene = this.ctx.scene;
    for (const v of ['images', 'map'])
      registerId(scene, `level:view:${v}`, () => (this.hasMaps ? this.toggle.optionBounds(v) : null));
    this.columns.forEach((col, i) =>
      registerId(scene, `forces:slot:${col.key}`, () =>
        this.view === 'map' && this.hasMaps ? this.columnRect(i) : null,
      ),
    );
  }
}

/** A tab's name on two lines when it is long (at its last space); short names stay on one. */
function twoLines(name: string): string {
  const at = name.lastIndexOf(' ');
  return name.length > 12 && at > 0 ? `${name.slice(0, at)}\n${name.slice(at + 1)}` : name;
}

/** Fits a one-line label to `width` (the theme's fit rule: Polish and Czech shrink a little, nothing is cut). */
function fitTo(label: Label, width: number): void {
  fitText(label.text, { width: Math.max(1, width) });
}

/** "MSE 0.0526 ✓ · KL 5.1 nats ✓": the run's held-out numbers as the goal checks them. */
function numbersLine(checks: readonly GoalCheck[]): string {
  const locale = getLocale();
  const mse = checks.find((c) => c.kind === 'reconstruction');
  const kl = checks.find((c) => c.kind === 'kl');
  const mark = (c: GoalCheck | undefined): string => (c ? (c.met ? '✓' : '✗') : '');
  return t('level.forces.numbers', {
    mse: mse ? formatCheckValue(mse.value, mse.unit, locale) : '–',
    mseMark: mark(mse),
    kl: kl ? formatCheckValue(kl.value, kl.unit, locale) : '–',
    klMark: mark(kl),
  });
}
