/** Serves the built game (dist/) read-only: no directory listing, nothing outside the root, SPA fallback. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.bin': 'application/octet-stream',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

async function fileIn(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    const s = await stat(path);
    if (s.isFile()) return path;
    if (s.isDirectory()) {
      const index = join(path, 'index.html');
      if ((await stat(index).catch(() => null))?.isFile()) return index;
    }
  } catch {
    // Not there.
  }
  return null;
}

export function serveStatic(app: FastifyInstance, root: string): void {
  const rootDir = normalize(root);
  app.get('/*', async (request, reply) => {
    const url = request.url;
    // An unknown API route is a JSON 404, never the app shell.
    if (url === '/api' || url.startsWith('/api/'))
      return reply.code(404).send({ error: 'Not Found', message: `No route ${request.method} ${url.slice(0, 200)}.` });
    // Paths like /board/CODE are the game's own routes: answer them with the app shell.
    const file =
      (await fileIn(rootDir, url)) ?? (extname(url.split('?')[0]) === '' ? await fileIn(rootDir, '/index.html') : null);
    if (!file) return reply.code(404).send({ error: 'Not Found', message: `Nothing at ${url.slice(0, 200)}.` });
    const hashed = /[-.][A-Za-z0-9_-]{8,}\.(js|css|wasm|png|bin)$/.test(file);
    reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    reply.type(TYPES[extname(file)] ?? 'application/octet-stream');
    return reply.send(createReadStream(file));
  });
}
