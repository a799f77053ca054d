import { describe, expect, it } from 'vitest';
import { cellPlace, COLORMAP, paintGridPixels, type GridPicture } from '../../src/game/ui/grid-pixels';

const EMPTY = 0x10182a;
const rgbaAt = (out: Uint8ClampedArray, width: number, x: number, y: number): number[] =>
  Array.from(out.subarray((y * width + x) * 4, (y * width + x) * 4 + 4));
const mapped = (v: number): number[] => {
  const k = Math.round(v * 255) * 3;
  return [COLORMAP[k], COLORMAP[k + 1], COLORMAP[k + 2], 255];
};

/** Two 2x2 images in a 2-column grid of 7x7 cells with a 2 px gap: scale 3, each image centred in its cell. */
function picture(pixels: number[]): GridPicture {
  return {
    width: 16,
    height: 7,
    columns: 2,
    rows: 1,
    cellWidth: 7,
    cellHeight: 7,
    gap: 2,
    empty: EMPTY,
    images: { pixels: Float32Array.from(pixels), count: 2, width: 2, height: 2 },
  };
}

describe('paintGridPixels', () => {
  it('scales each image by a whole factor, nearest neighbour, centred in its cell, over the cell backdrop', () => {
    const p = picture([0, 1, 0.5, 0.25, 1, 1, 1, 1]);
    const out = new Uint8ClampedArray(16 * 7 * 4);
    paintGridPixels(out, p);
    expect(cellPlace(p, 0)).toEqual({ x: 0, y: 0, ox: 0, oy: 0, scale: 3 });
    expect(cellPlace(p, 1)).toEqual({ x: 9, y: 0, ox: 9, oy: 0, scale: 3 });
    // Image 0: its four pixels as 3x3 blocks.
    expect(rgbaAt(out, 16, 0, 0)).toEqual(mapped(0));
    expect(rgbaAt(out, 16, 2, 2)).toEqual(mapped(0));
    expect(rgbaAt(out, 16, 3, 0)).toEqual(mapped(1));
    expect(rgbaAt(out, 16, 5, 2)).toEqual(mapped(1));
    expect(rgbaAt(out, 16, 0, 3)).toEqual(mapped(0.5));
    expect(rgbaAt(out, 16, 4, 5)).toEqual(mapped(0.25));
    // The rest of the 7x7 cell is its backdrop; the gap between cells stays transparent.
    expect(rgbaAt(out, 16, 6, 6)).toEqual([0x10, 0x18, 0x2a, 255]);
    expect(rgbaAt(out, 16, 7, 3)).toEqual([0, 0, 0, 0]);
    expect(rgbaAt(out, 16, 10, 4)).toEqual(mapped(1));
  });

  it('draws a NaN or out-of-range pixel as 0 or 1, never garbage; cells without an image are bare', () => {
    const p = {
      ...picture([Number.NaN, 2, -1, 0.5]),
      images: { pixels: Float32Array.of(Number.NaN, 2, -1, 0.5), count: 1, width: 2, height: 2 },
    };
    const out = new Uint8ClampedArray(16 * 7 * 4).fill(77);
    paintGridPixels(out, p);
    expect(rgbaAt(out, 16, 0, 0)).toEqual(mapped(0));
    expect(rgbaAt(out, 16, 3, 0)).toEqual(mapped(1));
    expect(rgbaAt(out, 16, 0, 3)).toEqual(mapped(0));
    expect(rgbaAt(out, 16, 10, 4)).toEqual([0x10, 0x18, 0x2a, 255]);
  });

  it('with no images paints only the backdrops (what an empty grid shows before a run)', () => {
    const p = { ...picture([]), images: null };
    const out = new Uint8ClampedArray(16 * 7 * 4);
    paintGridPixels(out, p);
    expect(rgbaAt(out, 16, 3, 3)).toEqual([0x10, 0x18, 0x2a, 255]);
    expect(rgbaAt(out, 16, 8, 3)).toEqual([0, 0, 0, 0]);
  });

  it('matches a pixel-by-pixel reference on grids whose images overflow or are clipped by the picture', () => {
    // The same rule written the slow, obvious way: every canvas pixel asks which cell and which image pixel it is.
    const reference = (p: GridPicture): Uint8ClampedArray => {
      const out = new Uint8ClampedArray(p.width * p.height * 4);
      const put = (x: number, y: number, rgb: readonly number[]): void => {
        if (x < 0 || y < 0 || x >= p.width || y >= p.height) return;
        out.set([...rgb, 255], (y * p.width + x) * 4);
      };
      for (let i = 0; i < p.columns * p.rows; i++) {
        const c = cellPlace(p, i);
        for (let y = c.y; y < c.y + Math.round(p.cellHeight); y++)
          for (let x = c.x; x < c.x + Math.round(p.cellWidth); x++) put(x, y, [0x10, 0x18, 0x2a]);
        const imgs = p.images;
        if (!imgs || i >= imgs.count) continue;
        for (let y = 0; y < imgs.height * c.scale; y++)
          for (let x = 0; x < imgs.width * c.scale; x++) {
            const v =
              imgs.pixels[
                i * imgs.width * imgs.height + Math.floor(y / c.scale) * imgs.width + Math.floor(x / c.scale)
              ];
            put(c.ox + x, c.oy + y, mapped(Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0))).slice(0, 3));
          }
      }
      return out;
    };
    let seed = 7;
    const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 40; trial++) {
      const [iw, ih] = [1 + Math.floor(rand() * 6), 1 + Math.floor(rand() * 6)];
      const columns = 1 + Math.floor(rand() * 4);
      const rows = 1 + Math.floor(rand() * 3);
      const count = Math.floor(rand() * (columns * rows + 1));
      const p: GridPicture = {
        // Sometimes narrower or shorter than the cells need (clipped), cells of fractional size, images larger
        // than their cell (scale 1, centred off the cell's edges).
        width: 3 + Math.floor(rand() * 40),
        height: 3 + Math.floor(rand() * 30),
        columns,
        rows,
        cellWidth: 2 + rand() * 14,
        cellHeight: 2 + rand() * 14,
        gap: Math.floor(rand() * 4),
        empty: EMPTY,
        images: {
          pixels: Float32Array.from({ length: count * iw * ih }, () => rand() * 1.4 - 0.2),
          count,
          width: iw,
          height: ih,
        },
      };
      const out = new Uint8ClampedArray(p.width * p.height * 4).fill(99);
      paintGridPixels(out, p);
      expect(Array.from(out), `trial ${trial}`).toEqual(Array.from(reference(p)));
    }
  });
});
