/**
 * The pretrained asset format (assets/pretrained/<name>.json + <name>.bin, written by scripts/pretrain.ts and
 * read by Engine.loadPretrained / Engine.classify). The JSON manifest describes the model and every tensor;
 * the .bin holds the tensors one after another, little-endian:
 * - 'float16': n half floats (biases, small kernels);
 * - 'uint8-affine-per-column': for a [rows, cols] kernel, cols float32 minima, cols float32 steps, then
 *   rows·cols bytes q (row-major); the weight is min[col] + q·step[col] (in float32, as decoded here).
 * Encoding is pure JS arithmetic, so the same float32 weights always give the same bytes.
 */
import type { Activation, CodeBox, DatasetName, LossTerms, ModelSpec, PretrainedAssetName } from '../shared/worker-api';
import { fromHalf, toHalf } from '../shared/float16';

export { fromHalf, toHalf };

export const PRETRAINED_FORMAT = 'latent-quest-pretrained';
export const PRETRAINED_FORMAT_VERSION = 1;
/** Kernels with at least this many weights (4096) are stored as 8-bit per-column affine; everything else float16. */
export const QUANTISE_MIN_SIZE = 4096;

export type TensorEncoding = 'float16' | 'uint8-affine-per-column';

export interface TensorEntry {
  name: string;
  shape: number[];
  encoding: TensorEncoding;
  /** Byte offset and length inside the .bin. */
  offset: number;
  byteLength: number;
}

export interface ClassifierShape {
  dataset: DatasetName;
  inputSize: number;
  hidden: number[];
  classes: number;
  activation: Activation;
}

export interface PretrainedManifest {
  format: typeof PRETRAINED_FORMAT;
  version: number;
  name: PretrainedAssetName;
  purpose: string;
  kind: 'autoencoder' | 'classifier';
  /** Autoencoders: the spec the engine builds (createModel) before writing the weights. */
  spec?: ModelSpec;
  classifier?: ClassifierShape;
  tensors: TensorEntry[];
  quantisation: { kernels: 'uint8-affine-per-column'; minKernelSize: number; other: 'float16' };
  bin: { file: string; bytes: number; sha256: string };
  training: {
    seed: number;
    steps: number;
    epochs: number;
    examples: number;
    config: Record<string, unknown>;
    /** Loss terms of the last training step (float32 weights): LossTerms for autoencoders, { crossEntropy } for the judge. */
    finalLoss: Partial<LossTerms> & Record<string, number>;
    /** Held-out numbers measured on the SHIPPED (dequantised) weights, e.g. { testBce, testMse, testKl } or { testAccuracy }. */
    heldOut: Record<string, number>;
    /** The same on the float32 weights before quantisation, to show what quantising cost. */
    heldOutFloat32: Record<string, number>;
  };
  /** 2-D maps: 1st–99th percentile box of the encoded training codes. */
  codeBox?: CodeBox & { percentiles: [number, number] };
  /** Mean code of each class on the held-out split (label order). */
  classMeans?: number[][];
}

const prod = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);

// ---- encode / decode ----

export function chooseEncoding(shape: number[]): TensorEncoding {
  return shape.length === 2 && prod(shape) >= QUANTISE_MIN_SIZE ? 'uint8-affine-per-column' : 'float16';
}

function encodedSize(shape: number[], encoding: TensorEncoding): number {
  return encoding === 'float16' ? 2 * prod(shape) : 8 * shape[1] + prod(shape);
}

/** Weights (float32, in model order) to the .bin bytes and the manifest's tensor table. */
export function encodeTensors(named: { name: string; shape: number[]; data: Float32Array }[]): {
  bin: Uint8Array;
  tensors: TensorEntry[];
} {
  const tensors: TensorEntry[] = [];
  let offset = 0;
  for (const t of named) {
    if (t.data.length !== prod(t.shape))
      throw new RangeError(`Tensor ${t.name} has ${t.data.length} values for shape [${t.shape.join(', ')}].`);
    const encoding = chooseEncoding(t.shape);
    const byteLength = encodedSize(t.shape, encoding);
    tensors.push({ name: t.name, shape: [...t.shape], encoding, offset, byteLength });
    offset += byteLength;
  }
  const bin = new Uint8Array(offset);
  const view = new DataView(bin.buffer);
  named.forEach((t, i) => {
    const { encoding, offset: at, shape } = tensors[i];
    if (encoding === 'float16') {
      for (let j = 0; j < t.data.length; j++) view.setUint16(at + 2 * j, toHalf(t.data[j]), true);
      return;
    }
    const [rows, cols] = shape;
    const q = at + 8 * cols;
    for (let c = 0; c < cols; c++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let r = 0; r < rows; r++) {
        const v = t.data[r * cols + c];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      const step = Math.fround(hi > lo ? (hi - lo) / 255 : 0);
      const min = Math.fround(lo);
      view.setFloat32(at + 4 * c, min, true);
      view.setFloat32(at + 4 * (cols + c), step, true);
      for (let r = 0; r < rows; r++) {
        const v = t.data[r * cols + c];
        bin[q + r * cols + c] = step > 0 ? Math.max(0, Math.min(255, Math.round((v - min) / step))) : 0;
      }
    }
  });
  return { bin, tensors };
}

/** The .bin back to float32 arrays, in the manifest's tensor order. */
export function decodeTensors(tensors: readonly TensorEntry[], bytes: ArrayBuffer | Uint8Array): Float32Array[] {
  const bin = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const view = new DataView(bin.buffer, bin.byteOffset, bin.byteLength);
  return tensors.map((t) => {
    const n = prod(t.shape);
    if (t.offset + encodedSize(t.shape, t.encoding) > bin.byteLength)
      throw new RangeError(`Tensor ${t.name} runs past the end of the weights file.`);
    const out = new Float32Array(n);
    if (t.encoding === 'float16') {
      for (let j = 0; j < n; j++) out[j] = fromHalf(view.getUint16(t.offset + 2 * j, true));
      return out;
    }
    if (t.encoding !== 'uint8-affine-per-column')
      throw new RangeError(`Tensor ${t.name} has an unknown encoding "${String(t.encoding)}".`);
    const [rows, cols] = t.shape;
    const q = t.offset + 8 * cols;
    for (let c = 0; c < cols; c++) {
      const min = view.getFloat32(t.offset + 4 * c, true);
      const step = view.getFloat32(t.offset + 4 * (cols + c), true);
      for (let r = 0; r < rows; r++) out[r * cols + c] = min + bin[q + r * cols + c] * step;
    }
    return out;
  });
}

/**
 * Lower-case hex SHA-256 (Web Crypto: Node ≥ 20, and browsers in a secure context); null where Web Crypto is
 * missing (a page served over plain http from a LAN address), so loading then skips the check.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (!subtle) return null;
  const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Readable problem with a parsed manifest, or null. */
export function manifestProblem(m: unknown, name: string): string | null {
  if (typeof m !== 'object' || m === null) return 'the description is not a JSON object';
  const x = m as Partial<PretrainedManifest>;
  if (x.format !== PRETRAINED_FORMAT) return 'it is not a Latent Quest pretrained model';
  if (x.version !== PRETRAINED_FORMAT_VERSION)
    return `it has format version ${String(x.version)}, this game reads version ${PRETRAINED_FORMAT_VERSION}`;
  if (x.name !== name) return `it describes "${String(x.name)}", not "${name}"`;
  if (!Array.isArray(x.tensors) || !x.bin || typeof x.bin.sha256 !== 'string') return 'its tensor table is missing';
  if (x.kind === 'autoencoder' && !x.spec) return 'its model description is missing';
  if (x.kind === 'classifier' && !x.classifier) return 'its classifier shape is missing';
  if (x.kind !== 'autoencoder' && x.kind !== 'classifier') return 'its kind is unknown';
  return null;
}
