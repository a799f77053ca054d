import type * as Phaser from 'phaser';
import { nearestCode, perImageMse } from '../../shared/drawing';
import { setDrawnLetterView } from '../draw/drawn-digit';
import { GLYPH_HEIGHT, GLYPH_PIXELS, GLYPH_WIDTH, glyphBitmap, LETTERS } from '../../shared/glyphs';
import { t } from '../../shared/messages';
import { errorText } from '../ml/engine-words';
import { corrupt } from '../../shared/noise';
import type { PretrainedAssetName } from '../../shared/worker-api';
import type { GameContext } from '../context';
import type { ImageGrid } from '../ui/ImageGrid';
import type { Label } from '../ui/Label';
import { LatentMap } from '../ui/LatentMap';
import { LetterPad } from '../ui/LetterPad';
import type { Rect } from '../ui/theme';

/** The glyph model a letter goes through: the Letter forge's small VAE on the 7x5 font (4-D code, trained without E). */
const MODEL: PretrainedAssetName = 'letters-vae-forge';
const NOISE = { type: 'gaussian', sigma: 0.35 } as const;
const SHAPE = { width: GLYPH_WIDTH, height: GLYPH_HEIGHT };

/** What the letter side of the Draw screen shares with the digit side (same image row, status and detail lines). */
export interface LetterOutputs {
  images: ImageGrid;
  status: Label;
  detail: Label;
}

/**
 * The Draw screen's letter mode (#14): a 7x5 letter tapped pixel by pixel goes through the glyph VAE: its
 * reconstruction, what the model makes of it with noise, its code (a ring on the map of the font's 26 letters,
 * the first two of its four code numbers) and the font letter whose code is nearest.
 * Widget ids: draw:letterPad draw:letterMap.
 */
export class LetterMode {
  readonly pad: LetterPad;
  readonly map: LatentMap;
  private model: { id: string; codes: Float32Array; dim: number } | null = null;
  private loading: Promise<void> | null = null;
  private pending = 0;
  private alive = true;

  constructor(
    scene: Phaser.Scene,
    private readonly context: GameContext,
    rects: { pad: Rect; map: Rect },
    private readonly out: LetterOutputs,
  ) {
    this.pad = new LetterPad(scene, { ...rects.pad, id: 'draw:letterPad' });
    this.map = new LatentMap(scene, {
      ...rects.map,
      id: 'draw:letterMap',
      bounds: { xMin: -3, xMax: 3, yMin: -3, yMax: 3 },
      classNames: LETTERS,
      legend: false,
    });
    this.map.setEnabled(false);
    this.pad.events.on('change', () => void this.analyse());
  }

  setVisible(on: boolean): void {
    this.pad.setVisible(on);
    this.map.setVisible(on);
    if (on) void this.start();
  }

  destroy(): void {
    this.alive = false;
    this.pad.destroy();
    this.map.destroy();
  }

  /** Loads the model and the font letters' codes once, then analyses what is on the pad. */
  private start(): Promise<void> {
    this.loading ??= this.load().catch((error: unknown) => {
      if (this.alive) this.out.status.setText(t('level.error', { detail: errorText(error) }));
    });
    return this.loading.then(() => this.analyse());
  }

  private async load(): Promise<void> {
    const { bridge } = this.context;
    this.out.status.setText(t('draw.loadingLetters'));
    const info = await bridge.loadPretrained(MODEL);
    const font = new Float32Array(LETTERS.length * GLYPH_PIXELS);
    LETTERS.forEach((ch, i) => font.set(glyphBitmap(ch), i * GLYPH_PIXELS));
    const codes = await bridge.encode(info.modelId, font);
    if (!this.alive) return;
    const dim = info.latentSize;
    this.model = { id: info.modelId, codes, dim };
    const xy = new Float32Array(LETTERS.length * 2);
    let lim = 1;
    for (let i = 0; i < LETTERS.length; i++) {
      xy[2 * i] = codes[i * dim];
      xy[2 * i + 1] = codes[i * dim + 1];
      lim = Math.max(lim, Math.abs(xy[2 * i]) + 0.5, Math.abs(xy[2 * i + 1]) + 0.5);
    }
    this.map.setBounds({ xMin: -lim, xMax: lim, yMin: -lim, yMax: lim });
    this.map.setPoints({ codes: xy, labels: Uint8Array.from(LETTERS, (_, i) => i), count: LETTERS.length });
  }

  private async analyse(): Promise<void> {
    const ticket = ++this.pending;
    const { images, status, detail } = this.out;
    if (this.pad.grid.isEmpty()) {
      setDrawnLetterView(null);
      images.setImages(null);
      this.map.setPlaced([]);
      status.setText(t('drawing.letterHint'));
      detail.setText('');
      this.context.renderGate?.invalidate();
      return;
    }
    const model = this.model;
    if (!model) return;
    const { bridge } = this.context;
    const image = this.pad.grid.bitmap();
    const noisy = corrupt(image, SHAPE, NOISE, 7);
    const [code, rebuilt, denoised] = await Promise.all([
      bridge.encode(model.id, image.slice()),
      bridge.reconstruct(model.id, image.slice()),
      bridge.reconstruct(model.id, noisy.slice()),
    ]);
    if (!this.alive || ticket !== this.pending) return;
    const near = nearestCode(model.codes, LETTERS.length, model.dim, code);
    setDrawnLetterView({
      nearest: LETTERS[near.index],
      code: Array.from(code.subarray(0, model.dim)),
      error: perImageMse(image, rebuilt, GLYPH_PIXELS)[0],
    });
    const pixels = new Float32Array(GLYPH_PIXELS * 4);
    [image, rebuilt, noisy, denoised].forEach((img, i) => pixels.set(img.subarray(0, GLYPH_PIXELS), i * GLYPH_PIXELS));
    images.setImages({ pixels, count: 4, ...SHAPE });
    this.map.setPlaced([{ x: code[0], y: code[1], good: true, tag: LETTERS[near.index] }]);
    status.setText(
      t('draw.nearestLetter', { letter: LETTERS[near.index], distance: Number(near.distance.toFixed(2)) }),
    );
    const numbers = Array.from(code.subarray(0, model.dim), (v) => v.toFixed(2)).join('; ');
    detail.setText(t('draw.letterCode', { code: numbers }));
    this.context.renderGate?.invalidate();
  }
}
