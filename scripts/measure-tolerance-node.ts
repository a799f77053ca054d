/**
 * Node half of scripts/measure-tolerance.ts (run by it, one process per backend: tfjs has one backend per
 * process): trains each level's example settings on `backend` (cpu | wasm, what the class server's training
 * threads use) with the level's own seed (the one the game's single-player page trains with, so the browser's
 * figures compare one to one) and with classroom variant seeds, measures the model with the shared measuring
 * code, then again after the float16 round trip of the upload. Prints one JSON line per run.
 * Args: <backend> <seeds: comma list, "base" for the level's own> <levels…>.
 */
import { nodeEngine } from '../tools/node-engine';
import { decodeWeights, encodeWeights } from '../src/shared/classroom/model-codec';
import { getLevel, levelVariant, validatePayload } from '../src/shared/levels';
import { measureTrained, trainedSetupOf } from '../src/shared/levels/measure';
import type { BackendName } from '../src/shared/worker-api';

const backend = (process.argv[2] ?? 'wasm') as BackendName;
const seeds = (process.argv[3] ?? 'base').split(',');
const levels = process.argv.slice(4).length ? process.argv.slice(4) : ['beat-pca'];
const engine = await nodeEngine(backend);
for (const id of levels) {
  const catalogue = getLevel(id);
  if (!catalogue || catalogue.setup.kind !== 'trained') throw new Error(`${id} is not a trained level`);
  for (const asked of seeds) {
    const seed = asked === 'base' ? catalogue.setup.seed : Number(asked);
    const level = asked === 'base' ? catalogue : levelVariant(catalogue, seed);
    const checked = validatePayload(level, level.example);
    if (!checked.ok || checked.payload.kind !== 'hyperparameters') throw new Error(id);
    const plan = trainedSetupOf(level).plan(checked.payload.values, seed);
    const model = await engine.createModel(plan.spec);
    const started = performance.now();
    await engine.train(model.modelId, {
      ...plan.config,
      jobId: `${id}-${seed}`,
      progressIntervalMs: 60_000,
      previewCount: 0,
    });
    const ms = performance.now() - started;
    const full = (await measureTrained(engine, level, model.modelId, plan.spec.bottleneck)).evaluation;
    const exported = await engine.exportWeights(model.modelId);
    const wire = encodeWeights(exported.data);
    await engine.importWeights({ ...exported, data: decodeWeights(wire)! });
    const half = (await measureTrained(engine, level, model.modelId, plan.spec.bottleneck)).evaluation;
    await engine.disposeModel(model.modelId);
    const a = level.score(checked.payload, full);
    const b = level.score(checked.payload, half);
    console.log(
      JSON.stringify({
        where: `node-${backend}`,
        level: id,
        seed,
        values: checked.payload.values,
        trainMs: Math.round(ms),
        weights: exported.data.length,
        base64Chars: wire.length,
        score: a.score,
        stars: a.stars,
        goalMet: a.goalMet,
        float16Score: b.score,
        float16Stars: b.stars,
      }),
    );
  }
}
