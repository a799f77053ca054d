/**
 * World 5 · order 3, "Codebook": a VQ-VAE (van den Oord et al. 2017) trained live on the 26 letters of the 7x5
 * font. The player picks the codebook size K and the number of code slots under a budget of bits per image
 * (slots · log2 K, src/shared/vq.ts) and is scored on letters with a few flipped pixels the model never saw.
 *
 * Measured while writing this level (tfjs WASM in Node, the busy shared 2-core machine, 300 steps, seed 501,
 * every choice from 3 to 6 bits; error on the held-out noisy letters): 3 bits K 8 × 1 0.0900; 4 bits K 16 × 1
 * 0.0845, K 4 × 2 0.0641, K 2 × 4 0.0891; 5 bits K 32 × 1 0.0707, K 2 × 5 0.0325; 6 bits K 64 × 1 0.0506,
 * K 8 × 2 0.0233, K 4 × 3 0.0203, K 2 × 6 0.0184. Training took 5–18 s wall under a load of 24 (300 steps).
 * One slot of K = 64 leaves most entries unused (22 of 64 in a clean-letter run) and rebuilds the letters worse
 * than 3 slots of K = 4, which use every entry: several small codes combine into more letters than one big
 * codebook learns to use.
 */
import { bitsPerImage } from '../vq';
import { numberValue, stringValue } from './controls';
import { defineLevel } from './define';
import type { ControlValues, LevelDefinition } from './types';

const LETTER_COUNT = 26;
/** The budget of bits per image. */
export const CODEBOOK_MAX_BITS = 6;
/** Numbers per code vector (and per codebook entry). */
export const CODEBOOK_CODE_DIM = 2;
const STEPS = 300;
export const CODEBOOK_SIZES = ['2', '4', '8', '16', '32', '64'] as const;
// From the sweep in the header: one big codebook (K 64, 1 slot: 0.0506) wins 1 star, two slots of K 8 (0.0233)
// 2 stars, the same 6 bits as 3 slots of K 4 (0.0203) or 6 of K 2 (0.0184) 3 stars; the defaults (K 16, 1 slot:
// 0.0845) none.
export const CODEBOOK_STARS = [0.06, 0.035, 0.022] as const;

/** Bits per image of the player's choice (the budget needs no trust in the engine: it follows from the payload). */
export function codebookBits(values: ControlValues): number {
  return bitsPerImage(numberValue(values, 'slots'), Number(stringValue(values, 'codebookSize')));
}

const sizeOption = (k: string) => ({ value: k, label: { en: k, pl: k, cs: k, es: k } });

export const codebook: LevelDefinition = defineLevel({
  id: 'codebook',
  world: 5,
  order: 3,
  title: {
    en: 'Codebook: VQ-VAE and compression',
    pl: 'Słownik kodów: VQ-VAE i kompresja',
    cs: 'Kódová kniha: VQ-VAE a komprese',
    es: 'Libro de códigos: VQ-VAE y compresión',
  },
  card: {
    title: { en: 'A discrete code', pl: 'Kod dyskretny', cs: 'Diskrétní kód', es: 'Un código discreto' },
    lines: [
      {
        en: "A VAE's code is continuous: any point of the latent space is a code.",
        pl: 'Kod VAE jest ciągły: każdy punkt przestrzeni latentnej jest kodem.',
        cs: 'Kód VAE je spojitý: kódem je každý bod latentního prostoru.',
        es: 'El código de un VAE es continuo: cualquier punto del espacio latente es un código.',
      },
      {
        en: 'A VQ-VAE snaps each code slot to the nearest of K codebook vectors.',
        pl: 'VQ-VAE zamienia każdy slot kodu na najbliższy z K wektorów słownika.',
        cs: 'VQ-VAE nahradí každý slot kódu nejbližším z K vektorů kódové knihy.',
        es: 'Un VQ-VAE cambia cada casilla del código por el más cercano de K vectores del libro.',
      },
      {
        en: 'An image is then a few indices: slots · log₂ K bits.',
        pl: 'Obraz to wtedy kilka indeksów: sloty · log₂ K bitów.',
        cs: 'Obrázek je pak jen pár indexů: sloty · log₂ K bitů.',
        es: 'Una imagen es entonces unos pocos índices: casillas · log₂ K bits.',
      },
      {
        en: 'A VAE pays a KL term; a VQ-VAE’s is a constant log K per slot, so it is dropped.',
        pl: 'Tam, gdzie VAE płaci członem KL, w VQ-VAE jest on stały, log K na slot: trening go pomija.',
        cs: 'Kde VAE platí členem KL, je u VQ-VAE konstantní, log K na slot: trénink ho vynechává.',
        es: 'Donde un VAE paga un término KL, en un VQ-VAE es constante, log K por casilla: se omite al entrenar.',
      },
      {
        en: 'Picking the nearest has no gradient: the decoder’s is copied to z_e.',
        pl: 'Wybór najbliższego nie ma gradientu: gradient dekodera kopiuje się do z_e.',
        cs: 'Výběr nejbližšího nemá gradient: gradient dekodéru se zkopíruje do z_e.',
        es: 'Elegir el más cercano no tiene gradiente: se copia el del decodificador a z_e.',
      },
      {
        en: 'The codebook term moves e toward z_e; the commitment term keeps z_e near e.',
        pl: 'Człon słownika przesuwa e ku z_e; człon zobowiązania trzyma z_e blisko e.',
        cs: 'Člen kódové knihy posouvá e k z_e; závazkový člen drží z_e blízko e.',
        es: 'El término del libro acerca e a z_e; el de compromiso mantiene z_e cerca de e.',
      },
    ],
    formula: 'L = −log p(x|e) + ‖sg[z_e] − e‖² + β·‖z_e − sg[e]‖²',
    formulaLegend: {
      en: 'z_e: encoder output; e: its nearest codebook vector; sg: stop-gradient; β = 0.25 (van den Oord et al. 2017).',
      pl: 'z_e: wyjście enkodera; e: najbliższy wektor słownika; sg: zatrzymanie gradientu; β = 0,25 (van den Oord i in. 2017).',
      cs: 'z_e: výstup enkodéru; e: nejbližší vektor kódové knihy; sg: zastavení gradientu; β = 0,25 (van den Oord a kol. 2017).',
      es: 'z_e: salida del codificador; e: su vector más cercano del libro; sg: sin gradiente; β = 0,25 (van den Oord et al. 2017).',
    },
    seed: {
      file: '002_473200448d10064a.txt',
      idea: 'VQ-VAE: przestrzeń latentna kwantyzowana do skończonego zbioru wektorów (słownik kodów)',
    },
    seeAlso: [{ file: '003_c9063255341ae41f.txt', idea: 'Latentní prostor: komprese' }],
  },
  dataset: 'glyphs',
  mode: 'trained',
  setup: {
    kind: 'trained',
    seed: 501,
    plan: (v, seed) => {
      const slots = numberValue(v, 'slots');
      return {
        spec: {
          kind: 'vqvae',
          dataset: 'glyphs',
          hidden: [32],
          bottleneck: slots * CODEBOOK_CODE_DIM,
          activation: 'tanh',
          seed,
          vq: { codebookSize: Number(stringValue(v, 'codebookSize')), slots, codeDim: CODEBOOK_CODE_DIM },
        },
        // The 26 letters are labels 0..25, the first 26 glyphs of the font: `limit` selects exactly them.
        config: {
          steps: STEPS,
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
    // Held out: every letter 4 times with 5 % of its pixels flipped, copies the model never trained on.
    heldOut: { source: 'letters', copies: 4, noise: { type: 'saltPepper', amount: 0.05 }, noiseSeed: 5 },
  },
  controls: [
    {
      kind: 'choice',
      id: 'codebookSize',
      label: {
        en: 'Codebook size K',
        pl: 'Rozmiar słownika K',
        cs: 'Velikost kódové knihy K',
        es: 'Tamaño del libro K',
      },
      options: CODEBOOK_SIZES.map(sizeOption),
      default: '16',
    },
    {
      kind: 'slider',
      id: 'slots',
      label: { en: 'Code slots', pl: 'Sloty kodu', cs: 'Sloty kódu', es: 'Casillas del código' },
      min: 1,
      max: 6,
      step: 1,
      default: 1,
    },
  ],
  goal: {
    text: {
      en: 'Spend at most {maxBits} bits per image and bring the error on unseen noisy letters down to {star1}.',
      pl: 'Wydaj najwyżej {maxBits} bitów na obraz i zbij błąd na nowych zaszumionych literach do {star1}.',
      cs: 'Utrať nejvýš {maxBits} bitů na obrázek a sraz chybu na nových zašuměných písmenech na {star1}.',
      es: 'Gasta como mucho {maxBits} bits por imagen y baja el error en letras ruidosas nuevas hasta {star1}.',
    },
    params: { maxBits: CODEBOOK_MAX_BITS },
  },
  metric: {
    label: {
      en: 'Error on noisy letters (MSE)',
      pl: 'Błąd na zaszumionych literach (MSE)',
      cs: 'Chyba na zašuměných písmenech (MSE)',
      es: 'Error en letras ruidosas (MSE)',
    },
    direction: 'lower',
    unit: 'mse',
  },
  stars: CODEBOOK_STARS,
  hints: [
    {
      afterSeconds: 30,
      text: {
        en: 'Watch the bits counter as you change K and the slots: one more slot costs log₂ K bits.',
        pl: 'Patrz na licznik bitów, gdy zmieniasz K i sloty: każdy slot więcej to log₂ K bitów.',
        cs: 'Sleduj počítadlo bitů, když měníš K a sloty: každý další slot stojí log₂ K bitů.',
        es: 'Mira el contador de bits al cambiar K y las casillas: cada casilla más cuesta log₂ K bits.',
      },
    },
    {
      afterSeconds: 90,
      text: {
        en: 'After training, count the used entries: a big codebook often leaves most of them idle.',
        pl: 'Po treningu policz użyte wpisy: duży słownik często zostawia większość bezczynną.',
        cs: 'Po trénování spočítej použité položky: velká kódová kniha jich často většinu nevyužije.',
        es: 'Tras entrenar, cuenta las entradas usadas: un libro grande suele dejar casi todas sin usar.',
      },
    },
    {
      afterSeconds: 180,
      text: {
        en: 'Spend the same bits on more slots with a small K: the slots combine like letters of a word.',
        pl: 'Wydaj te same bity na więcej slotów z małym K: sloty łączą się jak litery w słowie.',
        cs: 'Utrať stejné bity za víc slotů s malým K: sloty se skládají jako písmena ve slově.',
        es: 'Gasta los mismos bits en más casillas con una K pequeña: se combinan como letras de una palabra.',
      },
    },
  ],
  solution: { kind: 'hyperparameters' },
  measures: ['heldOutMse'],
  example: { kind: 'hyperparameters', values: { codebookSize: '4', slots: 3 } },
  scorer: (p, m) => {
    const bits = codebookBits(p.values);
    return {
      score: m.heldOutMse,
      goalMet: bits <= CODEBOOK_MAX_BITS + 1e-9 && m.heldOutMse <= CODEBOOK_STARS[0],
      detail: { bits, overBits: Math.max(0, bits - CODEBOOK_MAX_BITS) },
    };
  },
});
