/**
 * World 4 · Latent arithmetic: averaging codes, subtracting them to isolate a feature, averaging differences
 * into an attribute vector, and forging a letter the model never saw. Codes are the encoder's means μ.
 *
 * Cards are MNIST test-split images by index (as the worker's getImages('mnist', 'test', index, 1) returns
 * them). They were picked with a script over the generated asset: "thin"/"bold" are the lowest/highest sixth of
 * their class by stroke width (2·ink area / ink perimeter, pixels ≥ 0.5), then the most typical of those (highest
 * correlation with the blurred class mean); "slanted"/"upright" 1s by the shear of their ink. Targets are
 * decodes of codes (never raw images), so a perfect answer scores 100 % and the faint grey a decoder draws in
 * blank areas appears on both sides of the match.
 *
 * Star thresholds: first guessed, then played by the solver bots on the pretrained 16-D VAE and glyph VAE, which
 * kept or retuned each (SOLVER BOTS below). Blend and Difference targets are reachable exactly, so 3 stars mean
 * "found it"; Attribute vector's target uses 10 reference pairs the player never sees, so it rewards averaging
 * many pairs; Letter forge must reach a letter outside the training set (E), which the bots do within 1 wrong
 * pixel.
 *
 * SOLVER BOTS (npm run solve; WASM; the first pretrained assets): Blend and Difference reach 100 % with the
 * right cards (the example payloads: 46 % and 23 %, no star); thresholds kept. Attribute vector: one pair 77.9 %
 * (1 star), three pairs 80.1–86.0, four 86.0–88.0, all five 88.1 (scaled by 1.2: 88.4), so 90 was out of reach:
 * stars 70 / 80 / 87.5 (3 stars need four or five pairs averaged). Letter forge: F + L (the example) 5 wrong
 * pixels (1 star); a beam search finds ½·P − ½·M at 1 wrong pixel (3 stars); thresholds kept.
 *
 * CLASSROOM VARIANTS (variants.ts; tests/unit/solvers/pretrained-levels.test.ts checks every figure below).
 * In every variant the bot reaches 3 stars and the example and random attempts stay below 3 stars.
 * - Blend: another ½/½ pair of the same deck. How hard = the closest wrong pair's match (default 2 + 7: 60.0;
 *   best single card 58.2). Rule: within 10 points of it, and no wrong pair, single card or naive attempt
 *   earning a star. Kept 1 + 2 (67.4; single 63.7), 1 + 4 (67.5; 62.9), 1 + 9 (67.5; 69.6). Dropped: 0 + 1
 *   (43.9), 0 + 2 (70.7), 2 + 4 and 2 + 9 (73.0); 0 + 4, 0 + 7, 0 + 9, 4 + 7, 7 + 9 (a wrong pair earns a
 *   star: 75.0–78.7); 1 + 7 (the random attempt earns one: 80.8); 4 + 9 (the example's answer).
 * - Difference: the same thin 3 made bold by another digit's bold/thin pair. How hard = the best wrong a + b − c
 *   (default 7: 56.9) and the thin 3 alone (42.7). Rule: within 10 and 15 points, no wrong answer earning a
 *   star. Kept 0 (47.6; alone 52.5), 4 (65.1; 54.1). Dropped 2 (a wrong answer 72.1), 6 (alone 62.7), 8 (68.9).
 * - Attribute vector: three other thin digits (one base per digit, picked as the default bases were). Per
 *   triple: the bot's best and pairs averaged before 3 stars (default 3, 5, 9: 88.09 with 4 pairs; one pair
 *   77.9). Rule: best within 1.5 of the default and ≥ 87.8 (0.3 above the line), 4 pairs again, one pair
 *   within 3 points and still 1 star, random below 70. Kept 2 3 5 (87.95), 2 3 8 (88.42), 2 3 9 (88.16),
 *   2 8 9 (88.00), 3 5 8 (88.23), 3 8 9 (88.44), 5 8 9 (87.82). Dropped: the other 112 of the 120 triples,
 *   e.g. 4 6 9 (5 pairs), 6 8 9 (3 pairs), 2 5 8 (87.79), 3 4 9 (87.75), 2 5 9 (87.54); none with a 0, 1 or 7
 *   passes.
 * - Letter forge: one variant (see the level).
 */
import { LETTERS } from '../glyphs';
import { defineLevel, expectLength, type LevelDraft } from './define';
import type { LocalText } from './text';
import type { ArithmeticSetup, ImageCard, LevelDefinition } from './types';

const mnist = (id: string, label: LocalText, index: number): ImageCard => ({
  id,
  label,
  image: { kind: 'mnistTest', index },
});
/** "a bold 7", "a thin 3": one phrase per language with the digit put in for `#`. */
const BOLD_DIGIT: LocalText = { en: 'a bold #', pl: 'gruba #', cs: 'tlustá #', es: 'un # grueso' };
const THIN_DIGIT: LocalText = { en: 'a thin #', pl: 'cienka #', cs: 'tenká #', es: 'un # fino' };
const withDigit = (text: LocalText, digit: number): LocalText =>
  Object.fromEntries(Object.entries(text).map(([l, s]) => [l, s.replace('#', String(digit))])) as LocalText;
const boldDigit = (digit: number): LocalText => withDigit(BOLD_DIGIT, digit);
const thinDigit = (digit: number): LocalText => withDigit(THIN_DIGIT, digit);

/** A letter card: a letter is written the same in every language. */
const glyph = (char: string): ImageCard => ({
  id: char,
  label: { en: char, pl: char, cs: char, es: char },
  image: { kind: 'glyph', char },
});

// ── 14 · Blend ──────────────────────────────────────────────────────────────────────────────────────────────

// Screen-only bots (issue 10): the picture bot (cards ranked by likeness to the target, pairs at ½) finds
// 2 + 7 at 100 % on its 2nd look (3★, 3 actions); example 46.5 %, random 58.1 % (0★). Kept.
const BLEND_STARS = [75, 88, 96] as const;

const blendDraft: LevelDraft<'expression', 'matchPercent'> = {
  id: 'blend',
  world: 4,
  order: 1,
  title: { en: 'Blend', pl: 'Mieszanka', cs: 'Prolnutí', es: 'Mezcla' },
  card: {
    title: {
      en: 'Averaging two codes',
      pl: 'Uśrednianie dwóch kodów',
      cs: 'Průměr dvou kódů',
      es: 'Promediar dos códigos',
    },
    lines: [
      {
        en: 'To give an example the features of two others, average their codes.',
        pl: 'Aby przykład miał cechy dwóch innych, uśrednij ich kody.',
        cs: 'Chceš-li, aby příklad měl rysy dvou jiných, zprůměruj jejich kódy.',
        es: 'Para dar a un ejemplo los rasgos de otros dos, promedia sus códigos.',
      },
      {
        en: 'Average the means μ: the slides say "the mean of their means".',
        pl: 'Uśrednij średnie μ: slajdy mówią „średnia z wartości ich średnich”.',
        cs: 'Zprůměruj střední hodnoty μ: slajdy říkají „průměr jejich průměrů“.',
        es: 'Promedia las medias μ: las diapositivas dicen “la media de sus medias”.',
      },
      {
        en: 'In a VAE the midpoint decodes to a blend, not to a smudge.',
        pl: 'W VAE punkt środkowy dekoduje się do mieszanki, a nie do kleksa.',
        cs: 'Ve VAE se střed dekóduje na prolnutí, ne na šmouhu.',
        es: 'En un VAE, el punto medio se decodifica como una mezcla, no como un borrón.',
      },
    ],
    formula: 'z = ½·(μ(a) + μ(b))',
    formulaLegend: {
      en: 'μ(a), μ(b): the codes of two cards; their midpoint z is decoded.',
      pl: 'μ(a), μ(b): kody dwóch kart; dekodowany jest ich punkt środkowy z.',
      cs: 'μ(a), μ(b): kódy dvou karet; dekóduje se jejich střed z.',
      es: 'μ(a), μ(b): los códigos de dos cartas; se decodifica su punto medio z.',
    },
    seed: {
      file: '001_01f0c3934fb2763b.txt',
      idea: 'Generowanie przykładów poprzez wyznaczenie średniej z dwóch wektorów',
    },
  },
  dataset: 'mnist',
  mode: 'arithmetic',
  setup: {
    kind: 'arithmetic',
    asset: 'mnist-vae-16d',
    averageCards: true,
    deck: [
      mnist('zero', { en: 'a 0', pl: 'cyfra 0', cs: 'nula', es: 'un 0' }, 890),
      mnist('one', { en: 'a 1', pl: 'cyfra 1', cs: 'jednička', es: 'un 1' }, 1129),
      mnist('two', { en: 'a 2', pl: 'cyfra 2', cs: 'dvojka', es: 'un 2' }, 231),
      mnist('four', { en: 'a 4', pl: 'cyfra 4', cs: 'čtyřka', es: 'un 4' }, 1874),
      mnist('seven', { en: 'a 7', pl: 'cyfra 7', cs: 'sedmička', es: 'un 7' }, 1838),
      mnist('nine', { en: 'a 9', pl: 'cyfra 9', cs: 'devítka', es: 'un 9' }, 319),
    ],
    hidden: [],
    target: {
      kind: 'decode',
      terms: [
        { card: 'two', weight: 0.5 },
        { card: 'seven', weight: 0.5 },
      ],
    },
  },
  controls: [],
  goal: {
    text: {
      en: 'Average two cards so that the decode matches the target by at least {star1}.',
      pl: 'Uśrednij dwie karty tak, by dekodowanie pasowało do celu w co najmniej {star1}.',
      cs: 'Zprůměruj dvě karty tak, aby se dekódovaný obrázek shodoval s cílem aspoň na {star1}.',
      es: 'Promedia dos cartas para que la decodificación coincida al menos en un {star1} con el objetivo.',
    },
  },
  metric: {
    label: {
      en: 'Match with the target',
      pl: 'Dopasowanie do celu',
      cs: 'Shoda s cílem',
      es: 'Coincidencia con el objetivo',
    },
    direction: 'higher',
    unit: 'percent',
  },
  stars: BLEND_STARS,
  hints: [
    {
      afterSeconds: 20,
      text: {
        en: 'Which two digits can you see in the target?',
        pl: 'Jakie dwie cyfry widzisz w celu?',
        cs: 'Které dvě číslice v cíli vidíš?',
        es: '¿Qué dos dígitos ves en el objetivo?',
      },
    },
    {
      afterSeconds: 60,
      text: {
        en: 'Give both cards the weight ½.',
        pl: 'Daj obu kartom wagę ½.',
        cs: 'Dej oběma kartám váhu ½.',
        es: 'Da a las dos cartas el peso ½.',
      },
    },
    {
      afterSeconds: 120,
      text: {
        en: 'The top stroke and the bottom come from different cards.',
        pl: 'Górna kreska i dół pochodzą z różnych kart.',
        cs: 'Horní čára a spodní část pocházejí z různých karet.',
        es: 'El trazo de arriba y el de abajo vienen de cartas distintas.',
      },
    },
  ],
  solution: { kind: 'expression', maxTerms: 4, maxWeight: 2 },
  measures: ['matchPercent'],
  example: {
    kind: 'expression',
    terms: [
      { card: 'four', weight: 0.5 },
      { card: 'nine', weight: 0.5 },
    ],
  },
  scorer: (_p, m) => {
    expectLength('blend', 'matchPercent', m.matchPercent, 1);
    return { score: m.matchPercent[0], goalMet: m.matchPercent[0] >= BLEND_STARS[0] };
  },
};

export const blend: LevelDefinition = defineLevel(blendDraft);

/**
 * Classroom variants: the same deck, another pair as the target. Kept: pairs whose closest wrong pair is within
 * 10 match points of the default's and earns no star, and no single card or naive attempt earns one (header).
 */
const BLEND_VARIANT_PAIRS = [
  ['one', 'two'],
  ['one', 'four'],
  ['one', 'nine'],
] as const;

export const BLEND_VARIANTS: readonly LevelDefinition[] = [
  blend,
  ...BLEND_VARIANT_PAIRS.map(([a, b]) =>
    defineLevel({
      ...blendDraft,
      setup: {
        ...(blendDraft.setup as ArithmeticSetup),
        target: {
          kind: 'decode',
          terms: [
            { card: a, weight: 0.5 },
            { card: b, weight: 0.5 },
          ],
        },
      },
    }),
  ),
];

// ── 15 · Difference ─────────────────────────────────────────────────────────────────────────────────────────

// Screen-only bots (issue 10): the picture bot (the most alike card, plus a same-digit pair's difference)
// finds thin 3 + bold 7 − thin 7 at 100 % on its 2nd look (3★, 3 actions); example 23.1 %, random 16.6 %. Kept.
const DIFFERENCE_STARS = [70, 85, 95] as const;

const differenceDraft: LevelDraft<'expression', 'matchPercent'> = {
  id: 'difference',
  world: 4,
  order: 2,
  title: { en: 'Difference', pl: 'Różnica', cs: 'Rozdíl', es: 'Diferencia' },
  card: {
    title: { en: 'Subtracting codes', pl: 'Odejmowanie kodów', cs: 'Odčítání kódů', es: 'Restar códigos' },
    lines: [
      {
        en: 'Subtracting two codes isolates what differs between them.',
        pl: 'Odjęcie dwóch kodów wyodrębnia to, czym się różnią.',
        cs: 'Odečtením dvou kódů izoluješ to, čím se liší.',
        es: 'Restar dos códigos aísla lo que los diferencia.',
      },
      {
        en: 'A bold 7 minus a thin 7 leaves "boldness" without the 7.',
        pl: 'Gruba 7 minus cienka 7 zostawia „grubość” bez siódemki.',
        cs: 'Tlustá 7 minus tenká 7 dá „tloušťku“ bez sedmičky.',
        es: 'Un 7 grueso menos un 7 fino deja el “grosor” sin el 7.',
      },
      {
        en: "Add that difference to another digit's code to make it bold.",
        pl: 'Dodaj tę różnicę do kodu innej cyfry, by ją pogrubić.',
        cs: 'Přičti ten rozdíl ke kódu jiné číslice a i ta ztloustne.',
        es: 'Suma esa diferencia al código de otro dígito para engrosarlo.',
      },
      {
        en: 'Choose the pair whose difference is the feature you need.',
        pl: 'Wybierz parę, której różnica jest potrzebną ci cechą.',
        cs: 'Vyber dvojici, jejíž rozdíl je právě ten rys, který potřebuješ.',
        es: 'Elige el par cuya diferencia sea el rasgo que necesitas.',
      },
    ],
    formula: 'z = μ(a) + (μ(b) − μ(c))',
    formulaLegend: {
      en: 'a: the digit to change; b − c: two cards that differ only in the feature.',
      pl: 'a: cyfra do zmiany; b − c: dwie karty różniące się tylko tą cechą.',
      cs: 'a: číslice, kterou měníš; b − c: dvě karty, které se liší jen tím rysem.',
      es: 'a: el dígito que se cambia; b − c: dos cartas que solo difieren en el rasgo.',
    },
    seed: { file: '001_01f0c3934fb2763b.txt', idea: 'Odejmując dwa wektory jesteśmy w stanie wygenerować ich różnicę' },
  },
  dataset: 'mnist',
  mode: 'arithmetic',
  setup: {
    kind: 'arithmetic',
    asset: 'mnist-vae-16d',
    deck: [
      mnist('thin-3', { en: 'a thin 3', pl: 'cienka 3', cs: 'tenká 3', es: 'un 3 fino' }, 1947),
      mnist('bold-7', { en: 'a bold 7', pl: 'gruba 7', cs: 'tlustá 7', es: 'un 7 grueso' }, 1838),
      mnist('thin-7', { en: 'a thin 7', pl: 'cienka 7', cs: 'tenká 7', es: 'un 7 fino' }, 789),
      mnist('upright-1', { en: 'an upright 1', pl: 'prosta 1', cs: 'svislá 1', es: 'un 1 recto' }, 1129),
      mnist('slanted-1', { en: 'a slanted 1', pl: 'pochylona 1', cs: 'šikmá 1', es: 'un 1 inclinado' }, 883),
      mnist('bold-0', { en: 'a bold 0', pl: 'gruba 0', cs: 'tlustá 0', es: 'un 0 grueso' }, 1871),
    ],
    hidden: [],
    target: {
      kind: 'decode',
      terms: [
        { card: 'thin-3', weight: 1 },
        { card: 'bold-7', weight: 1 },
        { card: 'thin-7', weight: -1 },
      ],
    },
  },
  controls: [],
  goal: {
    text: {
      en: 'Build the target, a 3 with a new style, as a + (b − c); reach a {star1} match.',
      pl: 'Zbuduj cel, trójkę w nowym stylu, jako a + (b − c); osiągnij dopasowanie {star1}.',
      cs: 'Sestav cíl, trojku v novém stylu, jako a + (b − c); dosáhni shody {star1}.',
      es: 'Construye el objetivo, un 3 con un estilo nuevo, como a + (b − c); llega a una coincidencia del {star1}.',
    },
  },
  metric: {
    label: {
      en: 'Match with the target',
      pl: 'Dopasowanie do celu',
      cs: 'Shoda s cílem',
      es: 'Coincidencia con el objetivo',
    },
    direction: 'higher',
    unit: 'percent',
  },
  stars: DIFFERENCE_STARS,
  hints: [
    {
      afterSeconds: 20,
      text: {
        en: 'Which card is the target made from? Start with it.',
        pl: 'Z której karty powstał cel? Zacznij od niej.',
        cs: 'Ze které karty je cíl udělaný? Začni s ní.',
        es: '¿De qué carta sale el objetivo? Empieza por ella.',
      },
    },
    {
      afterSeconds: 60,
      text: {
        en: 'Compare the target with that card: is it bolder, or more slanted?',
        pl: 'Porównaj cel z tą kartą: jest grubszy czy bardziej pochylony?',
        cs: 'Porovnej cíl s tou kartou: je tlustší, nebo šikmější?',
        es: 'Compara el objetivo con esa carta: ¿es más grueso o está más inclinado?',
      },
    },
    {
      afterSeconds: 120,
      text: {
        en: 'Two cards of the same digit differ only in style: subtract one from the other.',
        pl: 'Dwie karty tej samej cyfry różnią się tylko stylem: odejmij jedną od drugiej.',
        cs: 'Dvě karty se stejnou číslicí se liší jen stylem: odečti jednu od druhé.',
        es: 'Dos cartas del mismo dígito solo difieren en el estilo: resta una de la otra.',
      },
    },
  ],
  solution: { kind: 'expression', maxTerms: 4, maxWeight: 2 },
  measures: ['matchPercent'],
  example: {
    kind: 'expression',
    terms: [
      { card: 'thin-3', weight: 1 },
      { card: 'slanted-1', weight: 1 },
      { card: 'upright-1', weight: -1 },
    ],
  },
  scorer: (_p, m) => {
    expectLength('difference', 'matchPercent', m.matchPercent, 1);
    return { score: m.matchPercent[0], goalMet: m.matchPercent[0] >= DIFFERENCE_STARS[0] };
  },
};

export const difference: LevelDefinition = defineLevel(differenceDraft);

/**
 * Classroom variants: the same thin 3 made bold by another digit's bold/thin pair (the attribute vector level's
 * deck pairs), with the bold 7 as the distractor. The example's 1s stay, so the example stays a valid, wrong
 * answer. A card id names the same image in every variant (a cache may key codes by level and card id).
 * Kept: pairs whose best wrong expression is within 10 points of the default's and earns no star, and whose
 * base alone is within 15 points of the default's (header).
 */
const DIFFERENCE_VARIANT_PAIRS = [
  [0, 1871, 336],
  [4, 41, 1568],
] as const;

export const DIFFERENCE_VARIANTS: readonly LevelDefinition[] = [
  difference,
  ...DIFFERENCE_VARIANT_PAIRS.map(([d, bold, thin]) =>
    defineLevel({
      ...differenceDraft,
      setup: {
        kind: 'arithmetic',
        asset: 'mnist-vae-16d',
        deck: [
          mnist('thin-3', { en: 'a thin 3', pl: 'cienka 3', cs: 'tenká 3', es: 'un 3 fino' }, 1947),
          mnist(`bold-${d}`, boldDigit(d), bold),
          mnist(`thin-${d}`, thinDigit(d), thin),
          mnist('upright-1', { en: 'an upright 1', pl: 'prosta 1', cs: 'svislá 1', es: 'un 1 recto' }, 1129),
          mnist('slanted-1', { en: 'a slanted 1', pl: 'pochylona 1', cs: 'šikmá 1', es: 'un 1 inclinado' }, 883),
          mnist('bold-7', { en: 'a bold 7', pl: 'gruba 7', cs: 'tlustá 7', es: 'un 7 grueso' }, 1838),
        ],
        hidden: [],
        target: {
          kind: 'decode',
          terms: [
            { card: 'thin-3', weight: 1 },
            { card: `bold-${d}`, weight: 1 },
            { card: `thin-${d}`, weight: -1 },
          ],
        },
      },
    }),
  ),
];

// ── 16 · Attribute vector ───────────────────────────────────────────────────────────────────────────────────

// Screen-only bots (issue 10): following hints 1-3 (k pairs at 1/k, reading the meter) the bot checks all
// five pairs at 88.09 (3★, 6 actions); example 77.9 % (1★), random 53.3 % (0★). Kept (margin 0.6).
const ATTRIBUTE_STARS = [70, 80, 87.5] as const;

/** [digit, bold index, thin index]: the player's pairs, the hidden reference pairs, and the thin bases. */
const DECK_PAIRS = [
  [0, 1871, 336],
  [2, 954, 1002],
  [4, 41, 1568],
  [6, 268, 867],
  [8, 1942, 270],
] as const;
const REFERENCE_PAIRS = [
  [0, 1405, 352],
  [1, 1096, 1034],
  [2, 1582, 579],
  [3, 92, 1516],
  [4, 1874, 593],
  [5, 402, 573],
  [6, 1428, 508],
  [7, 1838, 789],
  [8, 79, 1312],
  [9, 1728, 629],
] as const;
const BASES = [
  ['base-3', 3, 1052],
  ['base-5', 5, 198],
  ['base-9', 9, 746],
] as const;

/** The thin bases: [card id, digit, image index]. */
const attributeSetup = (bases: readonly (readonly [string, number, number])[]): ArithmeticSetup => ({
  kind: 'arithmetic',
  asset: 'mnist-vae-16d',
  deck: DECK_PAIRS.flatMap(([d, bold, thin]) => [
    mnist(`bold-${d}`, boldDigit(d), bold),
    mnist(`thin-${d}`, thinDigit(d), thin),
  ]),
  hidden: [
    ...bases.map(([id, digit, index]) => mnist(id, thinDigit(digit), index)),
    ...REFERENCE_PAIRS.flatMap(([d, bold, thin]) => [
      mnist(`ref-bold-${d}`, boldDigit(d), bold),
      mnist(`ref-thin-${d}`, thinDigit(d), thin),
    ]),
  ],
  target: {
    kind: 'applyVector',
    bases: bases.map(([id]) => id),
    reference: REFERENCE_PAIRS.flatMap(([d]) => [
      { card: `ref-bold-${d}`, weight: 1 / REFERENCE_PAIRS.length },
      { card: `ref-thin-${d}`, weight: -1 / REFERENCE_PAIRS.length },
    ]),
  },
});

const attributeDraft: LevelDraft<'expression', 'matchPercent'> = {
  id: 'attribute-vector',
  world: 4,
  order: 3,
  title: { en: 'Attribute vector', pl: 'Wektor cechy', cs: 'Vektor atributu', es: 'Vector de atributo' },
  card: {
    title: { en: 'An attribute vector', pl: 'Wektor cechy', cs: 'Vektor atributu', es: 'Un vector de atributo' },
    lines: [
      {
        en: "One pair's difference mixes boldness with that pair's quirks.",
        pl: 'Różnica jednej pary miesza grubość z osobliwościami tej pary.',
        cs: 'Rozdíl jedné dvojice míchá tloušťku se zvláštnostmi právě té dvojice.',
        es: 'La diferencia de un solo par mezcla el grosor con las peculiaridades de ese par.',
      },
      {
        en: 'Average the differences of many pairs: the quirks cancel out.',
        pl: 'Uśrednij różnice wielu par: osobliwości się znoszą.',
        cs: 'Zprůměruj rozdíly mnoha dvojic: zvláštnosti se vyruší.',
        es: 'Promedia las diferencias de muchos pares: las peculiaridades se anulan.',
      },
      {
        en: 'What is left is a clean vector for "bold".',
        pl: 'Zostaje czysty wektor „grubości”.',
        cs: 'Zbude čistý vektor „tloušťky“.',
        es: 'Lo que queda es un vector limpio de “grosor”.',
      },
      {
        en: 'Add it to any digit: handwriting style transfer.',
        pl: 'Dodaj go do dowolnej cyfry: oto transfer stylu pisma.',
        cs: 'Přičti ho k libovolné číslici: přenos stylu rukopisu.',
        es: 'Súmalo a cualquier dígito: transferencia de estilo de escritura.',
      },
    ],
    formula: 'v = (1/n)·Σᵢ (μ(boldᵢ) − μ(thinᵢ)),   z = μ(a) + v',
    formulaLegend: {
      en: 'n pairs of the same digit, bold and thin; v is then added to a new digit a.',
      pl: 'n par tej samej cyfry, grubej i cienkiej; v dodaje się potem do nowej cyfry a.',
      cs: 'n dvojic stejné číslice, tlustá a tenká; v se pak přičte k nové číslici a.',
      es: 'n pares del mismo dígito, grueso y fino; después v se suma a un dígito nuevo a.',
    },
    seed: { file: '001_01f0c3934fb2763b.txt', idea: 'Różnica dwóch kodowań pozwoli wygenerować różniące ich cechy' },
    seeAlso: [{ file: '002_473200448d10064a.txt', idea: 'Przykłady zastosowań: transfer stylu pisma' }],
  },
  dataset: 'mnist',
  mode: 'arithmetic',
  setup: attributeSetup(BASES),
  controls: [],
  goal: {
    text: {
      en: 'Build a "bold" vector from the pairs; added to three new thin digits, it must reach a {star1} match.',
      pl: 'Zbuduj z par wektor „grubości”; dodany do trzech nowych cienkich cyfr musi dać dopasowanie {star1}.',
      cs: 'Sestav z dvojic vektor „tloušťky“; po přičtení ke třem novým tenkým číslicím musí dosáhnout shody {star1}.',
      es: 'Construye con los pares un vector de “grosor”; sumado a tres dígitos finos nuevos, debe llegar a una coincidencia del {star1}.',
    },
  },
  metric: {
    label: {
      en: 'Mean match on the three digits',
      pl: 'Średnie dopasowanie na trzech cyfrach',
      cs: 'Průměrná shoda na třech číslicích',
      es: 'Coincidencia media en los tres dígitos',
    },
    direction: 'higher',
    unit: 'percent',
  },
  stars: ATTRIBUTE_STARS,
  hints: [
    {
      afterSeconds: 20,
      text: {
        en: 'Start with one pair: bold minus thin.',
        pl: 'Zacznij od jednej pary: gruba minus cienka.',
        cs: 'Začni jednou dvojicí: tlustá minus tenká.',
        es: 'Empieza con un par: grueso menos fino.',
      },
    },
    {
      afterSeconds: 60,
      text: {
        en: 'Add a second pair and give each difference the weight ½.',
        pl: 'Dodaj drugą parę i daj każdej różnicy wagę ½.',
        cs: 'Přidej druhou dvojici a dej každému rozdílu váhu ½.',
        es: 'Añade un segundo par y da a cada diferencia el peso ½.',
      },
    },
    {
      afterSeconds: 120,
      text: {
        en: 'All five pairs, each difference weighted ⅕.',
        pl: 'Wszystkie pięć par, każda różnica z wagą ⅕.',
        cs: 'Všech pět dvojic, každý rozdíl s váhou ⅕.',
        es: 'Los cinco pares, cada diferencia con peso ⅕.',
      },
    },
  ],
  solution: { kind: 'expression', maxTerms: 10, maxWeight: 1 },
  measures: ['matchPercent'],
  example: {
    kind: 'expression',
    terms: [
      { card: 'bold-0', weight: 1 },
      { card: 'thin-0', weight: -1 },
    ],
  },
  scorer: (_p, m) => {
    expectLength('attribute-vector', 'matchPercent', m.matchPercent, BASES.length);
    const score = m.matchPercent.reduce((a, b) => a + b, 0) / m.matchPercent.length;
    return { score, goalMet: score >= ATTRIBUTE_STARS[0], detail: { worstMatch: Math.min(...m.matchPercent) } };
  },
};

export const attributeVector: LevelDefinition = defineLevel(attributeDraft);

/**
 * One thin base per digit for the classroom variants, picked as the default bases were (the thinnest sixth of
 * the class, then the most typical), outside the deck and the reference pairs; 3, 5 and 9 are the defaults.
 */
const THIN_BASES: Readonly<Record<number, number>> = { 2: 1952, 3: 1052, 5: 198, 8: 764, 9: 746 };

/**
 * Classroom variants: three other thin digits to restyle (the scorer averages exactly three). Kept: triples
 * where the bot's best is within 1.5 points of the default's and at least 87.8, 3 stars again need 4 of the 5
 * pairs, and the example (one pair) and the random attempt earn the default's stars (header). Only the images
 * change: the best expression, all pairs averaged, is the same in every variant.
 */
const ATTRIBUTE_VARIANT_DIGITS = [
  [2, 3, 5],
  [2, 3, 8],
  [2, 3, 9],
  [2, 8, 9],
  [3, 5, 8],
  [3, 8, 9],
  [5, 8, 9],
] as const;

export const ATTRIBUTE_VARIANTS: readonly LevelDefinition[] = [
  attributeVector,
  ...ATTRIBUTE_VARIANT_DIGITS.map((digits) =>
    defineLevel({
      ...attributeDraft,
      setup: attributeSetup(digits.map((d) => [`base-${d}`, d, THIN_BASES[d]] as const)),
    }),
  ),
];

// ── 17 · Letter forge ───────────────────────────────────────────────────────────────────────────────────────

/** The letter the forge's model never saw (assets.ts excludes it from 'letters-vae-forge'). */
export const FORGE_LETTER = 'E';
// Screen-only bots (issue 10): from the card most like E, adding / subtracting the cards that draw the
// missing / extra strokes, the bot reaches F + G + L at 1 wrong pixel (3★, 33 actions, 37 s of play);
// example 5 (1★), random 8 (0★). Kept.
const FORGE_STARS = [5, 3, 1] as const;

// One variant only: the forge's model (assets.ts) was trained without exactly this letter, so another target
// letter needs another pretrained model (npm run pretrain), and its search would need vetting anew.
export const letterForge: LevelDefinition = defineLevel({
  id: 'letter-forge',
  world: 4,
  order: 4,
  title: { en: 'Letter forge', pl: 'Kuźnia liter', cs: 'Kovárna písmen', es: 'Forja de letras' },
  card: {
    title: {
      en: 'A letter never seen',
      pl: 'Litera nigdy niewidziana',
      cs: 'Nikdy neviděné písmeno',
      es: 'Una letra nunca vista',
    },
    lines: [
      {
        en: "The forge's model is a small VAE with a 4-number code, trained without E.",
        pl: 'Model kuźni to mały autoenkoder wariacyjny z kodem z 4 liczb, trenowany bez E.',
        cs: 'Model kovárny je malý variační autoenkodér se 4číselným kódem, trénovaný bez E.',
        es: 'La forja usa un pequeño autocodificador variacional de código 4-D, entrenado sin la E.',
      },
      {
        en: 'Its latent space may still hold an E, between the letters it knows.',
        pl: 'Jego przestrzeń latentna może mimo to mieścić E, między znanymi literami.',
        cs: 'Jeho latentní prostor přesto může E obsahovat, mezi známými písmeny.',
        es: 'Aun así, su espacio latente puede contener una E entre las letras que conoce.',
      },
      {
        en: "The assignment's 2-D linear AE made new letters from its latent plane.",
        pl: 'W zadaniu liniowy AE z kodem 2D tworzył nowe litery z płaszczyzny latentnej.',
        cs: 'V zadání vytvářel lineární AE s 2D kódem nová písmena z latentní roviny.',
        es: 'En el trabajo práctico, un AE lineal 2D creaba letras nuevas desde el plano latente.',
      },
      {
        en: 'Codes do not add like strokes: the decoder bends every mix, so look.',
        pl: 'Kody nie sumują się jak kreski: dekoder wygina każdą mieszankę, więc patrz na wynik.',
        cs: 'Kódy se nesčítají jako čáry: dekodér každou směs ohne, tak se dívej na výsledek.',
        es: 'Los códigos no se suman como trazos: el decodificador deforma cada mezcla, así que mira.',
      },
      {
        en: 'Mix codes with weights, negative ones too, and read each decode.',
        pl: 'Mieszaj kody z wagami, także ujemnymi, i oceniaj każdy wynik dekodera.',
        cs: 'Míchej kódy s vahami, i zápornými, a prohlédni si každý výstup dekodéru.',
        es: 'Mezcla códigos con pesos, también negativos, y observa cada decodificación.',
      },
    ],
    formula: 'z = Σᵢ wᵢ·μ(letterᵢ)',
    formulaLegend: {
      en: 'μ(letter): the 4-number code the encoder gives a known letter; wᵢ: your weights, negative ones too.',
      pl: 'μ(litera): kod z 4 liczb, który enkoder daje znanej literze; wᵢ: twoje wagi, także ujemne.',
      cs: 'μ(písmeno): 4číselný kód, který enkodér dá známému písmenu; wᵢ: tvoje váhy, i záporné.',
      es: 'μ(letra): el código de 4 números que el codificador da a una letra conocida; wᵢ: tus pesos, también negativos.',
    },
    seed: {
      file: '004_a6fc6e8dcd014518.txt',
      idea: 'Generar una nueva letra que no pertenece al conjunto de entrenamiento',
    },
  },
  dataset: 'glyphs',
  mode: 'arithmetic',
  setup: {
    kind: 'arithmetic',
    asset: 'letters-vae-forge',
    deck: LETTERS.filter((c) => c !== FORGE_LETTER).map(glyph),
    hidden: [],
    target: { kind: 'glyph', char: FORGE_LETTER },
  },
  controls: [],
  goal: {
    text: {
      en: 'Forge the letter {letter} from other letters with at most {star1} wrong pixels.',
      pl: 'Wykuj literę {letter} z innych liter tak, by miała najwyżej {star1, plural, one {# błędny piksel} few {# błędne piksele} many {# błędnych pikseli} other {# błędnego piksela}}.',
      cs: 'Vykovej {letter} z jiných písmen tak, aby mělo nejvýše {star1, plural, one {{star1} chybný pixel} few {{star1} chybné pixely} many {{star1} chybného pixelu} other {{star1} chybných pixelů}}.',
      es: 'Forja una {letter} a partir de otras letras con {star1, plural, one {{star1} píxel erróneo} other {{star1} píxeles erróneos}} como máximo.',
    },
    params: { letter: FORGE_LETTER },
  },
  metric: {
    label: { en: 'Wrong pixels', pl: 'Błędne piksele', cs: 'Chybné pixely', es: 'Píxeles erróneos' },
    direction: 'lower',
    unit: 'pixels',
  },
  stars: FORGE_STARS,
  hints: [
    {
      afterSeconds: 20,
      text: {
        en: 'Start from one letter close to E, such as B, P or R, at weight ½ or 1, and watch the decode.',
        pl: 'Zacznij od litery podobnej do E, np. B, P lub R, z wagą ½ lub 1, i patrz na wynik.',
        cs: 'Začni písmenem podobným E, třeba B, P nebo R, s vahou ½ nebo 1, a sleduj výsledek.',
        es: 'Empieza con una letra parecida a la E, como B, P o R, con peso ½ o 1, y mira el resultado.',
      },
    },
    {
      afterSeconds: 60,
      text: {
        en: 'Then subtract half of a letter with strokes E lacks (diagonals, a right side).',
        pl: 'Potem odejmij połowę litery z kreskami, których E nie ma (ukośne, prawy bok).',
        cs: 'Pak odečti polovinu písmene s čarami, které E nemá (šikmé, pravá strana).',
        es: 'Después resta la mitad de una letra con trazos que la E no tiene (diagonales, lado derecho).',
      },
    },
    {
      afterSeconds: 120,
      text: {
        en: 'Half of P minus half of a letter with diagonals (M, N, W…): which one leaves an E?',
        pl: 'Połowa P minus połowa litery z ukośnymi kreskami (M, N, W…): która zostawia E?',
        cs: 'Polovina P minus polovina písmene se šikmými čarami (M, N, W…): které zanechá E?',
        es: 'La mitad de P menos la mitad de una letra con diagonales (M, N, W…): ¿cuál deja una E?',
      },
    },
  ],
  solution: { kind: 'expression', maxTerms: 6, maxWeight: 2 },
  measures: ['forgedWrongPixels'],
  example: {
    kind: 'expression',
    terms: [
      { card: 'F', weight: 0.5 },
      { card: 'L', weight: 0.5 },
    ],
  },
  scorer: (_p, m) => ({ score: m.forgedWrongPixels, goalMet: m.forgedWrongPixels <= FORGE_STARS[0] }),
});

export const WORLD4_LEVELS: readonly LevelDefinition[] = [blend, difference, attributeVector, letterForge];
