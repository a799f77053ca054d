/**
 * The leaderboard and the CSV export, computed from stored submissions and the levels' metric directions
 * (higher match % is better, fewer wrong pixels are better), so the ranking follows the levels' own rules.
 */
import type { BoardRow, LevelStats, Verification } from '../shared/classroom/api';
import type { Locale } from '../shared/i18n/locales';
import { CATALOGUES, type MessageKey } from '../shared/messages';
import { getLevel, isBetterAttempt } from '../shared/levels';
import type { Competition, Player, Submission } from './store';

export interface LevelResult {
  nickname: string;
  levelId: string;
  bestScore: number;
  stars: number;
  /** Seconds from the competition's start to the submission that set the best score. */
  seconds: number;
  attempts: number;
  /** How far the best score is checked; the uploaded model's score when a re-training corrected it. */
  verification: Verification;
  evaluatedScore: number | null;
}

/**
 * The game's rule for a better attempt (stars, then score in the level's direction); between equals the earlier
 * submission keeps the best, so its time is the one the ranking counts (submissions may arrive in any order).
 */
function better(levelId: string, a: Submission, b: Submission): boolean {
  const direction = getLevel(levelId)?.metric.direction ?? 'higher';
  if (isBetterAttempt(direction, a, b)) return true;
  return !isBetterAttempt(direction, b, a) && a.createdAt < b.createdAt;
}

/** One row per (player, level) with at least one attempt, in the competition's level order then nickname. */
export function levelResults(competition: Competition, submissions: readonly Submission[]): LevelResult[] {
  const best = new Map<string, { best: Submission; attempts: number }>();
  for (const s of submissions) {
    const key = `${s.playerId}\u0000${s.levelId}`;
    const entry = best.get(key);
    if (!entry) best.set(key, { best: s, attempts: 1 });
    else {
      entry.attempts++;
      if (better(s.levelId, s, entry.best)) entry.best = s;
    }
  }
  const start = (competition.startedAt ?? competition.createdAt).getTime();
  const order = new Map(competition.levels.map((id, i) => [id, i]));
  return [...best.values()]
    .map(({ best: s, attempts }) => ({
      nickname: s.nickname,
      levelId: s.levelId,
      bestScore: s.score,
      stars: s.stars,
      seconds: Math.max(0, Math.round((s.createdAt.getTime() - start) / 1000)),
      attempts,
      verification: s.verification,
      evaluatedScore: s.evaluatedScore,
    }))
    .sort((a, b) => (order.get(a.levelId) ?? 0) - (order.get(b.levelId) ?? 0) || a.nickname.localeCompare(b.nickname));
}

/** Per level of the competition: attempts, students who tried, and the share of them whose best reached each star. */
export function levelStats(competition: Competition, submissions: readonly Submission[]): LevelStats[] {
  const results = levelResults(competition, submissions);
  return competition.levels.map((levelId) => {
    const mine = results.filter((r) => r.levelId === levelId);
    const share = (stars: number): number =>
      mine.length === 0 ? 0 : mine.filter((r) => r.stars >= stars).length / mine.length;
    return {
      levelId,
      attempts: mine.reduce((n, r) => n + r.attempts, 0),
      players: mine.length,
      starShares: [share(1), share(2), share(3)],
    };
  });
}

/** Rank by total stars, then levels completed, then the earlier time; equal entries share a rank. */
export function leaderboard(results: readonly LevelResult[], players: readonly Player[]): BoardRow[] {
  const rows = new Map<string, Omit<BoardRow, 'rank'>>();
  for (const p of players)
    if (!p.removed)
      rows.set(p.nickname, {
        nickname: p.nickname,
        stars: 0,
        levelsCompleted: 0,
        seconds: 0,
        attempts: 0,
        unverified: 0,
      });
  for (const r of results) {
    const row = rows.get(r.nickname);
    if (!row) continue;
    row.stars += r.stars;
    row.attempts += r.attempts;
    if (r.verification === 'pending' || r.verification === 'unchecked') row.unverified++;
    if (r.stars > 0) {
      row.levelsCompleted++;
      row.seconds = Math.max(row.seconds, r.seconds);
    }
  }
  const sorted = [...rows.values()].sort(
    (a, b) =>
      b.stars - a.stars ||
      b.levelsCompleted - a.levelsCompleted ||
      a.seconds - b.seconds ||
      a.nickname.localeCompare(b.nickname),
  );
  let rank = 0;
  return sorted.map((row, i) => {
    const prev = sorted[i - 1];
    if (
      !prev ||
      prev.stars !== row.stars ||
      prev.levelsCompleted !== row.levelsCompleted ||
      prev.seconds !== row.seconds
    )
      rank = i + 1;
    return { rank, ...row };
  });
}

/** RFC 4180 field; a leading = + - @ tab or CR is prefixed with ' so spreadsheets never run it as a formula. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV's columns, in order, as catalogue keys (English: nickname,level,best_score,stars,time_seconds,attempts). */
export const CSV_COLUMNS = [
  'classroom.csv.nickname',
  'classroom.csv.level',
  'classroom.csv.bestScore',
  'classroom.csv.stars',
  'classroom.csv.seconds',
  'classroom.csv.attempts',
  'classroom.csv.verification',
  'classroom.csv.uploadedScore',
] as const satisfies readonly MessageKey[];

/** The header row in a language (the competition's, or the one the teacher asked for). */
export const csvHeader = (locale: Locale): string[] =>
  CSV_COLUMNS.map((key) => (CATALOGUES[locale] as Partial<Record<MessageKey, string>>)[key] ?? CATALOGUES.en[key]);

/** A UTF-8 byte order mark first: without it Excel reads the file as its ANSI code page and garbles "Łucja", "Šárka". */
export const CSV_BOM = '\uFEFF';

export function resultsCsv(results: readonly LevelResult[], locale: Locale = 'en'): string {
  const lines = [csvHeader(locale).map(csvField).join(',')];
  for (const r of results)
    lines.push(
      [
        r.nickname,
        r.levelId,
        r.bestScore,
        r.stars,
        r.seconds,
        r.attempts,
        r.verification === 'unchecked' ? 'pending' : r.verification,
        r.evaluatedScore ?? '',
      ]
        .map(csvField)
        .join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}
