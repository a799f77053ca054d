/**
 * The shipped build's chunk sizes (`npx vite build && npx tsx scripts/chunk-sizes.ts [distDir]`): the main chunk
 * (the entry, the game chunk it imports at once and every chunk those import statically: what every first load
 * fetches), the HTML title alone (`shell`: the entry and its static imports), the worker chunk and every file, raw
 * and gzip. `npm run bench` reports the same figures as `chunks`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

/** `name` and the chunks it imports statically, transitively (dynamic `import()`s are left out). */
function staticClosure(assetsDir: string, name: string | undefined): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(assetsDir, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']\.\/([^"']+\.js)["']/g))
      visit(m[1]);
  };
  if (name) visit(name);
  return seen;
}

export function chunkSizes(distDir: string) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const mainName = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  const files = readdirSync(join(distDir, 'assets')).filter((f) => f.endsWith('.js'));
  const chunks = files.map((name) => {
    const code = readFileSync(join(distDir, 'assets', name));
    const text = code.toString('utf8');
    return {
      name,
      bytes: code.length,
      gzipBytes: gzipSync(code).length,
      // Kernel names survive minification: their presence means tfjs is in the chunk.
      hasTfjs: text.includes('_FusedMatMul') || text.includes('tfjs-backend'),
      isMain: name === mainName,
    };
  });
  // The main chunk is the entry and every chunk it imports statically (what the first screen must load).
  // The entry is the HTML title (src/main.ts); the game chunk it imports at once is part of every first load.
  const shellGroup = staticClosure(join(distDir, 'assets'), mainName);
  const entryCode = mainName ? readFileSync(join(distDir, 'assets', mainName), 'utf8') : '';
  const mainGroup = new Set(shellGroup);
  for (const m of entryCode.matchAll(/import\(["'`]\.\/([^"'`]+\.js)["'`]\)/g))
    for (const f of staticClosure(join(distDir, 'assets'), m[1])) mainGroup.add(f);
  const group = chunks.filter((c) => mainGroup.has(c.name));
  const entry = chunks.find((c) => c.isMain);
  const main = entry
    ? {
        ...entry,
        bytes: group.reduce((n, c) => n + c.bytes, 0),
        gzipBytes: group.reduce((n, c) => n + c.gzipBytes, 0),
        hasTfjs: group.some((c) => c.hasTfjs),
        files: group.map((c) => c.name),
      }
    : undefined;
  const worker = chunks.filter((c) => !c.isMain && c.hasTfjs).sort((a, b) => b.bytes - a.bytes)[0];
  const shellChunks = chunks.filter((c) => shellGroup.has(c.name));
  const shell = { gzipBytes: shellChunks.reduce((n, c) => n + c.gzipBytes, 0), files: shellChunks.map((c) => c.name) };
  return { main, shell, worker, all: chunks, noTfjsInMain: main ? !main.hasTfjs : false };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = chunkSizes(process.argv[2] ?? 'dist');
  const files = sizes.all
    .map(({ name, bytes, gzipBytes }) => ({ name, bytes, gzipBytes }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  console.log(
    JSON.stringify(
      {
        mainGzipBytes: sizes.main?.gzipBytes ?? null,
        mainFiles: sizes.main?.files ?? [],
        shellGzipBytes: sizes.shell.gzipBytes,
        workerGzipBytes: sizes.worker?.gzipBytes ?? null,
        noTfjsInMain: sizes.noTfjsInMain,
        files,
      },
      null,
      2,
    ),
  );
}
