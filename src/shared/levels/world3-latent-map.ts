/**
 * World 3 · Latent map: why a plain AE cannot generate, and how the VAE's μ, σ and KL term fix it.
 * Map levels run on pretrained 2-D models (assets.ts); Balance beta trains a VAE live.
 *
 * Star thresholds. The map levels' numbers began as guesses (how many holes a 2-D AE map has, how far from a
 * target 90 % match starts, how narrow the ambiguous band between two digits is for the judge); the solver bots
 * then played them on the pretrained models and kept or retuned each (SOLVER BOTS below). Balance beta was first
 * set from real-engine runs (latent 8,
 * 784-256, 1,000 test digits): β = 0 → MSE 0.0293 / KL 316 nats; β = 1 → 0.0331 / 13.9 (3 epochs), 0.0280 /
 * 14.0 (6 epochs); β = 1.5 → 0.0345 / 11.3 (3), 0.0297 / 11.2 (6); β = 2 → 0.0358 / 9.6; β = 3 → 0.0378 / 6.8.
 * With limits 0.034 and 12 nats, defaults (β = 1, 3 epochs) miss the KL limit, β = 1.5 for 6 epochs reaches
 * 0.93 of the limits, and 3 stars need the balance found more finely.
 *
 * SOLVER BOTS (npm run solve; WASM; pretrained assets of 16:51 UTC, mnist-vae-2d regenerated then):
 * - Holes (before issue 10, then judged): a 41x41 look over the AE map's data box found ≥ 8 separated non-digits;
 *   the example and 8 random points 0. Now scored by empty space (details beside the level).
 * - Navigator: a decode 0.2 from a target already matches 91–98 %, 0.3 away 82–96 %. At 90 %, five players
 *   dropping probes at random from N(0, I) needed 2, 7, 8, 11 and 25 probes (median 2 stars, one 3); at 95 %
 *   they need 2, 16, 25, 30+, 30+ (median 1 star), while a player who narrows in (the bot: a coarse look, then
 *   halving steps) needs 1 probe. NAVIGATOR_MATCH 90 → 95.
 * - Navigator, screen only (issue 10: the match shows for placed probes only; tools/solver/world3): a player who
 *   compares each decode with the target by eye (5x5 coarse looks, then halving steps; ≤ 40 looks per probe)
 *   places 1 probe at 99.6 % (3 stars, 39 looks); five players placing N(0, I) probes unseen: median 0 stars.
 *   Thresholds kept: reading the map, not a meter, now earns the stars.
 * - Balance beta: defaults 1.12 (0 stars); β 1.5, 6 epochs 0.97 (1); β 1.75, 6 epochs 0.896 (2); β 2, 6 epochs
 *   0.875 (3); latent 16, β 3, 6 epochs 0.82. Thresholds kept.
 * - Balance beta, issue 15 (first star in time; WASM in Node, stars helper): at learning rate 0.001 β 1.5 needed 6
 *   epochs (~14 s of training) for its first star. Now 0.003 and 2 epochs by default (limits and thresholds kept):
 *   β 1.5 at 2 epochs 0.943 (MSE 0.934 / KL 0.943 of the limits, 1★) in ~4.6 s of training; 1 epoch 1.13; β 2 at
 *   2 epochs 0.952; β 1.5 at 3 epochs 0.955; defaults (β 1, 2 epochs) 1.135 (KL over, 0★). At this rate longer
 *   training still lowers the error but lets the KL creep up (β 1.5: 11.3 nats at 2 epochs, 12.2 at 6, over the
 *   limit; β 2: 9.7 → 10.7), so hint 3 now says so and asks for room. 6 epochs: β 1.75 0.950 (1★), β 2 0.894 (2★),
 *   β 2.5 0.804 (3★). Reader (β 1.5; β 2, 6 epochs; β 2.5, 6 epochs) 3★ in 49.3 s of play; random players 1.47
 *   and 1.28 (0★). Learning rate 0.002 was no better (β 1.5: 2 epochs 1.003, 6 epochs 1.016; β 2, 6 epochs 0.906).
 *   Scored on 1,000 test digits instead of 2,000 (half the scoring cost), the reader's cards read 0.943 / 0.897 /
 *   0.807 (3★, 44.5 s of play), defaults 1.133, random 1.46 / 1.28: within 0.4 % of the figures above.
 * - Dream digits: the bot looks for each digit's most confident decode on a 61x61 grid and draws there with
 *   σ = 0.05: 10 draws (3 stars); 60 prior draws (μ = 0, σ = 1) never collect all ten. Thresholds kept. (With
 *   the first mnist-vae-2d no 5 existed on the map at all and the level could not be won.)
 * - Issue 10, session 5, screen-only (scripts/solve.ts --no-ceiling; details beside each level's stars): Holes
 *   skilled 3 stars / naive below 3 (session 7, empty space: 8 of 8 in 8 looks / best naive 6, 2 stars);
 *   Navigator 1 probe (3 stars, 39 looks) / random median 0; Dream digits 22 draws incl. 5 clean prior dreams
 *   (3 stars) / prior-only and aim-only 0; The path 0.625 (3 stars, 12 actions) / straight line 0.555 (1 star). Dream and The path were retuned from this evidence.
 * - The path: the straight line 1 → 9 → 7 between the class means scores 0.524 (1 star); the bot's widest
 *   path (0.1 grid, steps ≤ 0.25, an exhaustive search) reaches 0.856, which 0.85 left no room under; the first
 *   model peaked at 0.749. Stars 0.5 / 0.65 / 0.78: a detour through confident digits, not the optimum.
 *
 * CLASSROOM VARIANTS (variants.ts; tests/unit/solvers/pretrained-levels.test.ts checks every figure below).
 * - Navigator: one target per variant. Per target: the latent area whose decode matches ≥ 95 % (what a player
 *   narrowing in must land in; 0.025 grid) and the chance that a probe from N(0, I) does (4,000 draws). The
 *   default's five: [0.8, −0.6] 0.128 / 1.25 %; [−1.2, 0.4] 0.245 / 1.7 %; [0.3, 1.5] 0.140 / 0.5 %;
 *   [−0.5, −1.3] 0.123 / 0.6 %; [1.6, 0.9] 0.170 / 0.6 %. Rule: area within ×1.25 and hit rate within ×1.5 of
 *   the first target's, and a clean digit by the judge; none of the other four passes. A ring of candidates
 *   at |z| = 0.6–1.2 gave four that do, each another digit: [0.2, 1] a 9, 0.113 / 1.08 %; [−0.2, 1] a 4,
 *   0.119 / 1.33 %; [−1.1, −0.4] a 2, 0.109 / 0.95 %; [−0.2, −1.2] a 6, 0.129 / 0.93 % (the default, an 8).
 *   Every variant: the bot needs 1 probe (3 stars); five random players' median 0 stars (default: 1 star).
 * - Holes in the map, Dream digits: no target (any hole, every digit). The path: 1 → 9 → 7 is the seed
 *   assignment's own walk, on the concept card and in the scorer. One variant each.
 */
import { isCleanDigit, predictedClass } from '../scoring/judge';
import { numberValue, stringValue } from './controls';
import { defineLevel, expectLength, type LevelDraft } from './define';
import type { LevelDefinition } from './types';

const KL_CARD_FORMULA = 'KL = ½·Σ(σ² + μ² − log σ² − 1)';

// ── 9 · Holes in the map ────────────────────────────────────────────────────────────────────────────────────

// History: first scored by the judge (a hole = a decode no class gets 0.6 of); issue 10 showed the lesson false
// for the shipped models: over each map's box (40x40 cell centres) judge holes were AE 7.3 %, VAE 6.1 %, thin
// lines where one class turns into another on both maps (retrained AEs gave no robust difference either); the
// AE decoder stretches its nearest cluster into empty space as clean digits. What differs, and what the player
// sees, is empty space: so (session 7) a hole is a point with no map dot within HOLES_GAP_RADIUS, measured
// (nearestCodeDistances, measure/map-dots.ts) by the game, the solver and the classroom server alike; the
// judge's reading of the decode stays on screen as information.
// Screen-only evidence (tools/solver/world3/holes-bots.ts; scripts/solve.ts holes-in-the-map): the skilled bot
// reads the dots for empty patches and drags into the emptiest, reading the live "nearest dot" under the decode:
// 8 holes of 8 (3 stars) in 8 looks, 13 s. Naive, placing without looking: random clicks 0 (1,000 random sets
// of 8: median 1, 10 % reach 3, 0.3 % reach 5, none 7), between two colours 0, the four corners and the four
// sides' middles 6 (2 stars: the AE's box edges are mostly empty; the VAE's only 1 of 8). Stars 3 / 5 / 7 of 8
// kept: 3 stars need 7 spots found by looking, which edge-clicking without looking does not reach.
const HOLES_STARS = [3, 5, 7] as const;
/**
 * A hole: no dot of the map (a held-out digit's code) within this distance, in the map's box coordinates
 * ([−1, 1]², side 2): 0.2 is 0.1 of the square's side. At that radius (40x40 cell centres, holes-share.ts)
 * the AE's square is 14.9 % gaps and the VAE's 3.3 % (4.5x; at 0.075 of the side 21.6 / 7.3 %, 3x; at 0.0875
 * 18.0 / 5.3 %). On screen a gap is then a dot-free disc at least 0.2 of the map wide: ~60 px on the 1280x720
 * map, ~35 px on a phone's stacked maps, an empty patch the eye finds; smaller radii count the specks between
 * dots inside a cluster, which no one sees as a hole.
 */
export const HOLES_GAP_RADIUS = 0.2;
/** Is a point this far from the nearest dot a hole (an empty spot)? */
export function isMapGap(distance: number): boolean {
  return distance >= HOLES_GAP_RADIUS;
}
/** Shown, not scored: the judge reads a decode as no digit when no class gets this much of its belief. */
export const HOLES_NON_DIGIT = 0.6;

export const holesInTheMap: LevelDefinition = defineLevel({
  id: 'holes-in-the-map',
  world: 3,
  order: 1,
  title: { en: 'Holes in the map', pl: 'Dziury na mapie', cs: 'Díry v mapě', es: 'Agujeros en el mapa' },
  card: {
    title: {
      en: 'Gaps in a plain latent space',
      pl: 'Luki w zwykłej przestrzeni latentnej',
      cs: 'Mezery v obyčejném latentním prostoru',
      es: 'Huecos en un espacio latente simple',
    },
    lines: [
      {
        en: 'A plain AE puts codes wherever rebuilding is easiest.',
        pl: 'Zwykły AE umieszcza kody tam, gdzie najłatwiej mu odtworzyć obraz.',
        cs: 'Obyčejný AE dává kódy tam, kde se nejsnáz rekonstruuje.',
        es: 'Un AE simple coloca los códigos donde reconstruir resulta más fácil.',
      },
      {
        en: 'It leaves gaps between its clusters: codes no digit was ever given.',
        pl: 'Między skupiskami zostawia luki: kody, których nie dostała żadna cyfra.',
        cs: 'Mezi shluky nechává mezery: kódy, které nedostala žádná číslice.',
        es: 'Entre sus grupos deja huecos: códigos que no se dieron a ningún dígito.',
      },
      {
        en: 'The decoder still draws something there, but nothing taught it what.',
        pl: 'Dekoder i tak coś tam narysuje, ale nic go nie nauczyło, co ma rysować.',
        cs: 'Dekodér tam i tak něco nakreslí, ale nic ho nenaučilo, co má kreslit.',
        es: 'El decodificador dibuja algo igualmente, pero nada le enseñó qué.',
      },
      {
        en: "So sampling a plain AE's space guarantees nothing: you may land in a gap.",
        pl: 'Losowanie kodów w przestrzeni zwykłego AE nic więc nie gwarantuje: można trafić w lukę.',
        cs: 'Vzorkování z prostoru obyčejného AE proto nic nezaručuje: můžeš trefit mezeru.',
        es: 'Así que muestrear el espacio de un AE simple no garantiza nada: puedes caer en un hueco.',
      },
      {
        en: "A VAE's encoder gives each input a mean μ and a spread σ, not one point.",
        pl: 'Enkoder VAE daje każdemu wejściu średnią μ i rozrzut σ, a nie jeden punkt.',
        cs: 'Enkodér VAE dá každému vstupu střední hodnotu μ a rozptyl σ, ne jeden bod.',
        es: 'El codificador de un VAE da a cada entrada una media μ y una dispersión σ, no un punto.',
      },
      {
        en: 'Its KL term pulls every q(z|x) = N(μ, σ²) toward N(0, I): the square fills.',
        pl: 'Składnik KL ściąga każde q(z|x) = N(μ, σ²) w stronę N(0, I): kwadrat się wypełnia.',
        cs: 'Jeho člen KL táhne každé q(z|x) = N(μ, σ²) k N(0, I): čtverec se zaplní.',
        es: 'Su término KL atrae cada q(z|x) = N(μ, σ²) hacia N(0, I): el cuadrado se llena.',
      },
    ],
    formula: KL_CARD_FORMULA,
    formulaLegend: {
      en: 'KL of one input, summed over the code. The course slides print log σ here: log σ² is meant.',
      pl: 'KL jednego wejścia, suma po wymiarach kodu. Slajdy z kursu mają tu log σ; chodzi o log σ².',
      cs: 'KL jednoho vstupu, součet přes složky kódu. Slajdy kurzu tu mají log σ; správně je log σ².',
      es: 'KL de una entrada, sumada sobre el código. Las diapositivas del curso ponen log σ: es log σ².',
    },
    seed: {
      file: '001_01f0c3934fb2763b.txt',
      idea: 'Przestrzeń aktywacji warstwy latent nie jest ciągła (brak informacji między 7 a 1)',
    },
    seeAlso: [
      {
        file: '000_030cefa14aa91942.txt',
        idea: 'Problem generacji danych: kompletność oraz ciągłość przestrzeni kodu',
      },
    ],
  },
  dataset: 'mnist',
  mode: 'holes',
  setup: { kind: 'map', asset: 'mnist-ae-2d', compare: 'mnist-vae-2d' },
  controls: [],
  goal: {
    text: {
      en: "Find {star1} empty spots on the plain AE's map: no digit's dot within {radius} of them.",
      pl: 'Znajdź na mapie zwykłego AE {star1, plural, one {# puste miejsce} few {# puste miejsca} many {# pustych miejsc} other {# pustego miejsca}}: bez kropki cyfry bliżej niż {radius}.',
      cs: 'Najdi na mapě obyčejného AE {star1, plural, one {{star1} prázdné místo} few {{star1} prázdná místa} many {{star1} prázdného místa} other {{star1} prázdných míst}}: žádná tečka číslice blíž než {radius}.',
      es: 'Encuentra {star1, plural, one {{star1} punto vacío} other {{star1} puntos vacíos}} en el mapa del AE simple: ningún punto de dígito a menos de {radius}.',
    },
    params: { radius: HOLES_GAP_RADIUS },
  },
  metric: {
    label: {
      en: 'Empty spots found',
      pl: 'Znalezione puste miejsca',
      cs: 'Nalezená prázdná místa',
      es: 'Espacios vacíos encontrados',
    },
    direction: 'higher',
    unit: 'count',
  },
  stars: HOLES_STARS,
  hints: [
    {
      afterSeconds: 20,
      text: {
        en: "The coloured dots are real digits' codes. Look for empty space with no dots.",
        pl: 'Kolorowe kropki to kody prawdziwych cyfr. Szukaj pustego miejsca bez kropek.',
        cs: 'Barevné tečky jsou kódy skutečných číslic. Hledej prázdné místo bez teček.',
        es: 'Los puntos de colores son códigos de dígitos reales. Busca espacio vacío sin puntos.',
      },
    },
    {
      afterSeconds: 60,
      text: {
        en: 'Drag the probe into an empty patch: under the decode you read how far the nearest dot is.',
        pl: 'Przeciągnij sondę w puste miejsce: pod dekodowaniem widać, jak daleko jest najbliższa kropka.',
        cs: 'Přetáhni sondu do prázdného místa: pod dekódováním uvidíš, jak daleko je nejbližší tečka.',
        es: 'Arrastra la sonda a una zona vacía: bajo la decodificación verás a qué distancia está el punto más cercano.',
      },
    },
    {
      afterSeconds: 120,
      text: {
        en: 'Compare the VAE map on the right: its dots fill the square. Where does the AE leave empty space?',
        pl: 'Porównaj z mapą VAE po prawej: jej kropki wypełniają kwadrat. Gdzie AE zostawia puste miejsca?',
        cs: 'Porovnej s mapou VAE vpravo: její tečky vyplňují čtverec. Kde nechává AE prázdná místa?',
        es: 'Compara con el mapa del VAE a la derecha: sus puntos llenan el cuadrado. ¿Dónde deja el AE espacio vacío?',
      },
    },
  ],
  // 'dataBox': the map's square spans the box of the encoded training digits, so every point is "inside".
  solution: { kind: 'latentPoints', dims: 2, maxPoints: 8, bound: 1, minSeparation: 0.15, space: 'dataBox' },
  measures: ['nearestCodeDistances'],
  example: {
    kind: 'latentPoints',
    points: [
      [0.9, 0.9],
      [-0.9, 0.85],
      [0.1, -0.95],
    ],
  },
  scorer: (p, m) => {
    expectLength('holes-in-the-map', 'nearestCodeDistances', m.nearestCodeDistances, p.points.length);
    const holes = m.nearestCodeDistances.filter(isMapGap).length;
    return { score: holes, goalMet: holes >= HOLES_STARS[0], detail: { pointsTried: p.points.length } };
  },
});

// ── 10 · Navigator ──────────────────────────────────────────────────────────────────────────────────────────

export const NAVIGATOR_MATCH = 95;
const NAVIGATOR_MAX_PROBES = 30;

// Hidden target codes inside the prior's bulk (|z| < 2); the target image is their decode.
const NAVIGATOR_TARGETS = [
  [0.8, -0.6],
  [-1.2, 0.4],
  [0.3, 1.5],
  [-0.5, -1.3],
  [1.6, 0.9],
] as const;

const navigatorDraft: LevelDraft<'latentPoints', 'matchPercent'> = {
  id: 'navigator',
  world: 3,
  order: 2,
  title: { en: 'Navigator', pl: 'Nawigator', cs: 'Navigátor', es: 'Navegante' },
  card: {
    title: {
      en: 'μ and σ: where and how wide',
      pl: 'μ i σ: gdzie i jak szeroko',
      cs: 'μ a σ: kde a jak široko',
      es: 'μ y σ: dónde y cuánto abarca',
    },
    lines: [
      {
        en: 'A VAE encoder gives each input a mean μ and a deviation σ.',
        pl: 'Enkoder VAE wyznacza dla każdego wejścia średnią μ i odchylenie σ.',
        cs: 'Enkodér VAE dá každému vstupu střední hodnotu μ a směrodatnou odchylku σ.',
        es: 'El codificador de un VAE da a cada entrada una media μ y una desviación σ.',
      },
      {
        en: 'μ says where the example sits in the latent space.',
        pl: 'μ mówi, gdzie w przestrzeni latentnej leży przykład.',
        cs: 'μ říká, kde příklad leží v latentním prostoru.',
        es: 'μ indica dónde está el ejemplo en el espacio latente.',
      },
      {
        en: 'σ says how large an area around it stands for the same thing.',
        pl: 'σ mówi, jak duży obszar wokół niego oznacza to samo.',
        cs: 'σ říká, jak velká oblast kolem něj znamená totéž.',
        es: 'σ indica el tamaño del área a su alrededor que representa lo mismo.',
      },
      {
        en: "The ellipse is μ ± σ of your last probe's picture (at the end: the target's).",
        pl: 'Elipsa to μ ± σ obrazu ostatniej sondy (na końcu: celu), tak widzi go enkoder.',
        cs: 'Elipsa je μ ± σ obrázku poslední sondy (na konci: cíle), jak ho vidí enkodér.',
        es: 'La elipse es μ ± σ de la imagen de tu última sonda (al final, del objetivo).',
      },
      {
        en: 'The areas overlap, so a small step changes the digit a little.',
        pl: 'Obszary nachodzą na siebie, więc mały krok zmienia cyfrę tylko trochę.',
        cs: 'Oblasti se překrývají, takže malý krok změní číslici jen trochu.',
        es: 'Las áreas se solapan, así que un paso pequeño cambia el dígito solo un poco.',
      },
    ],
    formula: 'q(z | x) = N(μ(x), σ²(x))',
    formulaLegend: {
      en: 'The encoder maps a digit x to a small cloud of codes z, centred on μ(x), σ(x) wide.',
      pl: 'Enkoder odwzorowuje cyfrę x na małą chmurę kodów z o środku μ(x) i szerokości σ(x).',
      cs: 'Enkodér zobrazí číslici x na malý oblak kódů z se středem v μ(x) a šířkou σ(x).',
      es: 'El codificador lleva un dígito x a una pequeña nube de códigos z, centrada en μ(x) y de anchura σ(x).',
    },
    seed: { file: '001_01f0c3934fb2763b.txt', idea: 'Średnia wskazuje gdzie umiejscowić przykład, odchylenie obszar' },
    seeAlso: [
      {
        file: '000_030cefa14aa91942.txt',
        idea: 'Wariacyjny autoenkoder: wektory odchylenia standardowego σ oraz średniej μ',
      },
    ],
  },
  dataset: 'mnist',
  mode: 'navigator',
  setup: { kind: 'map', asset: 'mnist-vae-2d', targets: NAVIGATOR_TARGETS },
  controls: [],
  goal: {
    text: {
      en: 'Place probes until one decodes to a {match}% match of the target; fewer probes, more stars.',
      pl: 'Stawiaj sondy, aż dekodowanie którejś będzie pasować do celu w {match}%; mniej sond to więcej gwiazdek.',
      cs: 'Umísťuj sondy, dokud se jedna nedekóduje se shodou {match} % s cílem; méně sond = víc hvězd.',
      es: 'Coloca sondas hasta que una se decodifique con una coincidencia del {match}% con el objetivo; menos sondas, más estrellas.',
    },
    params: { match: NAVIGATOR_MATCH },
  },
  metric: {
    label: { en: 'Probes used', pl: 'Użyte sondy', cs: 'Použité sondy', es: 'Sondas usadas' },
    direction: 'lower',
    unit: 'count',
  },
  stars: [NAVIGATOR_MAX_PROBES, 8, 4],
  hints: [
    {
      afterSeconds: 20,
      text: {
        en: 'Dragging is free and shows the decode; only Place probe counts, and only then do you see the match.',
        pl: 'Przeciąganie nic nie kosztuje i pokazuje dekodowanie; liczy się tylko „Postaw sondę” i dopiero wtedy widać dopasowanie.',
        cs: 'Tažení je zdarma a ukazuje dekódování; počítá se jen „Umísti sondu“ a teprve pak uvidíš shodu.',
        es: 'Arrastrar es gratis y muestra la decodificación; solo cuenta «Colocar sonda», y solo entonces ves la coincidencia.',
      },
    },
    {
      afterSeconds: 60,
      text: {
        en: 'First find the right digit, then the right style: thickness and slant change smoothly.',
        pl: 'Najpierw znajdź właściwą cyfrę, potem właściwy styl: grubość i nachylenie zmieniają się płynnie.',
        cs: 'Nejdřív najdi správnou číslici, pak správný styl: tloušťka a sklon se mění plynule.',
        es: 'Primero encuentra el dígito correcto y luego el estilo: el grosor y la inclinación cambian de forma suave.',
      },
    },
    {
      afterSeconds: 120,
      text: {
        en: 'Place a probe where the decode looks closest; if its match is short, look around it in smaller steps.',
        pl: 'Postaw sondę tam, gdzie dekodowanie wygląda najbliżej; jeśli dopasowanie nie wystarcza, szukaj wokół mniejszymi krokami.',
        cs: 'Umísti sondu tam, kde dekódování vypadá nejblíž; když shoda nestačí, hledej kolem ní menšími kroky.',
        es: 'Coloca una sonda donde la decodificación se vea más parecida; si la coincidencia no basta, busca a su alrededor con pasos más cortos.',
      },
    },
  ],
  solution: {
    kind: 'latentPoints',
    dims: 2,
    maxPoints: NAVIGATOR_MAX_PROBES,
    bound: 4,
    minSeparation: 0,
    space: 'latent',
    targets: 5,
  },
  measures: ['matchPercent'],
  example: {
    kind: 'latentPoints',
    points: [
      [0, 0],
      [1, -1],
      [0.8, -0.6],
    ],
    target: 0,
  },
  scorer: (p, m) => {
    expectLength('navigator', 'matchPercent', m.matchPercent, p.points.length);
    const first = m.matchPercent.findIndex((v) => v >= NAVIGATOR_MATCH);
    return {
      score: first >= 0 ? first + 1 : p.points.length,
      goalMet: first >= 0,
      detail: { bestMatch: Math.max(...m.matchPercent) },
    };
  },
};

export const navigator: LevelDefinition = defineLevel(navigatorDraft);

/**
 * Classroom variants (variants.ts): one target each, so the payload's only valid target is the assigned one
 * (solution.targets = 1) and the game, which draws a target index at random, can only draw it. Each decodes to
 * another clean digit (8, 9, 4, 2, 6); the default's other four targets are easier or harder (see the header).
 */
const NAVIGATOR_VARIANT_TARGETS = [NAVIGATOR_TARGETS[0], [0.2, 1], [-0.2, 1], [-1.1, -0.4], [-0.2, -1.2]] as const;

export const NAVIGATOR_VARIANTS: readonly LevelDefinition[] = NAVIGATOR_VARIANT_TARGETS.map((target) =>
  defineLevel({
    ...navigatorDraft,
    setup: { kind: 'map', asset: 'mnist-vae-2d', targets: [target] },
    solution: { ...navigatorDraft.solution, targets: 1 },
  }),
);

// ── 11 · Balance beta ───────────────────────────────────────────────────────────────────────────────────────

export const BETA_MAX_MSE = 0.034;
export const BETA_MAX_KL = 12;

export const balanceBeta: LevelDefinition = defineLevel({
  id: 'balance-beta',
  world: 3,
  order: 3,
  title: { en: 'Balance beta', pl: 'Wyważ betę', cs: 'Vyvaž betu', es: 'Equilibra β' },
  card: {
    title: {
      en: 'Reconstruction against KL',
      pl: 'Rekonstrukcja kontra KL',
      cs: 'Rekonstrukce proti KL',
      es: 'Reconstrucción frente a KL',
    },
    lines: [
      {
        en: 'Reconstruction error alone clusters the codes but leaves gaps.',
        pl: 'Sam błąd rekonstrukcji grupuje kody w skupiska, ale zostawia luki.',
        cs: 'Samotná chyba rekonstrukce seskupí kódy do shluků, ale nechá mezi nimi mezery.',
        es: 'El error de reconstrucción por sí solo agrupa los códigos, pero deja huecos.',
      },
      {
        en: 'KL alone piles every code at the centre: all digits look alike.',
        pl: 'Sama dywergencja KL spycha wszystkie kody do środka: wszystkie cyfry wyglądają podobnie.',
        cs: 'Samotné KL nahrne všechny kódy do středu: všechny číslice vypadají stejně.',
        es: 'KL por sí sola amontona todos los códigos en el centro: todos los dígitos se parecen.',
      },
      {
        en: 'Together: clusters packed around the centre, without holes.',
        pl: 'Razem: skupiska ciasno wokół środka, bez dziur.',
        cs: 'Obojí dohromady: shluky natěsnané kolem středu, bez děr.',
        es: 'Juntos: grupos apiñados alrededor del centro, sin agujeros.',
      },
      {
        en: 'β sets the balance; finding it is a known VAE difficulty.',
        pl: 'β ustala równowagę; jej znalezienie to znana trudność VAE.',
        cs: 'β nastavuje rovnováhu; najít ji je známá potíž VAE.',
        es: 'β fija el equilibrio; encontrarlo es una dificultad conocida de los VAE.',
      },
    ],
    formula: 'L = L(x, x′) + β·½·Σ(σ² + μ² − log σ² − 1)',
    formulaLegend: {
      en: 'The first term rebuilds x; the second (KL) keeps codes near N(0, I); β weighs them.',
      pl: 'Pierwszy składnik odtwarza x; drugi (KL) trzyma kody blisko N(0, I); β ustala ich wagę.',
      cs: 'První člen rekonstruuje x; druhý (KL) drží kódy blízko N(0, I); β je vyvažuje.',
      es: 'El primer término reconstruye x; el segundo (KL) mantiene los códigos cerca de N(0, I); β los pondera.',
    },
    seed: {
      file: '001_01f0c3934fb2763b.txt',
      idea: 'Dywergencja KL: sama dywergencja KL vs sam błąd rekonstrukcji vs suma',
    },
    seeAlso: [{ file: '002_473200448d10064a.txt', idea: 'Trudność balansowania rekonstrukcji i KL divergencji' }],
  },
  dataset: 'mnist',
  mode: 'trained',
  setup: {
    kind: 'trained',
    seed: 303,
    plan: (v, seed) => ({
      spec: {
        kind: 'vae',
        dataset: 'mnist',
        hidden: [256],
        bottleneck: Number(stringValue(v, 'latent')),
        activation: 'relu',
        beta: numberValue(v, 'beta'),
        seed,
      },
      config: {
        epochs: numberValue(v, 'epochs'),
        batchSize: 64,
        optimizer: 'adam',
        // 0.003 (was 0.001, issue 15): β 1.5 meets both limits in the default 2 epochs.
        learningRate: 0.003,
        loss: 'bce',
        seed,
        split: 'train',
      },
    }),
    // 1,000 test digits (was 2,000, issue 15): half the scoring cost (header: the scores at 1,000).
    heldOut: { source: 'mnistTest', limit: 1000, noises: [], noiseSeed: 0 },
  },
  controls: [
    {
      kind: 'slider',
      id: 'beta',
      label: { en: 'KL weight β', pl: 'Waga KL β', cs: 'Váha KL β', es: 'Peso de KL β' },
      min: 0,
      max: 4,
      step: 0.25,
      default: 1,
    },
    {
      kind: 'choice',
      id: 'latent',
      label: { en: 'Code size', pl: 'Rozmiar kodu', cs: 'Velikost kódu', es: 'Tamaño del código' },
      options: ['2', '4', '8', '16'].map((n) => ({ value: n, label: { en: n, pl: n, cs: n, es: n } })),
      default: '8',
    },
    {
      kind: 'slider',
      id: 'epochs',
      label: { en: 'Epochs', pl: 'Epoki', cs: 'Epochy', es: 'Épocas' },
      min: 1,
      max: 6,
      step: 1,
      default: 2,
    },
  ],
  goal: {
    text: {
      en: 'Keep the held-out error at most {maxMse} and the KL at most {maxKl} nats, at the same time.',
      pl: 'Utrzymaj jednocześnie błąd testowy najwyżej {maxMse} i KL najwyżej {maxKl} (w natach).',
      cs: 'Udrž zároveň testovací chybu nejvýše {maxMse} a KL nejvýše {maxKl, plural, one {{maxKl} nat} few {{maxKl} naty} many {{maxKl} natu} other {{maxKl} natů}}.',
      es: 'Mantén a la vez el error de prueba en {maxMse} como máximo y la KL en {maxKl} nats como máximo.',
    },
    params: { maxMse: BETA_MAX_MSE, maxKl: BETA_MAX_KL },
  },
  metric: {
    label: {
      en: 'Worse of the two, as a share of its limit',
      pl: 'Gorsza z dwóch wartości (jako ułamek limitu)',
      cs: 'Horší z obou, jako podíl svého limitu',
      es: 'El peor de los dos, como fracción de su límite',
    },
    direction: 'lower',
    unit: 'ratio',
  },
  stars: [1, 0.93, 0.88],
  hints: [
    {
      afterSeconds: 30,
      text: {
        en: 'Set β to 0 once and look at the KL: that is a plain autoencoder in disguise.',
        pl: 'Ustaw raz β na 0 i spójrz na KL: to przebrany zwykły autoenkoder.',
        cs: 'Nastav jednou β na 0 a podívej se na KL: to je převlečený obyčejný autoenkodér.',
        es: 'Pon β a 0 una vez y mira la KL: es un autoencoder simple disfrazado.',
      },
    },
    {
      afterSeconds: 90,
      text: {
        en: 'Raising β lowers KL and raises the error. Find where both fit.',
        pl: 'Większe β obniża KL i zwiększa błąd. Znajdź punkt, w którym oba się mieszczą.',
        cs: 'Vyšší β snižuje KL a zvyšuje chybu. Najdi místo, kde se vejdou obě.',
        es: 'Subir β baja la KL y sube el error. Encuentra dónde caben los dos.',
      },
    },
    {
      afterSeconds: 180,
      text: {
        en: 'A longer training lowers the error, while the KL creeps up a little: leave it some room.',
        pl: 'Dłuższy trening obniża błąd, a KL przy tym trochę rośnie: zostaw mu nieco zapasu.',
        cs: 'Delší trénování sníží chybu, KL přitom ale mírně vzroste: nech jí trochu rezervu.',
        es: 'Entrenar más tiempo baja el error, aunque la KL sube un poco: déjale algo de margen.',
      },
    },
  ],
  solution: { kind: 'hyperparameters' },
  measures: ['heldOutMse', 'heldOutKl'],
  example: { kind: 'hyperparameters', values: { beta: 1.5 } },
  scorer: (_p, m) => {
    // One number for two goals: the score is ≤ 1 exactly when both are within their limits.
    const mseShare = m.heldOutMse / BETA_MAX_MSE;
    const klShare = m.heldOutKl / BETA_MAX_KL;
    const score = Math.max(mseShare, klShare);
    return { score, goalMet: score <= 1, detail: { mseShare, klShare } };
  },
});

// ── 12 · Dream digits ───────────────────────────────────────────────────────────────────────────────────────

export const DIGITS = 10;
/** Clean dreams from the prior itself (μ = 0, σ = 1) the level asks for: the VAE generating is the lesson. */
export const DREAM_PRIOR_CLEAN = 5;
/** A draw from the prior N(0, I) itself: μ = 0, σ = 1 (the Sample N(0, I) button, or the player setting both). */
export const isPriorDraw = (d: { mu: readonly number[]; sigma: number }): boolean =>
  d.sigma === 1 && d.mu.every((v) => v === 0);

export const dreamDigits: LevelDefinition = defineLevel({
  id: 'dream-digits',
  world: 3,
  order: 4,
  title: { en: 'Dream digits', pl: 'Wyśnione cyfry', cs: 'Vysněné číslice', es: 'Dígitos soñados' },
  card: {
    title: {
      en: 'Sampling new data',
      pl: 'Próbkowanie nowych danych',
      cs: 'Vzorkování nových dat',
      es: 'Muestrear datos nuevos',
    },
    lines: [
      {
        en: 'KL pulls each encoding q(z|x) toward N(0, I); all codes together only roughly.',
        pl: 'KL ściąga każde kodowanie q(z|x) w stronę N(0, I); wszystkie kody razem tylko z grubsza.',
        cs: 'KL táhne každé kódování q(z|x) k N(0, I); všechny kódy dohromady jen zhruba.',
        es: 'KL atrae cada codificación q(z|x) hacia N(0, I); todos los códigos juntos, solo a grandes rasgos.',
      },
      {
        en: 'So a code z drawn from the prior N(0, I) mostly decodes to a new digit.',
        pl: 'Dlatego kod z wylosowany z rozkładu a priori N(0, I) zwykle daje nową cyfrę.',
        cs: 'Proto kód z vylosovaný z apriorního N(0, I) většinou dá novou číslici.',
        es: 'Así, un código z tomado de la a priori N(0, I) suele dar un dígito nuevo.',
      },
      {
        en: 'In training the VAE draws z = μ(x) + σ(x)·ε, so gradients reach μ and σ.',
        pl: 'W treningu VAE losuje z = μ(x) + σ(x)·ε, by gradient dotarł do μ i σ.',
        cs: 'Při trénování VAE losuje z = μ(x) + σ(x)·ε, aby gradient došel k μ a σ.',
        es: 'Al entrenar, el VAE toma z = μ(x) + σ(x)·ε para que el gradiente llegue a μ y σ.',
      },
      {
        en: 'Here you choose μ and σ: μ = 0, σ = 1 is sampling from the prior itself.',
        pl: 'Tu sam wybierasz μ i σ: μ = 0, σ = 1 to próbkowanie z samego rozkładu a priori.',
        cs: 'Tady volíš μ a σ sám: μ = 0, σ = 1 je vzorkování přímo z apriorního rozdělení.',
        es: 'Aquí eliges μ y σ: μ = 0, σ = 1 es muestrear de la propia a priori.',
      },
    ],
    formula: 'z = μ + σ·ε,   ε ~ N(0, I)',
    formulaLegend: {
      en: 'The reparameterisation trick (used in training). Here μ: where you aim, σ: how far dreams stray, ε: new noise.',
      pl: 'Trik reparametryzacji (używany w treningu). Tu μ: gdzie celujesz, σ: jak daleko odchodzą sny, ε: nowy szum.',
      cs: 'Reparametrizační trik (používá se při trénování). Tady μ: kam míříš, σ: jak daleko sny zabloudí, ε: nový šum.',
      es: 'El truco de reparametrización (se usa al entrenar). Aquí μ: adónde apuntas, σ: cuánto se alejan, ε: ruido nuevo.',
    },
    seed: {
      file: '000_030cefa14aa91942.txt',
      idea: 'Generacja nowych danych: losujemy punkty z z rozkładu normalnego',
    },
    seeAlso: [{ file: '003_c9063255341ae41f.txt', idea: 'Reparametrizační trik' }],
  },
  dataset: 'mnist',
  mode: 'dream',
  setup: { kind: 'map', asset: 'mnist-vae-2d' },
  controls: [],
  goal: {
    text: {
      en: 'Dream a clean example of every digit 0–9, {prior, plural, one {# clean dream} other {# clean dreams}} of them straight from the prior N(0, I); fewer draws, more stars.',
      pl: 'Wyśnij wyraźny przykład każdej cyfry 0–9, w tym {prior, plural, one {# wyraźny sen} few {# wyraźne sny} many {# wyraźnych snów} other {# wyraźnego snu}} wprost z rozkładu a priori N(0, I); mniej losowań to więcej gwiazdek.',
      cs: 'Vysni čistý příklad každé číslice 0–9, z toho {prior, plural, one {# čistý sen} few {# čisté sny} many {# čistého snu} other {# čistých snů}} přímo z apriorního N(0, I); méně losování = víc hvězd.',
      es: 'Sueña un ejemplo limpio de cada dígito del 0 al 9, {prior, plural, one {# sueño limpio} other {# sueños limpios}} directamente de la a priori N(0, I); menos muestras, más estrellas.',
    },
    params: { prior: DREAM_PRIOR_CLEAN },
  },
  metric: {
    label: { en: 'Draws used', pl: 'Użyte losowania', cs: 'Losování', es: 'Muestras usadas' },
    direction: 'lower',
    unit: 'count',
  },
  // Screen-only evidence (issue 10; tools/solver/world3/dream-bots.ts): a player who presses Sample N(0, I) until
  // five clean prior dreams are in (8 draws: the prior gave 8, 8, 8, 1, 0 and three smudges), then aims σ = 0.1 at
  // the middle of each missing colour, moving away from the digit the judge saw instead (4 came out as 9s, 5 as
  // 3s), needs 22 draws. Only sampling the prior never collects all ten in 60; aiming only never meets the prior
  // part. Stars 60 / 36 / 24 (were 60 / 25 / 12 when pinpointing alone won).
  stars: [60, 36, 24],
  hints: [
    {
      afterSeconds: 20,
      text: {
        en: 'Press Sample N(0, I) a few times: μ = 0, σ = 1 is sampling straight from the prior. Digits from noise?',
        pl: 'Naciśnij kilka razy „Losuj z N(0, I)”: μ = 0, σ = 1 to próbkowanie wprost z rozkładu a priori. Cyfry z szumu?',
        cs: 'Stiskni párkrát „Losuj z N(0, I)“: μ = 0, σ = 1 je vzorkování přímo z apriorního rozdělení. Číslice ze šumu?',
        es: 'Pulsa «Muestrear N(0, I)» unas veces: μ = 0, σ = 1 es muestrear directamente de la a priori. ¿Dígitos del ruido?',
      },
    },
    {
      afterSeconds: 60,
      text: {
        en: 'Missing digits? Move μ towards where they live on the map.',
        pl: 'Brakuje cyfr? Przesuń μ tam, gdzie mieszkają na mapie.',
        cs: 'Chybí ti číslice? Posuň μ tam, kde na mapě bydlí.',
        es: '¿Faltan dígitos? Mueve μ hacia la zona del mapa donde viven.',
      },
    },
    {
      afterSeconds: 120,
      text: {
        en: 'A small σ keeps a draw close to μ: precise, but less of a dream.',
        pl: 'Małe σ trzyma losowanie blisko μ: celnie, ale mniej marzycielsko.',
        cs: 'Malé σ drží losování blízko μ: přesné, ale méně snové.',
        es: 'Una σ pequeña mantiene la muestra cerca de μ: más precisa, pero menos onírica.',
      },
    },
  ],
  solution: { kind: 'draws', dims: 2, maxDraws: 60, muBound: 3, sigmaMin: 0.05, sigmaMax: 1.5 },
  measures: ['judgeProbabilities'],
  example: {
    kind: 'draws',
    draws: [
      { mu: [0, 0], sigma: 1, seed: 1 },
      { mu: [1, 0.5], sigma: 0.3, seed: 2 },
    ],
  },
  scorer: (p, m) => {
    expectLength('dream-digits', 'judgeProbabilities', m.judgeProbabilities, p.draws.length);
    // Done at the first draw by which all ten digits were dreamt clean and enough clean ones came from the prior.
    const found = new Set<number>();
    let prior = 0;
    let used = p.draws.length;
    let done = false;
    for (let i = 0; i < m.judgeProbabilities.length && !done; i++) {
      const probs = m.judgeProbabilities[i];
      if (!isCleanDigit(probs)) continue;
      found.add(predictedClass(probs).label);
      if (isPriorDraw(p.draws[i])) prior++;
      done = found.size === DIGITS && prior >= DREAM_PRIOR_CLEAN;
      if (done) used = i + 1;
    }
    return { score: used, goalMet: done, detail: { digitsFound: found.size, priorClean: prior } };
  },
});

// ── 13 · The path ───────────────────────────────────────────────────────────────────────────────────────────

// Screen-only evidence (issue 10; tools/solver/world3/path-bots.ts): a player who draws 1 → 9 → 7 through the
// digits' names on the map, then bends the path beside its weakest coloured step while the result card's weakest
// step improves (12 actions, 24 s) reaches 0.625; the straight line between the names 0.555 (1 star); a scribble
// from the middle misses the order. The exhaustive grid search (the ceiling, seeing every decode) reached 0.856,
// which no player can see to do. Stars 0.5 / 0.58 / 0.62 (were 0.5 / 0.65 / 0.78, set from the ceiling).
const PATH_STARS = [0.5, 0.58, 0.62] as const;
export const [PATH_START, PATH_VIA, PATH_END] = [1, 9, 7];

export const thePath: LevelDefinition = defineLevel({
  id: 'the-path',
  world: 3,
  order: 5,
  title: { en: 'The path', pl: 'Ścieżka', cs: 'Cesta', es: 'El camino' },
  card: {
    title: {
      en: 'Walking through the latent space',
      pl: 'Spacer po przestrzeni latentnej',
      cs: 'Procházka latentním prostorem',
      es: 'Recorrer el espacio latente',
    },
    lines: [
      {
        en: 'In a VAE map, walking changes the digit gradually.',
        pl: 'Na mapie VAE spacer zmienia cyfrę stopniowo.',
        cs: 'V mapě VAE se číslice při chůzi mění postupně.',
        es: 'En el mapa de un VAE, al avanzar, el dígito cambia poco a poco.',
      },
      {
        en: 'The assignment walked from a 1 through a 9 to a 7.',
        pl: 'W zadaniu przechodzono od 1 przez 9 do 7.',
        cs: 'V zadání se šlo od jedničky přes devítku k sedmičce.',
        es: 'El trabajo práctico fue de un 1 a un 7 pasando por un 9.',
      },
      {
        en: 'Every step decodes to something: is it still a digit?',
        pl: 'Każdy krok da się zdekodować: czy to wciąż cyfra?',
        cs: 'Každý krok se na něco dekóduje: je to ještě číslice?',
        es: 'Cada paso se decodifica en algo: ¿sigue siendo un dígito?',
      },
      {
        en: 'A continuous space is what makes interpolation possible.',
        pl: 'To ciągłość przestrzeni umożliwia interpolację.',
        cs: 'Právě spojitý prostor umožňuje interpolaci.',
        es: 'Un espacio continuo es lo que hace posible la interpolación.',
      },
    ],
    formula: 'z(t) = (1 − t)·z₁ + t·z₂,   0 ≤ t ≤ 1',
    formulaLegend: {
      en: 'Straight steps between two codes z₁ and z₂; your path is a chain of such steps.',
      pl: 'Proste kroki między dwoma kodami z₁ i z₂; twoja ścieżka to łańcuch takich kroków.',
      cs: 'Přímé kroky mezi dvěma kódy z₁ a z₂; tvoje cesta je řetěz takových kroků.',
      es: 'Pasos rectos entre dos códigos z₁ y z₂; tu camino es una cadena de esos pasos.',
    },
    seed: { file: '004_a6fc6e8dcd014518.txt', idea: 'Desplazándose en la capa latente: Dígito 1, Dígito 9, Dígito 7' },
    seeAlso: [{ file: '002_473200448d10064a.txt', idea: 'VAE: ciągła przestrzeń latentna, możliwość interpolacji' }],
  },
  dataset: 'mnist',
  mode: 'path',
  setup: { kind: 'map', asset: 'mnist-vae-2d' },
  controls: [],
  goal: {
    text: {
      en: 'Draw a path from a {start} through a {via} to a {end}; every step must look like a digit.',
      pl: 'Narysuj ścieżkę od {start} przez {via} do {end}; każdy krok musi wyglądać jak cyfra.',
      cs: 'Nakresli cestu od {start} přes {via} k {end}; každý krok musí vypadat jako číslice.',
      es: 'Traza un camino de un {start} a un {end} pasando por un {via}; cada paso debe parecer un dígito.',
    },
    params: { start: PATH_START, via: PATH_VIA, end: PATH_END },
  },
  metric: {
    label: {
      en: "Judge's confidence at the weakest step",
      pl: 'Pewność sędziego w najsłabszym kroku',
      cs: 'Jistota rozhodčího v nejslabším kroku',
      es: 'Confianza del juez en el paso más débil',
    },
    direction: 'higher',
    unit: 'probability',
  },
  stars: PATH_STARS,
  hints: [
    {
      afterSeconds: 20,
      text: {
        en: 'Find the 1, the 9 and the 7 on the map first.',
        pl: 'Najpierw znajdź na mapie 1, 9 i 7.',
        cs: 'Nejdřív najdi na mapě 1, 9 a 7.',
        es: 'Primero encuentra el 1, el 9 y el 7 en el mapa.',
      },
    },
    {
      afterSeconds: 60,
      text: {
        en: 'Borders between digits are where confidence drops: cross them where they are thin.',
        pl: 'Na granicach między cyframi pewność spada: przekraczaj je tam, gdzie są wąskie.',
        cs: 'Na hranicích mezi číslicemi jistota klesá: překračuj je tam, kde jsou úzké.',
        es: 'La confianza cae en las fronteras entre dígitos: crúzalas donde sean estrechas.',
      },
    },
    {
      afterSeconds: 120,
      text: {
        en: 'A detour through confident digits beats a straight line through a smudge.',
        pl: 'Objazd przez pewne cyfry jest lepszy niż prosta przez kleks.',
        cs: 'Oklika přes jisté číslice je lepší než rovná čára přes šmouhu.',
        es: 'Un rodeo por dígitos claros es mejor que una línea recta por un borrón.',
      },
    },
  ],
  solution: { kind: 'path', dims: 2, minPoints: 3, maxPoints: 80, bound: 4, maxStep: 0.25 },
  measures: ['judgeProbabilities'],
  example: {
    kind: 'path',
    points: [
      [0, 0],
      [0.2, 0.1],
      [0.4, 0.2],
    ],
  },
  scorer: (p, m) => {
    expectLength('the-path', 'judgeProbabilities', m.judgeProbabilities, p.points.length);
    const verdicts = m.judgeProbabilities.map((probs) => predictedClass(probs));
    const last = verdicts.length - 1;
    const inOrder =
      verdicts[0].label === PATH_START &&
      verdicts[last].label === PATH_END &&
      verdicts.slice(1, last).some((v) => v.label === PATH_VIA);
    const weakest = Math.min(...verdicts.map((v) => v.confidence));
    return {
      score: weakest,
      goalMet: inOrder && weakest >= PATH_STARS[0],
      detail: { inOrder: inOrder ? 1 : 0, steps: p.points.length },
    };
  },
});

export const WORLD3_LEVELS: readonly LevelDefinition[] = [holesInTheMap, navigator, balanceBeta, dreamDigits, thePath];
