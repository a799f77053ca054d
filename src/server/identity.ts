/**
 * Join codes, nicknames, student tokens and the teacher's password: everything that identifies someone.
 * Tokens (made by src/shared/classroom/keys.ts) and passwords are random, compared in constant time, and only
 * their hashes are stored.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../shared/classroom/names';

// The rules the game checks too live in src/shared/classroom/names.ts (tokens and keys: keys.ts).
export {
  checkNickname,
  isJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JOIN_CODE_PATTERN,
  NICKNAME_MAX,
  NICKNAME_MIN,
  normalizeJoinCode,
  type NicknameCheck,
} from '../shared/classroom/names';

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

export interface AdminPassword {
  password: string;
  source: 'env' | 'file' | 'generated';
}

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** The teacher's password: from `fromEnv`, else kept in `<dataDir>/admin-password.txt`, else generated there. */
export function adminPassword(dataDir: string, fromEnv: string | undefined): AdminPassword {
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    if ([...fromEnv.trim()].length < 8) throw new Error('The admin password must have at least 8 characters.');
    return { password: fromEnv.trim(), source: 'env' };
  }
  const file = join(dataDir, 'admin-password.txt');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 8) return { password: kept, source: 'file' };
  }
  // Four groups of four: easy to copy from the projector, ~78 bits.
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(''),
  );
  const password = groups.join('-');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { password, source: 'generated' };
}
