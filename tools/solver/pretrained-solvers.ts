/**
 * Solver bots for the map and arithmetic levels (pretrained models). Each returns the skilled payload and the
 * naive payloads; solver.ts scores them through PretrainedLevel. "Looking" (decoding while dragging, reading
 * the coloured scatter and the class means the map shows) is free in the game, so the skilled bots look as
 * much as they like and only what they submit is scored.
 */
import { isCleanDigit, predictedClass } from '../../src/shared/scoring';
import type { LinearTerm, MapSetup, SolutionPayload } from '../../src/shared/levels';
import { nearestDotDistance } from '../../src/shared/levels/measure';
import { isMapGap } from '../../src/shared/levels/world3-latent-map';
import { MNIST_PIXELS } from '../../src/shared/mnist-format';
import { createRng } from '../../src/shared/random';
import type { PretrainedLevel } from './pretrained';
import { arithmetic, blendPairs, differenceTriples } from './pretrained-arithmetic';

export interface PretrainedPlan {
  skilled: SolutionPayload;
  naive: { label: string; payload: SolutionPayload }[];
  /**
   * How the naive attempts make one naive figure: 'max' (the best of them) or 'median' (the typical one, for
   * lotteries such as random probes, where one lucky player in five says little about the level).
   */
  naiveRule?: 'max' | 'median';
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const dist = (a: readonly number[], b: readonly number[]): number => Math.hypot(...a.map((v, i) => v - b[i]));
const r3 = (v: number): number => Math.round(v * 1000) / 1000;

/** An n x n grid over [lo, hi]² as points, and the judge's verdict on each decode. */
async function judgeGrid(
  p: PretrainedLevel,
  lo: number,
  hi: number,
  n: number,
  toLatent = (q: number[]): number[] => q,
) {
  const points = range(n * n).map((i) => [
    lo + ((hi - lo) * (i % n)) / (n - 1),
    lo + ((hi - lo) * Math.floor(i / n)) / (n - 1),
  ]);
  const images = await p.decode(Float32Array.from(points.flatMap((q) => toLatent(q))));
  const probs = await p.judge(images);
  return points.map((point, i) => ({ point, probs: probs[i], ...predictedClass(probs[i]) }));
}

// ── Holes in the map ──

async function holes(p: PretrainedLevel): Promise<PretrainedPlan> {
  const spec = p.level.solution;
  if (spec.kind !== 'latentPoints') throw new Error('holes: latentPoints expected');
  // The ceiling: a 41x41 grid over the box, the spots farthest from every dot first, kept apart.
  const dots = await p.dots();
  const grid = range(41 * 41).map((i) => [-1 + (2 * (i % 41)) / 40, -1 + (2 * Math.floor(i / 41)) / 40]);
  const far = grid.map((point) => ({ point, d: nearestDotDistance(point, dots) })).sort((a, b) => b.d - a.d);
  const chosen: number[][] = [];
  for (const g of far) {
    if (!isMapGap(g.d) || chosen.length >= spec.maxPoints) break;
    if (chosen.every((c) => dist(c, g.point) >= spec.minSeparation + 1e-6)) chosen.push(g.point.map(r3));
  }
  const rng = createRng(9);
  const random = range(spec.maxPoints).map(() => [r3(rng.next() * 2 - 1), r3(rng.next() * 2 - 1)]);
  return {
    skilled: { kind: 'latentPoints', points: chosen.length ? chosen : [[0, 0]] },
    naive: [
      { label: 'example', payload: p.level.example },
      {
        label: 'random',
        payload: {
          kind: 'latentPoints',
          points: random.filter((q, i) => random.slice(0, i).every((c) => dist(c, q) >= spec.minSeparation)),
        },
      },
    ],
  };
}

// ── Navigator ──

async function navigator(p: PretrainedLevel, target: number): Promise<PretrainedPlan> {
  const setup = p.level.setup as MapSetup;
  const spec = p.level.solution;
  if (spec.kind !== 'latentPoints' || !setup.targets) throw new Error('navigator: targets expected');
  const targetImage = await p.decode(Float32Array.from(setup.targets[target]));
  // Drag freely (free looks): a coarse grid, then halve the step around the best match.
  const look = async (points: number[][]): Promise<{ point: number[]; match: number }[]> => {
    const images = await p.decode(Float32Array.from(points.flat()));
    const size = targetImage.length;
    return points.map((point, i) => ({
      point,
      match: p.match(targetImage, images.subarray(i * size, (i + 1) * size)),
    }));
  };
  let best = (await look(range(81).map((i) => [-4 + (8 * (i % 9)) / 8, -4 + (8 * Math.floor(i / 9)) / 8]))).reduce(
    (a, b) => (b.match > a.match ? b : a),
  );
  for (let step = 0.5; step > 0.01; step /= 2) {
    const around = range(25)
      .map((i) => [best.point[0] + step * ((i % 5) - 2), best.point[1] + step * (Math.floor(i / 5) - 2)])
      .filter((q) => q.every((v) => Math.abs(v) <= spec.bound));
    const found = (await look(around)).reduce((a, b) => (b.match > a.match ? b : a));
    if (found.match > best.match) best = found;
  }
  // Naive: probes dropped at random from the prior, N(0, I), by five seeded players.
  const randomPlayer = (seed: number): SolutionPayload => {
    const rng = createRng(seed);
    return {
      kind: 'latentPoints',
      points: range(spec.maxPoints).map(() => [r3(rng.normal()), r3(rng.normal())]),
      target,
    };
  };
  return {
    skilled: { kind: 'latentPoints', points: [best.point.map(r3)], target },
    naive: range(5).map((i) => ({ label: `random ${i + 1}`, payload: randomPlayer(100 + i) })),
    naiveRule: 'median',
  };
}

// ── Dream digits ──

async function dreams(p: PretrainedLevel): Promise<PretrainedPlan> {
  const spec = p.level.solution;
  if (spec.kind !== 'draws') throw new Error('dream digits: draws expected');
  // Look at the map: the most confident decode of each digit on a grid, then a tight draw there.
  const grid = await judgeGrid(p, -spec.muBound, spec.muBound, 61);
  const draws = range(10).flatMap((digit) => {
    const best = grid.filter((g) => g.label === digit).sort((a, b) => b.confidence - a.confidence)[0];
    return best ? [{ mu: best.point.map(r3), sigma: spec.sigmaMin, seed: digit + 1 }] : [];
  });
  return {
    skilled: { kind: 'draws', draws },
    naive: [
      { label: 'example', payload: p.level.example },
      {
        label: 'prior',
        payload: { kind: 'draws', draws: range(spec.maxDraws).map((i) => ({ mu: [0, 0], sigma: 1, seed: i + 1 })) },
      },
    ],
  };
}

// ── The path ──

async function path(p: PretrainedLevel): Promise<PretrainedPlan> {
  const spec = p.level.solution;
  if (spec.kind !== 'path') throw new Error('the path: path expected');
  const n = 61;
  const lo = -3;
  const hi = 3;
  const cell = (hi - lo) / (n - 1);
  // Cells 0.1 apart; a step may jump to any cell within maxStep (so it can hop over a thin border).
  const reach = Math.floor(spec.maxStep / cell);
  const offsets: [number, number][] = [];
  for (let dy = -reach; dy <= reach; dy++)
    for (let dx = -reach; dx <= reach; dx++)
      if ((dx || dy) && Math.hypot(dx, dy) * cell <= spec.maxStep - 1e-9) offsets.push([dx, dy]);
  const grid = await judgeGrid(p, lo, hi, n);
  const at = (x: number, y: number) => grid[y * n + x];
  /** Widest path (max of the min confidence, then fewest steps) between two cells. */
  const widest = (from: number, to: number): number[] => {
    const width = new Float64Array(n * n).fill(-1);
    const hops = new Int32Array(n * n).fill(1e9);
    const prev = new Int32Array(n * n).fill(-1);
    const done = new Uint8Array(n * n);
    width[from] = grid[from].confidence;
    hops[from] = 0;
    for (;;) {
      let u = -1;
      for (let i = 0; i < n * n; i++)
        if (!done[i] && width[i] >= 0 && (u < 0 || width[i] > width[u] || (width[i] === width[u] && hops[i] < hops[u])))
          u = i;
      if (u < 0 || u === to) break;
      done[u] = 1;
      const ux = u % n;
      const uy = Math.floor(u / n);
      for (const [dx, dy] of offsets) {
        const x = ux + dx;
        const y = uy + dy;
        if (x >= 0 && y >= 0 && x < n && y < n) {
          const v = y * n + x;
          const w = Math.min(width[u], at(x, y).confidence);
          if (!done[v] && (w > width[v] || (w === width[v] && hops[u] + 1 < hops[v]))) {
            width[v] = w;
            hops[v] = hops[u] + 1;
            prev[v] = u;
          }
        }
      }
    }
    const cells = [to];
    while (cells[0] !== from) cells.unshift(prev[cells[0]]);
    return cells;
  };
  const bestOf = (digit: number): number =>
    grid.reduce((b, g, i) => (g.label === digit && g.confidence > (b < 0 ? -1 : grid[b].confidence) ? i : b), -1);
  const [one, nine, seven] = [1, 9, 7].map(bestOf);
  const cells = [...widest(one, nine), ...widest(nine, seven).slice(1)];
  const points = cells.map((i) => grid[i].point.map(r3));
  const means = p.model.classMeans;
  const straight: number[][] = [];
  if (means) {
    const stops = [means[1], means[9], means[7]];
    for (let s = 0; s + 1 < stops.length; s++) {
      const steps = Math.max(1, Math.ceil(dist(stops[s], stops[s + 1]) / (spec.maxStep * 0.99)));
      for (let k = s === 0 ? 0 : 1; k <= steps; k++)
        straight.push(stops[s].map((v, d) => r3(v + ((stops[s + 1][d] - v) * k) / steps)));
    }
  }
  return {
    skilled: { kind: 'path', points: points.slice(0, spec.maxPoints) },
    naive: [
      { label: 'example', payload: p.level.example },
      ...(straight.length >= spec.minPoints && straight.length <= spec.maxPoints
        ? [{ label: 'straight 1→9→7', payload: { kind: 'path', points: straight } as SolutionPayload }]
        : []),
    ],
  };
}

/** The bot's payloads for a map or arithmetic level. */
export async function planPretrained(p: PretrainedLevel): Promise<PretrainedPlan> {
  switch (p.level.id) {
    case 'holes-in-the-map':
      return holes(p);
    case 'navigator':
      return navigator(p, 0);
    case 'dream-digits':
      return dreams(p);
    case 'the-path':
      return path(p);
    default:
      if (p.level.setup.kind === 'arithmetic') return arithmetic(p);
      throw new Error(`No solver for "${p.level.id}".`);
  }
}

// ── Classroom variants ──

/**
 * How hard a level's target is, as numbers comparable between its classroom variants (src/shared/levels/
 * variants.ts), so "equally hard" is measured rather than claimed. Only levels with variants have figures.
 *   navigator: targetArea, the latent area (units²) whose decode reaches the goal's match (what a narrowing
 *     player must land in), priorHitRate, the chance that a probe drawn from N(0, I) does (a lucky one), and
 *     the judge's verdict on the target (targetDigit, targetClean: 1 when it is a clean digit).
 *   blend / difference: closestWrong, the best match of a wrong expression of the bot's own search (how easily
 *     the target is mistaken); blend bestSingle (one card, weight 1) and difference baseAlone (the target's
 *     first card alone): how close a lazy answer comes.
 *   attribute-vector: best (the bot's score), pairsFor3Stars (pairs averaged before 3 stars) and onePair (the
 *     first pair alone, as the example plays it).
 */
export async function variantFigures(p: PretrainedLevel): Promise<Record<string, number>> {
  const level = p.level;
  const score = async (terms: LinearTerm[]): Promise<number> =>
    (await p.play({ kind: 'expression', terms })).result.score;
  if (level.id === 'navigator') {
    const setup = level.setup as MapSetup;
    const goal = Number(level.goal.params?.match);
    const target = await p.decode(Float32Array.from(setup.targets![0]));
    const hits = async (points: number[][]): Promise<number> => {
      const images = await p.decode(Float32Array.from(points.flat()));
      return points.filter((_, i) => p.match(target, images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS)) >= goal)
        .length;
    };
    // A fine grid 2 units wide around the target: 0.3 away the match is already below 95 % (header).
    const n = 81;
    const cell = 2 / (n - 1);
    const [tx, ty] = setup.targets![0];
    const inside = await hits(range(n * n).map((i) => [tx - 1 + cell * (i % n), ty - 1 + cell * Math.floor(i / n)]));
    const rng = createRng(5);
    const samples = 4000;
    const prior = await hits(range(samples).map(() => [rng.normal(), rng.normal()]));
    const [verdict] = await p.judge(target);
    return {
      targetArea: inside * cell * cell,
      priorHitRate: prior / samples,
      targetDigit: predictedClass(verdict).label,
      targetClean: isCleanDigit(verdict) ? 1 : 0,
    };
  }
  if (level.setup.kind !== 'arithmetic') return {};
  const setup = level.setup;
  await p.preloadCards();
  const ids = setup.deck.map((c) => c.id);
  if (level.id === 'blend' || level.id === 'difference') {
    const t = setup.target;
    if (t.kind !== 'decode') throw new Error(`${level.id}: decode target expected`);
    const candidates = level.id === 'blend' ? blendPairs(ids) : differenceTriples(ids);
    // Wrong: any other sum of codes (a + b and b + a are one answer).
    const key = (terms: readonly LinearTerm[]): string =>
      terms
        .map((x) => `${x.card}:${x.weight}`)
        .sort()
        .join(' ');
    let closestWrong = 0;
    for (const terms of candidates)
      if (key(terms) !== key(t.terms)) closestWrong = Math.max(closestWrong, await score(terms));
    if (level.id === 'blend') {
      let bestSingle = 0;
      for (const id of ids) bestSingle = Math.max(bestSingle, await score([{ card: id, weight: 1 }]));
      return { closestWrong, bestSingle };
    }
    return { closestWrong, baseAlone: await score([{ card: t.terms[0].card, weight: 1 }]) };
  }
  if (level.id === 'attribute-vector') {
    const pairs = ids.filter((id) => id.startsWith('bold-')).map((b) => [b, b.replace('bold-', 'thin-')]);
    const scores: number[] = [];
    let pairsFor3Stars = Infinity;
    for (let k = 1; k <= pairs.length; k++) {
      const { result } = await p.play({
        kind: 'expression',
        terms: pairs.slice(0, k).flatMap(([b, t]) => [
          { card: b, weight: 1 / k },
          { card: t, weight: -1 / k },
        ]),
      });
      scores.push(result.score);
      if (result.stars === 3) pairsFor3Stars = Math.min(pairsFor3Stars, k);
    }
    return { best: Math.max(...scores), pairsFor3Stars, onePair: scores[0] };
  }
  return {};
}
