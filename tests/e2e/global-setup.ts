import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

// Serves the test build (dist-test/, `vite build --mode test`, built by `npm run test:e2e` before vitest starts:
// the game with its test hooks) on a free loopback port. The production build is served by production-build.test.ts.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await preview({
    mode: 'test',
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
