/**
 * Holes in the map on the shipped assets. The two maps, measured as the level draws them (tools/solver/world3/
 * holes-share.ts, 40x40 cells over each map's code box): the plain AE's map leaves far more of its square with
 * no digit's code near (gaps, what the level scores) than the VAE's, whose KL term packs the codes around
 * N(0, I); the judge's holes (decodes under its bar) are thin lines between classes on both maps. And the
 * scored measurement (nearestCodeDistances, measure/map-dots.ts): a point on a dot is no hole, a point in a gap
 * is one, and the classroom server measures and scores exactly as the solver's screen reads it.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/ml-worker/engine';
import { Rescorer } from '../../../src/server/rescore';
import { getLevel, validatePayload, type SolutionPayload } from '../../../src/shared/levels';
import { mapDots, PretrainedLevel } from '../../../src/shared/levels/measure';
import { HOLES_GAP_RADIUS, HOLES_NON_DIGIT } from '../../../src/shared/levels/world3-latent-map';
import { solverEngine } from '../../../tools/solver/node-engine';
import { HolesScreen } from '../../../tools/solver/world3/holes-screen';
import { mapShares } from '../../../tools/solver/world3/holes-share';
import { assetsDir } from '../classroom-support';

let engine: Engine;
const holes = getLevel('holes-in-the-map')!;

describe("Holes in the map: the AE's and the VAE's maps", () => {
  beforeAll(async () => {
    engine = await solverEngine();
    await engine.loadDataset('mnist');
  });

  it("the plain AE's map has at least 3x the VAE's gaps; both have some judge holes; no tensor leaks", async () => {
    await engine.loadPretrained('mnist-ae-2d');
    await engine.loadPretrained('mnist-vae-2d');
    await engine.classify(new Float32Array(784));
    const before = tf.memory().numTensors;
    const opts = { bar: HOLES_NON_DIGIT, radius: HOLES_GAP_RADIUS };
    const ae = await mapShares(engine, 'mnist-ae-2d', opts);
    const vae = await mapShares(engine, 'mnist-vae-2d', opts);
    expect(tf.memory().numTensors).toBe(before);
    expect(ae.gaps).toBeGreaterThanOrEqual(3 * vae.gaps);
    expect(ae.gaps).toBeGreaterThan(0.1);
    for (const m of [ae, vae]) {
      expect(m.holes).toBeGreaterThan(0.01);
      expect(m.holes).toBeLessThan(0.2);
    }
  }, 120_000);

  it('a point on a dot is no hole, a point in a gap is one; the server scores as the solver reads', async () => {
    const p = await PretrainedLevel.load(engine, holes);
    const dots = await mapDots(engine, p.model);
    expect(dots).toHaveLength(2000);
    // A dot inside the box, and the emptiest corner of the AE's square (its top right: no digit there).
    let k = 0;
    while (Math.abs(dots[2 * k]) > 0.9 || Math.abs(dots[2 * k + 1]) > 0.9) k++;
    const onDot = [dots[2 * k], dots[2 * k + 1]];
    const points = [onDot, [1, 1], [0.95, 0.75], [-1, -1]];
    const measured = await p.measure({ kind: 'latentPoints', points });
    const d = measured.nearestCodeDistances!;
    expect(d[0]).toBeCloseTo(0, 6);
    expect(d.slice(1).every((v) => v >= HOLES_GAP_RADIUS)).toBe(true);
    expect(holes.score({ kind: 'latentPoints', points }, measured)).toMatchObject({ score: 3, stars: 1 });

    // The solver's screen: the readout under the decode at each placed point is the measurement.
    const screen = await HolesScreen.open(engine, holes);
    const spots = [
      [0.9, 0.9],
      [-0.9, -0.9],
      [0, 0],
      [0.4, -0.3],
      [-0.95, 0.3],
    ];
    for (const q of spots) await screen.place(q);
    const card = await screen.score();
    const payload = validatePayload(holes, card.payload);
    if (!payload.ok) throw new Error(payload.problems.join(' '));
    const server = await (await Rescorer.create({ assetsDir })).score(holes.id, payload.payload as SolutionPayload, 1);
    const read = screen.placed.map((c) => c.nearest.distance);
    server.evaluation.nearestCodeDistances!.forEach((v, i) => expect(v).toBeCloseTo(read[i], 5));
    expect(server.result.score).toBe(card.score);
    expect(server.result.stars).toBe(card.stars);
    expect(card.score).toBe(read.filter((v) => v >= HOLES_GAP_RADIUS).length);
    expect(card.score).toBeGreaterThan(0);
    expect(card.score).toBeLessThan(spots.length);
  }, 120_000);
});
