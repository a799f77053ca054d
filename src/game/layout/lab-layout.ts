/**
 * Where the Lab's pieces go, as plain rectangles computed from the game size. Landscape (1280x720) is
 * the one used today; a portrait variant for phones (390x844) slots in here without touching the widgets.
 */
import type { Rect } from '../ui/theme';

export interface ControlRows {
  dataset: Rect;
  kind: Rect;
  bottleneck: Rect;
  hidden: Rect;
  noise: Rect;
  noiseLevel: Rect;
  backend: Rect;
}

export interface LabLayout {
  /** True for the phone layout (one column). */
  portrait: boolean;
  topBar: Rect;
  /** The Back button (to the title screen), left in the top bar. */
  back: Rect;
  controls: Rect;
  /** Each control's own rect; its section label sits 24 px above it. */
  rows: ControlRows;
  runCard: Rect;
  buttons: { train: Rect; pause: Rect; cancel: Rect };
  progress: Rect;
  chartCard: Rect;
  chart: Rect;
  imagesCard: Rect;
  /** Caption column and image strip per row (three rows; see imageRowRects for fewer). */
  imageRows: ImageRowRect[];
  notice: Rect;
  /** branch lab: the view switch under the run card (Training / Settings / Generate / Compare). */
  viewTabs: Rect;
  /** branch lab: where a view draws (Training: the chart and images cards; the others cover it all). */
  outputArea: Rect;
  /** Height of everything laid out; taller than the screen in portrait, where the Lab scrolls. */
  contentHeight: number;
  /** Width of the caption column beside each image strip. */
  imageLabelWidth: number;
}

export interface ImageRowRect {
  label: Rect;
  grid: Rect;
}

export const SECTION_LABEL_OFFSET = 24;
/** Image cells never grow past this, so two rows look like three rows' images, just spaced out. */
const MAX_ROW_HEIGHT = 64;

/** `count` image rows spread over the images card below its title. */
export function imageRowRects(card: Rect, count: number, labelW = 140): ImageRowRect[] {
  const top = card.y + 40;
  const bottom = card.y + card.height - 12;
  const rowH = Math.min(MAX_ROW_HEIGHT, Math.floor((bottom - top - 2 * 8) / 3));
  const gap = count > 1 ? Math.min(24, Math.floor((bottom - top - count * rowH) / (count - 1))) : 0;
  const gridW = Math.min(card.width - 32 - labelW, 8 * (rowH + 8));
  return Array.from({ length: count }, (_, i) => {
    const y = top + i * (rowH + gap);
    return {
      label: { x: card.x + 16, y, width: labelW, height: rowH },
      grid: { x: card.x + 16 + labelW, y, width: gridW, height: rowH },
    };
  });
}
const M = 20;
/** Phones: the height of the views' area (the Generate view's map, samples and strip, one under another). */
const PORTRAIT_OUTPUT_HEIGHT = 860;

export function layoutLab(width: number, height: number): LabLayout {
  if (height > width) return layoutLabPortrait(width, height);
  const topBar = { x: 0, y: 0, width, height: 72 };
  const top = topBar.height + 10;
  const controls = { x: M, y: top, width: 400, height: height - top - M };

  // Left column: label (24) + control + gap, top to bottom.
  const cx = controls.x + 16;
  const cw = controls.width - 32;
  let y = controls.y + 18 + SECTION_LABEL_OFFSET;
  const row = (h: number, gap = 16): Rect => {
    const r = { x: cx, y, width: cw, height: h };
    y += h + gap + SECTION_LABEL_OFFSET;
    return r;
  };
  const rows: ControlRows = {
    dataset: row(38),
    kind: row(36 * 2 + 6),
    bottleneck: row(28),
    hidden: row(38),
    noise: row(34 * 2 + 6, 10),
    noiseLevel: row(28),
    backend: row(34),
  };

  const rx = controls.x + controls.width + M;
  const rw = width - rx - M;
  const runCard = { x: rx, y: top, width: rw, height: 84 };
  const by = runCard.y + 20;
  const buttons = {
    train: { x: rx + 16, y: by, width: 136, height: 44 },
    pause: { x: rx + 16 + 136 + 10, y: by, width: 120, height: 44 },
    cancel: { x: rx + 16 + 136 + 10 + 120 + 10, y: by, width: 120, height: 44 },
  };
  const px = buttons.cancel.x + buttons.cancel.width + 28;
  const progress = { x: px, y: runCard.y + 12, width: rx + rw - 16 - px, height: 60 };

  const noticeH = 44;
  const notice = { x: rx, y: height - M - noticeH, width: rw, height: noticeH };

  const viewTabs = { x: rx, y: runCard.y + runCard.height + 8, width: Math.min(rw, 4 * 140), height: 36 };
  const chartCard = { x: rx, y: viewTabs.y + viewTabs.height + 8, width: rw, height: 190 };
  const chart = { x: chartCard.x + 12, y: chartCard.y + 8, width: chartCard.width - 24, height: chartCard.height - 14 };

  const imagesTop = chartCard.y + chartCard.height + 12;
  const imagesCard = { x: rx, y: imagesTop, width: rw, height: notice.y - 10 - imagesTop };
  const imageRows = imageRowRects(imagesCard, 3);
  const outputArea = { x: rx, y: chartCard.y, width: rw, height: imagesCard.y + imagesCard.height - chartCard.y };

  const back = { x: 16, y: 14, width: 92, height: 44 };
  return {
    portrait: false,
    topBar,
    back,
    controls,
    rows,
    runCard,
    buttons,
    progress,
    chartCard,
    chart,
    imagesCard,
    imageRows,
    notice,
    viewTabs,
    outputArea,
    contentHeight: height,
    imageLabelWidth: 140,
  };
}

/**
 * Phones (e.g. 420 x 909 game pixels for a 390x844 screen): one column, notices under the top bar, then the
 * controls, the run card, the loss chart and the images. Taller than the screen: the Lab scrolls vertically.
 */
export function layoutLabPortrait(width: number, height: number): LabLayout {
  const m = 12;
  const topBar = { x: 0, y: 0, width, height: 64 };
  const back = { x: m, y: 10, width: 84, height: 44 };
  const notice = { x: m, y: topBar.height + 8, width: width - 2 * m, height: 64 };
  const cardW = width - 2 * m;
  const controlsTop = notice.y + notice.height + 10;
  const cx = m + 14;
  const cw = cardW - 28;
  let y = controlsTop + 16 + SECTION_LABEL_OFFSET;
  const row = (h: number, gap = 14): Rect => {
    const r = { x: cx, y, width: cw, height: h };
    y += h + gap + SECTION_LABEL_OFFSET;
    return r;
  };
  const rows: ControlRows = {
    dataset: row(44),
    kind: row(40 * 2 + 6),
    bottleneck: row(32),
    hidden: row(44),
    noise: row(40 * 2 + 6, 10),
    noiseLevel: row(32),
    backend: row(44),
  };
  const controls = { x: m, y: controlsTop, width: cardW, height: y - SECTION_LABEL_OFFSET - controlsTop };
  const runCard = { x: m, y: controls.y + controls.height + 10, width: cardW, height: 150 };
  const bw = Math.floor((cw - 20) / 3);
  const by = runCard.y + 14;
  const buttons = {
    train: { x: cx, y: by, width: bw, height: 50 },
    pause: { x: cx + bw + 10, y: by, width: bw, height: 50 },
    cancel: { x: cx + 2 * (bw + 10), y: by, width: bw, height: 50 },
  };
  const progress = { x: cx, y: by + 62, width: cw, height: 64 };
  const viewTabs = { x: m, y: runCard.y + runCard.height + 10, width: cardW, height: 44 };
  const chartCard = { x: m, y: viewTabs.y + viewTabs.height + 10, width: cardW, height: 210 };
  const chart = { x: chartCard.x + 8, y: chartCard.y + 8, width: chartCard.width - 16, height: chartCard.height - 14 };
  const imagesCard = { x: m, y: chartCard.y + chartCard.height + 10, width: cardW, height: 230 };
  const imageLabelWidth = 108;
  const imageRows = imageRowRects(imagesCard, 3, imageLabelWidth);
  // The Settings and Generate views stack their parts in one column: taller than the chart and the images.
  const outputArea = { x: m, y: chartCard.y, width: cardW, height: PORTRAIT_OUTPUT_HEIGHT };
  const contentHeight = Math.max(height, outputArea.y + outputArea.height + m);
  return {
    portrait: true,
    topBar,
    back,
    controls,
    rows,
    runCard,
    buttons,
    progress,
    chartCard,
    chart,
    imagesCard,
    imageRows,
    notice,
    viewTabs,
    outputArea,
    contentHeight,
    imageLabelWidth,
  };
}
