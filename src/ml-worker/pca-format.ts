/**
 * The precomputed PCA basis of the MNIST training split (assets/generated/mnist-pca.bin), written by
 * scripts/build-pca.ts and fetched by the worker on the first `pca('mnist', k)`. Layout, little-endian:
 *   0  'LQPC' magic (4 bytes)
 *   4  format version (uint32) = 1
 *   8  size (uint32, pixels), 12 count (uint32, training images the basis was fitted on)
 *   16 mean: size float32
 *   .. eigenvalues: size float64, decreasing
 *   .. components: size * size float32, row r = the r-th component
 */
import type { PcaBasis } from './pca-basis';

export const PCA_ASSET_PATH = 'generated/mnist-pca.bin';
export const PCA_MAGIC = 'LQPC';
export const PCA_FORMAT_VERSION = 1;
const HEADER_BYTES = 16;

export interface PcaAsset {
  basis: PcaBasis;
  /** Training images the basis was fitted on. */
  count: number;
}

/** Typed arrays use the host's byte order; every host tfjs runs on (x86, ARM, WASM) is little-endian, as the file. */
function checkLittleEndian(): void {
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1)
    throw new Error('PCA asset: a big-endian host is not supported.');
}

const byteLength = (size: number): number => HEADER_BYTES + size * 4 + size * 8 + size * size * 4;

export function encodePcaAsset({ basis, count }: PcaAsset): Uint8Array {
  const { size } = basis;
  const out = new Uint8Array(byteLength(size));
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = PCA_MAGIC.charCodeAt(i);
  view.setUint32(4, PCA_FORMAT_VERSION, true);
  view.setUint32(8, size, true);
  view.setUint32(12, count, true);
  checkLittleEndian();
  const bytesOf = (a: Float32Array | Float64Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  out.set(bytesOf(Float32Array.from(basis.mean)), HEADER_BYTES);
  out.set(bytesOf(Float64Array.from(basis.eigenvalues)), HEADER_BYTES + size * 4);
  out.set(bytesOf(Float32Array.from(basis.components)), HEADER_BYTES + size * 12);
  return out;
}

/** Parses the asset; throws an Error with a readable message when the bytes are not a valid asset. */
export function decodePcaAsset(buffer: ArrayBuffer | Uint8Array): PcaAsset {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (bytes.length < HEADER_BYTES) throw new Error('PCA asset is truncated (no header).');
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== PCA_MAGIC) throw new Error('PCA asset has the wrong magic bytes; rebuild it with `npm run assets`.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== PCA_FORMAT_VERSION) throw new Error(`PCA asset version ${version} is not ${PCA_FORMAT_VERSION}.`);
  const size = view.getUint32(8, true);
  const count = view.getUint32(12, true);
  if (bytes.length !== byteLength(size))
    throw new Error(`PCA asset has ${bytes.length} bytes, expected ${byteLength(size)}.`);
  // Copies into aligned buffers: a memcpy, not a loop over a DataView (~50 ms for 2.5 MB on a busy machine).
  checkLittleEndian();
  const at = bytes.byteOffset + HEADER_BYTES;
  const copy = (from: number, length: number): ArrayBuffer => bytes.buffer.slice(from, from + length) as ArrayBuffer;
  const mean = new Float32Array(copy(at, size * 4));
  const eigenvalues = new Float64Array(copy(at + size * 4, size * 8));
  const components = new Float32Array(copy(at + size * 12, size * size * 4));
  return { basis: { size, mean, eigenvalues, components }, count };
}
