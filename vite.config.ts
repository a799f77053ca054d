import { defineConfig, type Plugin } from 'vite';
import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';
import { precompressDir } from './scripts/precompress';
import { phaserBuild } from './scripts/phaser-build';
import { tfjsThreadsBuild } from './scripts/tfjs-threads-build';
import { titleShellTexts } from './scripts/title-shell-texts';

/**
 * Two flavours of the same game. `vite build` (npm start, npm run build, the classroom server's dist/) is the
 * shipped game: no test hooks, no bench page code, no worker calls that exist only for tests. `vite build --mode
 * test` (npm run test:e2e, npm run bench) sets `__LQ_TEST_HOOKS__` and writes dist-test/, so dist/ is always
 * the shipped game; `vite preview --mode test` serves it. The dev server has the hooks too (handy for debugging
 * the browser tests). Code behind `if (__LQ_TEST_HOOKS__)` is dropped from the production bundle.
 */
export const TEST_OUT_DIR = 'dist-test';

/**
 * Offline play: the service worker and web app manifest (vite-plugin-pwa, Workbox `generateSW`). After one visit
 * the whole game plays offline. The precache holds every built file (game and worker chunks, the three tfjs WASM binaries) and the
 * public assets: the MNIST asset (7.9 MB, hence the raised size limit), the PCA basis and the pretrained models.
 * A new build gets a new precache manifest; the new service worker waits (`registerType: 'prompt'`) until the game
 * is on a safe screen and applies it there (src/game/offline/service-worker.ts), so no training is cut short.
 */

/** The largest file precached: mnist.bin is 7.9 MB; this leaves room for it to grow. */
const PRECACHE_LIMIT_BYTES = 16 * 1024 * 1024;

const pwaOptions: Partial<VitePWAOptions> = {
  registerType: 'prompt',
  // Registered from the game (virtual:pwa-register), which decides when to apply an update.
  injectRegister: null,
  filename: 'sw.js',
  manifestFilename: 'manifest.webmanifest',
  includeAssets: [],
  // The icons are public assets, already in the precache by globPatterns.
  includeManifestIcons: false,
  manifest: {
    name: 'Latent Quest',
    short_name: 'Latent Quest',
    id: './',
    start_url: './',
    scope: './',
    display: 'fullscreen',
    orientation: 'any',
    background_color: '#0d1321',
    theme_color: '#0d1321',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,wasm,bin,json,svg,png}'],
    maximumFileSizeToCacheInBytes: PRECACHE_LIMIT_BYTES,
    cleanupOutdatedCaches: true,
    // The first visit's page is controlled at once, so an update found in that same visit waits for it too.
    clientsClaim: true,
    // Any in-game path opens the game offline; the classroom server's own pages and API never get the app shell.
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/^\/api\//, /^\/teacher/, /^\/board\//, /^\/classroom\//],
  },
  devOptions: { enabled: false },
};

/** After a build, .br and .gz copies of the output for the classroom server (scripts/precompress.ts). */
const precompress = (outDir: string): Plugin => ({
  name: 'latent-quest-precompress',
  apply: 'build',
  closeBundle: () => {
    precompressDir(outDir);
  },
});

/**
 * Cross-origin isolation (COOP same-origin + COEP require-corp) on every response of `npm start`, the dev server
 * and the test build's preview: SharedArrayBuffer exists only then, and tfjs's WASM backend needs it for its
 * threaded SIMD build (src/ml-worker/backend.ts). Everything the game loads is same-origin. The classroom
 * server sends the same pair (src/server/security-headers.ts).
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig(({ mode }) => {
  const testHooks = mode === 'test' || mode === 'development';
  return {
    // assets/ is the public dir: generated data (assets/generated) and pretrained weights are served as static
    // files, never bundled into a JS chunk.
    publicDir: 'assets',
    // Lazy locales: Polish, Czech and Spanish load on demand in the browser (src/game/locale-load.ts).
    define: { __LQ_TEST_HOOKS__: JSON.stringify(testHooks), __LQ_LAZY_LOCALES__: 'true' },
    server: { host: '127.0.0.1', port: 5173, strictPort: false, headers: ISOLATION_HEADERS },
    preview: { host: '127.0.0.1', port: 4173, strictPort: false, headers: ISOLATION_HEADERS },
    // The worker bundle gets its own plugins: tfjs's threaded WASM factory made safe to minify.
    worker: { format: 'es', plugins: () => [tfjsThreadsBuild()] },
    // The service worker first, so its files are precompressed with the rest.
    plugins: [phaserBuild(), titleShellTexts(), VitePWA(pwaOptions), ...(mode === 'test' ? [] : [precompress('dist')])],
    build: {
      outDir: mode === 'test' ? TEST_OUT_DIR : 'dist',
      target: 'es2022',
      chunkSizeWarningLimit: 2500,
      modulePreload: { polyfill: false },
      sourcemap: false,
    },
  };
});
