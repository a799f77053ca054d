/**
 * Plays a trained level as the game scores it: the shared harness (src/shared/levels/measure) plans, trains,
 * measures and scores; this adds what the solver bots report about the run's cost.
 */
import { playTrained as play, type TrainingEngine } from '../../src/shared/levels/measure';
import type { ControlValue, Evaluation, LevelDefinition, LevelScore } from '../../src/shared/levels';

export type MeasuringEngine = TrainingEngine;

export interface TrainedAttempt {
  values: Record<string, ControlValue>;
  evaluation: Evaluation;
  result: LevelScore;
  /** Wall-clock training seconds reported by the engine (TrainResult.elapsedMs). */
  trainSeconds: number;
  /**
   * CPU seconds this process spent training (user + system, process.cpuUsage): what the run costs on one free
   * core, whatever else the machine is doing. tfjs WASM runs single-threaded, so on an idle machine it is
   * close to trainSeconds; on a shared one trainSeconds grows with the load and this does not.
   */
  trainCpuSeconds: number;
  /** Training + measuring seconds. */
  totalSeconds: number;
  trainEnd: string;
}

let jobCounter = 0;

/** Plays `values` (missing controls take their defaults) on a trained level and scores it with level.score. */
export async function playTrained(
  engine: MeasuringEngine,
  level: LevelDefinition,
  values: Record<string, ControlValue> = {},
  seed?: number,
): Promise<TrainedAttempt> {
  const started = performance.now();
  let cpu: NodeJS.CpuUsage = { user: 0, system: 0 };
  const played = await play(engine, level, values, seed, {
    jobId: `solver-${level.id}-${++jobCounter}`,
    train: async (modelId, config) => {
      const before = process.cpuUsage();
      try {
        return await engine.train(modelId, config);
      } finally {
        cpu = process.cpuUsage(before);
      }
    },
  });
  return {
    values: played.values,
    evaluation: played.evaluation,
    result: played.result,
    trainSeconds: played.training.elapsedMs / 1000,
    trainCpuSeconds: (cpu.user + cpu.system) / 1e6,
    totalSeconds: (performance.now() - started) / 1000,
    trainEnd: played.training.reason,
  };
}
