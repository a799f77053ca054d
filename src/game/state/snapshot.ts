import { noticeText } from './notice-text';
import { totalStars, unlockedLevels } from './progress-rules';
import type { GameState } from './types';

/**
 * A plain, JSON-safe copy of the state for the browser tests: typed arrays become their sizes, notices carry
 * their rendered text.
 */
export function snapshot(state: GameState) {
  const wb = state.lab;
  return {
    settings: { ...state.settings },
    progress: {
      levels: Object.fromEntries(Object.entries(state.progress.levels).map(([id, p]) => [id, { ...p }])),
      totalStars: totalStars(state.progress),
      unlocked: unlockedLevels(state.progress),
      /** Kept drawings (#14): the digits' judged labels and my letters. */
      drawings: {
        digits: (state.progress.drawings?.digits ?? []).map((d) => d.label),
        letters: (state.progress.drawings?.letters ?? []).map((l) => l.letter),
      },
    },
    classroom: {
      membership: state.classroom.membership
        ? {
            code: state.classroom.membership.code,
            nickname: state.classroom.membership.nickname,
            seed: state.classroom.membership.seed,
            competition: { ...state.classroom.membership.competition },
          }
        : null,
      items: state.classroom.items.map((i) => ({
        key: i.key,
        levelId: i.levelId,
        state: i.state,
        tries: i.tries,
        message: i.message ?? null,
        result: i.result ? { ...i.result } : null,
      })),
      pending: state.classroom.pending,
      standing: state.classroom.standing
        ? {
            rank: state.classroom.standing.rank,
            players: state.classroom.standing.players,
            stars: state.classroom.standing.stars,
          }
        : null,
      reachable: state.classroom.reachable,
      problem: state.classroom.problem,
    },
    lab: {
      config: { ...wb.config },
      status: wb.status,
      workerStatus: wb.workerStatus,
      backendInfo: wb.backendInfo ? { ...wb.backendInfo } : null,
      display: { ...wb.display },
      model: wb.model ? { ...wb.model } : null,
      lossHistory: wb.lossHistory.map((p) => ({ ...p })),
      progress: wb.progress ? { ...wb.progress } : null,
      preview: wb.preview
        ? {
            width: wb.preview.width,
            height: wb.preview.height,
            count: wb.preview.count,
            hasCorrupted: wb.preview.corrupted !== undefined,
            hasOutputs: wb.preview.outputs !== undefined,
          }
        : null,
      outcome: wb.outcome ? { ...wb.outcome } : null,
      notices: wb.notices.map((n) => ({ id: n.id, level: n.level, key: n.key, text: noticeText(n) })),
      previousRun: wb.previousRun
        ? { config: { ...wb.previousRun.config }, points: wb.previousRun.lossHistory.length }
        : null,
    },
  };
}

export type StateSnapshot = ReturnType<typeof snapshot>;
