/**
 * A confusable skeleton in the spirit of Unicode TR 39 (section 4, "Confusable Detection"): two nicknames that
 * look alike on a projector map to the same skeleton, so "Аlice" (Cyrillic А) is the same name as "Alice".
 *
 * The full confusables.txt (6 000+ mappings) is not bundled (no npm package for it is installed and the machine is
 * offline), so this is a deliberate subset: every Cyrillic, Greek, Armenian and Latin-extension letter that renders
 * like a basic Latin letter in common sans-serif fonts (the projector's), both cases, plus the digit and letter-pair
 * look-alikes TR 39 lists (0/O, 1/l/I, rn/m, vv/w). Compatibility forms (fullwidth, mathematical letters, ligatures,
 * superscripts) are folded before by NFKC. Unlike TR 39 the skeleton is also case-folded and folds i/l together
 * ("Ian" and "lan" look the same in sans-serif): a class then refuses a few distinct names as "taken", which costs a
 * student one more try, while a missing mapping would let someone impersonate a classmate.
 */

/** Look-alike → Latin. Upper case is mapped before lower-casing (Cyrillic Н looks like H, its н does not look like h). */
const LOOKALIKES: Record<string, string> = {
  // Cyrillic capitals and small letters
  А: 'A',
  В: 'B',
  Е: 'E',
  Ѐ: 'È',
  Ё: 'Ë',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  Ү: 'Y',
  Ѕ: 'S',
  І: 'I',
  Ї: 'Ï',
  Ј: 'J',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ӏ: 'I',
  Ԁ: 'D',
  Ɡ: 'G',
  а: 'a',
  е: 'e',
  ѐ: 'è',
  ё: 'ë',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'ï',
  ј: 'j',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ү: 'y',
  ɡ: 'g',
  // Greek
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ο: 'o',
  α: 'a',
  ι: 'i',
  ν: 'v',
  ρ: 'p',
  υ: 'u',
  ϲ: 'c',
  ϳ: 'j',
  κ: 'k',
  // Armenian
  օ: 'o',
  ս: 'u',
  հ: 'h',
  ո: 'n',
  Ս: 'U',
  Օ: 'O',
  // Latin extensions and IPA
  ı: 'i',
  ȷ: 'j',
  ɑ: 'a',
  ɩ: 'i',
  ʟ: 'l',
  ɪ: 'i',
  ᴏ: 'o',
  ᴄ: 'c',
  ᴠ: 'v',
  ᴡ: 'w',
  ᴢ: 'z',
  ꮃ: 'w',
  // Digits that pass for letters
  '0': 'o',
  '1': 'l',
};

const PAIRS: readonly [RegExp, string][] = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/l/g, 'i'],
];

const mapChars = (text: string): string => [...text].map((c) => LOOKALIKES[c] ?? c).join('');

/** The nickname key: NFKC, look-alikes mapped, case-folded, mapped again, NFD (marks stay: "é" is not "e"). */
export function skeleton(text: string): string {
  let s = mapChars(text.normalize('NFKC').normalize('NFD')).toLowerCase();
  s = mapChars(s).normalize('NFD');
  for (const [pattern, to] of PAIRS) s = s.replace(pattern, to);
  return s.replace(/\s+/g, ' ').normalize('NFC');
}
