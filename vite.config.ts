import { defineConfig, type Plugin } from 'vite';
import { precompressDir } from './scripts/precompress';

/**
 * Two flavours of the same game. `vite build` (npm start, npm run build, the classroom server's dist/) is the
 * shipped game: no test hooks, no bench page code, no worker calls that exist only for tests. `vite build --mode
 * test` (npm run test:e2e, npm run bench) sets `__LQ_TEST_HOOKS__` and writes dist-test/, so dist/ is always
 * the shipped game; `vite preview --mode test` serves it. The dev server has the hooks too (handy for debugging
 * the browser tests). Code behind `if (__LQ_TEST_HOOKS__)` is dropped from the production bundle.
 */
export const TEST_OUT_DIR = 'dist-test';

/** After a build, .br and .gz copies of the output for the classroom server (scripts/precompress.ts). */
const precompress = (outDir: string): Plugin => ({
  name: 'latent-quest-precompress',
  apply: 'build',
  closeBundle: () => {
    precompressDir(outDir);
  },
});

// assets/ is the public dir: generated data (assets/generated) and pretrained weights are served as static
// files, never bundled into a JS chunk.
export default defineConfig(({ mode }) => {
  const testHooks = mode === 'test' || mode === 'development';
  return {
    publicDir: 'assets',
    plugins: mode === 'test' ? [] : [precompress('dist')],
    define: { __LQ_TEST_HOOKS__: JSON.stringify(testHooks) },
    server: { host: '127.0.0.1', port: 5173, strictPort: false },
    preview: { host: '127.0.0.1', port: 4173, strictPort: false },
    worker: { format: 'es' },
    build: {
      outDir: mode === 'test' ? TEST_OUT_DIR : 'dist',
      target: 'es2022',
      chunkSizeWarningLimit: 2500,
      sourcemap: false,
    },
  };
});
