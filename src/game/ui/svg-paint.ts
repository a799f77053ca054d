/**
 * Paints one of the game's own UI drawings (src/game/ui/art/*.svg) onto a canvas with the Canvas 2D API, so the
 * first screens need no SVG image decode (issue 15, title interactive within 500 ms). Phaser's SVG loader fetches
 * each file and decodes it as an image: every SVG becomes its own SVG document in the renderer, ~35 ms each on
 * this 2-core machine, ~210 ms for the six the title needs, after their bytes had arrived in 30 ms.
 *
 * Why our own painter and not a library: SVG-to-canvas libraries (canvg and the like) render the whole of SVG and
 * weigh more than the first load can spare; our drawings use a small, fixed subset, and this paints exactly that
 * and refuses anything else with a clear error (a new drawing that needs more fails its first load in the e2e
 * tests, not silently). The XML itself is parsed by the browser's DOMParser. Supported: the root's viewBox,
 * `path` (any `d`: Path2D reads SVG path data), `rect` (x, y, width, height, rx), fills as a colour or `url(#id)`
 * of a `linearGradient` in bounding-box units, `defs`, `stop` (offset, stop-color). The backdrop is not an SVG: it
 * is generated (backdrop-art.ts).
 */

/** What the painter draws into: the parts of a canvas's 2D context it uses. */
export type Paint2D = Pick<
  CanvasRenderingContext2D,
  'save' | 'restore' | 'scale' | 'fill' | 'beginPath' | 'roundRect' | 'rect' | 'createLinearGradient'
> & { fillStyle: string | CanvasGradient | CanvasPattern };

type Box = { x: number; y: number; width: number; height: number };

const num = (el: Element, name: string, fallback = 0): number => {
  const raw = el.getAttribute(name);
  const value = raw === null ? fallback : Number.parseFloat(raw);
  if (!Number.isFinite(value)) throw new Error(`svg-paint: <${el.tagName}> has a bad ${name}="${raw}"`);
  return value;
};

/** Numbers in a gradient's x1/x2/offset may be fractions or percentages. */
const fraction = (el: Element, name: string, fallback: number): number => {
  const raw = el.getAttribute(name);
  if (raw === null) return fallback;
  return raw.trim().endsWith('%') ? Number.parseFloat(raw) / 100 : num(el, name, fallback);
};

function fillFor(ctx: Paint2D, doc: Document, el: Element, box: Box): string | CanvasGradient | null {
  const fill = el.getAttribute('fill') ?? '#000';
  if (fill === 'none') return null;
  const ref = /^url\(#([^)]+)\)$/.exec(fill.trim());
  if (!ref) return fill;
  const gradient = doc.getElementById(ref[1]);
  if (!gradient || gradient.tagName !== 'linearGradient' || gradient.getAttribute('gradientUnits') === 'userSpaceOnUse')
    throw new Error(`svg-paint: fill ${fill} is not a bounding-box linearGradient`);
  const g = ctx.createLinearGradient(
    box.x + fraction(gradient, 'x1', 0) * box.width,
    box.y + fraction(gradient, 'y1', 0) * box.height,
    box.x + fraction(gradient, 'x2', 1) * box.width,
    box.y + fraction(gradient, 'y2', 0) * box.height,
  );
  for (const stop of Array.from(gradient.children).filter((c) => c.tagName === 'stop'))
    g.addColorStop(fraction(stop, 'offset', 0), stop.getAttribute('stop-color') ?? '#000');
  return g;
}

/** The bounding box of a path's points (our paths are polygons: absolute M / L / Z only, for gradients). */
function pathBox(d: string): Box {
  const values = (d.match(/-?\d*\.?\d+(?:e-?\d+)?/gi) ?? []).map(Number);
  if (/[^MLZ\d\s.,eE-]/.test(d) || values.length < 2 || values.length % 2)
    throw new Error(`svg-paint: a gradient-filled path must be absolute M/L/Z, got "${d}"`);
  const xs = values.filter((_, i) => i % 2 === 0);
  const ys = values.filter((_, i) => i % 2 === 1);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

function paintShape(ctx: Paint2D, doc: Document, el: Element): void {
  let box: Box;
  let draw: () => void;
  if (el.tagName === 'rect') {
    box = { x: num(el, 'x'), y: num(el, 'y'), width: num(el, 'width'), height: num(el, 'height') };
    const rx = num(el, 'rx');
    draw = () => {
      ctx.beginPath();
      if (rx > 0) ctx.roundRect(box.x, box.y, box.width, box.height, rx);
      else ctx.rect(box.x, box.y, box.width, box.height);
      ctx.fill();
    };
  } else if (el.tagName === 'path') {
    const d = el.getAttribute('d') ?? '';
    const path = new Path2D(d);
    box = el.getAttribute('fill')?.startsWith('url(') ? pathBox(d) : { x: 0, y: 0, width: 0, height: 0 };
    draw = () => ctx.fill(path);
  } else {
    throw new Error(`svg-paint: <${el.tagName}> is not supported (see src/game/ui/svg-paint.ts)`);
  }
  const fill = fillFor(ctx, doc, el, box);
  if (fill === null) return;
  ctx.fillStyle = fill;
  draw();
}

/** Paints `svg` (its viewBox scaled to width x height) into `ctx`. Throws on anything outside the subset. */
export function paintSvgInto(ctx: Paint2D, svg: string, width: number, height: number): void {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.tagName !== 'svg') throw new Error('svg-paint: not an SVG document');
  const viewBox = (root.getAttribute('viewBox') ?? `0 0 ${num(root, 'width')} ${num(root, 'height')}`)
    .split(/[\s,]+/)
    .map(Number);
  if (viewBox.length !== 4 || viewBox.some((v) => !Number.isFinite(v)) || viewBox[0] || viewBox[1])
    throw new Error('svg-paint: the viewBox must be "0 0 w h"');
  ctx.save();
  ctx.scale(width / viewBox[2], height / viewBox[3]);
  for (const el of Array.from(root.children)) {
    if (el.tagName === 'defs') continue;
    paintShape(ctx, doc, el);
  }
  ctx.restore();
}

/** A new canvas of width x height with `svg` painted on it. */
export function paintSvg(svg: string, width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('svg-paint: no 2D canvas context');
  paintSvgInto(ctx, svg, width, height);
  return canvas;
}
