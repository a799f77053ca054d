/** The short version of `npm run loadtest`: a few students for a few seconds on loopback; nothing lost or doubled. */
import { expect, it } from 'vitest';
import { runLoadTest } from '../../scripts/classroom-loadtest';

it('loses and duplicates nothing under a short burst of submissions with replays', async () => {
  const result = await runLoadTest({ students: 4, seconds: 3 });
  console.log(`[classroom load] ${JSON.stringify(result)}`);
  expect(result.acknowledged).toBeGreaterThan(10);
  expect(result.lost).toBe(0);
  expect(result.duplicated).toBe(0);
  expect(result.stored).toBe(result.acknowledged);
});
