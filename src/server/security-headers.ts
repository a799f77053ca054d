/**
 * Security headers on every response with @fastify/helmet, the game page included: a Content-Security-Policy that
 * still lets the game run (its scripts and ES-module workers from 'self', tfjs's WASM backend via
 * 'wasm-unsafe-eval', WebGL needs nothing extra, Phaser's canvas and the DOM join form's inline styles), nosniff,
 * frame-ancestors 'none' (no clickjacking), no referrer; cross-origin isolation (COOP same-origin, COEP require-corp,
 * CORP same-origin, as `npm start` sends them: vite.config.ts), so tfjs's threaded WASM build can run (everything the
 * game and the teacher pages load is same-origin). No HSTS and no upgrade-insecure-requests: the classroom
 * server runs on plain HTTP on a LAN address. The teacher page and the board send their own stricter CSP (pages.ts).
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export const GAME_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'", 'blob:', 'data:'],
  'img-src': ["'self'", 'data:', 'blob:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'font-src': ["'self'", 'data:'],
  'media-src': ["'self'", 'data:', 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export async function securityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: GAME_CSP },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: { policy: 'require-corp' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
