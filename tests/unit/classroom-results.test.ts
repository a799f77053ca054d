/**
 * The ranking's pure rules (src/server/results.ts): the best attempt per student and level follows the game's
 * own rule (src/shared/levels/attempt-order.ts: stars, then the score in the level's direction), and between
 * equal attempts the earlier one keeps the best, whatever order they were stored in.
 */
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../src/shared/levels';
import { leaderboard, levelResults } from '../../src/server/results';
import type { Competition, Player, Submission } from '../../src/server/store';

const higher = LEVELS.find((l) => l.metric.direction === 'higher');
const lower = LEVELS.find((l) => l.metric.direction === 'lower');
if (!higher || !lower) throw new Error('the catalogue has levels of both metric directions');

const start = new Date('2026-03-02T09:00:00.000Z');
const competition: Competition = {
  id: 1,
  code: 'ABCDEF',
  title: 'Results',
  levels: [higher.id, lower.id],
  seed: 3,
  variantMode: 'same',
  durationSeconds: 1200,
  language: 'en',
  state: 'running',
  createdAt: start,
  startedAt: start,
  endsAt: new Date(start.getTime() + 1_200_000),
  maxPlayers: 60,
  rankingHidden: false,
  lateClosed: false,
};
const players: Player[] = [
  { id: 1, competitionId: 1, nickname: 'Ana', removed: false, joinedAt: start },
  { id: 2, competitionId: 1, nickname: 'Ben', removed: false, joinedAt: start },
];

let ids = 0;
function submission(playerId: number, levelId: string, stars: number, score: number, atSeconds: number): Submission {
  return {
    id: ++ids,
    competitionId: 1,
    playerId,
    nickname: players[playerId - 1].nickname,
    levelId,
    idempotencyKey: `key-${String(ids).padStart(4, '0')}`,
    payload: {},
    payloadHash: String(ids),
    verification: 'verified',
    evaluatedScore: null,
    score,
    stars,
    goalMet: stars > 0,
    detail: {},
    createdAt: new Date(start.getTime() + atSeconds * 1000),
  };
}

describe('classroom results', () => {
  it('keeps the best attempt by stars, then by score in the level direction', () => {
    const results = levelResults(competition, [
      submission(1, higher.id, 2, 0.9, 10),
      submission(1, higher.id, 3, 0.5, 20),
      submission(1, higher.id, 3, 0.7, 30),
      submission(1, lower.id, 2, 5, 40),
      submission(1, lower.id, 2, 3, 50),
      submission(1, lower.id, 2, 4, 60),
    ]);
    const checked = { verification: 'verified', evaluatedScore: null };
    expect(results).toEqual([
      { nickname: 'Ana', levelId: higher.id, bestScore: 0.7, stars: 3, seconds: 30, attempts: 3, ...checked },
      { nickname: 'Ana', levelId: lower.id, bestScore: 3, stars: 2, seconds: 50, attempts: 3, ...checked },
    ]);
  });

  it('files a tie at the earlier attempt, in whatever order the attempts were stored', () => {
    const later = submission(2, higher.id, 3, 0.8, 300);
    const earlier = submission(2, higher.id, 3, 0.8, 100);
    for (const stored of [
      [later, earlier],
      [earlier, later],
    ]) {
      const [result] = levelResults(competition, stored);
      expect([result.seconds, result.attempts]).toEqual([100, 2]);
    }
  });

  it('ranks the earlier of two equal students first', () => {
    const results = levelResults(competition, [
      submission(1, higher.id, 3, 0.8, 200),
      submission(2, higher.id, 3, 0.8, 300),
      submission(2, higher.id, 3, 0.8, 150),
    ]);
    expect(leaderboard(results, players).map((r) => [r.nickname, r.rank, r.seconds])).toEqual([
      ['Ben', 1, 150],
      ['Ana', 2, 200],
    ]);
  });
});
