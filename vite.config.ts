import { defineConfig } from 'vite';

// assets/ is the public dir: generated data (assets/generated) and pretrained weights are served as static
// files, never bundled into a JS chunk.
export default defineConfig({
  publicDir: 'assets',
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
  },
});
