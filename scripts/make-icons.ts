/**
 * Draws the app icons (assets/icons/*.png) for the web app manifest: the logo's autoencoder glyph (encoder funnel,
 * the code, decoder funnel; src/game/ui/art/logo.svg) on the game's background, rasterised here with 4x4 supersampling
 * and written as PNG with node:zlib, so no image tool or copied art is needed. Run `npx tsx scripts/make-icons.ts`
 * after changing the logo; the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgb = [number, number, number];
const BG: Rgb = [0x0d, 0x13, 0x21];
const ENC: [Rgb, Rgb] = [
  [0x4c, 0xc9, 0xf0],
  [0x3a, 0x86, 0xc8],
];
const DEC: [Rgb, Rgb] = [
  [0x80, 0xed, 0x99],
  [0x3a, 0x86, 0xc8],
];
const CODE: Rgb = [0xff, 0xd1, 0x66];

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * t) as Rgb;

/** The glyph in the logo's 120x72 box: the colour at (x, y), or null for the background. */
function glyph(x: number, y: number): Rgb | null {
  // Encoder: (6,6)-(50,26)-(50,46)-(6,66); the funnel narrows linearly from x=6 to x=50.
  const funnel = (dx: number): boolean => dx >= 0 && dx <= 44 && Math.abs(y - 36) <= 30 - (20 / 44) * dx;
  if (funnel(x - 6)) return mix(ENC[0], ENC[1], (x - 6) / 44);
  if (funnel(114 - x)) return mix(DEC[0], DEC[1], (114 - x) / 44);
  // The code: a rounded 12x20 bar at (54, 26).
  if (x >= 54 && x <= 66 && y >= 26 && y <= 46) {
    const cx = Math.min(Math.max(x, 57), 63);
    const cy = Math.min(Math.max(y, 29), 43);
    if (Math.hypot(x - cx, y - cy) <= 3) return CODE;
  }
  return null;
}

/** Renders a size x size icon; the glyph fills `fill` of the width (maskable icons keep it in the safe circle). */
function render(size: number, fill: number, rounded: boolean): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  const scale = (size * fill) / 120;
  const ox = (size - 120 * scale) / 2;
  const oy = (size - 72 * scale) / 2;
  const radius = size * 0.18;
  const SS = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = px + (sx + 0.5) / SS;
          const y = py + (sy + 0.5) / SS;
          if (rounded) {
            const cx = Math.min(Math.max(x, radius), size - radius);
            const cy = Math.min(Math.max(y, radius), size - radius);
            if (Math.hypot(x - cx, y - cy) > radius) continue;
          }
          const c = glyph((x - ox) / scale, (y - oy) / scale) ?? BG;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 255;
        }
      }
      const n = SS * SS;
      const i = (py * size + px) * 4;
      const cover = a / 255;
      rgba[i] = cover ? Math.round(r / cover) : 0;
      rgba[i + 1] = cover ? Math.round(g / cover) : 0;
      rgba[i + 2] = cover ? Math.round(b / cover) : 0;
      rgba[i + 3] = Math.round(a / n);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A minimal RGBA PNG: one IDAT, filter 0 on every row. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

const OUT = new URL('../assets/icons/', import.meta.url);
mkdirSync(OUT, { recursive: true });
const icons: [string, number, number, boolean][] = [
  ['icon-192.png', 192, 0.84, true],
  ['icon-512.png', 512, 0.84, true],
  // Maskable: full-bleed background, the glyph inside the central 80 % safe zone.
  ['icon-maskable-512.png', 512, 0.62, false],
  ['apple-touch-icon-180.png', 180, 0.78, false],
];
for (const [name, size, fill, rounded] of icons) {
  writeFileSync(new URL(name, OUT), encodePng(size, render(size, fill, rounded)));
  console.log(`assets/icons/${name}`);
}
