/**
 * A trained model on the wire: its weights (the engine's flat float32 export, in model order) as IEEE half
 * floats, little-endian, in base64. Half the bytes of float32 and, measured, far below the score's tolerance
 * (a half float keeps 11 significant bits; autoencoder weights are small). The server re-derives the
 * architecture from the attempt's hyperparameters and checks the count; it never trusts a shape sent to it.
 * Plain code with no DOM or Node API, so the game, the server and the load test share it.
 */

import { fromHalf, toHalf } from '../float16';

/** The one encoding there is (the field exists so another can be added without breaking old servers). */
export const MODEL_ENCODING = 'float16-base64' as const;

/**
 * Enough for the largest MNIST model a trained level allows (Beat PCA's 784-1000-500-250-k "Hinton 2006" stack
 * at code 32: 2.84 M weights, 7.6 M characters; tests/unit/classroom-upload.test.ts checks every trained level).
 */
export const MAX_MODEL_BASE64_CHARS = 8_000_000;

export { fromHalf, toHalf };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    chunk +=
      ALPHABET[(n >>> 18) & 63] +
      ALPHABET[(n >>> 12) & 63] +
      (i + 1 < bytes.length ? ALPHABET[(n >>> 6) & 63] : '=') +
      (i + 2 < bytes.length ? ALPHABET[n & 63] : '=');
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** Null for anything that is not canonical padded base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = text.charCodeAt(i + j);
      const last = i + 4 === text.length;
      if (c === 61 && last && j >= 4 - pad) {
        n <<= 6;
        continue;
      }
      const v = c < 128 ? LOOKUP[c] : -1;
      if (v < 0) return null;
      n = (n << 6) | v;
    }
    out[o++] = (n >>> 16) & 255;
    if (o < out.length) out[o++] = (n >>> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** The engine's flat weights → the wire form. */
export function encodeWeights(weights: Float32Array): string {
  const bytes = new Uint8Array(weights.length * 2);
  for (let i = 0; i < weights.length; i++) {
    const h = toHalf(weights[i]);
    bytes[2 * i] = h & 255;
    bytes[2 * i + 1] = h >>> 8;
  }
  return bytesToBase64(bytes);
}

let halves: Float32Array | null = null;

/** Every half float's value, once (256 kB): decoding a 2.8 M-weight upload is then one lookup per weight. */
function halfTable(): Float32Array {
  if (!halves) {
    halves = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) halves[h] = fromHalf(h);
  }
  return halves;
}

/**
 * Half floats (little-endian bytes) → float32 weights; null when the length is odd or a value is NaN/Infinity.
 * The server calls it with the bytes Node decoded from base64 (src/server/model-upload.ts).
 */
export function halvesToWeights(bytes: Uint8Array): Float32Array | null {
  if (bytes.length % 2 !== 0) return null;
  const table = halfTable();
  const out = new Float32Array(bytes.length / 2);
  for (let i = 0; i < out.length; i++) {
    const h = bytes[2 * i] | (bytes[2 * i + 1] << 8);
    // Exponent all ones: Infinity or NaN.
    if ((h & 0x7c00) === 0x7c00) return null;
    out[i] = table[h];
  }
  return out;
}

/** The wire form → float32 weights; null when it is not base64 of whole half floats or holds NaN/Infinity. */
export function decodeWeights(text: string): Float32Array | null {
  const bytes = base64ToBytes(text);
  return bytes ? halvesToWeights(bytes) : null;
}
