import type { StateCreator } from 'zustand/vanilla';
import type { GameStore, LabActions, LabState } from './types';
import type { StoreMutators } from './mutators';
import {
  DEFAULT_CONFIG,
  MAX_NOTICES,
  appendLossPoint,
  clampBottleneck,
  clampHiddenWidth,
  clampNoiseLevel,
} from './lab-rules';
import { clampHyper, trainingDefaults } from './lab-hyper';

let noticeSeq = 0;
export const nextNoticeId = (): number => ++noticeSeq;

export function initialLab(): LabState['lab'] {
  return {
    config: { ...DEFAULT_CONFIG },
    status: 'idle',
    workerStatus: 'stopped',
    backendInfo: null,
    display: { renderer: 'webgl', softwareGl: false, forced: false },
    model: null,
    lossHistory: [],
    progress: null,
    preview: null,
    outcome: null,
    notices: [],
    runConfig: null,
    previousRun: null,
  };
}

export const createLabSlice: StateCreator<GameStore, StoreMutators, [], LabState & LabActions> = (set) => {
  type WB = LabState['lab'];
  const patch = (fn: (wb: WB) => Partial<WB>): void => {
    set((s) => ({ lab: { ...s.lab, ...fn(s.lab) } }));
  };
  const patchConfig = (fn: (c: WB['config']) => Partial<WB['config']>): void =>
    patch((wb) => ({ config: { ...wb.config, ...fn(wb.config) } }));

  return {
    lab: initialLab(),
    // A new dataset or model kind brings its own learning rate, steps and batch size (the Settings view changes them).
    setDataset: (dataset) => patchConfig((c) => ({ dataset, ...trainingDefaults(dataset, c.kind) })),
    setKind: (kind) => patchConfig((c) => ({ kind, ...trainingDefaults(c.dataset, kind) })),
    setBottleneck: (value) =>
      patchConfig((c) => {
        const bottleneck = clampBottleneck(value);
        return { bottleneck, k: Math.min(c.k, bottleneck) };
      }),
    setHyper: (values) => patchConfig((c) => clampHyper(values, c.bottleneck)),
    setHiddenWidth: (value) => patchConfig(() => ({ hiddenWidth: clampHiddenWidth(value) })),
    setNoiseType: (noiseType) => patchConfig(() => ({ noiseType })),
    setNoiseLevel: (value) => patchConfig(() => ({ noiseLevel: clampNoiseLevel(value) })),
    setStatus: (status) => patch(() => ({ status })),
    setWorkerStatus: (workerStatus) => patch(() => ({ workerStatus })),
    setBackendInfo: (backendInfo) => patch(() => ({ backendInfo })),
    setDisplay: (display) => patch(() => ({ display })),
    setPreview: (preview) => patch(() => ({ preview })),
    beginRun: (model, totalSteps) =>
      patch((wb) => ({
        // The run before this one stays for the comparison view (only a run that showed a loss curve).
        previousRun:
          wb.runConfig && wb.model && wb.lossHistory.length > 0
            ? {
                config: wb.runConfig,
                lossHistory: wb.lossHistory,
                preview: wb.preview,
                latentSize: wb.model.latentSize,
              }
            : wb.previousRun,
        runConfig: { ...wb.config },
        model,
        status: 'training',
        lossHistory: [],
        outcome: null,
        progress: { step: 0, totalSteps, epoch: 0, samplesPerSecond: 0, etaMs: 0, elapsedMs: 0 },
      })),
    resumeRun: (fromStep) =>
      patch((wb) => ({
        status: 'training',
        lossHistory: wb.lossHistory.filter((p) => p.step <= fromStep),
        progress: wb.progress ? { ...wb.progress, step: fromStep } : null,
      })),
    recordProgress: (u) =>
      patch((wb) => ({
        lossHistory: appendLossPoint(wb.lossHistory, {
          step: u.step,
          total: u.total,
          reconstruction: u.reconstruction,
          ...(u.kl !== undefined ? { kl: u.kl } : {}),
        }),
        progress: {
          step: u.step,
          totalSteps: u.totalSteps,
          epoch: u.epoch,
          samplesPerSecond: u.samplesPerSecond,
          etaMs: u.etaMs,
          elapsedMs: u.elapsedMs,
        },
        preview: u.preview ?? wb.preview,
      })),
    finishRun: (outcome) =>
      patch((wb) => ({
        outcome,
        status: outcome.reason === 'completed' ? 'done' : outcome.reason === 'cancelled' ? 'idle' : 'error',
        progress:
          wb.progress && outcome.reason === 'completed'
            ? { ...wb.progress, step: outcome.steps, etaMs: 0 }
            : wb.progress,
      })),
    addNotice: (level, key, params) => {
      const id = nextNoticeId();
      patch((wb) => ({
        notices: [...wb.notices, { id, level, key, ...(params ? { params } : {}) }].slice(-MAX_NOTICES),
      }));
      return id;
    },
    dismissNotice: (id) => patch((wb) => ({ notices: wb.notices.filter((n) => n.id !== id) })),
  };
};
