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
});
