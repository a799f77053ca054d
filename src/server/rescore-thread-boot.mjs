// Entry of a re-scoring worker thread. Node 20 does not carry the parent's module hooks (tsx under
// `tsx scripts/classroom.ts`, vite-node under vitest) into a worker, and `execArgv: ['--import', 'tsx']`
// registers them too late for the worker's own entry file: so register tsx here, then load the TypeScript.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
