import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { setTfBackend } from '../../src/ml-worker/backend';
import { TestEngine } from '../../src/ml-worker/test-engine';
import type { ContextWatch } from '../../src/ml-worker/webgl-watch';
import type { TrainProgress } from '../../src/shared/worker-api';
import { config, readAsset, spec } from './support/engine';

/** A context watch whose "WebGL" context can be lost on demand (Node has no WebGL). */
class FakeWatch implements ContextWatch {
  lost = false;
  private wake: (() => void)[] = [];
  attach(): void {}
  isLost(): boolean {
    return this.lost;
  }
  whenLost(): { promise: Promise<void>; stop: () => void } {
    return {
      promise: this.lost ? Promise.resolve() : new Promise((resolve) => this.wake.push(resolve)),
      stop: () => {},
    };
  }
  loseContext(): boolean {
    this.lost = true;
    this.wake.forEach((w) => w());
    return true;
  }
}

describe('a lost WebGL context mid-training', () => {
  it('moves the job to WASM from the last good weights and tells the player', async () => {
    const watch = new FakeWatch();
    const engine = new TestEngine({
      fetchAsset: readAsset,
      contextWatch: watch,
      // "webgl" runs on the CPU backend here; the engine only knows it by name.
      backend: {
        probeGl: () => ({ renderer: 'Fake GPU', isSoftware: false }),
        setBackend: (name) => setTfBackend(name === 'webgl' ? 'cpu' : name),
      },
    });
    const init = await engine.init({ backend: 'auto', assetBase: '' });
    expect(init.backend).toBe('webgl');
    const bystander = await engine.createModel(spec({ seed: 5 }));
    const bystanderWeights = await engine.exportWeights(bystander.modelId);
    const { modelId } = await engine.createModel(spec());
    const events: TrainProgress[] = [];
    const result = await engine.train(modelId, config({ steps: 200, progressIntervalMs: 0 }), (p) => {
      events.push(p);
      if (p.step === 50) void engine.loseWebGlContext();
    });
    expect(result.reason).toBe('completed');
    expect(result.steps).toBe(200);
    expect(result.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(result.notices).toHaveLength(1);
    // From its last snapshot: step 0, or a later one when a 1.5 s snapshot came first (a loaded machine).
    const [{ fromStep }] = result.events;
    expect(result.notices[0]).toMatch(
      new RegExp(`WebGL context was lost at step 5\\d; training continued on WASM from step ${fromStep}\\b`),
    );
    const noticed = events.find((p) => p.notice);
    expect(noticed?.backend).toBe('wasm');
    // The same as data, which the game words in the player's language (engine-words.ts).
    expect(result.events).toEqual([
      { kind: 'contextLost', lostAt: result.events[0].lostAt, backend: 'wasm', fromStep },
    ]);
    expect(result.events[0].lostAt).toBeGreaterThanOrEqual(50);
    expect(fromStep).toBeLessThan(50);
    expect(noticed?.event).toEqual(result.events[0]);
    // It restarted from that snapshot and then went on.
    const after = events.slice(events.indexOf(noticed as TrainProgress) + 1);
    expect(after[0].step).toBe(fromStep + 1);
    expect(after.at(-1)?.loss.total).toBeLessThan(events[0].loss.total);
    // Other models were rebuilt on WASM with their weights.
    expect(Array.from((await engine.exportWeights(bystander.modelId)).data)).toEqual(Array.from(bystanderWeights.data));
    expect((await engine.memory()).backend).toBe('wasm');
    // WebGL is not offered again.
    expect((await engine.init({ backend: 'auto', assetBase: '' })).backend).toBe('wasm');
    expect(await engine.loseWebGlContext()).toBe(false);
  });

  it('continues with the optimizer state of its last snapshot: no loss spike after the switch', async () => {
    const watch = new FakeWatch();
    const engine = new TestEngine({
      fetchAsset: readAsset,
      contextWatch: watch,
      backend: {
        probeGl: () => ({ renderer: 'Fake GPU', isSoftware: false }),
        setBackend: (name) => setTfBackend(name === 'webgl' ? 'cpu' : name),
      },
    });
    expect((await engine.init({ backend: 'auto', assetBase: '' })).backend).toBe('webgl');
    // Squeeze the alphabet's training (all 26 letters per batch, Adam 0.01, BCE): there a fresh Adam 300 steps in
    // makes the loss jump about 50x (tests/unit/optimizer-checkpoint.test.ts).
    const { modelId } = await engine.createModel(spec({ hidden: [32], bottleneck: 4 }));
    const losses: number[] = [];
    let notice: TrainProgress | undefined;
    // checkpointIntervalMs makes every report take a snapshot, so the switch resumes from about the lost step.
    const c = config({ steps: 400, batchSize: 26, limit: 26, loss: 'bce', checkpointIntervalMs: 1 });
    const result = await engine.train(modelId, c, (p) => {
      if (p.notice) notice = p;
      else if (!notice) losses[p.step] = p.loss.total;
      else losses[p.step] ??= p.loss.total;
      if (p.step === 300 && !notice) void engine.loseWebGlContext();
    });
    expect(result.reason).toBe('completed');
    expect(result.backend).toBe('wasm');
    const from = Number(/from step (\d+)/.exec(result.notices[0] ?? '')?.[1]);
    expect(from).toBeGreaterThanOrEqual(290);
    // Reported after the switch: the step from+1 loss is before the first update, the next five after one to five.
    const before = losses[from];
    const after = [2, 3, 4, 5, 6].map((d) => losses[from + d]);
    expect(after.every((l) => l !== undefined && l <= 2 * before)).toBe(true);
    await engine.disposeModel(modelId);
  }, 60_000);
});
