import { describe, expect, it } from 'vitest';
import { planProblem, planRun } from '../../src/game/ml/run-plan';
import { clampHyper, HYPER_CONTROLS, hiddenWidths, inapplicable } from '../../src/game/state/lab-hyper';
import { DEFAULT_CONFIG } from '../../src/game/state/lab-rules';
import { createGameStore } from '../../src/game/state';
import { validateModelSpec } from '../../src/shared/model-spec-validation';
import { MODEL_KINDS } from '../../src/shared/worker-api';

describe('the Lab settings', () => {
  it('each kind-specific control applies to its kind only, with a reason elsewhere', () => {
    const owner = {
      beta: ['vae', 'cvae'],
      rho: ['sparse'],
      sparsityWeight: ['sparse'],
      k: ['ksparse'],
      codebookSize: ['vqvae'],
      slots: ['vqvae'],
    } as const;
    for (const kind of MODEL_KINDS) {
      const c = { ...DEFAULT_CONFIG, kind };
      for (const [control, kinds] of Object.entries(owner)) {
        const reason = inapplicable(control as keyof typeof owner, c);
        if ((kinds as readonly string[]).includes(kind)) expect(reason).toBeNull();
        else expect(reason).toMatch(/^lab\.reason\./);
      }
      for (const general of ['learningRate', 'steps', 'batchSize', 'loss'] as const)
        expect(inapplicable(general, c)).toBeNull();
    }
    expect(inapplicable('hidden', { ...DEFAULT_CONFIG, depth: 0 })).toBe('lab.reason.noHiddenLayer');
    expect(inapplicable('hidden', { ...DEFAULT_CONFIG, depth: 2 })).toBeNull();
    expect(inapplicable('noise', { ...DEFAULT_CONFIG, kind: 'dense' })).toBe('lab.reason.denoisingOnly');
    expect(HYPER_CONTROLS).toHaveLength(12);
  });

  it('clamps onto what the controls offer', () => {
    expect(clampHyper({ learningRate: 0.0011, steps: 1900, batchSize: 70, beta: 2.04, k: 99 }, 16)).toEqual({
      learningRate: 0.001,
      steps: 2000,
      batchSize: 64,
      beta: 2,
      k: 16,
    });
    expect(clampHyper({ rho: Number.NaN }, 8).rho).toBe(0.05);
    expect(hiddenWidths(128, 3)).toEqual([128, 64, 32]);
    expect(hiddenWidths(128, 0)).toEqual([]);
  });

  it('every hyperparameter reaches the plan, and every kind plans a spec the worker accepts', () => {
    const plan = planRun({
      ...DEFAULT_CONFIG,
      kind: 'vae',
      depth: 2,
      activation: 'tanh',
      beta: 0.5,
      learningRate: 0.003,
      steps: 500,
      batchSize: 32,
      loss: 'mse',
    });
    expect(plan.spec).toMatchObject({ kind: 'vae', hidden: [128, 64], activation: 'tanh', beta: 0.5 });
    expect(plan.train).toMatchObject({ learningRate: 0.003, steps: 500, batchSize: 32, loss: 'mse' });
    const vq = planRun({ ...DEFAULT_CONFIG, kind: 'vqvae', bottleneck: 10, slots: 4, codebookSize: 32 });
    expect(vq.spec.vq).toEqual({ codebookSize: 32, slots: 4, codeDim: 2 });
    expect(vq.spec.bottleneck).toBe(8);
    for (const kind of MODEL_KINDS) {
      const p = planRun({ ...DEFAULT_CONFIG, kind, depth: 0, bottleneck: 3 });
      expect(() => validateModelSpec(p.spec)).not.toThrow();
      expect(planProblem(p)).toBeNull();
    }
  });

  it('a new dataset or kind brings its training defaults; a second run keeps the first as the previous run', () => {
    const store = createGameStore();
    const s = () => store.getState();
    s().setHyper({ steps: 200 });
    s().setDataset('glyphs');
    expect(s().lab.config).toMatchObject({ learningRate: 0.005, steps: 1500, batchSize: 16 });
    const model = { modelId: 'm1', kind: 'dense' as const, dataset: 'glyphs' as const, paramCount: 10, latentSize: 2 };
    s().beginRun(model, 10);
    s().recordProgress({
      step: 5,
      totalSteps: 10,
      epoch: 0,
      total: 1,
      reconstruction: 1,
      samplesPerSecond: 1,
      etaMs: 0,
      elapsedMs: 1,
    });
    expect(s().lab.previousRun).toBeNull();
    s().setHyper({ learningRate: 0.01 });
    s().beginRun({ ...model, modelId: 'm2' }, 10);
    expect(s().lab.previousRun?.config.learningRate).toBe(0.005);
    expect(s().lab.previousRun?.lossHistory).toHaveLength(1);
    expect(s().lab.runConfig?.learningRate).toBe(0.01);
  });
});
