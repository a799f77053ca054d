/**
 * Where the Level scene's and the HUD's pieces go, as plain rectangles from the game size: landscape
 * (1280x720) side by side; portrait (phones) stacked. Widgets take their rects from here only.
 */
import type { Rect } from '../ui/theme';

export interface LevelLayout {
  portrait: boolean;
  /** HUD */
  topBar: Rect;
  title: { x: number; y: number };
  goal: { x: number; y: number; wrap: number };
  meter: Rect;
  concept: Rect;
  leave: Rect;
  timer: { x: number; y: number };
  hint: Rect;
  /** Modal cards (concept card, result). */
  card: Rect;
  result: Rect;
  /** Level scene */
  controls: Rect;
  runCard: Rect;
  train: Rect;
  progress: Rect;
  chartCard: Rect;
  chart: Rect;
  imagesCard: Rect;
  /** Height of everything laid out: taller than the screen on phones whose level has many controls (the scene scrolls). */
  contentHeight: number;
  /** The chart card sits right above the images card (the latent map / cards view takes both). */
  chartJoined: boolean;
}

const M = 16;

/**
 * `controlsHeight`: what the level's control panel needs (portrait stacks it; landscape gives it a column).
 * `liveChart`: the level trains (so it shows the live loss chart); map and card levels do not.
 */
export function layoutLevel(width: number, height: number, controlsHeight = 320, liveChart = true): LevelLayout {
  return width >= height ? landscape(width, height) : portrait(width, height, controlsHeight, liveChart);
}

function landscape(width: number, height: number): LevelLayout {
  const topBar = { x: 0, y: 0, width, height: 112 };
  const buttonsW = 124;
  const leave = { x: width - M - buttonsW, y: 14, width: buttonsW, height: 42 };
  const concept = { x: leave.x - 10 - buttonsW, y: 14, width: buttonsW, height: 42 };
  const meter = { x: concept.x - 28 - 320, y: 12, width: 320, height: 84 };
  const hint = { x: M, y: height - M - 58, width: width - 2 * M, height: 58 };
  const top = topBar.height + 12;
  const bottom = hint.y - 10;
  const controls = { x: M, y: top, width: 364, height: bottom - top };
  const rx = controls.x + controls.width + M;
  const rw = width - rx - M;
  const runCard = { x: rx, y: top, width: rw, height: 84 };
  const train = { x: rx + 16, y: top + 18, width: 168, height: 48 };
  const progress = {
    x: train.x + train.width + 24,
    y: top + 12,
    width: rx + rw - 16 - (train.x + train.width + 24),
    height: 60,
  };
  const chartCard = { x: rx, y: runCard.y + runCard.height + 10, width: rw, height: 190 };
  const chart = { x: chartCard.x + 12, y: chartCard.y + 8, width: chartCard.width - 24, height: chartCard.height - 14 };
  const imagesTop = chartCard.y + chartCard.height + 10;
  const imagesCard = { x: rx, y: imagesTop, width: rw, height: bottom - imagesTop };
  const cardW = Math.min(880, width - 80);
  const cardH = height - 40;
  const card = { x: (width - cardW) / 2, y: (height - cardH) / 2, width: cardW, height: cardH };
  const result = { x: (width - 600) / 2, y: (height - 260) / 2, width: 600, height: 260 };
  return {
    portrait: false,
    topBar,
    title: { x: M + 4, y: 12 },
    goal: { x: M + 4, y: 64, wrap: meter.x - M - 36 },
    meter,
    concept,
    leave,
    timer: { x: width - M, y: 68 },
    hint,
    card,
    result,
    controls,
    runCard,
    train,
    progress,
    chartCard,
    chart,
    imagesCard,
    contentHeight: height,
    chartJoined: true,
  };
}

function portrait(width: number, height: number, controlsHeight: number, liveChart: boolean): LevelLayout {
  const w = width - 2 * M;
  const topBar = { x: 0, y: 0, width, height: 178 };
  const leave = { x: width - M - 84, y: 10, width: 84, height: 40 };
  // Wide enough for "? Concept" in every language (the button fits its label by rule; the title fits what is left).
  const concept = { x: leave.x - 8 - 92, y: 10, width: 92, height: 40 };
  const meter = { x: M, y: 108, width: w, height: 66 };
  const hint = { x: M, y: height - M - 76, width: w, height: 76 };
  let y = topBar.height + 8;
  const runCard = { x: M, y, width: w, height: 124 };
  const train = { x: M + 12, y: y + 10, width: w - 24, height: 44 };
  const progress = { x: M + 12, y: y + 60, width: w - 24, height: 60 };
  y += runCard.height + 8;
  const rest = hint.y - 8 - (y + controlsHeight + 8);
  // Few controls: everything fits on one screen (controls, chart, images). A trained level with many controls
  // (or any level whose images would be squeezed): one scrolling column with the live loss chart right under the
  // progress bar, then the controls, then the images. Otherwise (map levels) the images take what is left.
  const fits = rest >= 300;
  const scrolls = !fits && (liveChart || rest < 200);
  let controls: Rect;
  let chartCard: Rect;
  let imagesCard: Rect;
  if (scrolls) {
    chartCard = { x: M, y, width: w, height: liveChart ? 190 : 0 };
    if (liveChart) y += chartCard.height + 8;
    controls = { x: M, y, width: w, height: controlsHeight };
    y += controls.height + 8;
    imagesCard = { x: M, y, width: w, height: 420 };
  } else {
    controls = { x: M, y, width: w, height: controlsHeight };
    y += controls.height + 8;
    const chartH = fits ? Math.floor(rest * 0.42) : 0;
    chartCard = { x: M, y, width: w, height: chartH };
    if (chartH > 0) y += chartH + 8;
    imagesCard = { x: M, y, width: w, height: Math.max(0, hint.y - 8 - y) };
  }
  const chart = {
    x: chartCard.x + 8,
    y: chartCard.y + 8,
    width: chartCard.width - 16,
    height: Math.max(0, chartCard.height - 14),
  };
  // Scrolled to the end, the images card ends just above the hint strip.
  const contentHeight = !scrolls ? height : imagesCard.y + imagesCard.height + 8 + (height - hint.y);
  const card = { x: 8, y: 16, width: width - 16, height: height - 32 };
  const result = { x: M, y: (height - 360) / 2, width: w, height: 360 };
  return {
    portrait: true,
    topBar,
    title: { x: M, y: 10 },
    goal: { x: M, y: 62, wrap: w },
    meter,
    concept,
    leave,
    timer: { x: width - M, y: 108 },
    hint,
    card,
    result,
    controls,
    runCard,
    train,
    progress,
    chartCard,
    chart,
    imagesCard,
    contentHeight,
    chartJoined: !scrolls,
  };
}
