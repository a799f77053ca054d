/**
 * Writes `<file>.br` and `<file>.gz` next to every compressible file of a built game (dist/): the classroom
 * server (src/server/static-files.ts, @fastify/static `preCompressed`) sends them to browsers that accept them,
 * so a class downloads mnist.bin (7.86 MB raw) as ~1.6 MB. A copy is kept only when it saves at least 5 %.
 * Run by `vite build` (vite.config.ts) and by hand: `npx tsx scripts/precompress.ts [dir]`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.json',
  '.wasm',
  '.bin',
  '.svg',
  '.txt',
  '.webmanifest',
]);
const MIN_BYTES = 1024;

export interface PrecompressReport {
  files: number;
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

export function precompressDir(dir: string): PrecompressReport {
  const report: PrecompressReport = { files: 0, rawBytes: 0, gzipBytes: 0, brotliBytes: 0 };
  for (const path of files(dir)) {
    if (!COMPRESSIBLE.has(extname(path)) || statSync(path).size < MIN_BYTES) continue;
    const raw = readFileSync(path);
    const big = raw.length > 1_000_000;
    const gz = gzipSync(raw, { level: 9 });
    // Quality 11 on megabytes takes tens of seconds; 9 is within a few percent of it.
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: big ? 9 : 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        [constants.BROTLI_PARAM_LGWIN]: 24,
      },
    });
    report.files++;
    report.rawBytes += raw.length;
    for (const [suffix, data] of [
      ['.gz', gz],
      ['.br', br],
    ] as const) {
      const target = path + suffix;
      if (data.length <= raw.length * 0.95) {
        writeFileSync(target, data);
        if (suffix === '.gz') report.gzipBytes += data.length;
        else report.brotliBytes += data.length;
      } else if (existsSync(target)) rmSync(target);
    }
  }
  return report;
}

if (process.argv[1]?.endsWith('precompress.ts')) {
  const dir = process.argv[2] ?? 'dist';
  console.log(JSON.stringify({ dir, ...precompressDir(dir) }));
}
