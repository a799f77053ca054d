/**
 * A trained Lab model as a file the player takes home and loads back: the engine's own export (the model spec
 * plus every weight tensor's name, shape and float32 values) in one JSON document.
 *
 * Why not tfjs's layers format (model.json + weights.bin for tf.loadLayersModel): it is two files, and it would
 * describe only the Keras-style layers, not what makes these models what they are (a VAE's sampling and KL term,
 * the k-sparse top-k, a conditional VAE's label input live in the engine's own training code). The engine's format
 * is one self-describing file whose spec goes through the same validator the worker and the classroom server use,
 * so loading it rebuilds exactly the model that was trained.
 *
 * Reading is as strict as reading a save: size cap, JSON, strict shape, the spec validator, tensor shapes that add
 * up to the data, finite values. Nothing here throws; a problem is a readable (localized) sentence.
 */
import { z } from 'zod';
import { bytesToBase64, base64ToBytes } from '../classroom/model-codec';
import { t } from '../messages';
import { validateModelSpec } from '../model-spec-validation';
import type { ModelSpec } from '../worker-api';

export const MODEL_FILE_FORMAT = 'latent-quest-model';
export const MODEL_FILE_VERSION = 1;
export const MODEL_FILE_EXTENSION = '.lqmodel.json';

export const MODEL_FILE_LIMITS = {
  /** A Lab MNIST model is at most a few MB of float32; base64 adds a third. */
  chars: 48_000_000,
  tensors: 128,
  dims: 4,
  nameChars: 200,
} as const;

/** What the worker's exportWeights gives and importWeights takes (without the model id, which the Lab picks). */
export interface ModelWeights {
  spec: ModelSpec;
  tensors: { name: string; shape: number[] }[];
  data: Float32Array;
}

export type ModelFileRead = { ok: true; weights: ModelWeights } | { ok: false; problem: string };

const FileSchema = z.strictObject({
  format: z.literal(MODEL_FILE_FORMAT),
  version: z.number().int(),
  savedAt: z.string().max(64).optional(),
  spec: z.record(z.string(), z.unknown()),
  tensors: z
    .array(
      z.strictObject({
        name: z.string().max(MODEL_FILE_LIMITS.nameChars),
        shape: z.array(z.number().int().min(1)).min(0).max(MODEL_FILE_LIMITS.dims),
      }),
    )
    .max(MODEL_FILE_LIMITS.tensors),
  data: z.string(),
});

function floatsToBytes(data: Float32Array): Uint8Array {
  const bytes = new Uint8Array(data.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < data.length; i++) view.setFloat32(i * 4, data[i], true);
  return bytes;
}

function bytesToFloats(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.length / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** The file's text (JSON, float32 little-endian weights in base64). */
export function encodeModelFile(weights: ModelWeights, savedAt = new Date()): string {
  return JSON.stringify({
    format: MODEL_FILE_FORMAT,
    version: MODEL_FILE_VERSION,
    savedAt: savedAt.toISOString(),
    spec: weights.spec,
    tensors: weights.tensors.map((x) => ({ name: x.name, shape: [...x.shape] })),
    data: bytesToBase64(floatsToBytes(weights.data)),
  });
}

/** Reads a model file's text: the weights, or one sentence saying what is wrong. */
export function readModelFile(text: string): ModelFileRead {
  const fail = (problem: string): ModelFileRead => ({ ok: false, problem });
  if (typeof text !== 'string' || text.length === 0) return fail(t('modelFile.problem.empty'));
  if (text.length > MODEL_FILE_LIMITS.chars) return fail(t('modelFile.problem.tooBig'));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail(t('modelFile.problem.notJson'));
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== MODEL_FILE_FORMAT)
    return fail(t('modelFile.problem.notModel'));
  const version = (data as { version?: unknown }).version;
  if (version !== MODEL_FILE_VERSION) return fail(t('modelFile.problem.version', { version: String(version) }));
  const parsed = FileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(t('modelFile.problem.damaged', { detail: `${issue.path.map(String).join('.')}: ${issue.message}` }));
  }
  const file = parsed.data;
  const spec = file.spec as unknown as ModelSpec;
  try {
    validateModelSpec(spec);
  } catch (error) {
    return fail(t('modelFile.problem.spec', { detail: error instanceof Error ? error.message : String(error) }));
  }
  const bytes = base64ToBytes(file.data);
  if (!bytes || bytes.length % 4 !== 0) return fail(t('modelFile.problem.weights'));
  const values = bytesToFloats(bytes);
  const expected = file.tensors.reduce((sum, x) => sum + x.shape.reduce((p, d) => p * d, 1), 0);
  if (expected !== values.length || file.tensors.length === 0) return fail(t('modelFile.problem.weights'));
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return fail(t('modelFile.problem.weights'));
  return { ok: true, weights: { spec, tensors: file.tensors, data: values } };
}

/** A file name for a model: kind, data set and code size, e.g. `latent-quest-vae-mnist-2d.lqmodel.json`. */
export function modelFileName(spec: Pick<ModelSpec, 'kind' | 'dataset' | 'bottleneck'>): string {
  return `latent-quest-${spec.kind}-${spec.dataset}-${spec.bottleneck}d${MODEL_FILE_EXTENSION}`;
}
