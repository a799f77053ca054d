/**
 * What the Lab's Generate view asks of the worker, without Phaser (unit-tested on a real Engine): the held-out
 * codes and their 2-D map (the codes themselves for a 2-D code, else their PCA), decodes at a map point, a sheet
 * of prior samples z = σ·ε, the strip between two held-out images, a decoded grid over the map and, for a VQ-VAE,
 * every codebook entry decoded.
 */
import {
  codeAt,
  gridCodes,
  interpolationCodes,
  mapBox,
  priorCodes,
  type CodeProjection,
  type MapBox,
} from '../../../shared/lab/latent-tools';
import type { DatasetInfo, DatasetName, ImageBatch, Split } from '../../../shared/worker-api';

/** The worker calls the Generate view uses (the MlBridge in the game, the Engine in unit tests). */
export interface GeneratePort {
  loadDataset(name: DatasetName): Promise<DatasetInfo>;
  getImages(name: DatasetName, split: Split, offset: number, count: number): Promise<ImageBatch>;
  encode(modelId: string, images: Float32Array, labels?: Uint8Array): Promise<Float32Array>;
  decode(modelId: string, codes: Float32Array, labels?: Uint8Array): Promise<Float32Array>;
  projectCodes(codes: Float32Array, count: number, dim: number): Promise<CodeProjection>;
  sample(modelId: string, n: number, seed: number): Promise<{ codes: Float32Array; images: Float32Array }>;
  decodeCodes(modelId: string, indices: Uint16Array): Promise<Float32Array>;
}

/** The model the view generates with. */
export interface GenerateModel {
  modelId: string;
  dataset: DatasetName;
  latentSize: number;
  /** cvae: every decode takes a class label. */
  conditional: boolean;
  /** vqvae: K entries and code slots per image. */
  codebook: { size: number; slots: number } | null;
}

export interface LabMapData {
  /** count × dim held-out codes (μ for a VAE). */
  codes: Float32Array;
  /** count × 2: each code's place on the map. */
  points: Float32Array;
  labels: Uint8Array;
  /** The dataset's class names, in label order (the map's legend). */
  classNames: string[];
  images: Float32Array;
  count: number;
  dim: number;
  /** null: the code is 2-D and the map is the code space itself. */
  projection: CodeProjection | null;
  box: MapBox;
  width: number;
  height: number;
}

/** Held-out images on the Lab's map. */
export const LAB_MAP_POINTS = 600;
/** Images between (and including) the two picked ones. */
export const STRIP_STEPS = 8;
/** Held-out images offered to pick from: the first of each class (at most this many). */
export const PICK_COUNT = 10;

export async function buildLabMap(port: GeneratePort, model: GenerateModel): Promise<LabMapData> {
  const info = await port.loadDataset(model.dataset);
  const batch = await port.getImages(model.dataset, 'test', 0, LAB_MAP_POINTS);
  const { count, labels, width, height } = batch;
  const codes = await port.encode(model.modelId, batch.images.slice(), model.conditional ? labels.slice() : undefined);
  const dim = model.latentSize;
  const projection = dim > 2 ? await port.projectCodes(codes.slice(), count, dim) : null;
  const points = projection ? projection.points : dim === 2 ? codes : spreadOneDim(codes, count);
  return {
    codes,
    points,
    labels,
    classNames: info.classNames,
    images: batch.images,
    count,
    dim,
    projection,
    box: mapBox(points, count),
    width,
    height,
  };
}

/** A 1-D code drawn on the x axis (y = 0). */
function spreadOneDim(codes: Float32Array, count: number): Float32Array {
  const out = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) out[2 * i] = codes[i];
  return out;
}

/** The code under map point (x, y): for 1-D codes only x counts. */
export function mapCode(map: LabMapData, x: number, y: number): Float32Array {
  if (map.dim === 1) return new Float32Array([x]);
  return codeAt(map.projection, x, y);
}

const labelsOf = (model: GenerateModel, n: number, label: number): Uint8Array | undefined =>
  model.conditional ? new Uint8Array(n).fill(label) : undefined;

export function decodeAt(
  port: GeneratePort,
  model: GenerateModel,
  map: LabMapData,
  x: number,
  y: number,
  label = 0,
): Promise<Float32Array> {
  return port.decode(model.modelId, mapCode(map, x, y), labelsOf(model, 1, label));
}

/** `n` prior samples: z = σ·ε from `seed`; a VQ-VAE draws each slot's entry uniformly (σ does not apply). */
export async function sampleSheet(
  port: GeneratePort,
  model: GenerateModel,
  n: number,
  sigma: number,
  seed: number,
  label = 0,
): Promise<Float32Array> {
  if (model.codebook) return (await port.sample(model.modelId, n, seed)).images;
  return port.decode(model.modelId, priorCodes(n, model.latentSize, sigma, seed), labelsOf(model, n, label));
}

/** The strip from held-out image a to b: decodes along the straight line between their codes. */
export function interpolate(
  port: GeneratePort,
  model: GenerateModel,
  map: LabMapData,
  a: number,
  b: number,
  label = 0,
): Promise<Float32Array> {
  const d = map.dim;
  const codes = interpolationCodes(
    map.codes.subarray(a * d, a * d + d),
    map.codes.subarray(b * d, b * d + d),
    STRIP_STEPS,
  );
  return port.decode(model.modelId, codes, labelsOf(model, STRIP_STEPS, label));
}

/** n × n decodes under a grid over the map's box (row-major from the top-left). */
export function decodedGrid(
  port: GeneratePort,
  model: GenerateModel,
  map: LabMapData,
  n: number,
  label = 0,
): Promise<Float32Array> {
  const codes =
    map.dim === 1
      ? Float32Array.from({ length: n * n }, (_, i) => mapCode(map, gridX(map.box, n, i % n), 0)[0])
      : gridCodes(map.projection, map.box, n);
  return port.decode(model.modelId, codes, labelsOf(model, n * n, label));
}

function gridX(box: MapBox, n: number, c: number): number {
  return n === 1 ? (box.xMin + box.xMax) / 2 : box.xMin + ((box.xMax - box.xMin) * c) / (n - 1);
}

/** VQ-VAE: entry k decoded as an image whose every slot is k (K images). */
export function codebookImages(port: GeneratePort, model: GenerateModel): Promise<Float32Array> | null {
  const book = model.codebook;
  if (!book) return null;
  const indices = Uint16Array.from({ length: book.size * book.slots }, (_, i) => Math.floor(i / book.slots));
  return port.decodeCodes(model.modelId, indices);
}

/** The held-out images offered for the strip: the first of each class, in class order (indices into the map). */
export function pickIndices(labels: Uint8Array, count = PICK_COUNT): number[] {
  const first = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) if (!first.has(labels[i])) first.set(labels[i], i);
  return [...first.entries()]
    .sort((p, q) => p[0] - q[0])
    .slice(0, count)
    .map(([, i]) => i);
}
