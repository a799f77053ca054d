/**
 * The engine answers other calls (a pause, the game's reply probe) between the chunks of a large batch and while
 * it corrupts a denoising model's held-out digits: counted as turns of the event loop a timer chain gets while the
 * call runs (issue 15: nothing in the worker blocks for more than 100 ms).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/ml-worker/engine';
import { config, spec, testEngine } from './support/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('cpu');
});

/** How many event-loop turns a setImmediate chain got while `work` ran. */
async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let done = false;
  const tick = (): void => {
    if (done) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  await work();
  done = true;
  return turns;
}

describe('long calls in slices', () => {
  it('decodes a 1,300-code batch in three chunks with turns for others in between', async () => {
    const s = spec({ hidden: [16], bottleneck: 4 });
    const { modelId } = await engine.createModel(s);
    const small = await turnsDuring(() => engine.decode(modelId, new Float32Array(400 * 4)));
    const large = await turnsDuring(() => engine.decode(modelId, new Float32Array(1300 * 4)));
    // One chunk gets no turn of its own; three chunks get at least one between each two.
    expect(large - small).toBeGreaterThanOrEqual(2);
    await engine.disposeModel(modelId);
  });

  it('evaluates 1,300 held-out MNIST digits in chunks with turns for others in between', async () => {
    const { modelId } = await engine.createModel(spec({ dataset: 'mnist', hidden: [8], bottleneck: 2 }));
    const small = await turnsDuring(() => engine.evaluate(modelId, 'test', 'bce', 400));
    const large = await turnsDuring(() => engine.evaluate(modelId, 'test', 'bce', 1300));
    expect(large - small).toBeGreaterThanOrEqual(2);
    await engine.disposeModel(modelId);
  });

  it('gives others turns between the parts of a training snapshot (weights, Adam moments, checks, checkpoint)', async () => {
    const { modelId } = await engine.createModel(spec({ hidden: [8], bottleneck: 2 }));
    // Tiny steps: without the snapshot's own yields a 4-step job runs in one piece between its slice yields.
    const plain = await turnsDuring(() => engine.train(modelId, config({ steps: 4 })));
    // A checkpoint after every step: any step takes longer than a nanosecond (with 1 ms a fast CPU step could end
    // within the interval and skip one, which made this check depend on the machine's speed).
    const snapshots = await turnsDuring(() => engine.train(modelId, config({ steps: 4, checkpointIntervalMs: 1e-6 })));
    expect(snapshots - plain).toBeGreaterThanOrEqual(4 * 3);
    await engine.disposeModel(modelId);
  });
});
