import { testEngine } from '../support/engine';
import { getLevel } from '../../../src/shared/levels';
import { playTrained } from './lib/measure';

const engine = await testEngine('wasm');
const info = await engine.loadDataset('mnist');
console.log(info.trainCount, info.testCount);
const runs = JSON.parse(process.argv[2]) as [string, Record<string, unknown>][];
for (const [id, values] of runs) {
  const a = await playTrained(engine, getLevel(id)!, values as never);
  console.log(JSON.stringify({ id, values, score: a.result.score, stars: a.result.stars, detail: a.result.detail, t: a.trainSeconds.toFixed(1), tt: a.totalSeconds.toFixed(1), ev: Object.fromEntries(Object.entries(a.evaluation).map(([k, v]) => [k, Array.isArray(v) ? (v.length > 30 ? `len${v.length}` : v) : v])) }));
}
