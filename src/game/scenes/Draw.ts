import * as Phaser from 'phaser';
import { goTo } from '../scene-loader';
import { perImageMse, preprocessStrokes, shareBelow, topClass, type TryOwn } from '../../shared/drawing';
import { t } from '../../shared/messages';
import { errorText } from '../ml/engine-words';
import { corrupt } from '../../shared/noise';
import type { PretrainedAssetName } from '../../shared/worker-api';
import { drawnDigitView, setDrawnDigitView, setDrawnLetterView } from '../draw/drawn-digit';
import { encodeMap, type LatentMapData } from '../level/plays/latent-map';
import { Button } from '../ui/Button';
import { DrawingPad } from '../ui/DrawingPad';
import { ImageGrid } from '../ui/ImageGrid';
import { Label } from '../ui/Label';
import { LatentMap } from '../ui/LatentMap';
import { SegmentedControl } from '../ui/SegmentedControl';
import { CSS } from '../ui/theme';
import { drawLayout } from './draw-layout';
import { LetterMode } from './draw-letter';
import { MineMode } from './draw-mine';
import { LETTERS } from '../../shared/glyphs';
import { Slider } from '../ui/Slider';
import { addNoticeBanner, beginScreen, SCENES, type SceneKey } from './screen-kit';

export interface DrawData {
  /** The scene Back returns to (default the Lab). */
  from?: SceneKey;
  /** Start with the 7x5 letter pad instead of the digit pad. */
  mode?: DrawMode;
  /** The 2-D model a digit goes through (a won map level's own; default the 2-D VAE). */
  model?: TryOwn['model'];
  /** Where Back goes with its data (the Results screen of the level it came from); overrides `from`. */
  back?: { scene: SceneKey; data?: object };
}

type DrawMode = 'digit' | 'letter' | 'mine';

/** The pretrained 2-D VAE: its codes are the map, its decoder the reconstructions. */
const MODEL: PretrainedAssetName = 'mnist-vae-2d';
const NOISE = { type: 'gaussian', sigma: 0.35 } as const;
/** Above this share the drawing is flagged as unlike the digits the model learnt (anomaly). */
const UNUSUAL = 0.95;
const BRUSHES = { thin: 0.07, medium: 0.1, thick: 0.14 } as const;
type Brush = keyof typeof BRUSHES;

/**
 * Draw your own digit (#14): a drawing pad (mouse, pen, touch; brush, undo, clear), pre-processed the way MNIST
 * digits were, then given to the pretrained 2-D VAE: its reconstruction, its code as a ring on the latent map among
 * 1,000 held-out digits, the judge's verdict, the same model's output for the drawing with noise added, and its
 * reconstruction error against the real digits' (a first taste of anomaly detection).
 * Keep puts the drawing in the save (a digit with the judge's digit; a letter as my letter for the one picked
 * with draw:letterAs): the Lab trains on them, world 4 deals the digits as cards, and Mine lists them.
 * Widget ids: draw:pad draw:undo draw:clear draw:keep draw:letterAs draw:brush:thin|medium|thick draw:images
 * draw:map draw:back draw:mode:digit|letter|mine draw:mine
 */
export class Draw extends Phaser.Scene {
  constructor() {
    super('Draw');
  }

  create(data: DrawData): void {
    const screen = beginScreen(this, data);
    const { context } = screen;
    const { bridge } = context;
    const L = drawLayout(screen.width, screen.height, screen.portrait);
    const from = data?.from ?? SCENES.lab;
    setDrawnDigitView(null);
    setDrawnLetterView(null);

    const back = new Button(this, { ...L.back, id: 'draw:back', label: t('nav.back') });
    const goBack = (): void => (data?.back ? goTo(this, data.back.scene, data.back.data) : goTo(this, from));
    back.events.on('press', goBack);
    this.input.keyboard?.on('keydown-ESC', goBack);
    const title = new Label(this, { ...L.title, text: t('draw.title'), variant: 'title', maxWidth: L.title.width });
    const hint = new Label(this, { ...L.hint, text: t('drawing.digitHint'), variant: 'bodyMuted', wrap: L.hint.width });
    title.setVisible(!screen.portrait);
    const mode = new SegmentedControl<DrawMode>(this, {
      ...L.mode,
      idPrefix: 'draw:mode',
      options: [
        { value: 'digit', label: t('draw.modeDigit') },
        { value: 'letter', label: t('draw.modeLetter') },
        { value: 'mine', label: t('draw.modeMine') },
      ],
      value: 'digit',
    });

    const pad = new DrawingPad(this, { ...L.pad, id: 'draw:pad', brush: BRUSHES.medium });
    const brush = new SegmentedControl<Brush>(this, {
      ...L.brush,
      idPrefix: 'draw:brush',
      options: [
        { value: 'thin', label: '•' },
        { value: 'medium', label: '●' },
        { value: 'thick', label: '⬤' },
      ],
      value: 'medium',
    });
    brush.events.on('change', (v) => pad.setBrush(BRUSHES[v]));
    const undo = new Button(this, { ...L.undo, id: 'draw:undo', label: t('drawing.undo') });
    const clear = new Button(this, { ...L.clear, id: 'draw:clear', label: t('drawing.clear') });
    let current = 'digit' as DrawMode;
    const letterMode = (): boolean => current !== 'digit';
    const keep = new Button(this, { ...L.keep, id: 'draw:keep', label: t('draw.keep') });
    const letterAs = new Slider(this, { ...L.letterAs, id: 'draw:letterAs', min: 0, max: 25, step: 1, value: 0 });
    const chosenLetter = (): string => LETTERS[letterAs.getValue()];
    undo.events.on('press', () => (current === 'letter' ? letters.pad.undo() : pad.undo()));
    clear.events.on('press', () => (current === 'letter' ? letters.pad.clear() : pad.clear()));

    const captions = [t('draw.yours'), t('draw.rebuilt'), t('draw.noisy'), t('draw.denoised')];
    const images = new ImageGrid(this, { ...L.images, id: 'draw:images', columns: 4, gap: L.gap });
    const cell = L.images.width / 4;
    const captionLabels = captions.map(
      (text, i) =>
        new Label(this, {
          x: L.images.x + cell * i + (cell - L.gap) / 2,
          y: L.images.y + L.images.height + 4,
          text,
          variant: 'small',
          align: 0.5,
          maxWidth: cell - 4,
        }),
    );
    const status = new Label(this, { ...L.status, text: t('draw.loading'), variant: 'body', wrap: L.status.width });
    const detail = new Label(this, { ...L.detail, text: '', variant: 'bodyMuted', wrap: L.detail.width });
    const map = new LatentMap(this, {
      ...L.map,
      id: 'draw:map',
      bounds: { xMin: -3, xMax: 3, yMin: -3, yMax: 3 },
      classNames: Array.from({ length: 10 }, (_, i) => String(i)),
    });
    const mapHint = new Label(this, { ...L.mapHint, text: t('draw.mapHint'), variant: 'small', wrap: L.mapHint.width });
    map.setEnabled(false);
    // The 7x5 letter side: same image row, status and detail lines, its own pad and map.
    const letters = new LetterMode(this, context, { pad: L.pad, map: L.map }, { images, status, detail });
    const mine = new MineMode(this, context, L.mine);
    const setMode = (next: DrawMode): void => {
      current = next;
      const letter = next === 'letter';
      const digit = next === 'digit';
      const drawing = next !== 'mine';
      for (const w of [pad, brush, map]) w.setVisible(digit);
      for (const w of [undo, clear, keep, images]) w.setVisible(drawing);
      for (const w of [status, detail, mapHint, ...captionLabels]) w.setVisible(drawing);
      letterAs.setVisible(letter);
      letters.setVisible(letter);
      mine.setVisible(!drawing);
      mode.setValue(next);
      keep.setLabel(letter ? t('draw.keepLetter', { letter: chosenLetter() }) : t('draw.keep'));
      title.setText(t(letter ? 'draw.titleLetter' : 'draw.title'));
      hint.setText(t(letter ? 'drawing.letterHint' : digit ? 'drawing.digitHint' : 'draw.mineHint'));
      mapHint.setText(t(letter ? 'draw.letterMapHint' : 'draw.mapHint'));
      detail.setColor(CSS.muted);
      if (digit) void analyse();
      context.renderGate?.invalidate();
    };
    mode.events.on('change', (v) => setMode(v));
    // Picking the letter to replace starts from the font's (undoable): "change the font's letters".
    letterAs.events.on('change', () => {
      letters.pad.load(chosenLetter());
      keep.setLabel(t('draw.keepLetter', { letter: chosenLetter() }));
    });
    if (data?.mode === 'letter') setMode('letter');
    else {
      letters.setVisible(false);
      letterAs.setVisible(false);
      mine.setVisible(false);
    }
    screen.onShutdown(() => letters.destroy());
    screen.onShutdown(() => mine.destroy());
    addNoticeBanner(this, screen, L.banner);
    screen.add(back, undo, clear, keep);
    screen.add(mode);
    screen.add(brush);
    screen.add(letterAs);

    const { store } = context;
    const keptLine = (): string => {
      const kept = store.getState().progress.drawings;
      return t('draw.kept', { digits: kept?.digits.length ?? 0, letters: kept?.letters.length ?? 0 });
    };
    keep.events.on('press', () => {
      if (current === 'letter') {
        if (letters.pad.grid.isEmpty()) return void status.setText(t('drawing.empty'));
        store.getState().keepLetterDrawing(chosenLetter(), letters.pad.grid.bitmap());
        detail.setText(keptLine());
      } else if (current === 'digit') {
        const prepared = preprocessStrokes(pad.model.strokes());
        const seen = drawnDigitView();
        if (!prepared.ok || !seen) return void status.setText(t('drawing.empty'));
        store.getState().keepDigitDrawing(prepared.image, seen.verdict.digit);
        detail.setColor(CSS.muted).setText(keptLine());
      }
      context.renderGate?.invalidate();
    });

    // The model, the held-out digits' codes and their reconstruction errors: loaded once per visit.
    let model: { id: string; map: LatentMapData; errors: Float32Array } | null = null;
    let alive = true;
    let pending = 0;
    screen.onShutdown(() => {
      alive = false;
    });

    const analyse = async (): Promise<void> => {
      if (letterMode()) return;
      const ticket = ++pending;
      const prepared = preprocessStrokes(pad.model.strokes());
      if (!prepared.ok) {
        setDrawnDigitView(null);
        images.setImages(null);
        context.renderGate?.invalidate();
        map.setPlaced([]);
        status.setText(t('drawing.empty'));
        detail.setText('');
        return;
      }
      if (!model) return;
      const image = prepared.image;
      const noisy = corrupt(image, { width: 28, height: 28 }, NOISE, 7);
      const [code, rebuilt, denoised, judged] = await Promise.all([
        bridge.encode(model.id, image.slice()),
        bridge.reconstruct(model.id, image.slice()),
        bridge.reconstruct(model.id, noisy.slice()),
        bridge.classify(image.slice()),
      ]);
      if (!alive || ticket !== pending || letterMode()) return;
      const error = perImageMse(image, rebuilt, 784)[0];
      const worseThan = shareBelow(error, model.errors);
      const verdict = topClass(judged.probabilities);
      setDrawnDigitView({
        code: [code[0], code[1]],
        verdict: { digit: verdict.index, probability: verdict.probability },
        error,
        worseThan,
      });
      const pixels = new Float32Array(784 * 4);
      [image, rebuilt, noisy, denoised].forEach((img, i) => pixels.set(img.subarray(0, 784), i * 784));
      images.setImages({ pixels, count: 4, width: 28, height: 28 });
      // A drawing far from every real digit: widen the map so its ring is still on it.
      const b = model.map.bounds;
      const margin = 0.3;
      map.setBounds({
        xMin: Math.min(b.xMin, code[0] - margin),
        xMax: Math.max(b.xMax, code[0] + margin),
        yMin: Math.min(b.yMin, code[1] - margin),
        yMax: Math.max(b.yMax, code[1] + margin),
      });
      map.setProbe(code[0], code[1]).setPlaced([{ x: code[0], y: code[1], good: true }]);
      status.setText(t('draw.judge', { digit: verdict.index, percent: Math.round(verdict.probability * 100) }));
      const errorLine = t('draw.error', { error: Number(error.toFixed(3)), percent: Math.round(worseThan * 100) });
      detail.setText(worseThan > UNUSUAL ? `${errorLine} ${t('draw.unusual')}` : errorLine);
      detail.setColor(worseThan > UNUSUAL ? CSS.warning : CSS.muted);
      context.renderGate?.invalidate();
    };
    pad.events.on('change', () => void analyse());

    const load = async (): Promise<void> => {
      const info = await bridge.loadPretrained(data?.model ?? MODEL);
      const mapData = await encodeMap(bridge, info.modelId, mapClassNames(), null);
      const real = await bridge.getImages('mnist', 'test', 0, mapData.count);
      const rebuilt = await bridge.reconstruct(info.modelId, real.images.slice());
      if (!alive) return;
      model = { id: info.modelId, map: mapData, errors: perImageMse(real.images, rebuilt, 784) };
      map.setBounds(mapData.bounds).setPoints({ codes: mapData.codes, labels: mapData.labels, count: mapData.count });
      map.setProbe((mapData.bounds.xMin + mapData.bounds.xMax) / 2, (mapData.bounds.yMin + mapData.bounds.yMax) / 2);
      if (!letterMode()) status.setText(t('drawing.digitHint'));
      await analyse();
    };
    load()
      .catch((error: unknown) => {
        if (alive) status.setText(t('level.error', { detail: errorText(error) }));
      })
      .finally(() => {
        if (!alive) return;
        screen.ready();
      });
  }
}

const mapClassNames = (): string[] => Array.from({ length: 10 }, (_, i) => String(i));
