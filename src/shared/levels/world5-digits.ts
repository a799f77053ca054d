/**
 * World 5 · order 2, "Digits on demand": a pretrained 2-D conditional VAE ('mnist-cvae-2d', assets.ts). The card
 * shows one held-out MNIST digit with a measured style; the player writes all ten digits in that style: the class
 * buttons choose the label, the probe on the style map chooses z, Write stores the decode for that class.
 * Payload: ten latent points, point d written as the digit d. Per digit the score is the worse of the judge's
 * confidence in d and the style match (scoring/style.ts: stroke width and slant against the card); the metric
 * is their mean over the ten digits.
 *
 * The card: MNIST test digit 185, a 0 with stroke width 3.91 px (about the 85th percentile of the first 2,000
 * test digits, median 2.62) and slant 26.7° (90th percentile, median 7.5°), picked from the first 300 test
 * digits as bold, slanted and reachable: on a 25 × 25 grid over |z| ≤ 3 every class has a decode scoring ≥ 79
 * (mean of the ten bests 92). Writing every digit at z = 0 (the map's centre, an average hand) scores 0 on style.
 */
import { predictedClass } from '../scoring/judge';
import { defineLevel, expectLength } from './define';
import type { LevelDefinition } from './types';

export const DIGITS_ON_DEMAND_CARD = 185;
/** How many digits an attempt writes, one per class. */
export const DIGIT_CLASSES = 10;
// From the screen-only bots (tests/unit/solvers/world5-generator-bots.test.ts, WASM; session 6, every look a
// decode where the probe is dropped): the skilled reader scores 77.5 with 226 looks (of its 400) and 286 s of play
// (of 300); a local searcher (the card found with one sweep, then 8 looks around it per digit) 72.1 with 121 looks
// but one digit not read as itself (no star); a hasty player (the card found once, every digit written there) 54.1
// with 29 looks; every digit at the centre 11.8, random points 11.3–23.4.
// 3 stars at 70 and at most 300 looks: the card's style found by looking, each digit checked, with a margin of
// 7.5 points and 74 looks for the skilled reader; 2 stars at 60 within 400 looks; 1 star at 40: more than luck.
export const DIGITS_ON_DEMAND_STARS = [40, 60, 70] as const;
/**
 * Fewer decodes, more stars: the most looks (distinct decodes: a class at a spot of the map) for 2 and 3 stars.
 * The probe decodes where it is dropped (a click, the end of a drag, an arrow key), so a look is one decision.
 */
export const DIGITS_LOOK_BUDGET = { twoStars: 400, threeStars: 300 } as const;

/** The most stars `looks` allows (the score decides below that). */
export function digitsStarCap(looks: number): 1 | 2 | 3 {
  return looks <= DIGITS_LOOK_BUDGET.threeStars ? 3 : looks <= DIGITS_LOOK_BUDGET.twoStars ? 2 : 1;
}

/** Per digit: the worse of the judge's confidence in it (%) and the style match (%). */
export function digitScores(judge: readonly (readonly number[])[], style: readonly number[]): number[] {
  return judge.map((p, d) => Math.min(100 * (p[d] ?? 0), style[d] ?? 0));
}

/** The digits the judge reads as themselves (its top class), in order. */
export function digitsReadAsThemselves(judge: readonly (readonly number[])[]): number[] {
  return judge.flatMap((p, d) => (predictedClass(p).label === d ? [d] : []));
}

export const digitsOnDemand: LevelDefinition = defineLevel({
  id: 'digits-on-demand',
  world: 5,
  order: 2,
  title: {
    en: 'Digits on demand',
    pl: 'Cyfry na życzenie',
    cs: 'Číslice na přání',
    es: 'Dígitos a la carta',
  },
  card: {
    title: {
      en: 'The conditional VAE',
      pl: 'Warunkowy VAE',
      cs: 'Podmíněný VAE',
      es: 'El VAE condicional',
    },
    lines: [
      {
        en: 'A conditional VAE also gets the label y, in the encoder and the decoder.',
        pl: 'Warunkowy autoenkoder wariacyjny dostaje też etykietę y: w enkoderze i dekoderze.',
        cs: 'Podmíněný variační autoenkodér dostává i štítek y, v enkodéru i v dekodéru.',
        es: 'Un autocodificador variacional condicional recibe también la etiqueta y.',
      },
      {
        en: 'The label says which digit; the code z keeps the rest: the style.',
        pl: 'Etykieta mówi, która to cyfra; kod z przechowuje resztę: styl pisma.',
        cs: 'Štítek říká, která je to číslice; kód z nese zbytek: styl písma.',
        es: 'La etiqueta dice qué dígito es; el código z guarda el resto: el estilo.',
      },
      {
        en: 'Pick a class, move z: nearby z gives every digit a similar hand.',
        pl: 'Wybierz klasę, przesuń z: bliskie z daje każdej cyfrze podobny charakter pisma.',
        cs: 'Vyber třídu, posuň z: blízké z dá každé číslici podobný rukopis.',
        es: 'Elige una clase y mueve z: un z cercano da a cada dígito una letra parecida.',
      },
      {
        en: 'Style is measured: stroke width (ink per skeleton pixel) and slant.',
        pl: 'Styl jest mierzony: grubość kreski (tusz na piksel szkieletu) i pochylenie.',
        cs: 'Styl se měří: tloušťka tahu (inkoust na pixel kostry) a sklon.',
        es: 'El estilo se mide: grosor del trazo (tinta por píxel del esqueleto) e inclinación.',
      },
    ],
    formula: 'L = −E_q[log p(x|z,y)] + KL(q(z|x,y) ‖ N(0, I))',
    formulaLegend: {
      en: 'y: the label (one-hot); z: the 2-D code; q: the encoder (Sohn, Lee and Yan 2015).',
      pl: 'y: etykieta (one-hot); z: dwuwymiarowy kod; q: enkoder (Sohn, Lee i Yan 2015).',
      cs: 'y: štítek (one-hot); z: dvourozměrný kód; q: enkodér (Sohn, Lee a Yan 2015).',
      es: 'y: la etiqueta (one-hot); z: el código 2-D; q: el codificador (Sohn, Lee y Yan 2015).',
    },
    seed: {
      file: '002_473200448d10064a.txt',
      idea: 'Conditional VAE: warunkowanie generowania na etykietach',
    },
    seeAlso: [{ file: '000_030cefa14aa91942.txt', idea: 'VAE: generowanie cyfr MNIST' }],
  },
  dataset: 'mnist',
  mode: 'conditional',
  setup: { kind: 'map', asset: 'mnist-cvae-2d', styleCard: DIGITS_ON_DEMAND_CARD },
  controls: [],
  goal: {
    text: {
      en: 'Write all ten digits in the card’s style, each read as itself; average score {star1}.',
      pl: 'Napisz wszystkie dziesięć cyfr w stylu z karty, każdą rozpoznaną jako ona sama; średni wynik {star1}.',
      cs: 'Napiš všech deset číslic ve stylu z karty, každou rozpoznanou jako sebe; průměrné skóre {star1}.',
      es: 'Escribe los diez dígitos con el estilo de la tarjeta, cada uno leído como él mismo; media {star1}.',
    },
  },
  metric: {
    label: {
      en: 'Class and style, worse of the two',
      pl: 'Klasa i styl, gorsze z dwóch',
      cs: 'Třída a styl, horší z obou',
      es: 'Clase y estilo, el peor de los dos',
    },
    direction: 'higher',
    unit: 'percent',
  },
  stars: DIGITS_ON_DEMAND_STARS,
  hints: [
    {
      afterSeconds: 30,
      text: {
        en: 'Pick a digit with the class buttons, then drag the probe: watch the decode’s slant and thickness.',
        pl: 'Wybierz cyfrę przyciskami klas i przeciągnij sondę: patrz na pochylenie i grubość podglądu.',
        cs: 'Vyber číslici tlačítky tříd a táhni sondou: sleduj sklon a tloušťku náhledu.',
        es: 'Elige un dígito con los botones de clase y arrastra la sonda: mira la inclinación y el grosor.',
      },
    },
    {
      afterSeconds: 90,
      text: {
        en: 'The style map is shared: where one digit leans like the card, the others lean too.',
        pl: 'Mapa stylu jest wspólna: gdzie jedna cyfra pochyla się jak na karcie, pochylają się i inne.',
        cs: 'Mapa stylu je společná: kde se jedna číslice sklání jako na kartě, sklánějí se i ostatní.',
        es: 'El mapa de estilo es común: donde un dígito se inclina como la tarjeta, los demás también.',
      },
    },
    {
      afterSeconds: 180,
      text: {
        en: 'Match the card with one digit and Write it; then switch class and move the probe only a little.',
        pl: 'Dopasuj jedną cyfrę do karty i kliknij Zapisz; potem zmień klasę i przesuń sondę tylko trochę.',
        cs: 'Dolaď jednu číslici podle karty a klikni Zapsat; pak změň třídu a posuň sondu jen kousek.',
        es: 'Ajusta un dígito a la tarjeta y pulsa Escribir; luego cambia de clase y mueve poco la sonda.',
      },
    },
  ],
  solution: {
    kind: 'latentPoints',
    dims: 2,
    maxPoints: DIGIT_CLASSES,
    bound: 4,
    minSeparation: 0,
    space: 'latent',
    countsLooks: true,
  },
  measures: ['judgeProbabilities', 'styleMatch'],
  example: {
    kind: 'latentPoints',
    points: Array.from({ length: DIGIT_CLASSES }, () => [0, 0]),
    looks: DIGIT_CLASSES,
  },
  scorer: (p, m) => {
    expectLength('digits-on-demand', 'points', p.points, DIGIT_CLASSES);
    expectLength('digits-on-demand', 'judgeProbabilities', m.judgeProbabilities, DIGIT_CLASSES);
    expectLength('digits-on-demand', 'styleMatch', m.styleMatch, DIGIT_CLASSES);
    const scores = digitScores(m.judgeProbabilities, m.styleMatch);
    const score = scores.reduce((a, b) => a + b, 0) / DIGIT_CLASSES;
    const read = digitsReadAsThemselves(m.judgeProbabilities).length;
    // validatePayload has checked that the level's payload carries its looks.
    const looks = p.looks ?? 0;
    return {
      score,
      goalMet: read === DIGIT_CLASSES && score >= DIGITS_ON_DEMAND_STARS[0],
      maxStars: digitsStarCap(looks),
      detail: { read, worstDigit: Math.min(...scores), looks, looksFor3: DIGITS_LOOK_BUDGET.threeStars },
    };
  },
});
