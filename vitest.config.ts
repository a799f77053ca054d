import { defineConfig } from 'vitest/config';

// Unit tests: Node, tfjs CPU/WASM backends, real (small) training.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
