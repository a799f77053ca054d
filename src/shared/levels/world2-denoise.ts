/**
 * World 2 · Denoise: corrupt the input, keep the clean target: L(x, g(f(x̃))).
 *
 * Star thresholds: first set from a few real-engine runs (tfjs WASM in Node, 2 cores) while writing, then checked
 * by the solver bots (npm run solve, tests/unit/solvers), which retuned Storm. Observed:
 * - Static (104 held-out letters at salt-and-pepper 0.2): a plain AE restored 35–52 % of them; a denoising AE
 *   83–90 % (best: code 16, layers 64-32).
 * - Storm (tested at 0.5): plain AEs 81–84 % pixel accuracy, denoising AEs 87–90.4 % (best: trained at 0.3).
 *   Those runs drew fresh noise every batch (the engine has no fixed-copies mode yet), i.e. "infinitely many
 *   copies"; with few fixed copies accuracy should drop, which is the assignment's finding the level teaches.
 *   RETUNED by the solver bots (npm run solve, WASM, fixed copies): defaults (0.2, 5 copies) 83.5 %; 1 copy
 *   81.6; 20 copies 86.3; 30 copies 86.6; 0.25 / 30 copies / code 16 87.4; 100 copies 88.8; 0.25 / 100 copies /
 *   code 16 89.0; any run at 0.3 or 0.35 84–86. So copies go up to 100 (the engine's cap) and the stars are
 *   85 / 87 / 88.5 (88 since issue 15, at batch 64: beside the level): more copies win a star, 3 stars need many
 *   copies and the noise sweet spot.
 * - Noise zoo (mean MSE over the four kinds, 500 test digits): plain 0.0374; gaussian only 0.0321; all four
 *   mixed 0.0235 (2 epochs), 0.0201 (4 epochs).
 * - Inpainting (MSE inside a 12x12 hole): leaving the hole black 0.2075; plain AE 0.173; trained on other
 *   noise 0.093; trained with 12x12 blocks 0.077 (2 epochs), 0.0695 (4 epochs).
 */
import { GLYPH_PIXELS } from '../glyphs';
import type { NoiseSpec } from '../noise';
import { booleanValue, numberValue } from './controls';
import { defineLevel, expectLength } from './define';
import type { LevelDefinition } from './types';

const LETTER_COUNT = 26;
const TEST_COPIES = 4;
const sum = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0);
const mean = (v: readonly number[]): number => sum(v) / v.length;

/** "Restored" = at most this many wrong pixels against the clean letter. */
const RESTORED_MAX_WRONG = 1;

// ── 5 · Static ──────────────────────────────────────────────────────────────────────────────────────────────

const STATIC_NOISE: NoiseSpec = { type: 'saltPepper', amount: 0.2 };
// Screen-only bots (issue 10; npm run solve, WASM, busy machine): the reader reaches 92.3 on hints 2 + 3
// (3★, 2 trainings, 20.3 s of play); defaults 55.8, random 31.7 / 35.6 (0★). Kept.
// Issue 15 (first star in time; WASM in Node, stars helper): default steps 1500 → 500. Hint 1 (denoise on) at
// 500 steps 88.5 (2★) in ~0.7 s of training (1,000 steps 89.4); defaults at 500 steps 51.9 (0★); the reader's
// hints 2 + 3 (2,000 steps) 92.3 (3★, 16.3 s of play); random 31.7 / 35.6 (0★).
const STATIC_STARS = [60, 80, 90] as const;

export const staticLevel: LevelDefinition = defineLevel({
  id: 'static',
  world: 2,
  order: 1,
  title: { en: 'Static', pl: 'Szumy', cs: 'Zrnění', es: 'Estática' },
  card: {
    title: {
      en: 'The denoising autoencoder',
      pl: 'Autoenkoder odszumiający',
      cs: 'Odšumovací autoenkodér',
      es: 'El autoencoder de eliminación de ruido',
    },
    lines: [
      {
        en: 'Corrupt each training input x into x̃, e.g. with salt-and-pepper.',
        pl: 'Zniekształć każde wejście treningowe x do x̃, np. szumem sól i pieprz.',
        cs: 'Každý trénovací vstup x poškoď na x̃, třeba šumem typu sůl a pepř.',
        es: 'Degrada cada entrada de entrenamiento x para obtener x̃, p. ej. con ruido de sal y pimienta.',
      },
      {
        en: 'Ask the autoencoder for the clean x back, not for x̃.',
        pl: 'Wymagaj od autoenkodera odtworzenia czystego x, a nie x̃.',
        cs: 'Chtěj po autoenkodéru zpět čisté x, ne x̃.',
        es: 'Pide al autoencoder que devuelva la x limpia, no x̃.',
      },
      {
        en: 'The error is measured against the input before the noise.',
        pl: 'Błąd mierzy się względem wejścia sprzed dodania szumu.',
        cs: 'Chyba se měří vůči vstupu před přidáním šumu.',
        es: 'El error se mide respecto a la entrada antes de añadir el ruido.',
      },
      {
        en: 'Copying no longer pays: it must learn what letters look like.',
        pl: 'Kopiowanie już się nie opłaca: sieć musi nauczyć się, jak wyglądają litery.',
        cs: 'Kopírování se už nevyplácí: musí se naučit, jak písmena vypadají.',
        es: 'Copiar ya no sirve: tiene que aprender cómo son las letras.',
      },
    ],
    formula: 'L(x, g(f(x̃)))',
    formulaLegend: {
      en: 'x: the clean letter, x̃: its noisy copy, f: encoder, g: decoder, L: the error.',
      pl: 'x: czysta litera, x̃: jej zaszumiona kopia, f: enkoder, g: dekoder, L: błąd.',
      cs: 'x: čisté písmeno, x̃: jeho zašuměná kopie, f: enkodér, g: dekodér, L: ztrátová funkce (chyba).',
      es: 'x: la letra limpia, x̃: su copia con ruido, f: codificador, g: decodificador, L: el error.',
    },
    seed: { file: '003_c9063255341ae41f.txt', idea: 'Denoising autoenkodér: L(x, g(f(x̃)))' },
    seeAlso: [
      {
        file: '001_01f0c3934fb2763b.txt',
        idea: 'Błąd rekonstrukcji mierzy się między wyjściem a oryginalnym wejściem',
      },
    ],
  },
  dataset: 'glyphs',
  mode: 'trained',
  setup: {
    kind: 'trained',
    seed: 201,
    plan: (v, seed) => {
      const denoise = booleanValue(v, 'denoise');
      return {
        spec: {
          kind: denoise ? 'denoising' : 'dense',
          dataset: 'glyphs',
          hidden: Array<number>(numberValue(v, 'depth')).fill(numberValue(v, 'width')),
          bottleneck: numberValue(v, 'bottleneck'),
          activation: 'relu',
          seed,
          ...(denoise ? { noise: STATIC_NOISE } : {}),
        },
        config: {
          steps: numberValue(v, 'steps'),
          batchSize: LETTER_COUNT,
          optimizer: 'adam',
          learningRate: 0.01,
          loss: 'bce',
          seed,
          split: 'train',
          limit: LETTER_COUNT,
        },
      };
    },
    // Held out = noise the model never saw: fresh draws from a seed training never uses.
    heldOut: { source: 'letters', copies: TEST_COPIES, noise: STATIC_NOISE, noiseSeed: 5005 },
  },
  controls: [
    {
      kind: 'toggle',
      id: 'denoise',
      label: {
        en: 'Corrupt the training inputs',
        pl: 'Zaszum wejścia treningowe',
        cs: 'Poškoď trénovací vstupy',
        es: 'Degradar entradas al entrenar',
      },
      default: false,
    },
    {
      kind: 'slider',
      id: 'bottleneck',
      label: { en: 'Code size', pl: 'Rozmiar kodu', cs: 'Velikost kódu', es: 'Tamaño del código' },
      min: 2,
      max: 16,
      step: 2,
      default: 8,
    },
    {
      kind: 'slider',
      id: 'width',
      label: { en: 'Hidden width', pl: 'Neurony ukryte', cs: 'Skryté neurony', es: 'Neuronas por capa' },
      min: 16,
      max: 64,
      step: 16,
      default: 32,
    },
    {
      kind: 'slider',
      id: 'depth',
      label: { en: 'Hidden layers', pl: 'Warstwy ukryte', cs: 'Skryté vrstvy', es: 'Capas ocultas' },
      min: 1,
      max: 2,
      step: 1,
      default: 1,
    },
    {
      kind: 'slider',
      id: 'steps',
      label: { en: 'Training steps', pl: 'Kroki treningu', cs: 'Kroky trénování', es: 'Iteraciones' },
      min: 500,
      max: 3000,
      step: 500,
      // 500 (was 1500, issue 15): the first star in under a second; "train longer" (hint 3) still has room.
      default: 500,
    },
  ],
  goal: {
    text: {
      en: 'Restore at least {star1} of the noisy test letters (at most {maxWrong} wrong pixel each).',
      pl: 'Odtwórz co najmniej {star1} zaszumionych liter testowych (każdą z najwyżej {maxWrong, plural, one {# błędnym pikselem} few {# błędnymi pikselami} many {# błędnymi pikselami} other {# błędnego piksela}}).',
      cs: 'Obnov aspoň {star1} zašuměných testovacích písmen (v každém nejvýše {maxWrong, plural, one {{maxWrong} chybný pixel} few {{maxWrong} chybné pixely} many {{maxWrong} chybného pixelu} other {{maxWrong} chybných pixelů}}).',
      es: 'Restaura al menos el {star1} de las letras de prueba con ruido ({maxWrong, plural, one {{maxWrong} píxel erróneo} other {{maxWrong} píxeles erróneos}} como máximo en cada una).',
    },
    params: { maxWrong: RESTORED_MAX_WRONG },
  },
  metric: {
    label: { en: 'Letters restored', pl: 'Odtworzone litery', cs: 'Obnovená písmena', es: 'Letras restauradas' },
    direction: 'higher',
    unit: 'percent',
  },
  stars: STATIC_STARS,
  hints: [
    {
      afterSeconds: 20,
      text: {
        en: 'A plain autoencoder has never seen noise. Show it some while it trains.',
        pl: 'Zwykły autoenkoder nigdy nie widział szumu. Pokaż mu go podczas treningu.',
        cs: 'Obyčejný autoenkodér šum nikdy neviděl. Ukaž mu ho při trénování.',
        es: 'Un autoencoder simple nunca ha visto ruido. Muéstrale algo mientras entrena.',
      },
    },
    {
      afterSeconds: 60,
      text: {
        en: 'The assignment found more layers and a bigger code restore noisy letters better.',
        pl: 'W zadaniu więcej warstw i większy kod lepiej odtwarzały zaszumione litery.',
        cs: 'V zadání vyšlo, že víc vrstev a větší kód obnoví zašuměná písmena lépe.',
        es: 'El trabajo práctico vio que más capas y un código más grande restauran mejor las letras con ruido.',
      },
    },
    {
      afterSeconds: 120,
      text: {
        en: 'Still short? Train longer: denoising is a harder job than copying.',
        pl: 'Wciąż za mało? Trenuj dłużej: odszumianie to trudniejsze zadanie niż kopiowanie.',
        cs: 'Pořád to nestačí? Trénuj déle: odšumování je těžší úkol než kopírování.',
        es: '¿Aún no llegas? Entrena más: quitar ruido es más difícil que copiar.',
      },
    },
  ],
  solution: { kind: 'hyperparameters' },
  measures: ['noisyGlyphWrongPixels'],
  example: { kind: 'hyperparameters', values: { denoise: true, bottleneck: 16, width: 64, depth: 2 } },
  scorer: (_p, m) => {
    expectLength('static', 'noisyGlyphWrongPixels', m.noisyGlyphWrongPixels, LETTER_COUNT * TEST_COPIES);
    const restored =
      (100 * m.noisyGlyphWrongPixels.filter((w) => w <= RESTORED_MAX_WRONG).length) / m.noisyGlyphWrongPixels.length;
    return {
      score: restored,
      goalMet: restored >= STATIC_STARS[0],
      detail: { meanWrongPixels: mean(m.noisyGlyphWrongPixels) },
    };
  },
});

// ── 6 · Storm ───────────────────────────────────────────────────────────────────────────────────────────────

// Screen-only bots (issue 10): hints reordered (lang, #10 §2b) so each one followed helps: defaults 83.5 (0★);
// hint 1 (20 copies) 86.3 (1★); hint 2 (100 copies) 88.8 (3★, 2 trainings, 23.4 s of play); hint 3 (code 16,
// noise 0.25, 100 copies) 89.0. Before, hint 1 alone (noise 0.25, 5 copies) gave 81.0, below the defaults, and
// noise 0.25 with 20 copies 83.6. Random players 77.7 (0★) / 85.9 (1★). Kept: the lesson is in the copies.
// Issue 15 (first star in time; WASM in Node, stars helper): batch 32 → 64 and the steps slider 1,000–5,000 (default
// 2,000) → 500–2,500 (default 500): a step costs about the same (~2.5 ms, six small layers), so hint 1 (20 copies)
// wins 1★ (85.8) in ~1.2 s of training instead of ~7 s. At 500 steps: defaults 84.1 (0★); 30 copies 86.7; 50
// copies 86.95 (1★); 100 copies 88.52 (hint 2); 100 copies at 1,000 steps 88.1; hint 3 (0.25, 100, code 16) 88.24;
// random players 77.8 / 82.8 (0★). The 3-star line moves 88.5 → 88: 100 copies were 0.02 above it; now every
// reading of hints 2 and 3 wins 3★ with 0.1–0.5 of margin, 50 copies stay 1★.
const STORM_STARS = [85, 87, 88] as const;

export const storm: LevelDefinition = defineLevel({
  id: 'storm',
  world: 2,
  order: 2,
  title: { en: 'Storm', pl: 'Burza', cs: 'Bouře', es: 'Tormenta' },
  card: {
    title: {
      en: 'Noise it has never seen',
      pl: 'Nieznany szum',
      cs: 'Šum, který nikdy neviděl',
      es: 'Ruido nunca visto',
    },
    lines: [
      {
        en: 'The assignment ran noise 0.2 and 0.5 as two separate experiments.',
        pl: 'W zadaniu szum 0.2 i 0.5 badano w dwóch osobnych eksperymentach.',
        cs: 'Zadání zkoumalo šum 0.2 a 0.5 ve dvou samostatných pokusech.',
        es: 'El trabajo práctico estudió el ruido 0.2 y el 0.5 en dos experimentos separados.',
      },
      {
        en: 'At one noise level it compared the noise it trained on with fresh draws.',
        pl: 'Przy jednym poziomie szumu porównano szum z treningu z nowo wylosowanym.',
        cs: 'Při jedné síle šumu porovnalo šum z trénování s nově vylosovaným šumem.',
        es: 'Con un mismo nivel, comparó el ruido entrenado con ruido alterno, sorteado de nuevo.',
      },
      {
        en: 'Noise seen in training is easy; fresh draws are the real test.',
        pl: 'Szum znany z treningu jest łatwy; prawdziwy test to nowe losowania.',
        cs: 'Šum z trénování je snadný; skutečnou zkouškou je nově vylosovaný šum.',
        es: 'El ruido visto al entrenar es fácil; el ruido nuevo es la verdadera prueba.',
      },
      {
        en: 'More noisy copies per letter (20, not 5) did better on fresh noise.',
        pl: 'Więcej zaszumionych kopii na literę (20 zamiast 5) lepiej radziło sobie z nowym szumem.',
        cs: 'Víc zašuměných kopií na písmeno (20 místo 5) si s novým šumem poradilo lépe.',
        es: 'Más copias con ruido por letra (20 en vez de 5) funcionaron mejor con ruido nuevo.',
      },
      {
        en: 'Here the test is fresh noise at 0.5; you choose the training noise.',
        pl: 'Tutaj test to nowy szum 0.5; szum treningowy wybierasz sam.',
        cs: 'Zde se testuje nový šum 0.5; šum pro trénování volíš ty.',
        es: 'Aquí la prueba es ruido nuevo de 0.5; tú eliges el ruido de entrenamiento.',
      },
    ],
    formula: 'L = (1/K)·Σₖ L(x, g(f(x̃ₖ)))',
    formulaLegend: {
      en: 'x̃ₖ (k = 1 … K): K noisy copies of the clean letter x, drawn once before training.',
      pl: 'x̃ₖ (k = 1 … K): K zaszumionych kopii czystej litery x, losowanych raz przed treningiem.',
      cs: 'x̃ₖ (k = 1 … K): K zašuměných kopií čistého písmene x, vylosovaných jednou před trénováním.',
      es: 'x̃ₖ (k = 1 … K): K copias con ruido de la letra limpia x, sorteadas una vez antes de entrenar.',
    },
    seed: {
      file: '004_a6fc6e8dcd014518.txt',
      idea: 'Denoising Autoencoder: ruido 0.2 y 0.5, ruido entrenado vs ruido alterno, 5 vs 20 muestras',
    },
  },
  dataset: 'glyphs',
  mode: 'trained',
  setup: {
    kind: 'trained',
    seed: 202,
    plan: (v, seed) => {
      const amount = numberValue(v, 'trainNoise');
      return {
        // The assignment's architecture: 35-25-15-code.
        spec: {
          kind: amount > 0 ? 'denoising' : 'dense',
          dataset: 'glyphs',
          hidden: [25, 15],
          bottleneck: numberValue(v, 'bottleneck'),
          activation: 'relu',
          seed,
          ...(amount > 0 ? { noise: { type: 'saltPepper', amount } as const } : {}),
        },
        config: {
          steps: numberValue(v, 'steps'),
          // 64 (was 32, issue 15) with half the steps: the same examples seen, a step costs about the same.
          batchSize: 64,
          optimizer: 'adam',
          learningRate: 0.01,
          loss: 'bce',
          seed,
          split: 'train',
          limit: LETTER_COUNT,
        },
        // Copies only matter when there is noise to copy.
        ...(amount > 0 ? { noisyCopies: numberValue(v, 'copies') } : {}),
      };
    },
    heldOut: { source: 'letters', copies: TEST_COPIES, noise: { type: 'saltPepper', amount: 0.5 }, noiseSeed: 6006 },
  },
  controls: [
    {
      kind: 'slider',
      id: 'trainNoise',
      label: { en: 'Training noise', pl: 'Szum treningowy', cs: 'Šum při trénování', es: 'Ruido al entrenar' },
      min: 0,
      max: 0.6,
      step: 0.05,
      default: 0.2,
    },
    {
      kind: 'slider',
      id: 'copies',
      label: {
        en: 'Noisy copies per letter',
        pl: 'Zaszumione kopie na literę',
        cs: 'Zašuměné kopie na písmeno',
        es: 'Copias con ruido por letra',
      },
      min: 1,
      max: 100,
      step: 1,
      default: 5,
    },
    {
      kind: 'slider',
      id: 'bottleneck',
      label: { en: 'Code size', pl: 'Rozmiar kodu', cs: 'Velikost kódu', es: 'Tamaño del código' },
      min: 4,
      max: 16,
      step: 2,
      default: 10,
    },
    {
      kind: 'slider',
      id: 'steps',
      label: { en: 'Training steps', pl: 'Kroki treningu', cs: 'Kroky trénování', es: 'Iteraciones' },
      min: 500,
      max: 2500,
      step: 500,
      default: 500,
    },
  ],
  goal: {
    text: {
      en: 'At noise 0.5, on noise never seen in training, get at least {star1} of the pixels right.',
      pl: 'Przy szumie 0.5, którego nie było w treningu, odtwórz poprawnie co najmniej {star1} pikseli.',
      cs: 'Při novém šumu 0.5, který model při trénování neviděl, měj správně aspoň {star1} pixelů.',
      es: 'Con ruido 0.5 nunca visto en el entrenamiento, acierta al menos el {star1} de los píxeles.',
    },
  },
  metric: {
    label: {
      en: 'Pixel accuracy at noise 0.5',
      pl: 'Dokładność pikseli przy szumie 0.5',
      cs: 'Přesnost pixelů při šumu 0.5',
      es: 'Acierto de píxeles con ruido 0.5',
    },
    direction: 'higher',
    unit: 'percent',
  },
  stars: STORM_STARS,
  hints: [
    {
      afterSeconds: 20,
      text: {
        en: 'The assignment compared 5 and 20 noisy copies per letter. Which generalised better?',
        pl: 'W zadaniu porównano 5 i 20 zaszumionych kopii na literę. Co lepiej uogólniało?',
        cs: 'Zadání porovnávalo 5 a 20 zašuměných kopií na písmeno. Co generalizovalo lépe?',
        es: 'El trabajo práctico comparó 5 y 20 copias con ruido por letra. ¿Cuál generalizó mejor?',
      },
    },
    {
      afterSeconds: 60,
      text: {
        en: 'Each copy is one more draw of the noise. If 20 copies beat 5, what do 100 do?',
        pl: 'Każda kopia to jeszcze jedno losowanie szumu. Skoro 20 kopii wygrało z 5, co da 100?',
        cs: 'Každá kopie je další losování šumu. Když 20 kopií porazilo 5, co udělá 100?',
        es: 'Cada copia es un sorteo más del ruido. Si 20 copias ganaron a 5, ¿qué harán 100?',
      },
    },
    {
      afterSeconds: 120,
      text: {
        en: 'With many copies, the last points come from a bigger code (as in Static) and training noise 0.25; much higher hurts.',
        pl: 'Przy wielu kopiach ostatnie punkty daje większy kod (jak w Szumach) i szum treningowy o stopień wyższy (0.25); dużo wyższy szkodzi.',
        cs: 'S mnoha kopiemi přinese poslední body větší kód (jako ve Zrnění) a šum při trénování o stupeň vyšší (0.25); mnohem vyšší škodí.',
        es: 'Con muchas copias, los últimos puntos vienen de un código mayor (como en Estática) y un ruido de entrenamiento un punto más alto (0.25); mucho más alto perjudica.',
      },
    },
  ],
  solution: { kind: 'hyperparameters' },
  measures: ['noisyGlyphWrongPixels'],
  example: { kind: 'hyperparameters', values: { trainNoise: 0.3, copies: 20 } },
  scorer: (_p, m) => {
    expectLength('storm', 'noisyGlyphWrongPixels', m.noisyGlyphWrongPixels, LETTER_COUNT * TEST_COPIES);
    const accuracy = 100 * (1 - sum(m.noisyGlyphWrongPixels) / (m.noisyGlyphWrongPixels.length * GLYPH_PIXELS));
    return {
      score: accuracy,
      goalMet: accuracy >= STORM_STARS[0],
      detail: { meanWrongPixels: mean(m.noisyGlyphWrongPixels) },
    };
  },
});

// ── 7 · Noise zoo ───────────────────────────────────────────────────────────────────────────────────────────

/** The four kinds, in the order of the toggles, of the test set and of the `noiseKindMse` measurement. */
export const ZOO_NOISES = {
  gaussian: { type: 'gaussian', sigma: 0.4 },
  saltPepper: { type: 'saltPepper', amount: 0.2 },
  masking: { type: 'masking', fraction: 0.4 },
  block: { type: 'block', size: 10 },
} as const satisfies Record<string, Exclude<NoiseSpec, { type: 'mixed' | 'none' }>>;
const ZOO_KINDS = Object.keys(ZOO_NOISES) as (keyof typeof ZOO_NOISES)[];
// Screen-only bots (issue 10): the reader reaches 0.0235 (2★) with every kind on (card + hint 2), then 0.0191
// with hint 3's longer training and wider code (3★, 2 trainings, 35.8 s of play); defaults 0.0375 (0★), random
// players 0.0243 and 0.0221 (2★: any mix of kinds helps). Kept: the 3-star line sits between the best random
// player and the reader, about 0.001 from each; 2★ for a lucky mix is fair.
// Issue 15 (first star in time; WASM in Node, stars helper): learning rate 0.002 → 0.003, default epochs 2 → 1.
// Every kind on (card + hint 2) at 1 epoch 0.0278 (1★) in ~4.1 s of training, where 2 epochs took 9.5 s (1 epoch
// at 0.002 0.0297, 0.0003 from the line; batch 64 at 0.004 0.0324; batch 128 or 4,000 training digits at 2
// epochs 0.029 in ~4.3–5.5 s). Hint 3's "a couple more" epochs (3) with code 64 0.0205 (3★, 25.4 s of play; 4
// epochs 0.0192); defaults 0.0361 (0★); random players 0.0237 and 0.0220 (2★). Kept.
const ZOO_STARS = [0.03, 0.025, 0.021] as const;

export const noiseZoo: LevelDefinition = defineLevel({
  id: 'noise-zoo',
  world: 2,
  order: 3,
  title: { en: 'Noise zoo', pl: 'Zoo szumów', cs: 'Zoo šumů', es: 'Zoo de ruidos' },
  card: {
    title: { en: 'Kinds of corruption', pl: 'Rodzaje zakłóceń', cs: 'Druhy poškození', es: 'Tipos de degradación' },
    lines: [
      {
        en: 'Noise comes in kinds: jitter, salt-and-pepper, masking, erased blocks.',
        pl: 'Szum bywa różny: gaussowski, sól i pieprz, maskowanie, wymazane bloki.',
        cs: 'Šum má různé druhy: gaussovský, sůl a pepř, maskování, smazané bloky.',
        es: 'Hay varios tipos de ruido: gaussiano, sal y pimienta, enmascarado, bloques borrados.',
      },
      {
        en: 'Masking switches off 30–50 % of the pixels, like dropout on the input.',
        pl: 'Maskowanie wyłącza 30–50% pikseli, jak dropout na wejściu.',
        cs: 'Maskování vypne 30–50 % pixelů, jako dropout na vstupu.',
        es: 'El enmascarado apaga entre el 30 y el 50 % de los píxeles, como un dropout en la entrada.',
      },
      {
        en: 'A model trained on one kind may fail on another.',
        pl: 'Model trenowany na jednym rodzaju może zawieść na innym.',
        cs: 'Model trénovaný na jednom druhu může na jiném selhat.',
        es: 'Un modelo entrenado con un tipo puede fallar con otro.',
      },
      {
        en: 'Training on a mix teaches it to undo them all.',
        pl: 'Trening na mieszance uczy go usuwać wszystkie.',
        cs: 'Trénink na směsi ho naučí odstranit všechny.',
        es: 'Entrenar con una mezcla le enseña a deshacerlos todos.',
      },
    ],
    formula: 'x̃ = m ⊙ x,   mᵢ ~ Bernoulli(1 − p)',
    formulaLegend: {
      en: 'Masking: each pixel xᵢ is kept (mᵢ = 1) or zeroed with probability p; ⊙: pixel by pixel.',
      pl: 'Maskowanie: każdy piksel xᵢ zostaje (mᵢ = 1) albo z prawdopodobieństwem p jest zerowany; ⊙: piksel po pikselu.',
      cs: 'Maskování: každý pixel xᵢ se ponechá (mᵢ = 1), nebo se s pravděpodobností p vynuluje; ⊙: po pixelech.',
      es: 'Enmascarado: cada píxel xᵢ se conserva (mᵢ = 1) o, con probabilidad p, se pone a cero; ⊙: píxel a píxel.',
    },
    seed: {
      file: '001_01f0c3934fb2763b.txt',
      idea: 'Uczenie poprzez zakłócenie danych: dropout (30%-50%), zerowanie, salt and pepper',
    },
  },
  dataset: 'mnist',
  mode: 'trained',
  setup: {
    kind: 'trained',
    seed: 203,
    plan: (v, seed) => {
      const kinds = ZOO_KINDS.filter((k) => booleanValue(v, k)).map((k) => ZOO_NOISES[k]);
      const noise: NoiseSpec | undefined =
        kinds.length === 0 ? undefined : kinds.length === 1 ? kinds[0] : { type: 'mixed', kinds };
      return {
        spec: {
          kind: noise ? 'denoising' : 'dense',
          dataset: 'mnist',
          hidden: [256],
          bottleneck: numberValue(v, 'bottleneck'),
          activation: 'relu',
          seed,
          ...(noise ? { noise } : {}),
        },
        config: {
          epochs: numberValue(v, 'epochs'),
          batchSize: 32,
          optimizer: 'adam',
          // 0.003 (was 0.002, issue 15): one epoch with every kind on wins the first star.
          learningRate: 0.003,
          loss: 'bce',
          seed,
          split: 'train',
        },
      };
    },
    // Kind i is drawn with seed noiseSeed + i (the harness's rule for several noises).
    heldOut: { source: 'mnistTest', limit: 500, noises: ZOO_KINDS.map((k) => ZOO_NOISES[k]), noiseSeed: 7007 },
  },
  controls: [
    {
      kind: 'toggle',
      id: 'gaussian',
      label: {
        en: 'Train with gaussian jitter',
        pl: 'Trenuj z szumem gaussowskim',
        cs: 'Trénuj s gaussovským šumem',
        es: 'Entrenar con ruido gaussiano',
      },
      default: false,
    },
    {
      kind: 'toggle',
      id: 'saltPepper',
      label: {
        en: 'Train with salt & pepper',
        pl: 'Trenuj z solą i pieprzem',
        cs: 'Trénuj se šumem sůl a pepř',
        es: 'Entrenar con sal y pimienta',
      },
      default: false,
    },
    {
      kind: 'toggle',
      id: 'masking',
      label: {
        en: 'Train with masking',
        pl: 'Trenuj z maskowaniem',
        cs: 'Trénuj s maskováním',
        es: 'Entrenar con enmascarado',
      },
      default: false,
    },
    {
      kind: 'toggle',
      id: 'block',
      label: {
        en: 'Train with erased blocks',
        pl: 'Trenuj z wymazanymi blokami',
        cs: 'Trénuj se smazanými bloky',
        es: 'Entrenar con bloques borrados',
      },
      default: false,
    },
    {
      kind: 'slider',
      id: 'bottleneck',
      label: { en: 'Code size', pl: 'Rozmiar kodu', cs: 'Velikost kódu', es: 'Tamaño del código' },
      min: 16,
      max: 64,
      step: 16,
      default: 32,
    },
    {
      kind: 'slider',
      id: 'epochs',
      label: { en: 'Epochs', pl: 'Epoki', cs: 'Epochy', es: 'Épocas' },
      min: 1,
      max: 4,
      step: 1,
      default: 1,
    },
  ],
  goal: {
    text: {
      en: 'Across all four kinds of noise, bring the average error down to {star1}.',
      pl: 'Zbij średni błąd dla wszystkich czterech rodzajów szumu do {star1}.',
      cs: 'Sraz průměrnou chybu přes všechny čtyři druhy šumu na {star1}.',
      es: 'Con los cuatro tipos de ruido, baja el error medio hasta {star1}.',
    },
  },
  metric: {
    label: {
      en: 'Mean error over the four kinds (MSE)',
      pl: 'Średni błąd dla czterech rodzajów (MSE)',
      cs: 'Průměrná chyba přes 4 druhy (MSE)',
      es: 'Error medio de los cuatro tipos (MSE)',
    },
    direction: 'lower',
    unit: 'mse',
  },
  stars: ZOO_STARS,
  hints: [
    {
      afterSeconds: 30,
      text: {
        en: 'Under the controls, each noise kind of the test gets its error bar after training: which one hurts most?',
        pl: 'Pod ustawieniami każdy rodzaj szumu z testu dostaje po treningu swój słupek błędu: który szkodzi najbardziej?',
        cs: 'Pod ovládáním dostane každý druh šumu z testu po trénování svůj sloupec chyby: který škodí nejvíc?',
        es: 'Bajo los controles, cada tipo de ruido de la prueba tiene su barra de error tras entrenar: ¿cuál afecta más?',
      },
    },
    {
      afterSeconds: 90,
      text: {
        en: 'Each image gets one kind at random, so training on several kinds costs nothing extra.',
        pl: 'Każdy obraz dostaje losowo jeden rodzaj szumu, więc trening na kilku rodzajach nic dodatkowo nie kosztuje.',
        cs: 'Každý obrázek dostane náhodně jeden druh, takže trénink na více druzích nic navíc nestojí.',
        es: 'Cada imagen recibe un tipo al azar, así que entrenar con varios tipos no cuesta nada más.',
      },
    },
    {
      afterSeconds: 180,
      text: {
        en: 'With every kind on, a couple more epochs help.',
        pl: 'Gdy wszystkie rodzaje są włączone, pomaga kilka epok więcej.',
        cs: 'Se všemi druhy zapnutými pomůže pár epoch navíc.',
        es: 'Con todos los tipos activados, un par de épocas más ayudan.',
      },
    },
  ],
  solution: { kind: 'hyperparameters' },
  measures: ['noiseKindMse'],
  example: { kind: 'hyperparameters', values: { gaussian: true, saltPepper: true, masking: true, block: true } },
  scorer: (_p, m) => {
    expectLength('noise-zoo', 'noiseKindMse', m.noiseKindMse, ZOO_KINDS.length);
    const score = mean(m.noiseKindMse);
    const worst = m.noiseKindMse.indexOf(Math.max(...m.noiseKindMse));
    return { score, goalMet: score <= ZOO_STARS[0], detail: { worstKindIndex: worst } };
  },
});

// ── 8 · Inpainting ──────────────────────────────────────────────────────────────────────────────────────────

const HOLE_SIZE = 12;
// Screen-only bots (issue 10): the reader (hints 1 + 2: 12x12 squares) reaches 0.0751 (2★), then with hint 3's
// "an epoch or two" (one more: 3 epochs) 0.0716 (3★, 2 trainings, 32.5 s of play); defaults 0.168 (0★); random
// players 0.0787 (10x10 squares, 3 epochs) and 0.0803 (2★). The 3-star line was 0.072, only 0.0004 above the
// reader: a backend's rounding from failing the hint's smallest reading. Retuned to 0.074: 0.0024 of margin for the
// reader, still 0.0047 below the best random player (4 epochs reach 0.0695, header).
// Issue 15 (first star in time; WASM in Node, stars helper): learning rate 0.002 → 0.003, default epochs 2 → 1.
// 12x12 squares (hints 1 + 2) at 1 epoch 0.0779 (2★) in ~3–4 s of training, where 2 epochs at 0.002 took ~9 s;
// hint 3's "an epoch or two" 0.0734 (one more) / 0.0707 (two: the reader's, 3★, 24.2 s of play); defaults
// 0.145 (0★); random players 0.0769 (10x10, code 16, 3 epochs) and 0.0802 (2★). Kept.
const INPAINT_STARS = [0.11, 0.085, 0.074] as const;

export const inpainting: LevelDefinition = defineLevel({
  id: 'inpainting',
  world: 2,
  order: 4,
  title: { en: 'Inpainting', pl: 'Uzupełnianie', cs: 'Dokreslování', es: 'Rellenar huecos' },
  card: {
    title: {
      en: 'Filling in what is missing',
      pl: 'Uzupełnianie brakujących fragmentów',
      cs: 'Doplnění toho, co chybí',
      es: 'Completar lo que falta',
    },
    lines: [
      {
        en: 'Inpainting restores a part of the picture that is missing.',
        pl: 'Uzupełnianie (inpainting) odtwarza brakujący fragment obrazu.',
        cs: 'Inpainting (dokreslování) obnoví chybějící část obrázku.',
        es: 'El inpainting reconstruye una parte de la imagen que falta.',
      },
      {
        en: 'Erase a square during training and ask for the whole digit back.',
        pl: 'Podczas treningu wymaż kwadrat i wymagaj odtworzenia całej cyfry.',
        cs: 'Při trénování smaž čtverec a chtěj zpět celou číslici.',
        es: 'Borra un cuadrado durante el entrenamiento y pide el dígito completo.',
      },
      {
        en: 'The code must hold the shape of the digit, not just its pixels.',
        pl: 'Kod musi przechowywać kształt cyfry, a nie tylko jej piksele.',
        cs: 'Kód musí zachytit tvar číslice, nejen její pixely.',
        es: 'El código debe guardar la forma del dígito, no solo sus píxeles.',
      },
      {
        en: 'The same trick repairs damaged scans and handwriting.',
        pl: 'Ta sama sztuczka naprawia uszkodzone skany i pismo odręczne.',
        cs: 'Stejný trik opravuje poškozené skeny i rukopis.',
        es: 'El mismo truco repara escaneos dañados y escritura a mano.',
      },
    ],
    formula: 'E = Σᵢ mᵢ·(xᵢ − x′ᵢ)² / Σᵢ mᵢ',
    formulaLegend: {
      en: 'mᵢ = 1 inside the erased square: only the pixels the model had to invent count.',
      pl: 'mᵢ = 1 wewnątrz wymazanego kwadratu: liczą się tylko piksele, które model musiał wymyślić.',
      cs: 'mᵢ = 1 uvnitř smazaného čtverce: počítají se jen pixely, které si model musel domyslet.',
      es: 'mᵢ = 1 dentro del cuadrado borrado: solo cuentan los píxeles que el modelo tuvo que inventar.',
    },
    seed: { file: '002_473200448d10064a.txt', idea: 'Przykłady zastosowań: uzupełnianie brakujących fragmentów' },
    seeAlso: [
      { file: '001_01f0c3934fb2763b.txt', idea: 'Autoenkodery przygotowane w celu uzupełnienia pewnych informacji' },
    ],
  },
  dataset: 'mnist',
  mode: 'trained',
  setup: {
    kind: 'trained',
    seed: 204,
    plan: (v, seed) => {
      const size = numberValue(v, 'trainHole');
      return {
        spec: {
          kind: size > 0 ? 'denoising' : 'dense',
          dataset: 'mnist',
          hidden: [256],
          bottleneck: numberValue(v, 'bottleneck'),
          activation: 'relu',
          seed,
          ...(size > 0 ? { noise: { type: 'block', size } as const } : {}),
        },
        config: {
          epochs: numberValue(v, 'epochs'),
          batchSize: 32,
          optimizer: 'adam',
          // 0.003 (was 0.002, issue 15): one epoch with 12x12 squares wins 2 stars.
          learningRate: 0.003,
          loss: 'bce',
          seed,
          split: 'train',
        },
      };
    },
    // Any 12x12 square in a 28x28 frame overlaps the centred 20x20 digit box, so every hole hides some ink.
    heldOut: { source: 'mnistTest', limit: 500, noises: [{ type: 'block', size: HOLE_SIZE }], noiseSeed: 8008 },
  },
  controls: [
    {
      kind: 'slider',
      id: 'trainHole',
      label: {
        en: 'Square erased in training (pixels)',
        pl: 'Kwadrat wymazywany w treningu (piksele)',
        cs: 'Čtverec smazaný při trénování (pixely)',
        es: 'Cuadrado borrado al entrenar (píxeles)',
      },
      min: 0,
      max: 14,
      step: 2,
      default: 0,
    },
    {
      kind: 'slider',
      id: 'bottleneck',
      label: { en: 'Code size', pl: 'Rozmiar kodu', cs: 'Velikost kódu', es: 'Tamaño del código' },
      min: 16,
      max: 64,
      step: 16,
      default: 32,
    },
    {
      kind: 'slider',
      id: 'epochs',
      label: { en: 'Epochs', pl: 'Epoki', cs: 'Epochy', es: 'Épocas' },
      min: 1,
      max: 4,
      step: 1,
      default: 1,
    },
  ],
  goal: {
    text: {
      en: 'Fill {hole}×{hole} holes in unseen digits with an error inside the hole of at most {star1}.',
      pl: 'Wypełnij dziury {hole}×{hole} w nowych cyfrach tak, by błąd w dziurze wynosił najwyżej {star1}.',
      cs: 'Zaplň díry {hole}×{hole} v neviděných číslicích s chybou uvnitř díry nejvýše {star1}.',
      es: 'Rellena huecos de {hole}×{hole} en dígitos no vistos con un error dentro del hueco de {star1} como máximo.',
    },
    params: { hole: HOLE_SIZE },
  },
  metric: {
    label: {
      en: 'Error inside the hole (MSE)',
      pl: 'Błąd w dziurze (MSE)',
      cs: 'Chyba uvnitř díry (MSE)',
      es: 'Error dentro del hueco (MSE)',
    },
    direction: 'lower',
    unit: 'mse',
  },
  stars: INPAINT_STARS,
  hints: [
    {
      afterSeconds: 30,
      text: {
        en: 'A model that never saw a hole copies the hole. Erase squares while it trains.',
        pl: 'Model, który nie widział dziury, kopiuje dziurę. Wymazuj kwadraty podczas treningu.',
        cs: 'Model, který nikdy neviděl díru, díru zkopíruje. Při trénování maž čtverce.',
        es: 'Un modelo que nunca vio un hueco copia el hueco. Borra cuadrados mientras entrena.',
      },
    },
    {
      afterSeconds: 90,
      text: {
        en: 'Train on squares about as big as the test holes.',
        pl: 'Trenuj na kwadratach mniej więcej tak dużych jak testowe dziury.',
        cs: 'Trénuj na čtvercích zhruba tak velkých jako testovací díry.',
        es: 'Entrena con cuadrados de un tamaño parecido al de los huecos de prueba.',
      },
    },
    {
      afterSeconds: 180,
      text: {
        en: 'Guessing hidden strokes takes practice: add an epoch or two.',
        pl: 'Zgadywanie ukrytych kresek wymaga wprawy: dodaj epokę lub dwie.',
        cs: 'Domýšlení skrytých čar chce cvik: přidej epochu nebo dvě.',
        es: 'Adivinar trazos ocultos requiere práctica: añade una o dos épocas.',
      },
    },
  ],
  solution: { kind: 'hyperparameters' },
  measures: ['holeMse'],
  example: { kind: 'hyperparameters', values: { trainHole: 12, epochs: 3 } },
  scorer: (_p, m) => ({ score: m.holeMse, goalMet: m.holeMse <= INPAINT_STARS[0] }),
});

export const WORLD2_LEVELS: readonly LevelDefinition[] = [staticLevel, storm, noiseZoo, inpainting];
