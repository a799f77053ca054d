import type * as Phaser from 'phaser';
import { t } from '../../../shared/messages';
import { imageRowRects, type LabLayout } from '../../layout/lab-layout';
import type { PreviewImages } from '../../state';
import { Button } from '../../ui/Button';
import { ImageGrid } from '../../ui/ImageGrid';
import { Label } from '../../ui/Label';
import { LossChart } from '../../ui/LossChart';
import { NoticeBanner } from '../../ui/NoticeBanner';
import { Panel } from '../../ui/Panel';
import { ProgressBar } from '../../ui/ProgressBar';

export const IMAGE_ROWS = ['original', 'noisy', 'reconstructed'] as const;
export type ImageRow = (typeof IMAGE_ROWS)[number];

/** The Lab's run side: run card (train / pause / cancel + progress), loss chart, image rows and notice banner. */
export interface LabOutput {
  readonly train: Button;
  readonly pause: Button;
  readonly cancel: Button;
  readonly progress: ProgressBar;
  readonly chart: LossChart;
  readonly rowLabels: Record<ImageRow, Label>;
  readonly grids: Record<ImageRow, ImageGrid>;
  readonly imagesEmpty: Label;
  readonly notice: NoticeBanner;
  /** Everything of the loss chart and images cards (the Training view; hidden while another view shows). */
  readonly trainObjects: Phaser.GameObjects.GameObject[];
}

export function buildLabOutput(scene: Phaser.Scene, L: LabLayout): LabOutput {
  // ---- run card: buttons + progress ----
  new Panel(scene, L.runCard);
  const train = new Button(scene, {
    ...L.buttons.train,
    id: 'train',
    label: t('button.train'),
    variant: 'primary',
    icon: 'icon-play',
  });
  const pause = new Button(scene, { ...L.buttons.pause, id: 'pause', label: t('button.pause'), icon: 'icon-pause' });
  const cancel = new Button(scene, {
    ...L.buttons.cancel,
    id: 'cancel',
    label: t('button.cancel'),
    variant: 'danger',
    icon: 'icon-stop',
  });
  const progress = new ProgressBar(scene, 'progress', L.progress);

  // ---- loss chart ----
  const firstTrainObject = scene.children.list.length;
  new Panel(scene, L.chartCard);
  new Label(scene, {
    x: L.chartCard.x + 16,
    y: L.chartCard.y + 14,
    text: t('section.loss').toUpperCase(),
    variant: 'section',
  });
  const chart = new LossChart(scene, 'lossChart', L.chart, {
    total: t('loss.total'),
    reconstruction: t('loss.reconstruction'),
    reconstructionIsTotal: t('loss.reconstructionIsTotal'),
    kl: t('loss.kl'),
    empty: L.portrait ? splitInTwo(t('loss.empty')) : t('loss.empty'),
    step: t('loss.axisStep'),
  });

  // ---- images ----
  new Panel(scene, { ...L.imagesCard, title: t('section.images') });
  const rowLabels: Record<ImageRow, Label> = {
    original: new Label(scene, { x: 0, y: 0, text: t('images.original'), variant: 'bodyMuted' }),
    noisy: new Label(scene, { x: 0, y: 0, text: t('images.noisy'), variant: 'bodyMuted' }),
    reconstructed: new Label(scene, { x: 0, y: 0, text: t('images.reconstructed'), variant: 'bodyMuted' }),
  };
  const grids: Record<ImageRow, ImageGrid> = {
    original: new ImageGrid(scene, { ...L.imageRows[0].grid, id: 'images:original', columns: 8 }),
    noisy: new ImageGrid(scene, { ...L.imageRows[1].grid, id: 'images:noisy', columns: 8 }),
    reconstructed: new ImageGrid(scene, { ...L.imageRows[2].grid, id: 'images:reconstructed', columns: 8 }),
  };
  const imagesEmpty = new Label(scene, {
    x: 0,
    y: 0,
    text: L.portrait ? splitInTwo(t('images.empty')) : t('images.empty'),
    variant: 'small',
    align: 0.5,
  });
  imagesEmpty.text.setAlign('center');

  const trainObjects = scene.children.list.slice(firstTrainObject);
  const notice = new NoticeBanner(scene, { ...L.notice, id: 'notice', dismissLabel: t('button.dismiss') });
  return { train, pause, cancel, progress, chart, rowLabels, grids, imagesEmpty, notice, trainObjects };
}

/** A long caption on two lines, broken at the space nearest the middle (narrow phone cards). */
function splitInTwo(text: string): string {
  const mid = text.length / 2;
  let best = -1;
  for (let i = 0; i < text.length; i++)
    if (text[i] === ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  return best < 0 ? text : `${text.slice(0, best)}\n${text.slice(best + 1)}`;
}

export function placeImageRows(
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

export function showImages(grids: Record<ImageRow, ImageGrid>, preview: PreviewImages | null): void {
  const as = (pixels: Float32Array | undefined) =>
    preview && pixels ? { pixels, count: preview.count, width: preview.width, height: preview.height } : null;
  grids.original.setImages(as(preview?.inputs));
  grids.noisy.setImages(as(preview?.corrupted));
  grids.reconstructed.setImages(as(preview?.outputs));
}
