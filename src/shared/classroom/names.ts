/**
 * Join codes and nicknames: the rules the classroom server enforces and the game's "Join a class" screen checks
 * before sending, so a student sees the same sentence either way. Pure (no Node, no DOM).
 */

/** No 0/O, 1/I (and no L, U or V, which are misheard read aloud): 28 symbols. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ2345679';
export const JOIN_CODE_LENGTH = 6;
export const JOIN_CODE_PATTERN = `^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`;

/** What a student types: upper-cased, spaces and dashes dropped ("abc-def" works). */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isJoinCode(code: string): boolean {
  return new RegExp(JOIN_CODE_PATTERN).test(code);
}

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 20;
// Letters and digits of any script, plus space, dot, dash and underscore inside the name.
const NICKNAME_CHARS = /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u;

export type NicknameCheck = { ok: true; nickname: string; key: string } | { ok: false; problem: string };

/** NFC-normalised nickname and its uniqueness key (case-folded, compatibility-normalised, single spaces). */
export function checkNickname(input: string): NicknameCheck {
  const nickname = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  const length = [...nickname].length;
  if (length < NICKNAME_MIN || length > NICKNAME_MAX)
    return { ok: false, problem: `A nickname has ${NICKNAME_MIN} to ${NICKNAME_MAX} characters.` };
  if (!NICKNAME_CHARS.test(nickname))
    return {
      ok: false,
      problem:
        'A nickname uses letters, digits, spaces, dots, dashes and underscores only, and starts with a letter or digit.',
    };
  return { ok: true, nickname, key: nickname.normalize('NFKC').toLowerCase() };
}
