/**
 * Through the dice (World 5) on the real engine (tfjs WASM backend, as the solver bots: the CPU one is too slow
 * for MNIST), through the level's own plan and the shared measuring code the game, the bots and the classroom
 * server use: with the reparameterisation trick the codes
 * spread and the −ELBO falls; with z sampled as a constant the encoder hears only the KL term, so the codes
 * collapse onto the prior (KL ≈ 0, spread of μ ≈ 0) and every decode is the average digit. Small sizes (code 2,
 * 150 steps); the figures measured are in the comments next to each bound.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/ml-worker/engine';
import { getLevel, type LevelDefinition } from '../../src/shared/levels';
import { resolveControlValues } from '../../src/shared/levels/controls';
import { measureTrained, trainedSetupOf } from '../../src/shared/levels/measure';
import type { Evaluation } from '../../src/shared/levels/measurements';
import { elboParts } from '../../src/game/level/plays/elbo';
import { testEngine } from './support/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('wasm');
});

const level = (): LevelDefinition => getLevel('through-the-dice')!;
const STEPS = 150;
const CODES = 200;

/** Mean over the images of the squared distance of μ to its mean, summed over the dimensions. */
function spread(mu: Float32Array, dims: number): number {
  const n = mu.length / dims;
  let total = 0;
  for (let d = 0; d < dims; d++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += mu[i * dims + d] / n;
    for (let i = 0; i < n; i++) total += (mu[i * dims + d] - m) ** 2 / n;
  }
  return total;
}

interface Run {
  evaluation: Evaluation;
  spread: number;
  reconstructionPerPixel: number;
}

/** The game's path (trained-play.ts): plan, createModel, train, measureTrained; plus the codes of 200 test digits. */
async function run(trick: boolean): Promise<Run> {
  const l = level();
  const values = resolveControlValues(l.controls, { trick, latent: '2' });
  const plan = trainedSetupOf(l).plan(values, trainedSetupOf(l).seed);
  expect(plan.spec.reparameterize).toBe(trick);
  const model = await engine.createModel(plan.spec);
  try {
    const result = await engine.train(model.modelId, {
      ...plan.config,
      steps: STEPS,
      jobId: `dice-${String(trick)}`,
      progressIntervalMs: 60_000,
      previewCount: 0,
    });
    expect(result.reason).toBe('completed');
    const { evaluation } = await measureTrained(engine, l, model.modelId, plan.spec.bottleneck);
    const { images } = await engine.getImages('mnist', 'test', 0, CODES);
    const mu = await engine.encode(model.modelId, images);
    const held = await engine.evaluate(model.modelId, 'test', 'bce', 1000);
    return { evaluation, spread: spread(mu, plan.spec.bottleneck), reconstructionPerPixel: held.loss.reconstruction };
  } finally {
    await engine.disposeModel(model.modelId);
  }
}

describe('Through the dice on the real engine', () => {
  it('without the trick the codes collapse onto the prior; with it they spread and the −ELBO is lower', async () => {
    const on = await run(true);
    // The first run loaded MNIST (the engine keeps it): count tensors from here.
    const before = tf.memory().numTensors;
    const off = await run(false);
    expect(tf.memory().numTensors).toBe(before);
    const elbo = (r: Run): number => r.evaluation.heldOutReconNats! + r.evaluation.heldOutKl!;
    console.info(
      `Through the dice, code 2, ${STEPS} steps: trick on −ELBO ${elbo(on).toFixed(1)} = ${on.evaluation.heldOutReconNats?.toFixed(1)} + ` +
        `${on.evaluation.heldOutKl?.toFixed(2)} KL, spread ${on.spread.toExponential(2)}; off ${elbo(off).toFixed(1)} = ` +
        `${off.evaluation.heldOutReconNats?.toFixed(1)} + ${off.evaluation.heldOutKl?.toExponential(2)} KL, spread ${off.spread.toExponential(2)}`,
    );
    // Nats per image are the engine's per-pixel mean BCE summed over the 784 pixels.
    expect(on.evaluation.heldOutReconNats).toBeCloseTo(on.reconstructionPerPixel * 784, 3);
    // Collapse (measured: KL ≈ 1e-3 nats, spread ≈ 1e-5 without; KL ≈ 4 nats, spread ≈ 1 with the trick).
    expect(off.evaluation.heldOutKl).toBeLessThan(0.05);
    expect(on.evaluation.heldOutKl).toBeGreaterThan(1);
    expect(off.spread).toBeLessThan(0.01);
    expect(off.spread).toBeLessThan(on.spread / 100);
    // Without a code the decoder can only draw the average digit: about 206 nats on MNIST, well above the trick's.
    expect(off.evaluation.heldOutReconNats).toBeGreaterThan(195);
    expect(elbo(off)).toBeGreaterThan(elbo(on) + 10);
    // The level's scorer reads the same two numbers: the trick meets the goal's side of the comparison first.
    const l = level();
    const score = (r: Run): number =>
      l.score({ kind: 'hyperparameters', values: resolveControlValues(l.controls, {}) }, r.evaluation).score;
    expect(score(off)).toBeCloseTo(elbo(off), 6);
    expect(score(on)).toBeLessThan(score(off));
  }, 240_000);

  it('the bar shows the training batch live, then the held-out parts once scored', () => {
    const l = level();
    expect(elboParts(l, 784, [], null)).toBeNull();
    const live = elboParts(l, 784, [{ step: 10, total: 0.25, reconstruction: 0.25, kl: 3 }], null);
    expect(live).toEqual({ reconstruction: 196, kl: 3, source: 'training' });
    const scored = l.score(
      { kind: 'hyperparameters', values: resolveControlValues(l.controls, {}) },
      { heldOutReconNats: 173.8, heldOutKl: 4.9 },
    );
    expect(elboParts(l, 784, [{ step: 10, total: 0.25, reconstruction: 0.25, kl: 3 }], scored)).toEqual({
      reconstruction: 173.8,
      kl: 4.9,
      source: 'heldOut',
    });
    expect(scored.stars).toBe(1);
    // A level not scored on the −ELBO shows no bar.
    expect(elboParts(getLevel('balance-beta')!, 784, [{ step: 1, total: 1, reconstruction: 1, kl: 1 }], null)).toBe(
      null,
    );
  });
});
