/**
 * How far a re-training's score can differ from the uploaded model's for an honest attempt: trains each MNIST
 * trained level's example settings with a few seeds on one backend (argv: cpu | wasm), measures the model, then
 * again after the float16 round trip of the upload. Prints one JSON line per run; run it once per backend and
 * compare (README "Verification tolerance"). Args: <backend> [levels…] (default beat-pca budget noise-zoo).
 */
import { nodeEngine } from '../tools/node-engine';
import { decodeWeights, encodeWeights } from '../src/shared/classroom/model-codec';
import { getLevel, levelVariant, validatePayload } from '../src/shared/levels';
import { measureTrained, trainedSetupOf } from '../src/shared/levels/measure';
import type { BackendName } from '../src/shared/worker-api';

const backend = (process.argv[2] ?? 'wasm') as BackendName;
const levels = process.argv.slice(3).length ? process.argv.slice(3) : ['beat-pca', 'budget', 'noise-zoo'];
const engine = await nodeEngine(backend);
for (const id of levels) {
  for (const seed of [11, 12, 13]) {
    const level = levelVariant(getLevel(id)!, seed);
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
        backend,
        level: id,
        seed,
        trainMs: Math.round(ms),
        weights: exported.data.length,
        base64Chars: wire.length,
        score: a.score,
        stars: a.stars,
        float16Score: b.score,
        float16Stars: b.stars,
      }),
    );
  }
}
