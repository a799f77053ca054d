/**
 * `npm run classroom`: builds the game if dist/ is missing or older than what it is built from (the rule is in
 * src/server/build-freshness.ts), then starts the classroom server on the LAN and prints the addresses and
 * the teacher's password.
 * Env: PORT (8787), HOST (0.0.0.0), CLASSROOM_DATA (.classroom), DATABASE_URL (PostgreSQL instead of PGlite),
 * CLASSROOM_ADMIN_PASSWORD (else generated once and kept in the data directory), CLASSROOM_SKIP_BUILD=1,
 * CLASSROOM_WARMUP=0 (skip preloading the pretrained models).
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createClassroom, lanUrls } from '../src/server/app';
import { gameBuildFreshness } from '../src/server/build-freshness';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');

function ensureBuilt(): void {
  if (process.env.CLASSROOM_SKIP_BUILD === '1') return;
  const freshness = gameBuildFreshness(root);
  if (!freshness.stale) return;
  console.log(`[classroom] building the game (npm run build): ${freshness.reason}…`);
  // A failed build throws here: the server does not start on a half-built or outdated game.
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}

async function main(): Promise<void> {
  ensureBuilt();
  const port = Number(process.env.PORT ?? 8787);
  const host = process.env.HOST ?? '0.0.0.0';
  const dataDir = resolve(process.env.CLASSROOM_DATA ?? join(root, '.classroom'));
  const classroom = await createClassroom({
    dataDir,
    databaseUrl: process.env.DATABASE_URL || undefined,
    adminPasswordEnv: process.env.CLASSROOM_ADMIN_PASSWORD,
    assetsDir: join(root, 'assets'),
    warmUp: process.env.CLASSROOM_WARMUP !== '0',
    // Re-scoring threads double the server's memory (~1.3 GB); a small laptop can keep it in-process instead.
    rescoreThreads: process.env.CLASSROOM_RESCORE_THREADS === '0' ? false : undefined,
    // The QR code carries the first LAN address (what a phone or tablet on the school network can reach).
    joinBaseUrl: host === '127.0.0.1' || port === 0 ? undefined : lanUrls(port)[0].replace(/\/$/, ''),
    distDir: dist,
  });
  await classroom.app.listen({ port, host });
  const address = classroom.app.server.address();
  const actualPort = address && typeof address === 'object' ? address.port : port;
  const storage = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${join(dataDir, 'pglite')}`;
  console.log('\nLatent Quest classroom server');
  console.log(
    `  Students open: ${host === '127.0.0.1' ? `http://127.0.0.1:${actualPort}/` : lanUrls(actualPort).join('  ')}`,
  );
  console.log(
    `  Teacher password: ${classroom.admin.password}  (${classroom.admin.source === 'env' ? 'from CLASSROOM_ADMIN_PASSWORD' : `kept in ${join(dataDir, 'admin-password.txt')}`})`,
  );
  console.log(`  Teacher page: http://127.0.0.1:${actualPort}/teacher   Projector: /board/<CODE>`);
  console.log(`  Storage: ${storage}`);
  console.log(
    `  Re-scoring: ${process.env.CLASSROOM_RESCORE_THREADS === '0' ? 'in the server process (CLASSROOM_RESCORE_THREADS=0)' : 'two worker threads (training, decoding)'}\n`,
  );
  const stop = (): void => {
    classroom.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('[classroom] could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
