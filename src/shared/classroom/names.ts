/**
 * Join codes and nicknames: the rules the classroom server enforces and the game's "Join a class" screen checks
 * before sending, so a student sees the same sentence either way. Pure (no Node, no DOM).
 */
import { skeleton } from './confusables';

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
/**
 * Letters and digits of any script with their combining marks (Devanagari vowel signs, Thai tones, accents typed
 * apart), plus space, dot, dash and underscore inside the name. ZWJ/ZWNJ are allowed only between letters (some
 * scripts need them to spell a name); every other default-ignorable code point (U+3164 HANGUL FILLER, U+115F,
 * U+1160, U+FFA0, soft hyphen, variation selectors, bidi controls…) is refused, so no name renders blank.
 */
const NICKNAME_CHARS = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N} ._-]|\u200c|\u200d)*$/u;
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
const JOINER_OUTSIDE_LETTERS = /(^|[^\p{L}\p{M}])[\u200c\u200d]|[\u200c\u200d]($|[^\p{L}])/u;

export type NicknameCheck = { ok: true; nickname: string; key: string } | { ok: false; problem: string };

/** NFC-normalised nickname and its uniqueness key: the confusable skeleton (confusables.ts). */
export function checkNickname(input: string): NicknameCheck {
  const nickname = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  // Length in what a reader counts: marks belong to their letter.
  const length = [...nickname.replace(/\p{M}|[\u200c\u200d]/gu, '')].length;
  if (length < NICKNAME_MIN || length > NICKNAME_MAX || nickname.length > 64)
    return { ok: false, problem: `A nickname has ${NICKNAME_MIN} to ${NICKNAME_MAX} characters.` };
  if (INVISIBLE.test(nickname.replace(/[\u200c\u200d]/g, '')) || JOINER_OUTSIDE_LETTERS.test(nickname))
    return { ok: false, problem: 'A nickname cannot contain invisible characters.' };
  if (!NICKNAME_CHARS.test(nickname))
    return {
      ok: false,
      problem:
        'A nickname uses letters, digits, spaces, dots, dashes and underscores only, and starts with a letter or digit.',
    };
  const key = skeleton(nickname.replace(/[\u200c\u200d]/g, ''));
  if (!/[\p{L}\p{N}]/u.test(key)) return { ok: false, problem: 'A nickname cannot contain invisible characters.' };
  return { ok: true, nickname, key };
}
