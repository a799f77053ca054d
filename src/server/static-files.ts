/**
 * Serves the built game (dist/) with @fastify/static: the precompressed .br/.gz copies written at build time
 * (scripts/precompress.ts) to browsers that accept them, ETag and Last-Modified with 304s, HEAD and Range, no
 * directory listing, nothing outside the root. Files with a content hash in their name are cached for a year as
 * immutable; everything else (index.html, sw.js, the manifest, assets/ data) is revalidated every time. Paths
 * without an extension (the game's own routes) get the app shell; an unknown API route is a JSON 404.
 * Security headers for every response (the game page's CSP included): security-headers.ts.
 */
import { extname, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Vite's output names: `name-<8+ base64url chars>.ext`. */
const HASHED = /[-.][A-Za-z0-9_-]{8,}\.(js|mjs|css|wasm|png|svg|woff2|bin)$/;

const TYPES: Record<string, string> = {
  '.webmanifest': 'application/manifest+json',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

function setHeaders(reply: FastifyReply, path: string): void {
  // The service worker and the manifest must never be cached as immutable (#14), nor anything without a hash.
  const immutable = HASHED.test(path) && !/\/(sw|workbox-[^/]*)\.js$/.test(path);
  reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  const type = TYPES[extname(path)];
  if (type) reply.header('content-type', type);
}

export async function serveStatic(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: resolve(root),
    preCompressed: true,
    wildcard: true,
    index: ['index.html'],
    list: false,
    dotfiles: 'ignore',
    etag: true,
    lastModified: true,
    acceptRanges: true,
    cacheControl: false,
    setHeaders,
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    if ((request.method === 'GET' || request.method === 'HEAD') && !path.startsWith('/api') && extname(path) === '')
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply.code(404).send({
      error: 'Not Found',
      code: 'noRoute',
      message: `No route ${request.method} ${request.url.slice(0, 200)}.`,
    });
  });
}
