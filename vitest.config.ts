import { defineConfig } from 'vitest/config';

// Unit tests: Node, tfjs CPU/WASM backends, real (small) training.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at a time on the 2-core machine: many files mostly wait (server hooks, queues, timers), so one worker
    // (vitest's default here, cores − 1) left a core idle and the suite took 10 min. Files share nothing: PGlite
    // directories and PostgreSQL schemas are per test run, servers listen on port 0 or take injected requests.
    maxWorkers: 2,
  },
});
