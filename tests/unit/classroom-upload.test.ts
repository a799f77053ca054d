/**
 * Uploads at class scale (issue #11): the largest model a trained level allows fits the upload route, a gzip-
 * compressed body is read (and its limit counted after decompression), the server's native base64 decoding
 * refuses what the shared decoder refuses, and the evaluating lane takes students in turns, so one student's
 * flood delays another's score by at most the one job running.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeUploadedWeights } from '../../src/server/model-upload';
import { QueueFullError } from '../../src/server/rescore';
import { MAX_EVALUATIONS_PER_OWNER, RescorePool } from '../../src/server/rescore-pool';
import { DEFAULT_LIMITS } from '../../src/server/server';
import { decodeWeights, encodeWeights, MAX_MODEL_BASE64_CHARS } from '../../src/shared/classroom/model-codec';
import { getLevel, levelVariant } from '../../src/shared/levels';
import { resolveControlValues } from '../../src/shared/levels/controls';
import { trainedSetupOf } from '../../src/shared/levels/measure';
import type { Engine } from '../../src/ml-worker/engine';
import { assetsDir, testClassroom, type TestClassroom } from './classroom-support';
import { testEngine } from './support/engine';

const LEVEL = 'squeeze-the-alphabet';
const SEED = 13;
const values = () => resolveControlValues(getLevel(LEVEL)!.controls, { bottleneck: 2, width: 16, steps: 500 });

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('cpu');
});

/** A freshly initialised model's weights for `levelId` with `v` (what the architecture check needs). */
async function freshWeights(levelId: string, v: Record<string, unknown>, seed = SEED): Promise<Float32Array> {
  const level = levelVariant(getLevel(levelId)!, seed);
  const plan = trainedSetupOf(level).plan(resolveControlValues(level.controls, v as never), seed);
  const model = await engine.createModel(plan.spec);
  try {
    return (await engine.exportWeights(model.modelId)).data;
  } finally {
    await engine.disposeModel(model.modelId);
  }
}

it("fits the largest model a trained level allows (Beat PCA's Hinton 2006 stack, widest code) in the upload route", async () => {
  const beatPca = getLevel('beat-pca')!;
  const code = beatPca.controls.find((c) => c.id === 'bottleneck')!;
  expect(code.kind).toBe('choice');
  const widest = code.kind === 'choice' ? code.options.map((o) => o.value).sort((a, b) => +b - +a)[0] : '';
  const weights = await freshWeights('beat-pca', { architecture: 'hinton', bottleneck: widest, linear: false }, 1);
  expect(weights.length).toBeGreaterThan(2_800_000);
  const wire = encodeWeights(weights);
  expect(wire.length).toBeLessThanOrEqual(MAX_MODEL_BASE64_CHARS);
  // The whole JSON body, uncompressed, within the route's limit (counted after decompression).
  expect(wire.length + 2_000).toBeLessThanOrEqual(DEFAULT_LIMITS.modelBodyBytes);
}, 60_000);

it('decodes uploads natively exactly as the shared decoder does, and refuses what it refuses', () => {
  const w = new Float32Array([0.5, -0.25, 3, 1e-3, 0, -0]);
  const wire = encodeWeights(w);
  expect([...decodeUploadedWeights(wire)!]).toEqual([...decodeWeights(wire)!]);
  for (const bad of ['not base64!', 'QUJD=', 'QU=D', 'QUJDRA', encodeWeights(new Float32Array([NaN])), 'QUJ']) {
    expect(decodeUploadedWeights(bad)).toBeNull();
    expect(decodeWeights(bad)).toBeNull();
  }
});

describe('the upload route', () => {
  let room: TestClassroom;
  let token = '';
  beforeAll(async () => {
    room = await testClassroom({ modelBodyBytes: 200_000 });
    const created = await room.app.inject({
      method: 'POST',
      url: '/api/teacher/competitions',
      headers: room.teacher,
      payload: { title: 'U', levels: [LEVEL], seed: SEED, durationMinutes: 30 },
    });
    const code = created.json().competition.code;
    await room.app.inject({ method: 'POST', url: `/api/teacher/competitions/${code}/start`, headers: room.teacher });
    token = (await room.app.inject({ method: 'POST', url: '/api/join', payload: { code, nickname: 'Ana' } })).json()
      .token;
  }, 300_000);
  afterAll(() => room?.dispose());

  const send = (body: Buffer | string, headers: Record<string, string> = {}) =>
    room.app.inject({
      method: 'POST',
      url: '/api/submissions/trained',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      payload: body,
    });

  it('scores a gzip-compressed upload, refuses a corrupt or unknown encoding, and limits the decompressed size', async () => {
    const wire = encodeWeights(await freshWeights(LEVEL, { bottleneck: 2, width: 16, steps: 500 }));
    const body = (key: string, data = wire) =>
      JSON.stringify({
        levelId: LEVEL,
        idempotencyKey: key,
        payload: { kind: 'hyperparameters', values: values() },
        model: { encoding: 'float16-base64', data },
      });
    const zipped = gzipSync(body('ana-gzip-1'));
    expect(zipped.length).toBeLessThan(body('ana-gzip-1').length);
    const ok = await send(zipped, { 'content-encoding': 'gzip' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().submission.verification).toBe('pending');
    // The same bytes uncompressed: the stored answer (the same key and solution).
    expect((await send(body('ana-gzip-1'))).statusCode).toBe(200);
    expect((await send(zipped.subarray(0, zipped.length - 9), { 'content-encoding': 'gzip' })).statusCode).toBe(400);
    expect((await send(zipped, { 'content-encoding': 'br' })).statusCode).toBe(415);
    // 150 kB of zeros compress to a few hundred bytes; decompressed they exceed the route's 200 kB limit.
    const bomb = gzipSync(body('ana-bomb', 'A'.repeat(300_000)));
    expect(bomb.length).toBeLessThan(5_000);
    const refused = await send(bomb, { 'content-encoding': 'gzip' });
    expect(refused.statusCode).toBe(413);
  }, 120_000);
});

describe('the evaluating lane takes students in turns', () => {
  let pool: RescorePool;
  beforeAll(async () => {
    pool = await RescorePool.create({ assetsDir, trainThreads: 1, decodeThreads: 1 });
  }, 300_000);
  afterAll(() => pool?.close());

  it("delays another student's score by at most the one job running, and caps each student's places", async () => {
    const weights = await freshWeights(LEVEL, { bottleneck: 2, width: 16, steps: 500 });
    const payload = { kind: 'hyperparameters' as const, values: values() };
    const finished: string[] = [];
    const evaluate = (who: string, n: number) =>
      pool.evaluate(LEVEL, payload, SEED, weights.slice(), who).then(() => finished.push(`${who}${n}`));
    // Ana floods: her first runs, the next two wait; a fourth is refused (her share is full).
    const ana = [1, 2, 3].map((n) => evaluate('ana', n));
    expect(() => pool.evaluate(LEVEL, payload, SEED, weights.slice(), 'ana')).toThrow(QueueFullError);
    expect(MAX_EVALUATIONS_PER_OWNER).toBe(3);
    const ben = evaluate('ben', 1);
    await Promise.all([...ana, ben]);
    expect(finished.indexOf('ben1')).toBeLessThanOrEqual(1);
    expect(finished).toHaveLength(4);
  }, 120_000);
});
