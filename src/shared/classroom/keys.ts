/**
 * The two random strings of the classroom: a student's token (the server makes it at the join; the game keeps it
 * and sends it as `Authorization: Bearer …`) and an attempt's idempotency key (the game makes one per attempt and
 * resends it on every retry). Their shapes and how they are made live here only, for the server, the game's
 * client and its saved outbox alike. Web Crypto (`crypto.getRandomValues`) exists in browsers and in Node.
 */
import { z } from 'zod';

/** 256 random bits in base64url: 43 characters. */
export const STUDENT_TOKEN_BYTES = 32;
export const STUDENT_TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';
export const StudentTokenSchema = z.string().regex(new RegExp(STUDENT_TOKEN_PATTERN), 'not a student token');

/** The game makes 144-bit keys (24 characters); the server accepts 8 to 64 URL-safe characters. */
export const IDEMPOTENCY_KEY_BYTES = 18;
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_-]{8,64}$';
export const IdempotencyKeySchema = z.string().regex(new RegExp(IDEMPOTENCY_KEY_PATTERN), 'not an idempotency key');

/** `bytes` random bytes in base64url without padding. */
export function randomBase64url(bytes: number): string {
  const random = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(random);
  let binary = '';
  for (const b of random) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const newStudentToken = (): string => randomBase64url(STUDENT_TOKEN_BYTES);
export const newIdempotencyKey = (): string => randomBase64url(IDEMPOTENCY_KEY_BYTES);
