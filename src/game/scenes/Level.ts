import * as Phaser from 'phaser';
import { getLevel } from '../../shared/levels/catalogue';
import type { LevelDefinition } from '../../shared/levels/types';
import { formatMetricValue } from '../../shared/levels/format';
import { predictedClass } from '../../shared/scoring/judge';
import { localize } from '../../shared/levels/text';
import { getLocale, t } from '../../shared/messages';
import { getContext } from '../context';
import { setCurrentSession } from '../level/current';
import { layoutLevel, type LevelLayout } from '../level/layout';
import { interruptionLines, LevelSession, PREVIEW_COUNT, type ImageRows, type LatentMapData } from '../level/session';
import { Button } from '../ui/Button';
import { installCameraScroll, ScrolledRegistry } from '../ui/camera-scroll';
import { CardDeck } from '../ui/CardDeck';
import { Slider } from '../ui/Slider';
import { ControlPanel } from '../ui/ControlPanel';
import { FocusManager } from '../ui/FocusManager';
import { ImageGrid } from '../ui/ImageGrid';
import { LatentMap } from '../ui/LatentMap';
import { TargetMatch } from '../ui/TargetMatch';
import { SegmentedControl } from '../ui/SegmentedControl';
import { Label } from '../ui/Label';
import { LossChart } from '../ui/LossChart';
import { Panel } from '../ui/Panel';
import { ProgressBar, type ProgressBarState } from '../ui/ProgressBar';
import { COLORS, CSS, type Rect } from '../ui/theme';
import { formatDuration } from '../view/format';
import type { HudData } from './Hud';

export interface LevelSceneData {
  levelId: string;
  /** Internal: a rebuild after a resize keeps the attempt going (same session, same training job). */
  session?: LevelSession;
}

/** What the Level scene sends to 'Results' when a level is finished. */
export interface ResultsSceneData {
  levelId: string;
  score: number;
  stars: 0 | 1 | 2 | 3;
  goalMet: boolean;
  detail: Readonly<Record<string, number>>;
}

const ROWS = ['input', 'corrupted', 'output'] as const;
/** Height of one term row (card name, weight slider, value) in the expression panel. */
const TERM_ROW = 36;
type Row = (typeof ROWS)[number];
// One column per preview image the worker sends, so no grid slot stays empty.
const IMAGE_COLUMNS = PREVIEW_COUNT;
/** Where Leave goes: the first of these scenes the game has. */
const LEAVE_TARGETS = ['WorldMap', 'Title', 'Lab'] as const;

/**
 * Plays one level from its data (src/shared/levels): the concept card first (drawn by the HUD, on top), then
 * the controls built from the level's control definitions, Train (plan → train in the worker → measure →
 * the level's pure score), the live loss chart, the progress bar with ETA and the input / corrupted / rebuilt
 * images. The HUD scene runs in parallel for the goal, meter, stars, hints, timer and the Leave/Concept buttons.
 * Start it with `scene.start('Level', { levelId })`; the deep link `?level=<id>` opens it directly.
 */
export class Level extends Phaser.Scene {
  private session: LevelSession | null = null;
  /** Set while rebuilding for a new size: the shutdown keeps the session alive. */
  private rebuilding = false;
  /** Per-frame work (the latent map's probe decode, at most one in flight). */
  private frame: (() => void) | null = null;

  constructor() {
    super('Level');
  }

  create(data: LevelSceneData): void {
    const context = getContext(this);
    // In a class competition, its levels are played as the class plays them (its seed, this student's variant).
    const catalogued = getLevel(data?.levelId ?? '');
    const level = catalogued ? context.classroom.levelFor(catalogued) : undefined;
    const portraitWidth = this.scale.width - 2 * 16 - 32;
    // Portrait stacks the left panel: map levels need room for the target (Navigator) or the judge's verdicts.
    const leftHeight = !level
      ? 0
      : level.setup.kind === 'map'
        ? isMapLevelWithTargets(level)
          ? 196
          : level.solution.kind === 'draws'
            ? 250
            : level.setup.compare
              ? 140
              : 170
        : level.setup.kind === 'arithmetic' && level.solution.kind === 'expression'
          ? 56 + level.solution.maxTerms * TERM_ROW + 52
          : ControlPanel.heightFor(level.controls, portraitWidth) + 56;
    // Map and card levels do not train: no live loss chart.
    const liveChart =
      !!level &&
      level.setup.kind !== 'map' &&
      !(level.setup.kind === 'arithmetic' && level.solution.kind === 'expression');
    const L = layoutLevel(this.scale.width, this.scale.height, leftHeight, liveChart);
    const registry = new ScrolledRegistry(this.cameras.main);
    const focus = new FocusManager(this);
    const cleanup: (() => void)[] = [];
    this.cameras.main.setBackgroundColor(COLORS.bg);
    if (this.textures.exists('backdrop'))
      this.add.image(0, 0, 'backdrop').setOrigin(0, 0).setAlpha(0.25).setScrollFactor(0);

    if (!level) {
      new Label(this, {
        x: this.scale.width / 2,
        y: this.scale.height / 2 - 60,
        text: t('level.unknown', { id: String(data?.levelId) }),
        variant: 'heading',
        align: 0.5,
      });
      const back = new Button(this, {
        x: this.scale.width / 2 - 80,
        y: this.scale.height / 2,
        width: 160,
        height: 44,
        id: 'level:leave',
        label: t('level.leave'),
      });
      back.events.on('press', () => this.leave());
      registry.register('level:leave', () => back.getBounds());
      focus.register(back);
      context.widgets = registry;
      context.ready = true;
      this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
        focus.destroy();
        back.destroy();
        context.widgets = null;
        context.ready = false;
      });
      return;
    }

    const session =
      data.session && data.session.level.id === level.id ? data.session : new LevelSession(level, context.bridge);
    const isMap = session.mapLevel;
    const dreamSpec = session.drawsSpec;
    const isArith = session.arithmeticSetup !== null;
    this.session = session;
    this.rebuilding = false;
    setCurrentSession(session);

    // ---- controls ----
    new Panel(this, {
      ...L.controls,
      title:
        level.setup.kind === 'map' ? t('level.map.panel') : isArith ? t('level.arith.panel') : t('level.yourModel'),
    });
    const controls = new ControlPanel(this, {
      x: L.controls.x + 16,
      y: L.controls.y + 44,
      width: L.controls.width - 32,
      height: L.controls.height - 52,
      controls: level.controls,
      values: session.values,
    });
    controls.onChange((id, value) => session.setValue(id, value));
    controls.register(registry);
    const navigator = isMapLevelWithTargets(level);
    const targetMatch = navigator
      ? new TargetMatch(
          this,
          'map:target',
          {
            x: L.controls.x + 16,
            y: L.controls.y + 44,
            width: L.controls.width - 32,
            height: L.portrait
              ? L.controls.height - 52
              : Math.min(L.controls.width - 32, L.controls.height - 150) * 0.62 + 70,
          },
          { target: t('level.map.targetImage'), current: t('level.map.currentImage') },
          Number(level.goal.params?.match ?? 90),
        )
      : null;
    const mapStatus = new Label(this, {
      x: L.controls.x + 16,
      y: targetMatch ? targetMatch.getBounds().y + targetMatch.getBounds().height + 12 : L.controls.y + 44,
      text: '',
      variant: 'body',
      wrap: L.controls.width - 32,
    }).setVisible(isMap && !(L.portrait && targetMatch));
    // Dream digits: σ of the next draw, and the last dream with the judge's verdict.
    const sigmaLabel = dreamSpec
      ? new Label(this, {
          x: L.controls.x + 16,
          y: L.controls.y + 44,
          text: t('level.dream.sigma'),
          variant: 'section',
        })
      : null;
    const sigmaValue = dreamSpec
      ? new Label(this, {
          x: L.controls.x + L.controls.width - 16,
          y: L.controls.y + 42,
          text: '',
          variant: 'value',
          align: 1,
        })
      : null;
    const sigma = dreamSpec
      ? new Slider(this, {
          x: L.controls.x + 16,
          y: L.controls.y + 66,
          width: L.controls.width - 32,
          height: 28,
          id: 'dream:sigma',
          min: dreamSpec.sigmaMin,
          max: dreamSpec.sigmaMax,
          step: 0.05,
          value: 1,
        })
      : null;
    sigma?.events.on('change', (v) => session.setSigma(v));
    const dreamImage = dreamSpec
      ? new ImageGrid(this, {
          x: L.controls.x + 16,
          y: L.controls.y + 108,
          width: 96,
          height: 96,
          id: 'dream:last',
          columns: 1,
        })
      : null;
    const pathClear = session.pathSpec
      ? new Button(this, {
          x: L.controls.x + 16,
          y: L.controls.y + L.controls.height - 56,
          width: 140,
          height: 40,
          id: 'path:clear',
          label: t('level.arith.clear'),
        })
      : null;
    pathClear?.events.on('press', () => session.clearPath());
    if (dreamSpec) {
      mapStatus.setPosition(L.controls.x + 128, L.controls.y + 108);
      mapStatus.setWrap(L.controls.width - 144);
    }

    // ---- run card ----
    new Panel(this, L.runCard);
    const train = new Button(this, {
      ...L.train,
      id: 'level:train',
      label: t('level.train'),
      variant: 'primary',
      icon: 'icon-play',
    });
    train.events.on('press', () => {
      if (isArith) {
        void session.submitExpression();
        return;
      }
      const mp = session.mapPlay;
      if (isMap) {
        if (!mp) return;
        if (session.status === 'done') void session.newMapAttempt();
        else if (mp.mode === 'path') void session.checkPath();
        else if (mp.mode === 'dream' && latentMap) {
          const p = latentMap.getProbe();
          void session.dream(p.x, p.y);
        } else if (mp.mode === 'holes') session.finishMap();
        else if (latentMap) {
          const p = latentMap.getProbe();
          void session.placeProbe(p.x, p.y);
        }
        return;
      }
      if (session.busy) session.stop();
      else void session.train();
    });
    const progress = new ProgressBar(this, 'level:progress', L.progress);

    // ---- loss chart ----
    const layoutHasChart = L.chartCard.height > 0;
    // Map levels have no training: the map takes the chart's and the images' place.
    const hasChart = layoutHasChart && !isMap && !isArith;
    let lossCaption: Label | null = null;
    if (hasChart) {
      new Panel(this, L.chartCard);
      lossCaption = new Label(this, {
        x: L.chartCard.x + 16,
        y: L.chartCard.y + 14,
        text: t('section.loss').toUpperCase(),
        variant: 'section',
      });
    }
    const chart = new LossChart(this, 'level:lossChart', L.chart, {
      total: t('loss.total'),
      reconstruction: t('loss.reconstruction'),
      reconstructionIsTotal: t('loss.reconstructionIsTotal'),
      kl: t('loss.kl'),
      empty: t('loss.empty'),
      step: t('loss.axisStep'),
    });
    chart.setVisible(hasChart);

    // ---- images ----
    const imagesPanel = new Panel(this, { ...L.imagesCard, title: t('level.images.training') });
    const rowLabels: Record<Row, Label> = {
      input: new Label(this, { x: 0, y: 0, text: t('level.images.input'), variant: 'bodyMuted' }),
      corrupted: new Label(this, { x: 0, y: 0, text: t('level.images.corrupted'), variant: 'bodyMuted' }),
      output: new Label(this, { x: 0, y: 0, text: t('level.images.output'), variant: 'bodyMuted' }),
    };
    const grids: Record<Row, ImageGrid> = {
      input: new ImageGrid(this, {
        x: 0,
        y: 0,
        width: 10,
        height: 10,
        id: 'level:images:input',
        columns: IMAGE_COLUMNS,
      }),
      corrupted: new ImageGrid(this, {
        x: 0,
        y: 0,
        width: 10,
        height: 10,
        id: 'level:images:corrupted',
        columns: IMAGE_COLUMNS,
      }),
      output: new ImageGrid(this, {
        x: 0,
        y: 0,
        width: 10,
        height: 10,
        id: 'level:images:output',
        columns: IMAGE_COLUMNS,
      }),
    };
    const imagesEmpty = new Label(this, { x: 0, y: 0, text: t('images.empty'), variant: 'small', align: 0.5 });
    let visibleRows: Row[] = [];
    let rowsKey = '';

    // ---- latent map view (after a run whose model has a 2-D code) ----
    // The chart card right above the images card: the map / cards view takes both (phones that scroll: the images card).
    const chartJoined = layoutHasChart && L.chartJoined;
    const union = chartJoined
      ? {
          x: L.chartCard.x,
          y: L.chartCard.y,
          width: L.chartCard.width,
          height: L.imagesCard.y + L.imagesCard.height - L.chartCard.y,
        }
      : L.imagesCard;
    const toggleRect = chartJoined
      ? { x: union.x + 16, y: union.y + 7, width: 240, height: 30 }
      : { x: union.x + union.width - 16 - 200, y: union.y + 7, width: 200, height: 30 };
    const mapSide = Math.min(union.width - 32 - (L.portrait ? 0 : 260), union.height - 56 - 32);
    const mapFits = mapSide >= 160;
    const mapCard = this.add.graphics().setVisible(false);
    mapCard.fillStyle(COLORS.panel, 1).fillRoundedRect(union.x, union.y, union.width, union.height, 12);
    mapCard
      .lineStyle(1, COLORS.panelBorder, 1)
      .strokeRoundedRect(union.x + 0.5, union.y + 0.5, union.width - 1, union.height - 1, 12);
    const mapTitle = new Label(this, {
      x: isMap ? union.x + 16 : toggleRect.x + toggleRect.width + 16,
      y: union.y + 14,
      text: (L.portrait ? t('level.view.map') : t('level.map.title')).toUpperCase(),
      variant: 'section',
      wrap: union.width - 32 - (isMap || isArith ? 0 : 256),
    }).setVisible(false);
    const probeCaption = new Label(this, { x: 0, y: 0, text: '', variant: 'small', wrap: 240 }).setVisible(false);
    const probeTitle = new Label(this, { x: 0, y: 0, text: t('level.map.decoded'), variant: 'bodyMuted' }).setVisible(
      false,
    );
    const probeImage = new ImageGrid(this, {
      x: union.x,
      y: union.y,
      width: 10,
      height: 10,
      id: 'map:decode',
      columns: 1,
    });
    probeImage.setVisible(false);
    let latentMap: LatentMap | null = null;
    // Holes in the map: the compare model's map (the VAE), read-only, beside (landscape) or under (phones) the AE's.
    let compareMap: LatentMap | null = null;
    const compareTitle = new Label(this, {
      x: 0,
      y: 0,
      text: t('level.map.vaeTitle').toUpperCase(),
      variant: 'section',
    }).setVisible(false);
    let mapFor: unknown = null;
    let view: 'images' | 'map' = 'images';
    const viewToggle = new SegmentedControl<'images' | 'map'>(this, {
      ...toggleRect,
      idPrefix: 'level:view',
      options: [
        { value: 'images', label: t('level.view.images') },
        { value: 'map', label: t('level.view.map') },
      ],
      value: 'images',
    });
    viewToggle.setVisible(false);
    let pendingProbe: { x: number; y: number } | null = null;
    let decoding = false;
    const showProbe = (x: number, y: number): void => {
      probeCaption.setText(t('level.map.probe', { x: x.toFixed(2), y: y.toFixed(2) }));
      pendingProbe = { x, y };
    };
    const setView = (next: 'images' | 'map'): void => {
      view = next;
      const onMap = next === 'map' && latentMap !== null;
      mapCard.setVisible(onMap);
      mapTitle.setVisible(onMap);
      // Phones have no room beside the map for the decoded probe.
      const besideRoom = !L.portrait && !compareMap;
      probeCaption.setVisible(onMap && besideRoom);
      probeTitle.setVisible(onMap && besideRoom);
      probeImage.setVisible(onMap && besideRoom);
      latentMap?.setVisible(onMap);
      compareMap?.setVisible(onMap);
      compareTitle.setVisible(onMap && compareMap !== null);
      viewToggle.setValue(onMap ? 'map' : 'images');
      if (onMap && latentMap) {
        const p = latentMap.getProbe();
        showProbe(p.x, p.y);
      }
    };
    viewToggle.events.on('change', (v) => setView(v));
    const buildMap = (): void => {
      const data = session.map;
      if (data === mapFor) return;
      mapFor = data;
      latentMap?.destroy();
      latentMap = null;
      compareMap?.destroy();
      compareMap = null;
      const cmp = isMap ? session.compare : null;
      if (data && cmp) {
        buildCompareMaps(data, cmp);
        return;
      }
      if (!data || !mapFits) {
        viewToggle.setVisible(false);
        lossCaption?.setPosition(L.chartCard.x + 16, L.chartCard.y + 14);
        setView('images');
        return;
      }
      const side = mapSide;
      const legend = LatentMap.legendHeight(data.classNames.length);
      // Phones: the map takes the card's whole width (its axes scale separately), so the legend has room.
      const mapRect = {
        x: union.x + 16,
        y: union.y + 48,
        width: L.portrait ? union.width - 32 : side,
        height: side + legend,
      };
      latentMap = new LatentMap(this, { ...mapRect, id: 'map:area', bounds: data.bounds, classNames: data.classNames });
      latentMap.setPoints({ codes: data.codes, labels: data.labels, count: data.count });
      latentMap.events.on('move', (x, y) => {
        showProbe(x, y);
        if (session.mapPlay?.mode === 'path') session.extendPath(x, y);
      });
      latentMap.events.on('commit', (x, y) => {
        showProbe(x, y);
        if (isMap && session.mapPlay?.mode === 'dream') void session.dream(x, y);
        else if (isMap && session.mapPlay?.mode === 'path') session.extendPath(x, y);
        else if (isMap) void session.placeProbe(x, y);
      });
      if (session.mapPlay) latentMap.setPlaced(session.mapPlay.placed);
      focus.register(latentMap);
      const right = L.portrait
        ? null
        : { x: mapRect.x + side + 32, width: union.x + union.width - 16 - (mapRect.x + side + 32) };
      const imgSide = right ? Math.min(200, right.width) : 0;
      if (right) {
        probeTitle.setPosition(right.x, mapRect.y);
        probeImage.layout({ x: right.x, y: mapRect.y + 28, width: imgSide, height: imgSide });
        probeCaption.setPosition(right.x, mapRect.y + 36 + imgSide).setWrap(right.width);
      }
      viewToggle.setVisible(!isMap);
      if (chartJoined) lossCaption?.setPosition(toggleRect.x + toggleRect.width + 16, L.chartCard.y + 14);
      setView('map');
    };
    /** Holes in the map: the played AE map and the VAE map, titled; the VAE's probe mirrors the AE's. */
    const buildCompareMaps = (data: LatentMapData, cmp: LatentMapData): void => {
      const legend = LatentMap.legendHeight(data.classNames.length);
      let aeRect: Rect;
      let vaeRect: Rect;
      if (L.portrait) {
        // Stacked, each the card's full width; one legend (the classes' colours are the same) under the lower map.
        const top = union.y + 40;
        const titleH = 26;
        const h = Math.floor((union.y + union.height - 12 - top - titleH - legend) / 2);
        aeRect = { x: union.x + 16, y: top, width: union.width - 32, height: h };
        vaeRect = { x: union.x + 16, y: top + h + titleH, width: union.width - 32, height: h + legend };
        compareTitle.setPosition(vaeRect.x, top + h + 6);
      } else {
        const half = Math.floor((union.width - 32 - 24) / 2);
        const side = Math.min(half, union.height - 48 - 12 - legend);
        aeRect = {
          x: union.x + 16 + Math.floor((half - side) / 2),
          y: union.y + 48,
          width: side,
          height: side + legend,
        };
        vaeRect = {
          x: union.x + 16 + half + 24 + Math.floor((half - side) / 2),
          y: union.y + 48,
          width: side,
          height: side + legend,
        };
        compareTitle.setPosition(vaeRect.x, union.y + 14);
      }
      mapTitle.setText(t('level.map.aeTitle').toUpperCase()).setPosition(aeRect.x, union.y + 14);
      const ae = new LatentMap(this, {
        ...aeRect,
        id: 'map:area',
        bounds: data.bounds,
        classNames: data.classNames,
        legend: !L.portrait,
      });
      ae.setPoints({ codes: data.codes, labels: data.labels, count: data.count });
      const vae = new LatentMap(this, {
        ...vaeRect,
        id: 'map:compare',
        bounds: cmp.bounds,
        classNames: cmp.classNames,
      });
      vae.setPoints({ codes: cmp.codes, labels: cmp.labels, count: cmp.count });
      vae.setEnabled(false);
      const mirror = (x: number, y: number): void => {
        const a = data.bounds;
        const b = cmp.bounds;
        vae.setProbe(
          b.xMin + ((x - a.xMin) / (a.xMax - a.xMin)) * (b.xMax - b.xMin),
          b.yMin + ((y - a.yMin) / (a.yMax - a.yMin)) * (b.yMax - b.yMin),
        );
      };
      const p0 = ae.getProbe();
      mirror(p0.x, p0.y);
      ae.events.on('move', (x, y) => {
        showProbe(x, y);
        mirror(x, y);
      });
      ae.events.on('commit', (x, y) => {
        showProbe(x, y);
        mirror(x, y);
        void session.placeProbe(x, y);
      });
      focus.register(ae);
      latentMap = ae;
      compareMap = vae;
      viewToggle.setVisible(false);
      setView('map');
    };
    this.frame = () => {
      if (!pendingProbe || decoding || !latentMap || view !== 'map') return;
      const { x, y } = pendingProbe;
      const data = session.map;
      pendingProbe = null;
      decoding = true;
      session
        .decodeAt(x, y)
        .then((pixels) => {
          if (pixels && data) {
            probeImage.setImages({ pixels, count: 1, width: data.width, height: data.height });
            targetMatch?.setCurrent({ pixels, width: data.width, height: data.height }, session.mapPlay?.live ?? null);
          }
        })
        .catch(() => undefined)
        .finally(() => {
          decoding = false;
        });
    };

    // ---- arithmetic: the expression (left), the cards and the target (right) ----
    const exprSpec = session.expressionSpec;
    const termRows: { label: Label; slider: Slider; value: Label }[] = [];
    let deck: CardDeck | null = null;
    let arithMatch: TargetMatch | null = null;
    let clear: Button | null = null;
    // Phones: no room for the written-out expression; the term rows and the cards say it.
    const formula = new Label(this, {
      x: L.controls.x + 16,
      y: L.controls.y + 44,
      text: '',
      variant: 'body',
      wrap: L.controls.width - 32,
    }).setVisible(isArith && !L.portrait);
    if (isArith && exprSpec) {
      const top = L.controls.y + (L.portrait ? 44 : 96);
      for (let i = 0; i < exprSpec.maxTerms; i++) {
        const y = top + i * TERM_ROW;
        const label = new Label(this, { x: L.controls.x + 16, y: y + 4, text: '', variant: 'bodyMuted' });
        const slider = new Slider(this, {
          x: L.controls.x + 136,
          y,
          width: L.controls.width - 136 - 70,
          height: 28,
          id: `term:${i}`,
          min: -exprSpec.maxWeight,
          max: exprSpec.maxWeight,
          step: 0.05,
          value: 1,
        });
        const value = new Label(this, {
          x: L.controls.x + L.controls.width - 16,
          y: y + 4,
          text: '',
          variant: 'value',
          align: 1,
        });
        slider.events.on('change', (w) => session.setWeight(i, w));
        termRows.push({ label, slider, value });
      }
      clear = new Button(this, {
        x: L.controls.x + 16,
        y: top + exprSpec.maxTerms * TERM_ROW + 8,
        width: 140,
        height: 40,
        id: 'arith:clear',
        label: t('level.arith.clear'),
      });
      clear.events.on('press', () => session.clearTerms());
    }
    const buildArith = (): void => {
      const play = session.arith;
      if (!play || deck) return;
      const matchW = L.portrait ? union.width - 32 : 300;
      const deckRect = L.portrait
        ? { x: union.x + 16, y: union.y + 40, width: union.width - 32, height: Math.floor((union.height - 52) * 0.42) }
        : { x: union.x + 16, y: union.y + 48, width: union.width - 32 - matchW - 24, height: union.height - 64 };
      deck = new CardDeck(
        this,
        'arith:deck',
        deckRect,
        play.cards.map((c) => ({
          label: localize(c.card.label, getLocale()),
          image: c.image,
          width: play.width,
          height: play.height,
        })),
      );
      deck.events.on('pick', (i) => session.toggleCard(play.cards[i].card.id));
      focus.register(deck);
      const matchRect = L.portrait
        ? {
            x: union.x + 16,
            y: deckRect.y + deckRect.height + 12,
            width: matchW,
            height: union.y + union.height - 12 - (deckRect.y + deckRect.height + 12),
          }
        : {
            x: deckRect.x + deckRect.width + 24,
            y: union.y + 48,
            width: matchW,
            height: Math.min(300, union.height - 64),
          };
      arithMatch = new TargetMatch(
        this,
        'arith:target',
        matchRect,
        { target: t('level.map.targetImage'), current: t('level.arith.yours') },
        level.metric.unit === 'percent' ? level.stars[0] : 0,
      );
      arithMatch.setTarget({ pixels: play.targets[0], width: play.width, height: play.height });
      mapTitle
        .setText((L.portrait ? t('level.arith.titleShort') : t('level.arith.title')).toUpperCase())
        .setPosition(union.x + 16, union.y + 14);
      mapCard.setVisible(true);
      mapTitle.setVisible(true);
      for (let i = 0; i < play.cards.length; i++) registry.register(`card:${i}`, () => deck?.cardBounds(i) ?? null);
    };
    const renderArith = (): void => {
      const play = session.arith;
      if (!isArith || !exprSpec) return;
      buildArith();
      const terms = session.terms;
      const labelOf = (id: string): string => {
        const c = play?.cards.find((k) => k.card.id === id);
        return c ? localize(c.card.label, getLocale()) : id;
      };
      termRows.forEach((row, i) => {
        const term = terms[i];
        row.label.setVisible(term !== undefined).setText(term ? labelOf(term.card) : '');
        row.slider.setVisible(term !== undefined).setEnabled(term !== undefined);
        row.value.setVisible(term !== undefined).setText(term ? term.weight.toFixed(2) : '');
        if (term) row.slider.setValue(term.weight);
      });
      const expr =
        terms.length === 0
          ? t('level.arith.empty')
          : `z = ${terms.map((tm, i) => `${i > 0 && tm.weight >= 0 ? '+ ' : i > 0 ? '− ' : tm.weight < 0 ? '−' : ''}${Math.abs(tm.weight).toFixed(2)}·μ(${labelOf(tm.card)})`).join(' ')}`;
      formula.setText(expr);
      if (deck && play) {
        const selected = new Map<number, number>();
        terms.forEach((tm) =>
          selected.set(
            play.cards.findIndex((c) => c.card.id === tm.card),
            tm.weight,
          ),
        );
        deck.setSelected(selected);
      }
      const live = session.arithLive;
      if (arithMatch && play) {
        const percent = level.metric.unit === 'percent' ? (live?.headline ?? null) : null;
        const shown = live && terms.length > 0;
        const display =
          shown && level.metric.unit !== 'percent'
            ? t('level.arith.wrong', { value: formatMetricValue(live.headline, level.metric.unit, getLocale()) })
            : null;
        arithMatch.setCurrent(
          shown ? { pixels: live.results[0], width: play.width, height: play.height } : null,
          percent,
          display,
        );
      }
      clear?.setEnabled(terms.length > 0);
    };

    // ---- HUD (parallel scene, on top) ----
    const hudData: HudData = {
      session,
      registry,
      levelFocus: focus,
      setLevelInput: (on) => {
        this.input.enabled = on;
      },
      leave: () => this.leave(),
      results: () => this.toResults(),
    };
    this.scene.launch('Hud', hudData);

    // ---- session → widgets ----
    const render = (): void => {
      const busy = session.busy;
      controls.setEnabled(!busy && session.playable);
      train
        .setLabel(busy ? t('level.stop') : session.result ? t('level.trainAgain') : t('level.train'))
        .setVariant(busy ? 'danger' : 'primary')
        .setIcon(busy ? 'icon-stop' : 'icon-play')
        .setEnabled(session.playable && session.status !== 'card');
      if (isArith) {
        renderArith();
        train
          .setLabel(t('level.arith.check'))
          .setVariant('primary')
          .setIcon('icon-play')
          .setEnabled(session.arith !== null && session.status === 'idle' && session.expressionTerms().length > 0);
      }
      if (isMap) {
        const mp = session.mapPlay;
        const done = session.status === 'done';
        train
          .setLabel(
            done
              ? t('level.map.again')
              : mp?.mode === 'holes'
                ? t('level.map.score')
                : mp?.mode === 'dream'
                  ? t('level.dream.draw')
                  : mp?.mode === 'path'
                    ? t('level.path.check')
                    : t('level.map.place'),
          )
          .setVariant('primary')
          .setIcon('icon-play')
          .setEnabled(
            mp !== null &&
              (session.status === 'idle' || done) &&
              (done ||
                mp.mode === 'navigator' ||
                mp.mode === 'dream' ||
                (mp.mode === 'path' ? mp.path.length >= (session.pathSpec?.minPoints ?? 3) : mp.placed.length > 0)),
          );
        latentMap?.setPath(mp?.path ?? []);
        pathClear?.setEnabled((mp?.path.length ?? 0) > 0 && session.status !== 'preparing');
        latentMap?.setPlaced(mp?.placed ?? []);
        compareMap?.setPlaced((mp?.compareVerdicts ?? []).map((v) => ({ x: v.x, y: v.y, good: v.hole })));
        latentMap?.setEnabled(session.status === 'idle');
        mapStatus.setText(mapStatusText(session, L.portrait && compareMap !== null));
        if (mp && dreamSpec) {
          sigma?.setValue(mp.sigma).setEnabled(session.status === 'idle');
          sigmaValue?.setText(mp.sigma.toFixed(2));
          const data = session.map;
          dreamImage?.setImages(
            mp.lastDream && data ? { pixels: mp.lastDream, count: 1, width: data.width, height: data.height } : null,
          );
        }
        if (targetMatch && mp) {
          const data = session.map;
          targetMatch.setTarget(
            mp.targetImage && data ? { pixels: mp.targetImage, width: data.width, height: data.height } : null,
          );
        }
      }
      progress.set(progressView(session, L.portrait));
      if (hasChart) chart.setData(session.lossHistory);
      const images = session.images;
      const rows: Row[] = images ? (images.corrupted ? ['input', 'corrupted', 'output'] : ['input', 'output']) : [];
      const key = rows.join();
      if (key !== rowsKey) {
        rowsKey = key;
        visibleRows = rows;
        placeRows(L.imagesCard, rows, rowLabels, grids, imagesEmpty);
      }
      imagesPanel.setTitle(images?.source === 'heldOut' ? t('level.images.heldOut') : t('level.images.training'));
      showImages(grids, images);
      imagesEmpty.setVisible(!images);
      if (!session.playable) imagesEmpty.setText(t('level.notPlayable'));
      else if (isArith && !session.arith)
        imagesEmpty.setText(
          session.status === 'error' ? t('level.error', { detail: session.error ?? '' }) : t('level.map.loading'),
        );
      else if (isMap && !session.map)
        imagesEmpty.setText(
          session.status === 'error' ? t('level.error', { detail: session.error ?? '' }) : t('level.map.loading'),
        );
      if (isMap) imagesPanel.setTitle(t('level.view.map'));
      if (isArith) imagesPanel.setTitle(t('level.arith.title'));
      buildMap();
    };
    placeRows(L.imagesCard, [], rowLabels, grids, imagesEmpty);
    let recorded: unknown = null;
    cleanup.push(
      session.events.on('change', () => {
        render();
        // Every scored attempt goes to the progress store (it keeps the best).
        const r = session.result;
        if (session.status === 'done' && r && recorded !== r) {
          recorded = r;
          const st = context.store.getState();
          if (typeof st.recordLevelResult === 'function')
            st.recordLevelResult(level.id, { score: r.score, stars: r.stars, payload: r.payload });
          // A competition level: the attempt goes to the class outbox (stored, then sent; the server re-scores it).
          context.classroom.submitAttempt(level.id, r.payload);
        }
      }),
    );
    render();

    focus.register(...controls.focusables(), train, viewToggle);
    registry.register('level:train', () => train.getBounds());
    registry.register('level:progress', () => progress.getBounds());
    registry.register('level:lossChart', () => (hasChart ? chart.getBounds() : null));
    for (const row of ROWS)
      registry.register(grids[row].id, () =>
        visibleRows.includes(row) && view === 'images' ? grids[row].getBounds() : null,
      );
    for (const v of ['images', 'map'])
      registry.register(`level:view:${v}`, () => (latentMap ? viewToggle.optionBounds(v) : null));
    registry.register('map:area', () => (latentMap && view === 'map' ? latentMap.area() : null));
    registry.register('map:compare', () => (compareMap && view === 'map' ? compareMap.area() : null));
    registry.register('map:probe', () => (latentMap && view === 'map' ? latentMap.probeBounds() : null));
    registry.register('map:place', () => (isMap ? train.getBounds() : null));
    if (pathClear) {
      registry.register('path:clear', () => pathClear.getBounds());
      focus.register(pathClear);
    }
    if (sigma) {
      registry.register('dream:sigma', () => sigma.getBounds());
      focus.register(sigma);
    }
    termRows.forEach((row, i) =>
      registry.register(`term:${i}`, () => (i < session.terms.length ? row.slider.getBounds() : null)),
    );
    if (clear) {
      const c = clear;
      registry.register('arith:clear', () => c.getBounds());
      focus.register(c);
    }
    for (const row of termRows) focus.register(row.slider);
    if (targetMatch) registry.register('map:target', () => targetMatch.getBounds());
    registry.register('map:decode', () => (latentMap && !compareMap && view === 'map' ? probeImage.getBounds() : null));

    // The phone turned (or the window changed shape): rebuild at the new base size, keeping the attempt.
    const builtAt = { width: this.scale.width, height: this.scale.height };
    // Phones with a tall column: the camera scrolls between the HUD's top bar and hint strip.
    if (L.contentHeight > this.scale.height) {
      const band = { top: L.topBar.height, bottom: L.hint.y };
      cleanup.push(installCameraScroll(this, { contentHeight: L.contentHeight, band, focused: () => focus.focused() }));
    }
    const onResize = (size: Phaser.Structs.Size): void => {
      if (size.width === builtAt.width && size.height === builtAt.height) return;
      this.rebuilding = true;
      this.scene.restart({ levelId: level.id, session });
    };
    this.scale.on(Phaser.Scale.Events.RESIZE, onResize);

    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.scale.off(Phaser.Scale.Events.RESIZE, onResize);
      for (const off of cleanup.splice(0)) off();
      this.scene.stop('Hud');
      if (!this.rebuilding) {
        session.dispose();
        setCurrentSession(null);
      }
      this.session = null;
      focus.destroy();
      controls.destroy();
      for (const w of [train, progress, chart, viewToggle, probeImage]) w.destroy();
      targetMatch?.destroy();
      sigma?.destroy();
      pathClear?.destroy();
      dreamImage?.destroy();
      sigmaLabel?.destroy();
      (deck as CardDeck | null)?.destroy();
      (arithMatch as TargetMatch | null)?.destroy();
      clear?.destroy();
      for (const row of termRows) row.slider.destroy();
      mapStatus.destroy();
      latentMap?.destroy();
      compareMap?.destroy();
      this.frame = null;
      for (const row of ROWS) grids[row].destroy();
      registry.clear();
      context.widgets = null;
      context.ready = false;
      context.renderGate?.setContinuous(true);
      this.input.enabled = true;
    });

    // The HUD's clock ticks every frame, so keep drawing continuously on the Canvas renderer.
    context.renderGate?.setContinuous(true);
    context.widgets = registry;
    context.ready = true;
  }

  override update(): void {
    this.frame?.();
  }

  /** Back to the world map (or the title / lab while those scenes are not in the game): cancels any job. */
  leave(): void {
    this.session?.dispose();
    this.scene.stop('Hud');
    const inClass = this.session ? getContext(this).classroom.playsLevel(this.session.level.id) : false;
    const target =
      inClass && this.hasScene('Classroom') ? 'Classroom' : (LEAVE_TARGETS.find((k) => this.hasScene(k)) ?? 'Title');
    this.scene.start(target);
  }

  /** The level's result to the Results scene (when the game has one), else back out. */
  toResults(): void {
    const session = this.session;
    const r = session?.result;
    if (!session || !r) return;
    if (!this.hasScene('Results')) {
      this.leave();
      return;
    }
    const payload: ResultsSceneData = {
      levelId: session.level.id,
      score: r.score,
      stars: r.stars,
      goalMet: r.goalMet,
      detail: r.detail,
    };
    session.dispose();
    this.scene.stop('Hud');
    this.scene.start('Results', payload);
  }

  private hasScene(key: string): boolean {
    return this.game.scene.keys[key] !== undefined;
  }
}

function isMapLevelWithTargets(level: LevelDefinition): boolean {
  return level.setup.kind === 'map' && level.solution.kind === 'latentPoints' && (level.setup.targets?.length ?? 0) > 0;
}

/** `compact`: phones with the two stacked maps (Holes in the map): single line breaks, the help only before the first point. */
function mapStatusText(session: LevelSession, compact = false): string {
  const mp = session.mapPlay;
  const spec = session.pointsSpec;
  const draws = session.drawsSpec;
  if (mp && draws) {
    const last = mp.judged[mp.judged.length - 1];
    const lines: string[] = [];
    lines.push(t('level.dream.found', { digits: mp.found.length > 0 ? mp.found.join(' ') : '–' }));
    if (last) {
      const verdict = predictedClass(last);
      lines.push(
        mp.placed[mp.placed.length - 1]?.good
          ? t('level.dream.clean', { digit: verdict.label })
          : t('level.dream.unclear'),
      );
    }
    lines.push(t('level.dream.help'));
    return lines.join('\n\n');
  }
  const path = session.pathSpec;
  if (mp && path) {
    const p = session.level.goal.params ?? {};
    return [
      t('level.path.status', { n: mp.path.length, max: path.maxPoints }),
      t('level.path.help', { start: String(p.start), via: String(p.via), end: String(p.end) }),
    ].join('\n\n');
  }
  if (!mp || !spec) return '';
  const lines: string[] = [];
  if (mp.mode === 'navigator') {
    const best = mp.placed.length > 0 ? Math.max(...mp.placed.map((p) => p.value)) : null;
    lines.push(
      t('level.map.navStatus', {
        n: mp.placed.length,
        max: spec.maxPoints,
        best: best === null ? '–' : `${best.toFixed(1)}%`,
      }),
    );
    lines.push(t('level.map.navHelp'));
  } else {
    const holes = mp.placed.filter((p) => p.good).length;
    lines.push(t('level.map.holesStatus', { holes, n: mp.placed.length, max: spec.maxPoints }));
    const last = mp.placed[mp.placed.length - 1];
    const probs = mp.judged[mp.judged.length - 1];
    if (last && probs) {
      const digit = probs.indexOf(Math.max(...probs));
      lines.push(
        last.good
          ? t('level.map.judgeHole')
          : t('level.map.judgeDigit', { digit, confidence: Math.round(last.value * 100) }),
      );
      const vae =
        mp.compareVerdicts.length === mp.placed.length ? mp.compareVerdicts[mp.compareVerdicts.length - 1] : undefined;
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
    if (!compact || mp.placed.length === 0) lines.push(t('level.map.holesHelp'));
  }
  if (session.message === 'tooClose') lines.push(t('level.map.tooClose', { min: spec.minSeparation }));
  return lines.join(compact ? '\n' : '\n\n');
}

/** `compact`: phones, where the progress bar's lines are about 55 characters wide. */
function progressView(session: LevelSession, compact = false): ProgressBarState {
  const level = session.level;
  const exprSpec = session.expressionSpec;
  if (session.arithmeticSetup && exprSpec && session.status !== 'done' && session.status !== 'error') {
    const n = session.terms.length;
    const live = session.arithLive;
    return {
      fraction: n / exprSpec.maxTerms,
      title: !session.arith ? t('level.map.loading') : t('level.arith.progress', { n, max: exprSpec.maxTerms }),
      right:
        live && n > 0
          ? t('level.arith.live', { value: formatMetricValue(live.headline, level.metric.unit, getLocale()) })
          : '',
      detail: t('level.map.model', { asset: (level.setup as { asset: string }).asset }),
    };
  }
  if (session.mapLevel && session.status !== 'done' && session.status !== 'error') {
    const mp = session.mapPlay;
    const max = session.pointsSpec?.maxPoints ?? session.drawsSpec?.maxDraws ?? session.pathSpec?.maxPoints ?? 1;
    const n = mp?.mode === 'path' ? mp.path.length : (mp?.placed.length ?? 0);
    return {
      fraction: n / max,
      title:
        session.status === 'preparing' || !mp
          ? t('level.map.loading')
          : mp.mode === 'path'
            ? t('level.path.status', { n, max })
            : mp.mode === 'dream'
              ? t('level.dream.progress', { n, max, found: mp.found.length })
              : t('level.map.progress', { n, max }),
      right: mp?.live !== null && mp?.live !== undefined ? t('level.map.live', { match: mp.live.toFixed(1) }) : '',
      detail: t('level.map.model', { asset: (level.setup as { asset: string }).asset }),
    };
  }
  const params = session.paramCount();
  const weights = params !== null ? t('level.weights', { params }) : '';
  const p = session.progress;
  switch (session.status) {
    case 'card':
    case 'idle':
      if (session.interruption && session.interruption.kind !== 'resumed')
        return { fraction: 0, ...interruptionLines(session.interruption), right: '', muted: true };
      return {
        fraction: 0,
        title: session.message ?? t('level.ready'),
        right: '',
        detail: weights,
        muted: session.message !== null,
      };
    case 'unplayable':
      return { fraction: 0, title: t('level.notPlayable'), right: '', detail: '', muted: true };
    case 'preparing':
      return { fraction: 0, title: t('level.preparing'), right: '', detail: weights };
    case 'training': {
      const fraction = p && p.totalSteps > 0 ? p.step / p.totalSteps : 0;
      if (session.restarting)
        return { fraction, title: t('level.resume.restarting'), right: '', detail: weights, muted: true };
      const resumed =
        session.interruption?.kind === 'resumed' ? interruptionLines(session.interruption, compact).detail : '';
      return {
        fraction,
        title: p
          ? `${t('level.training')} · ${t('progress.steps', { step: p.step, total: p.totalSteps })}`
          : t('level.training'),
        right: p && p.step > 0 ? t('progress.eta', { eta: formatDuration(p.etaMs) }) : '',
        // The resume notice takes the detail line: it matters more than the rate while the run catches up.
        detail:
          resumed ||
          [p ? t('progress.rate', { rate: Math.round(p.samplesPerSecond) }) : '', weights].filter(Boolean).join(' · '),
      };
    }
    case 'measuring':
      return {
        fraction: 1,
        title: t('level.measuring'),
        right: p ? t('progress.took', { time: formatDuration(p.elapsedMs) }) : '',
        detail: weights,
      };
    case 'done': {
      const r = session.result;
      const value = r ? formatMetricValue(r.score, level.metric.unit, getLocale()) : '';
      return {
        fraction: 1,
        title: r?.goalMet
          ? t('level.doneWon', { value, stars: '★'.repeat(r.stars) + '☆'.repeat(3 - r.stars) })
          : t('level.doneMissed', { value }),
        right: p ? t('progress.took', { time: formatDuration(p.elapsedMs) }) : '',
        detail:
          session.interruption?.kind === 'resumed'
            ? t('level.resume.resumedDone', { step: session.interruption.fromStep ?? 0 })
            : weights,
      };
    }
    case 'error':
      if (session.interruption?.kind === 'failed')
        return { fraction: 0, ...interruptionLines(session.interruption), right: '', muted: true };
      return {
        fraction: 0,
        title: t('level.error', { detail: session.error ?? '' }),
        right: '',
        detail: '',
        muted: true,
      };
  }
}

function placeRows(
  card: Rect,
  rows: readonly Row[],
  labels: Record<Row, Label>,
  grids: Record<Row, ImageGrid>,
  empty: Label,
): void {
  const labelW = card.width < 500 ? 84 : 112;
  const top = card.y + 40;
  const bottom = card.y + card.height - 12;
  const n = Math.max(1, rows.length);
  const rowH = Math.min(64, Math.floor((bottom - top - (n - 1) * 8) / n));
  const gridW = Math.min(card.width - 32 - labelW, IMAGE_COLUMNS * (rowH + 6));
  for (const row of ROWS) {
    const i = rows.indexOf(row);
    labels[row].setVisible(i >= 0);
    grids[row].setVisible(i >= 0);
    if (i < 0) continue;
    const y = top + i * (rowH + 8);
    labels[row].setPosition(card.x + 16, y + rowH / 2 - 10);
    grids[row].layout({ x: card.x + 16 + labelW, y, width: gridW, height: rowH });
  }
  empty.setPosition(card.x + card.width / 2, card.y + card.height / 2 - 6);
  empty.setColor(CSS.muted);
}

function showImages(grids: Record<Row, ImageGrid>, images: ImageRows | null): void {
  const as = (pixels: Float32Array | undefined) =>
    images && pixels ? { pixels, count: images.count, width: images.width, height: images.height } : null;
  grids.input.setImages(as(images?.inputs));
  grids.corrupted.setImages(as(images?.corrupted));
  grids.output.setImages(as(images?.outputs));
}

export type { LevelLayout };
