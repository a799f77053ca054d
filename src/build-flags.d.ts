/**
 * Set by vite.config.ts: true in the test build (`vite build --mode test`: e2e tests, `npm run bench`) and the
 * dev server, false in the shipped game. Guard test-only code with `if (__LQ_TEST_HOOKS__)` so the production
 * bundle drops it. Node (unit tests, scripts) never defines it: code they run must not read it.
 */
declare const __LQ_TEST_HOOKS__: boolean;
