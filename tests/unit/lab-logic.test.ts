import { describe, expect, it } from 'vitest';
import { validateModelSpec, validateTrainConfig } from '../../src/shared/model-spec-validation';
import { noiseSpec, planRun } from '../../src/game/ml/run-plan';
import { DEFAULT_CONFIG } from '../../src/game/state/lab-rules';
import { initialLab } from '../../src/game/state/lab-slice';
import { chooseRenderer, isSoftwareRenderer } from '../../src/game/renderer-choice';
import { parseUrlOptions } from '../../src/game/url-options';
import { runView } from '../../src/game/view/lab-view';
import { shortRenderer } from '../../src/ml-worker/backend';
import { formatDuration } from '../../src/game/view/format';
import type { ModelKind } from '../../src/shared/worker-api';

const KINDS: ModelKind[] = ['dense', 'conv', 'denoising', 'vae', 'cvae', 'sparse', 'ksparse'];

describe('run plan', () => {
  it.each(KINDS.flatMap((kind) => (['glyphs', 'mnist'] as const).map((dataset) => [kind, dataset] as const)))(
    '%s on %s is a spec and config the worker accepts',
    (kind, dataset) => {
      const plan = planRun({ ...DEFAULT_CONFIG, kind, dataset, bottleneck: 1 });
      expect(() => validateModelSpec(plan.spec)).not.toThrow();
      expect(() => validateTrainConfig({ ...plan.train, jobId: 'j' })).not.toThrow();
    },
  );

  it('defaults to a dense 784-128-32 AE on MNIST', () => {
    const { spec } = planRun(DEFAULT_CONFIG);
    expect(spec).toMatchObject({ kind: 'dense', dataset: 'mnist', hidden: [128], bottleneck: 32 });
  });

  it('maps the noise level onto each noise type', () => {
    expect(noiseSpec('gaussian', 0.3, 'mnist')).toEqual({ type: 'gaussian', sigma: 0.3 });
    expect(noiseSpec('block', 0.5, 'mnist')).toEqual({ type: 'block', size: 14 });
    expect(noiseSpec('block', 0, 'glyphs')).toEqual({ type: 'block', size: 1 });
  });
});

describe('renderer choice', () => {
  const software = () => ({ renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))', software: true });
  const hardware = () => ({ renderer: 'ANGLE (NVIDIA GeForce RTX 3060)', software: false });
  it('uses Canvas on software GL and WebGL on hardware GL; the URL or setting forces either', () => {
    expect(chooseRenderer(null, 'auto', software).renderer).toBe('canvas');
    expect(chooseRenderer(null, 'auto', hardware).renderer).toBe('webgl');
    expect(chooseRenderer('webgl', 'auto', software)).toMatchObject({ renderer: 'webgl', forced: true });
    expect(chooseRenderer(null, 'canvas', hardware)).toMatchObject({ renderer: 'canvas', forced: true });
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
  });

  it('reads only known URL values', () => {
    expect(parseUrlOptions('?backend=wasm&renderer=canvas')).toEqual({
      backend: 'wasm',
      renderer: 'canvas',
      scene: 'Title',
      join: null,
      lang: null,
      threads: null,
    });
    expect(parseUrlOptions('?backend=tpu&renderer=')).toEqual({
      backend: null,
      renderer: null,
      scene: 'Title',
      join: null,
      lang: null,
      threads: null,
    });
    // The projector's QR code: ?join=CODE opens the class screen with the code (as typed, normalised).
    expect(parseUrlOptions('?join=abc-d23')).toMatchObject({ scene: 'Classroom', join: 'ABCD23' });
    expect(parseUrlOptions('?scene=lab').scene).toBe('Lab');
    expect(parseUrlOptions('?scene=MAP').scene).toBe('WorldMap');
    expect(parseUrlOptions('?scene=Level').scene).toBe('Title');
    // ?lang= picks the language (the classroom QR link carries the teacher's); unknown values are ignored.
    expect(parseUrlOptions('?join=ABCD23&lang=cs')).toMatchObject({ scene: 'Classroom', lang: 'cs' });
    expect(parseUrlOptions('?lang=de').lang).toBeNull();
    // ?threads=N asks for threaded WASM (measuring); anything but a small whole number is ignored.
    expect(parseUrlOptions('?threads=2').threads).toBe(2);
    expect(parseUrlOptions('?threads=two').threads).toBeNull();
    expect(parseUrlOptions('?threads=-1').threads).toBeNull();
  });
});

describe('lab view', () => {
  it('describes a running job and enables the right buttons', () => {
    const wb = {
      ...initialLab(),
      status: 'training' as const,
      progress: { step: 340, totalSteps: 2000, epoch: 1, samplesPerSecond: 1820.4, etaMs: 42_000, elapsedMs: 5000 },
    };
    const view = runView(wb);
    expect(view.progress.title).toBe('Training · Step 340 / 2,000');
    expect(view.progress.right).toBe('ETA 0:42');
    expect(view.progress.detail).toContain('1,820 samples/s');
    expect(view.pause).toMatchObject({ enabled: true, label: 'Pause' });
    expect(runView({ ...wb, status: 'paused' }).pause.label).toBe('Resume');
    expect(runView(initialLab()).cancel.enabled).toBe(false);
  });

  it('formats durations and shortens GL renderer names', () => {
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(
      shortRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)'),
    ).toBe('SwiftShader');
  });
});
