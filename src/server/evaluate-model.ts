/**
 * Scores an uploaded model (a trained level's attempt as the student trained it): the architecture comes from
 * the level's own plan for the attempt's hyperparameters and seed, never from the upload; the weights must fill
 * exactly that architecture; then the shared measuring code (the game's own, src/shared/levels/measure) takes
 * the level's measurements on the held-out split and the level's scorer scores them. Milliseconds, not the
 * seconds a re-training takes: this is the score a student sees at once (verification.ts re-trains later).
 */
import type { Engine } from '../ml-worker/engine';
import type { Evaluation, LevelDefinition, LevelScore, SolutionPayload } from '../shared/levels';
import { measureTrained, trainedSetupOf } from '../shared/levels/measure';

/** An upload that does not fit the architecture its settings imply (answered 400, nothing stored). */
export class ModelMismatchError extends Error {}

let evaluations = 0;

export async function evaluateUploadedModel(
  engine: Engine,
  level: LevelDefinition,
  payload: SolutionPayload,
  seed: number,
  weights: Float32Array,
): Promise<{ result: LevelScore; evaluation: Evaluation }> {
  if (payload.kind !== 'hyperparameters') throw new ModelMismatchError(`${level.id} takes hyperparameters.`);
  const plan = trainedSetupOf(level).plan(payload.values, seed);
  const modelId = `upload-${++evaluations}`;
  await engine.createModel(plan.spec, { id: modelId });
  try {
    // The freshly built model names its tensors and shapes; the upload only supplies the numbers.
    const own = await engine.exportWeights(modelId);
    if (own.data.length !== weights.length)
      throw new ModelMismatchError(
        `The uploaded model has ${weights.length} weights; these settings make a model with ${own.data.length}.`,
      );
    await engine.importWeights({ ...own, data: weights });
    const { evaluation } = await measureTrained(engine, level, modelId, plan.spec.bottleneck);
    return { result: level.score(payload, evaluation), evaluation };
  } finally {
    await engine.disposeModel(modelId);
  }
}
