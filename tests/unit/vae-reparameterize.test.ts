import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/ml-worker/engine';
import type { EvaluateResult, LossTerms, WeightsExport } from '../../src/shared/worker-api';
import { config, spec, testEngine } from './support/engine';

// A VAE trained with the reparameterisation trick (z = mu + sigma * eps, gradients reach mu and sigma) and without
// it (z sampled as a constant): without it the reconstruction cannot move the encoder, the KL term alone pulls
// every q(z|x) onto the prior N(0, I), and the codes collapse. Same data (the 46 glyphs), seeds and steps.

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('cpu');
});

const LATENT = 2;

/** Mean over the examples of the squared distance of mu to its mean: the codes' spread. */
function spread(mu: Float32Array): number {
  const n = mu.length / LATENT;
  let total = 0;
  for (let d = 0; d < LATENT; d++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += mu[i * LATENT + d] / n;
    for (let i = 0; i < n; i++) total += (mu[i * LATENT + d] - m) ** 2 / n;
  }
  return total;
}

interface Run {
  curve: LossTerms[];
  held: EvaluateResult;
  spread: number;
  before: WeightsExport;
  after: WeightsExport;
}

async function run(reparameterize: boolean, beta = 1): Promise<Run> {
  const { modelId } = await engine.createModel(spec({ kind: 'vae', bottleneck: LATENT, beta, reparameterize }));
  const before = await engine.exportWeights(modelId);
  const curve: LossTerms[] = [];
  const result = await engine.train(modelId, config({ steps: 400, batchSize: 16, learningRate: 0.01 }), (p) =>
    curve.push(p.loss),
  );
  expect(result.reason).toBe('completed');
  const { images } = await engine.getImages('glyphs', 'all', 0, 46);
  const mu = await engine.encode(modelId, images);
  const out = { curve, held: await engine.evaluate(modelId, 'all'), spread: spread(mu), before };
  const after = await engine.exportWeights(modelId);
  await engine.disposeModel(modelId);
  return { ...out, after };
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('VAE without the reparameterisation trick', () => {
  it('trains, but its codes collapse onto the prior: KL near 0, spread of mu far below the trick’s', async () => {
    const trick = await run(true);
    const constant = await run(false);
    console.info(
      `VAE 2-D on glyphs, 400 steps: with the trick KL ${trick.held.loss.kl?.toFixed(4)} nats, spread of mu ${trick.spread.toExponential(3)}, ` +
        `reconstruction ${trick.held.loss.reconstruction.toFixed(4)}; without KL ${constant.held.loss.kl?.toExponential(3)} nats, ` +
        `spread ${constant.spread.toExponential(3)}, reconstruction ${constant.held.loss.reconstruction.toFixed(4)}`,
    );
    // It trains: the decoder still learns (the average glyph), so the loss falls.
    const early = mean(constant.curve.slice(0, 5).map((t) => t.total));
    expect(mean(constant.curve.slice(-5).map((t) => t.total))).toBeLessThan(0.9 * early);
    // Measured: KL 8.5e-5 nats and spread 7.3e-5 without, KL 1.20 nats and spread 1.40 with the trick.
    expect(constant.held.loss.kl).toBeLessThan(0.01);
    expect(trick.held.loss.kl).toBeGreaterThan(0.5);
    expect(constant.spread).toBeLessThan(0.001);
    expect(constant.spread).toBeLessThan(trick.spread / 1000);
    // Without a code the decoder can only draw the average: reconstruction stays well above the trick's.
    expect(constant.held.loss.reconstruction).toBeGreaterThan(1.3 * trick.held.loss.reconstruction);
  }, 60_000);

  it('with beta = 0 the encoder gets no gradient at all: its weights do not move, the decoder’s do', async () => {
    const { before, after } = await run(false, 0);
    let encoderMoved = 0;
    let decoderMoved = 0;
    let offset = 0;
    for (const t of before.tensors) {
      const n = t.shape.reduce((a, b) => a * b, 1);
      let moved = 0;
      for (let i = offset; i < offset + n; i++) moved = Math.max(moved, Math.abs(after.data[i] - before.data[i]));
      if (t.name.startsWith('encoder/')) encoderMoved = Math.max(encoderMoved, moved);
      else decoderMoved = Math.max(decoderMoved, moved);
      offset += n;
    }
    expect(before.tensors.some((t) => t.name === 'encoder/logvar/kernel')).toBe(true);
    expect(encoderMoved).toBe(0);
    expect(decoderMoved).toBeGreaterThan(0.01);
  }, 60_000);
});
