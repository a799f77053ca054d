import { describe, expect, it } from 'vitest';
import { cellAt, LetterGrid, letterFromTaps, StrokeModel, type Cell } from '../../src/shared/drawing';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphBitmap } from '../../src/shared/glyphs';

const pad = (): StrokeModel => new StrokeModel({ width: 280, height: 280 });

function draw(model: StrokeModel, points: [number, number][], thickness = 16): void {
  model.begin({ x: points[0][0], y: points[0][1] }, thickness);
  for (const [x, y] of points.slice(1)) model.extend({ x, y });
  model.end();
}

describe('stroke model', () => {
  it('records a stroke from pen down to pen up, visible while it is being drawn', () => {
    const m = pad();
    expect(m.isEmpty()).toBe(true);
    expect(m.begin({ x: 10, y: 20 }, 12)).toBe(true);
    expect(m.extend({ x: 30, y: 40 })).toBe(true);
    expect(m.isDrawing()).toBe(true);
    expect(m.strokes()).toEqual([
      {
        points: [
          { x: 10, y: 20 },
          { x: 30, y: 40 },
        ],
        thickness: 12,
      },
    ]);
    expect(m.canUndo()).toBe(false);
    m.end();
    expect(m.isDrawing()).toBe(false);
    expect(m.canUndo()).toBe(true);
    expect(m.strokes()).toHaveLength(1);
  });

  it('skips jitter, clamps points onto the pad, ignores non-finite input and moves with the pen up', () => {
    const m = pad();
    expect(m.extend({ x: 5, y: 5 })).toBe(false);
    m.begin({ x: -50, y: 300 }, 8);
    expect(m.extend({ x: 0.4, y: 279.8 })).toBe(false);
    expect(m.extend({ x: NaN, y: 3 })).toBe(false);
    expect(m.extend({ x: 500, y: 140 })).toBe(true);
    m.end();
    expect(m.strokes()[0].points).toEqual([
      { x: 0, y: 280 },
      { x: 280, y: 140 },
    ]);
    expect(m.begin({ x: Infinity, y: 3 }, 8)).toBe(false);
    expect(m.begin({ x: 3, y: 3 }, 0)).toBe(false);
  });

  it('keeps the brush between 1 pixel and half the pad', () => {
    const m = pad();
    draw(m, [[1, 1]], 0.2);
    draw(m, [[1, 1]], 900);
    expect(m.strokes().map((s) => s.thickness)).toEqual([1, 140]);
  });

  it('undoes and redoes strokes one at a time; a new stroke forgets the redo steps', () => {
    const m = pad();
    draw(m, [
      [10, 10],
      [50, 50],
    ]);
    draw(m, [
      [60, 10],
      [60, 90],
    ]);
    expect(m.undo()).toBe(true);
    expect(m.strokes()).toHaveLength(1);
    expect(m.canRedo()).toBe(true);
    expect(m.redo()).toBe(true);
    expect(m.strokes()).toHaveLength(2);
    m.undo();
    draw(m, [[100, 100]]);
    expect(m.canRedo()).toBe(false);
    expect(m.strokes().map((s) => s.points[0].x)).toEqual([10, 100]);
    m.undo();
    m.undo();
    expect(m.isEmpty()).toBe(true);
    expect(m.undo()).toBe(false);
  });

  it('makes clear one undoable step, and does nothing on an empty pad', () => {
    const m = pad();
    expect(m.clear()).toBe(false);
    draw(m, [[10, 10]]);
    draw(m, [[20, 20]]);
    expect(m.clear()).toBe(true);
    expect(m.isEmpty()).toBe(true);
    expect(m.undo()).toBe(true);
    expect(m.strokes()).toHaveLength(2);
    expect(m.redo()).toBe(true);
    expect(m.isEmpty()).toBe(true);
  });

  it('drops a cancelled stroke (a lost pointer) without an undo step', () => {
    const m = pad();
    m.begin({ x: 10, y: 10 }, 10);
    m.extend({ x: 40, y: 40 });
    m.cancel();
    expect(m.isEmpty()).toBe(true);
    expect(m.canUndo()).toBe(false);
  });

  it('caps the points on the pad, and undo frees room again', () => {
    const m = new StrokeModel({ width: 100, height: 100, maxPoints: 5 });
    m.begin({ x: 0, y: 0 }, 4);
    for (let i = 1; i < 10; i++) m.extend({ x: i * 5, y: 0 });
    m.end();
    expect(m.strokes()[0].points).toHaveLength(5);
    expect(m.begin({ x: 50, y: 50 }, 4)).toBe(false);
    m.undo();
    expect(m.begin({ x: 50, y: 50 }, 4)).toBe(true);
  });

  it('bumps its version on every visible change only', () => {
    const m = pad();
    const v0 = m.version;
    m.begin({ x: 10, y: 10 }, 10);
    m.extend({ x: 10.2, y: 10 });
    const v1 = m.version;
    expect(v1).toBe(v0 + 1);
    m.extend({ x: 30, y: 10 });
    m.end();
    expect(m.version).toBe(v1 + 2);
    m.redo();
    expect(m.version).toBe(v1 + 2);
  });
});

describe('tapped 7x5 letters', () => {
  const cellsOf = (ch: string): Cell[] =>
    [...glyphBitmap(ch)].flatMap((v, i) => (v ? [{ col: i % GLYPH_WIDTH, row: Math.floor(i / GLYPH_WIDTH) }] : []));

  it('builds the glyph layout of the font from tapped cells, ignoring cells off the grid', () => {
    expect(letterFromTaps(cellsOf('K'))).toEqual(glyphBitmap('K'));
    expect(
      letterFromTaps([
        { col: 5, row: 0 },
        { col: -1, row: 2 },
        { col: 0, row: 7 },
        { col: 1.5, row: 1 },
      ]),
    ).toEqual(new Float32Array(GLYPH_WIDTH * GLYPH_HEIGHT));
  });

  it('maps a pointer position to the cell under it', () => {
    const rect = { x: 100, y: 50, width: 250, height: 350 };
    expect(cellAt(100, 50, rect)).toEqual({ col: 0, row: 0 });
    expect(cellAt(349.9, 399.9, rect)).toEqual({ col: 4, row: 6 });
    expect(cellAt(225, 225, rect)).toEqual({ col: 2, row: 3 });
    expect(cellAt(350, 100, rect)).toBeNull();
    expect(cellAt(99, 100, rect)).toBeNull();
  });

  it('paints with a drag: the first cell decides ink or erase, and the drag is one undo step', () => {
    const grid = new LetterGrid();
    grid.press({ col: 0, row: 0 });
    for (let col = 1; col < 5; col++) grid.drag({ col, row: 0 });
    grid.release();
    expect(grid.bitmap()).toEqual(letterFromTaps([0, 1, 2, 3, 4].map((col) => ({ col, row: 0 }))));
    // A drag starting on ink erases.
    grid.press({ col: 1, row: 0 });
    grid.drag({ col: 2, row: 0 });
    grid.drag({ col: 2, row: 1 });
    grid.release();
    expect(grid.bitmap()).toEqual(letterFromTaps([0, 3, 4].map((col) => ({ col, row: 0 }))));
    expect(grid.drag({ col: 4, row: 4 })).toBe(false);
    expect(grid.undo()).toBe(true);
    expect(grid.isInk({ col: 2, row: 0 })).toBe(true);
    grid.undo();
    expect(grid.isEmpty()).toBe(true);
    expect(grid.undo()).toBe(false);
  });

  it('starts from a font letter and clears, both undoable', () => {
    const grid = new LetterGrid();
    grid.load('A');
    expect(grid.bitmap()).toEqual(glyphBitmap('A'));
    expect(grid.clear()).toBe(true);
    expect(grid.isEmpty()).toBe(true);
    expect(grid.clear()).toBe(false);
    grid.undo();
    expect(grid.bitmap()).toEqual(glyphBitmap('A'));
  });
});
