/**
 * The pages' script kit for the browser: src/server/pages/page-kit.ts with the shared ICU formatter and
 * intl-messageformat, bundled once per server process by Vite (library mode, one IIFE file) and kept in memory.
 * One formatter for the game, the server's page rendering and the pages' scripts.
 */
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

const ENTRY = fileURLToPath(new URL('./pages/page-kit.ts', import.meta.url));
let bundle: Promise<string> | null = null;

async function bundlePageKit(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: fileURLToPath(new URL('../..', import.meta.url)),
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      emptyOutDir: false,
      copyPublicDir: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'lqPageKit', fileName: () => 'page-kit.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error('page-kit bundle: no output');
  return chunk.code;
}

/** The bundled page kit (built on first use, then shared; a failed build is retried on the next call). */
export function pageKitBundle(): Promise<string> {
  bundle ??= bundlePageKit().catch((error: unknown) => {
    bundle = null;
    throw error;
  });
  return bundle;
}
