/** The images card: input / corrupted / rebuilt rows of the live training preview or the held-out images. */
import { t } from '../../../shared/messages';
import type { ImageRows } from '../../ml/progress-types';
import { ImageGrid, type GridImages, type PixelBox } from '../../ui/ImageGrid';
import { erasedSquares } from '../../../shared/levels/harness';
import type { LevelDefinition } from '../../../shared/levels/types';
import { Label } from '../../ui/Label';
import { Panel } from '../../ui/Panel';
import { CSS, type Rect } from '../../ui/theme';
import { registerId } from '../../ui/widget-ids';
import { INK_THRESHOLD } from '../../../shared/scoring/pixels';
import { PREVIEW_COUNT, showsAlphabet } from '../plays/trained-play';
import type { ViewContext } from './view';

const ROWS = ['input', 'corrupted', 'output', 'prior'] as const;
type Row = (typeof ROWS)[number];
// One column per preview image the worker sends, so no grid slot stays empty.
const IMAGE_COLUMNS = PREVIEW_COUNT;
/** The whole alphabet after a run (Squeeze, the identity trap): two rows of 13 per image row. */
const ALPHABET_GRID = { columns: 13, rows: 2, gap: 4 };

/** Per image, the pixels whose binarised value differs between input and rebuilt image (scoring.wrongPixels). */
export function wrongPixelMarks(inputs: Float32Array, outputs: Float32Array, size: number): number[][] {
  const marks: number[][] = [];
  for (let start = 0; start + size <= Math.min(inputs.length, outputs.length); start += size) {
    const wrong: number[] = [];
    for (let p = 0; p < size; p++)
      if (inputs[start + p] >= INK_THRESHOLD !== outputs[start + p] >= INK_THRESHOLD) wrong.push(p);
    marks.push(wrong);
  }
  return marks;
}

/** The erased squares of a level whose held-out test is block noise on MNIST (the first noise kind), else null. */
function heldOutSquares(
  level: LevelDefinition,
  count: number,
  shape: { width: number; height: number },
): PixelBox[] | null {
  const setup = level.setup;
  if (setup.kind !== 'trained' || setup.heldOut.source !== 'mnistTest') return null;
  const noise = setup.heldOut.noises[0];
  if (!noise || noise.type !== 'block') return null;
  return erasedSquares(count, { width: shape.width, height: shape.height }, noise, setup.heldOut.noiseSeed);
}

export class ImageRowsCard {
  readonly panel: Panel;
  readonly empty: Label;
  private readonly labels: Record<Row, Label>;
  private readonly grids: Record<Row, ImageGrid>;
  private visible: Row[] = [];
  private key = '';
  private readonly alphabet: boolean;

  constructor(
    private readonly ctx: ViewContext,
    /** Whether the images show (false while a map covers the card). */
    private readonly shown: () => boolean = () => true,
  ) {
    const { scene, L } = ctx;
    this.panel = new Panel(scene, { ...L.imagesCard, title: t('level.images.training') });
    this.labels = {
      input: new Label(scene, { x: 0, y: 0, text: t('level.images.input'), variant: 'bodyMuted' }),
      corrupted: new Label(scene, { x: 0, y: 0, text: t('level.images.corrupted'), variant: 'bodyMuted' }),
      output: new Label(scene, { x: 0, y: 0, text: t('level.images.output'), variant: 'bodyMuted' }),
      prior: new Label(scene, { x: 0, y: 0, text: t('level.images.prior'), variant: 'bodyMuted' }),
    };
    this.alphabet = showsAlphabet(ctx.session.level);
    const shape = this.alphabet ? ALPHABET_GRID : { columns: IMAGE_COLUMNS };
    const grid = (row: Row): ImageGrid =>
      new ImageGrid(scene, { x: 0, y: 0, width: 10, height: 10, id: `level:images:${row}`, ...shape });
    this.grids = { input: grid('input'), corrupted: grid('corrupted'), output: grid('output'), prior: grid('prior') };
    this.empty = new Label(scene, {
      x: 0,
      y: 0,
      text: t('images.empty'),
      variant: 'small',
      align: 0.5,
      maxWidth: L.imagesCard.width - 24,
    });
    this.place(L.imagesCard, []);
    this.registerIds();
  }

  /** Shows `images` (null: the empty line). */
  show(images: ImageRows | null): void {
    const rows: Row[] = images
      ? [...(images.corrupted ? (['input', 'corrupted', 'output'] as const) : (['input', 'output'] as const))]
      : [];
    if (images?.prior) rows.push('prior');
    const key = rows.join();
    if (key !== this.key) {
      this.key = key;
      this.visible = rows;
      this.place(this.ctx.L.imagesCard, rows);
    }
    const setup = this.ctx.session.level.setup;
    const trap = setup.kind === 'trained' && setup.heldOut.source === 'letters' && !!setup.heldOut.randomPatterns;
    this.panel.setTitle(
      images?.source === 'heldOut'
        ? t(trap ? 'level.images.trap' : 'level.images.heldOut')
        : t('level.images.training'),
    );
    const as = (pixels: Float32Array | undefined): GridImages | null =>
      images && pixels ? { pixels, count: images.count, width: images.width, height: images.height } : null;
    // Inpainting: the erased square is outlined on the corrupted and the rebuilt rows of the held-out images.
    const boxes = images?.source === 'heldOut' ? heldOutSquares(this.ctx.session.level, images.count, images) : null;
    this.grids.corrupted.setOverlay(boxes ? { boxes } : null);
    this.grids.input.setImages(as(images?.inputs));
    this.grids.corrupted.setImages(as(images?.corrupted));
    const output = as(images?.outputs);
    // After a run on the alphabet, the rebuilt letters show their wrong pixels outlined.
    this.grids.output.setOverlay(
      output && images?.source === 'heldOut' && this.alphabet
        ? { marks: wrongPixelMarks(images.inputs, output.pixels, images.width * images.height) }
        : boxes
          ? { boxes }
          : null,
    );
    this.grids.output.setImages(output);
    this.grids.prior.setImages(as(images?.prior));
    this.empty.setVisible(!images);
  }

  destroy(): void {
    for (const row of ROWS) this.grids[row].destroy();
  }

  /** A grid's id also reports nothing while a map covers the card (the grid itself stays drawn beneath). */
  private registerIds(): void {
    for (const row of ROWS)
      registerId(this.ctx.scene, this.grids[row].id, () =>
        this.visible.includes(row) && this.shown() ? this.grids[row].getBounds() : null,
      );
  }

  private place(card: Rect, rows: readonly Row[]): void {
    const labelW = card.width < 500 ? 84 : 112;
    const top = card.y + 40;
    const bottom = card.y + card.height - 12;
    const n = Math.max(1, rows.length);
    const rowH = Math.min(64, Math.floor((bottom - top - (n - 1) * 8) / n));
    const gridW = this.alphabet
      ? card.width - 32 - labelW
      : Math.min(card.width - 32 - labelW, IMAGE_COLUMNS * (rowH + 6));
    for (const row of ROWS) {
      const i = rows.indexOf(row);
      this.labels[row].setVisible(i >= 0);
      this.grids[row].setVisible(i >= 0);
      if (i < 0) continue;
      const y = top + i * (rowH + 8);
      this.labels[row].setPosition(card.x + 16, y + rowH / 2 - 10);
      this.grids[row].layout({ x: card.x + 16 + labelW, y, width: gridW, height: rowH });
    }
    this.empty.setPosition(card.x + card.width / 2, card.y + card.height / 2 - 6);
    this.empty.setColor(CSS.muted);
  }
}
