/** Test support for the classroom server: a fresh in-memory server with a clock the test moves. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClassroom, type Classroom } from '../../src/server/app';
import type { ServerLimits } from '../../src/server/server';
import type { SignInGuard } from '../../src/server/sign-in-guard';

export const assetsDir = fileURLToPath(new URL('../../assets/', import.meta.url));

export interface TestClassroom extends Classroom {
  clock: { now: Date };
  advance(seconds: number): void;
  teacher: Record<string, string>;
  dispose(): Promise<void>;
}

export async function testClassroom(
  limits?: Partial<ServerLimits>,
  distDir?: string,
  options: { adminPassword?: string; signInGuard?: SignInGuard } = {},
): Promise<TestClassroom> {
  const password = options.adminPassword ?? 'teacher-secret-1';
  const dataDir = mkdtempSync(join(tmpdir(), 'lq-classroom-'));
  const clock = { now: new Date('2026-03-02T09:00:00.000Z') };
  const classroom = await createClassroom({
    dataDir,
    pgliteDir: 'memory://',
    adminPasswordEnv: password,
    signInGuard: options.signInGuard,
    assetsDir,
    distDir,
    now: () => clock.now,
    limits,
  });
  return {
    ...classroom,
    clock,
    advance: (seconds) => {
      clock.now = new Date(clock.now.getTime() + seconds * 1000);
    },
    teacher: { authorization: `Bearer ${password}` },
    dispose: async () => {
      await classroom.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
