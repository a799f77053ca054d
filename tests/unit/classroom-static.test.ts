/**
 * The built game as the classroom server serves it (@fastify/static on a small dist/ made here, precompressed by
 * the build's own script): brotli and gzip to browsers that accept them, 304 on a matching ETag, Range and HEAD,
 * immutable caching only for hashed files, the app shell for the game's routes, nothing outside the root, and
 * security headers (CSP with 'wasm-unsafe-eval', nosniff, frame-ancestors) on the game page.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/precompress';
import { testClassroom, type TestClassroom } from './classroom-support';

let room: TestClassroom;
let dist = '';
const data = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i % 97 < 60 ? 0 : (i * 7) % 256)));
const script = `console.log(${JSON.stringify('latent '.repeat(400))});`;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'lq-dist-'));
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, 'generated'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><title>Latent Quest</title><script src="/assets/index-AbCd1234.js"></script>',
  );
  writeFileSync(join(dist, 'assets', 'index-AbCd1234.js'), script);
  writeFileSync(join(dist, 'generated', 'mnist.bin'), data);
  writeFileSync(join(dist, 'sw.js'), `self.addEventListener('fetch', () => {}); // ${'x'.repeat(2000)}`);
  writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"Latent Quest"}');
  const report = precompressDir(dist);
  expect(report.files).toBe(3);
  expect(report.gzipBytes).toBeLessThan(report.rawBytes / 2);
  room = await testClassroom(undefined, dist);
});

afterAll(async () => {
  await room?.dispose();
  rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') =>
  room.app.inject({ method, url, headers });

describe('static files', () => {
  it('sends the precompressed copy the browser accepts, and the raw file to one that accepts none', async () => {
    const br = await get('/generated/mnist.bin', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(br.rawPayload.length).toBeLessThan(data.length / 2);
    expect(brotliDecompressSync(br.rawPayload).equals(data)).toBe(true);
    const gz = await get('/generated/mnist.bin', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(data)).toBe(true);
    const raw = await get('/generated/mnist.bin', { 'accept-encoding': 'identity' });
    expect(raw.headers['content-encoding']).toBeUndefined();
    expect(raw.rawPayload.equals(data)).toBe(true);
  });

  it('answers 304 to a matching ETag or date, HEAD without a body, and byte ranges', async () => {
    const first = await get('/generated/mnist.bin');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^(W\/)?"/);
    expect((await get('/generated/mnist.bin', { 'if-none-match': etag })).statusCode).toBe(304);
    const since = String(first.headers['last-modified']);
    expect((await get('/generated/mnist.bin', { 'if-modified-since': since })).statusCode).toBe(304);
    const head = await get('/generated/mnist.bin', {}, 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String(data.length));
    expect(head.rawPayload.length).toBe(0);
    const range = await get('/generated/mnist.bin', { range: 'bytes=100-199' });
    expect(range.statusCode).toBe(206);
    expect(range.headers['content-range']).toBe(`bytes 100-199/${data.length}`);
    expect(range.rawPayload.equals(data.subarray(100, 200))).toBe(true);
    expect((await get('/generated/mnist.bin', { range: `bytes=${data.length + 5}-` })).statusCode).toBe(416);
  });

  it('caches hashed files for a year, revalidates the rest (service worker, manifest, data, page)', async () => {
    expect((await get('/assets/index-AbCd1234.js')).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    for (const url of ['/sw.js', '/manifest.webmanifest', '/generated/mnist.bin', '/'])
      expect((await get(url)).headers['cache-control'], url).toBe('no-cache');
    expect((await get('/manifest.webmanifest')).headers['content-type']).toContain('application/manifest+json');
  });

  it('answers the game routes with the app shell, refuses paths outside the root, 404s unknown API routes', async () => {
    const shell = await get('/play/anything');
    expect(shell.statusCode).toBe(200);
    expect(shell.body).toContain('<title>Latent Quest</title>');
    // Outside the root: refused, or (no extension) the app shell, never the file.
    for (const url of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json']) {
      const r = await get(url);
      expect(r.statusCode === 200 ? r.body : String(r.statusCode), url).toMatch(
        /^(403|404|<!doctype html><title>Latent Quest)/,
      );
      expect(r.body, url).not.toMatch(/root:|"devDependencies"/);
    }
    const api = await get('/api/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.json().message).toContain('No route');
    expect((await get('/missing.js')).statusCode).toBe(404);
  });

  it('sends security headers on the game page: a CSP that lets WASM and workers run, nosniff, no framing', async () => {
    const page = await get('/');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['strict-transport-security']).toBeUndefined();
    // Cross-origin isolation on every response (SharedArrayBuffer for tfjs's threaded WASM), files included.
    for (const response of [page, await get('/missing.js')]) {
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(response.headers['cross-origin-embedder-policy']).toBe('require-corp');
      expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
    // The teacher page keeps its own stricter policy.
    expect(String((await get('/teacher')).headers['content-security-policy'])).toContain("script-src 'self';");
  });
});
