/**
 * Join codes and nicknames: the rules the classroom server enforces and the game's "Join a class" screen checks
 * before sending, so a student sees the same sentence either way. Pure (no Node, no DOM).
 */
import { skeleton } from './confusables';
import type { ProblemParams } from './problems';

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

/** A refused nickname: its problem code (problems.ts) and params, and the English sentence. */
export type NicknameProblem = {
  ok: false;
  code: 'nicknameLength' | 'nicknameInvisible' | 'nicknameChars';
  params?: ProblemParams;
  problem: string;
};
export type NicknameCheck = { ok: true; nickname: string; key: string } | NicknameProblem;

const INVISIBLE_PROBLEM: NicknameProblem = {
  ok: false,
  code: 'nicknameInvisible',
  problem: 'A nickname cannot contain invisible characters.',
};

/** NFC-normalised nickname and its uniqueness key: the confusable skeleton (confusables.ts). */
export function checkNickname(input: string): NicknameCheck {
  const nickname = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  // Length in what a reader counts: marks belong to their letter.
  const length = [...nickname.replace(/\p{M}|[\u200c\u200d]/gu, '')].length;
  if (length < NICKNAME_MIN || length > NICKNAME_MAX || nickname.length > 64)
    return {
      ok: false,
      code: 'nicknameLength',
      params: { min: NICKNAME_MIN, max: NICKNAME_MAX },
      problem: `A nickname has ${NICKNAME_MIN} to ${NICKNAME_MAX} characters.`,
    };
  if (INVISIBLE.test(nickname.replace(/[\u200c\u200d]/g, '')) || JOINER_OUTSIDE_LETTERS.test(nickname))
    return INVISIBLE_PROBLEM;
  // Stacked marks ("Zalgo" text drawn over the names around it): UTS #39 §5.4 forbids the same nonspacing mark
  // twice in a row and more than four in a row; real names in any script need fewer.
  if (!NICKNAME_CHARS.test(nickname) || /(\p{Mn})\1|\p{M}{5}/u.test(nickname))
    return {
      ok: false,
      code: 'nicknameChars',
      problem:
        'A nickname uses letters, digits, spaces, dots, dashes and underscores only, and starts with a letter or digit.',
    };
  const key = skeleton(nickname.replace(/[\u200c\u200d]/g, ''));
  if (!/[\p{L}\p{N}]/u.test(key)) return INVISIBLE_PROBLEM;
  return { ok: true, nickname, key };
}

/** A join code that is not one (the join form and the server say the same). */
export const JOIN_CODE_PROBLEM = {
  code: 'joinCodeInvalid',
  message: `A join code is ${JOIN_CODE_LENGTH} letters and digits, as shown on the projector.`,
} as const;
