/**
 * Latent Quest's own 7x5 pixel font (7 rows of 5 pixels: the "letras de 7x5" of the course assignment in the
 * seeds), plus an MNIST-like 28x28 rendering so glyphs and digits can share a model. Pure data and math: no DOM,
 * no Node.
 */
import { MNIST_SIDE } from './mnist-format';

export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;
/** Pixels in one glyph bitmap (35). */
export const GLYPH_PIXELS = GLYPH_WIDTH * GLYPH_HEIGHT;

// Rows top to bottom, '#' = ink. Letters and digits use the full 7-row cap height so they line up in a grid.
// The zero carries a diagonal slash so it is not an 'O' (a model would otherwise have to guess).
const FONT: Record<string, readonly string[]> = {
  A: ['.###.', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  B: ['####.', '#...#', '#...#', '####.', '#...#', '#...#', '####.'],
  C: ['.###.', '#...#', '#....', '#....', '#....', '#...#', '.###.'],
  D: ['###..', '#..#.', '#...#', '#...#', '#...#', '#..#.', '###..'],
  E: ['#####', '#....', '#....', '####.', '#....', '#....', '#####'],
  F: ['#####', '#....', '#....', '####.', '#....', '#....', '#....'],
  G: ['.###.', '#...#', '#....', '#.###', '#...#', '#...#', '.####'],
  H: ['#...#', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  I: ['.###.', '..#..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  J: ['..###', '...#.', '...#.', '...#.', '...#.', '#..#.', '.##..'],
  K: ['#...#', '#..#.', '#.#..', '##...', '#.#..', '#..#.', '#...#'],
  L: ['#....', '#....', '#....', '#....', '#....', '#....', '#####'],
  M: ['#...#', '##.##', '#.#.#', '#.#.#', '#...#', '#...#', '#...#'],
  N: ['#...#', '#...#', '##..#', '#.#.#', '#..##', '#...#', '#...#'],
  O: ['.###.', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  P: ['####.', '#...#', '#...#', '####.', '#....', '#....', '#....'],
  Q: ['.###.', '#...#', '#...#', '#...#', '#.#.#', '#..#.', '.##.#'],
  R: ['####.', '#...#', '#...#', '####.', '#.#..', '#..#.', '#...#'],
  S: ['.####', '#....', '#....', '.###.', '....#', '....#', '####.'],
  T: ['#####', '..#..', '..#..', '..#..', '..#..', '..#..', '..#..'],
  U: ['#...#', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  V: ['#...#', '#...#', '#...#', '#...#', '#...#', '.#.#.', '..#..'],
  W: ['#...#', '#...#', '#...#', '#.#.#', '#.#.#', '#.#.#', '.#.#.'],
  X: ['#...#', '#...#', '.#.#.', '..#..', '.#.#.', '#...#', '#...#'],
  Y: ['#...#', '#...#', '.#.#.', '..#..', '..#..', '..#..', '..#..'],
  Z: ['#####', '....#', '...#.', '..#..', '.#...', '#....', '#####'],
  '0': ['.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'],
  '1': ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  '2': ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
  '3': ['#####', '...#.', '..#..', '...#.', '....#', '#...#', '.###.'],
  '4': ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
  '5': ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
  '6': ['..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'],
  '7': ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
  '8': ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
  '9': ['.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'],
  '+': ['.....', '..#..', '..#..', '#####', '..#..', '..#..', '.....'],
  '-': ['.....', '.....', '.....', '#####', '.....', '.....', '.....'],
  '=': ['.....', '.....', '#####', '.....', '#####', '.....', '.....'],
  '?': ['.###.', '#...#', '....#', '...#.', '..#..', '.....', '..#..'],
  '!': ['..#..', '..#..', '..#..', '..#..', '..#..', '.....', '..#..'],
  '.': ['.....', '.....', '.....', '.....', '.....', '.##..', '.##..'],
  '/': ['.....', '....#', '...#.', '..#..', '.#...', '#....', '.....'],
  '#': ['.#.#.', '.#.#.', '#####', '.#.#.', '#####', '.#.#.', '.#.#.'],
  '*': ['.....', '..#..', '#.#.#', '.###.', '#.#.#', '..#..', '.....'],
  '♥': ['.....', '.#.#.', '#####', '#####', '.###.', '..#..', '.....'],
};

/** 'A'..'Z'. */
export const LETTERS: readonly string[] = Object.freeze(
  Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i)),
);
const DIGITS: readonly string[] = Array.from({ length: 10 }, (_, i) => String(i));
const SYMBOLS: readonly string[] = ['+', '-', '=', '?', '!', '.', '/', '#', '*', '♥'];

/** Every glyph in label order: 'A'..'Z', '0'..'9', then symbols. A glyph's label is its index here. */
export const GLYPH_CHARS: readonly string[] = Object.freeze([...LETTERS, ...DIGITS, ...SYMBOLS]);

// Parsed once; callers get copies so nobody can edit the font through a returned array.
const BITMAPS = new Map<string, Float32Array>(
  GLYPH_CHARS.map((ch) => {
    const rows = FONT[ch];
    const bits = new Float32Array(GLYPH_PIXELS);
    rows.forEach((row, y) => {
      for (let x = 0; x < GLYPH_WIDTH; x++) bits[y * GLYPH_WIDTH + x] = row[x] === '#' ? 1 : 0;
    });
    return [ch, bits];
  }),
);

/** 35 values (0 or 1), row-major. Throws on a character the font does not have. */
export function glyphBitmap(ch: string): Float32Array {
  const bits = BITMAPS.get(ch);
  if (!bits) throw new Error(`The glyph font has no character ${JSON.stringify(ch)}.`);
  return bits.slice();
}

export interface GlyphSet<W extends number = number, H extends number = number> {
  /** count * width * height values in [0, 1], row-major, one image after another. */
  images: Float32Array;
  /** Index of each image's character in GLYPH_CHARS. */
  labels: Uint8Array;
  chars: string[];
  width: W;
  height: H;
}

function buildSet<W extends number, H extends number>(
  chars: readonly string[],
  width: W,
  height: H,
  render: (bits: Float32Array) => Float32Array,
): GlyphSet<W, H> {
  const size = width * height;
  const images = new Float32Array(chars.length * size);
  const labels = new Uint8Array(chars.length);
  chars.forEach((ch, i) => {
    images.set(render(glyphBitmap(ch)), i * size);
    labels[i] = GLYPH_CHARS.indexOf(ch);
  });
  return { images, labels, chars: [...chars], width, height };
}

/** The 7x5 bitmaps of `chars` (default: every glyph). */
export function glyphSet(chars: readonly string[] = GLYPH_CHARS): GlyphSet<5, 7> {
  return buildSet(chars, GLYPH_WIDTH as 5, GLYPH_HEIGHT as 7, (b) => b);
}

// 28x28 rendering: each font pixel becomes a 3x3 block, so the glyph is 15x21, close to the 20x20 box MNIST
// fits its digits into; it is centred in the frame (offset 7, 4) as MNIST centres digits.
const FRAME = MNIST_SIDE;
export const GLYPH28_SCALE = 3;
export const GLYPH28_OFFSET_X = Math.round((FRAME - GLYPH_WIDTH * GLYPH28_SCALE) / 2);
export const GLYPH28_OFFSET_Y = Math.round((FRAME - GLYPH_HEIGHT * GLYPH28_SCALE) / 2);
// Background pixels next to ink get this fraction of their 3x3 ink density: a soft edge like MNIST's
// anti-aliased strokes, which also rounds the stair steps of diagonals. A background pixel sees at most 5 ink
// pixels, so the halo stays <= 0.5 and 3x3 block averages still recover the 7x5 bitmap exactly.
const HALO = 0.9;

/** An MNIST-like 28x28 image (784 values in [0, 1]) of a 35-value glyph bitmap. */
export function renderGlyph28(bitmap35: Float32Array): Float32Array {
  if (bitmap35.length !== GLYPH_PIXELS)
    throw new Error(`A glyph bitmap has ${GLYPH_PIXELS} values, not ${bitmap35.length}.`);
  const hard = new Float32Array(FRAME * FRAME);
  for (let gy = 0; gy < GLYPH_HEIGHT; gy++) {
    for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
      const v = bitmap35[gy * GLYPH_WIDTH + gx] >= 0.5 ? 1 : 0;
      if (!v) continue;
      for (let dy = 0; dy < GLYPH28_SCALE; dy++) {
        for (let dx = 0; dx < GLYPH28_SCALE; dx++) {
          hard[(GLYPH28_OFFSET_Y + gy * GLYPH28_SCALE + dy) * FRAME + GLYPH28_OFFSET_X + gx * GLYPH28_SCALE + dx] = 1;
        }
      }
    }
  }
  const out = new Float32Array(FRAME * FRAME);
  for (let y = 0; y < FRAME; y++) {
    for (let x = 0; x < FRAME; x++) {
      const i = y * FRAME + x;
      if (hard[i]) {
        out[i] = 1;
        continue;
      }
      let ink = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && yy < FRAME && xx >= 0 && xx < FRAME) ink += hard[yy * FRAME + xx];
        }
      }
      out[i] = (HALO * ink) / 9;
    }
  }
  return out;
}

/** The 28x28 renderings of `chars` (default: every glyph). */
export function glyphSet28(chars: readonly string[] = GLYPH_CHARS): GlyphSet<28, 28> {
  return buildSet(chars, FRAME as 28, FRAME as 28, renderGlyph28);
}
