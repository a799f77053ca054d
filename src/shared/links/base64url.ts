/**
 * Strict base64url (RFC 4648 §5, no padding) of UTF-8 text, for query parameters. Hand-written rather than
 * btoa/atob so it behaves the same in the page, the worker and Node, and so a damaged link is rejected rather
 * than half-decoded: any character outside the alphabet, an impossible length or invalid UTF-8 gives null.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((ch, i) => [ch, i]));

export function encodeBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** The text, or null when `code` is not canonical base64url of valid UTF-8. */
export function decodeBase64Url(code: string): string | null {
  if (code.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((code.length * 3) / 4));
  let b = 0;
  for (let i = 0; i < code.length; i += 4) {
    let n = 0;
    const chunk = code.slice(i, i + 4);
    for (let k = 0; k < 4; k++) {
      const v = k < chunk.length ? VALUES.get(chunk[k]) : 0;
      if (v === undefined) return null;
      n = (n << 6) | v;
    }
    const produced = chunk.length - 1;
    // Canonical only: the unused low bits of a short last chunk must be zero.
    if (produced < 3 && (n & ((1 << (8 * (3 - produced))) - 1)) !== 0) return null;
    for (let k = 0; k < produced; k++) bytes[b++] = (n >> (16 - 8 * k)) & 255;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, b));
  } catch {
    return null;
  }
}
