/** Where the Generate view's parts go inside the Lab's output area: map left and parts right (wide), stacked (phones). */
import type { Rect } from '../../ui/theme';

export interface GenerateLayout {
  title: Rect;
  mode: Rect;
  map: Rect;
  probeTitle: Rect;
  probe: Rect;
  classPicker: Rect;
  samplesTitle: Rect;
  sheet: Rect;
  sigma: Rect;
  seedButton: Rect;
  stripTitle: Rect;
  picks: Rect;
  strip: Rect;
  stripHint: Rect;
}

export function generateLayout(area: Rect, portrait: boolean, legend: number): GenerateLayout {
  const x = area.x + 16;
  if (portrait) {
    const w = area.width - 32;
    const mapSide = 300;
    const row1 = area.y + 84 + mapSide + legend + 16;
    const sheetX = x + 140;
    const sheetW = w - 140;
    const row2 = row1 + 272;
    return {
      title: { x, y: area.y + 12, width: w, height: 24 },
      mode: { x, y: area.y + 40, width: w, height: 34 },
      map: { x, y: area.y + 84, width: w, height: mapSide + legend },
      probeTitle: { x, y: row1, width: 120, height: 36 },
      probe: { x, y: row1 + 40, width: 110, height: 110 },
      classPicker: { x, y: row1 + 160, width: 120, height: 72 },
      samplesTitle: { x: sheetX, y: row1, width: sheetW, height: 20 },
      sheet: { x: sheetX, y: row1 + 26, width: 116, height: 116 },
      seedButton: { x: sheetX, y: row1 + 150, width: sheetW, height: 38 },
      sigma: { x: sheetX, y: row1 + 234, width: sheetW, height: 28 },
      stripTitle: { x, y: row2, width: w, height: 20 },
      picks: { x, y: row2 + 28, width: w, height: 34 },
      strip: { x, y: row2 + 72, width: w, height: 44 },
      stripHint: { x, y: row2 + 122, width: w, height: 30 },
    };
  }
  const mapSide = Math.min(300, area.height - 60 - legend);
  const rx = x + mapSide + 24;
  const rw = area.x + area.width - 16 - rx;
  const top = area.y + 48;
  const sheetX = rx + 150;
  const sheetW = rw - 150;
  const row2 = area.y + area.height - 170;
  return {
    // The three view buttons need ~140 px each for "Cuadrícula decodificada" / "Mřížka dekódování" unshrunk.
    title: { x, y: area.y + 14, width: area.width - 32 - 430, height: 24 },
    mode: { x: area.x + area.width - 16 - 420, y: area.y + 8, width: 420, height: 32 },
    map: { x, y: top, width: mapSide, height: mapSide + legend },
    probeTitle: { x: rx, y: top, width: 130, height: 36 },
    probe: { x: rx, y: top + 38, width: 100, height: 100 },
    classPicker: { x: rx, y: top + 146, width: 130, height: 56 },
    samplesTitle: { x: sheetX, y: top, width: sheetW, height: 20 },
    sheet: { x: sheetX, y: top + 26, width: 128, height: 128 },
    sigma: { x: sheetX + 140, y: top + 50, width: sheetW - 140, height: 28 },
    seedButton: { x: sheetX + 140, y: top + 96, width: sheetW - 140, height: 40 },
    stripTitle: { x: rx, y: row2, width: rw, height: 20 },
    picks: { x: rx, y: row2 + 26, width: rw, height: 40 },
    strip: { x: rx, y: row2 + 74, width: rw, height: 48 },
    stripHint: { x: rx, y: row2 + 128, width: rw, height: 30 },
  };
}
