/** The level being played (for the test hooks' `level()`); set by the Level scene, cleared when it shuts down. */
import { interruptionText, type LevelSession } from './session';

let current: LevelSession | null = null;

export function setCurrentSession(session: LevelSession | null): void {
  current = session;
}

export function currentSession(): LevelSession | null {
  return current;
}

/** Plain JSON view of the level being played: what the browser tests read. */
export function levelSnapshot() {
  const s = current;
  if (!s) return null;
  return {
    levelId: s.level.id,
    status: s.status,
    values: { ...s.values },
    meter: s.meter(),
    score: s.result?.score ?? null,
    stars: s.result?.stars ?? null,
    goalMet: s.result?.goalMet ?? null,
    detail: s.result ? { ...s.result.detail } : null,
    payload: s.result ? JSON.parse(JSON.stringify(s.result.payload)) : null,
    evaluation: s.result ? JSON.parse(JSON.stringify(s.result.evaluation)) : null,
    bestStars: s.best?.stars ?? null,
    progress: s.progress ? { ...s.progress } : null,
    lossPoints: s.lossHistory.length,
    hintsUnlocked: s.hintsUnlocked(),
    map: s.map ? { points: s.map.count, bounds: { ...s.map.bounds } } : null,
    compare: s.compare ? { points: s.compare.count, bounds: { ...s.compare.bounds } } : null,
    probe: s.probe ? { ...s.probe } : null,
    probeDecodes: s.probeDecodes,
    mapPlay: s.mapPlay
      ? {
          mode: s.mapPlay.mode,
          target: s.mapPlay.target,
          live: s.mapPlay.live,
          pathPoints: s.mapPlay.path.length,
          placed: s.mapPlay.placed.map((p) => ({ ...p })),
          compareVerdicts: s.mapPlay.compareVerdicts.map((v) => ({ ...v })),
        }
      : null,
    elapsedMs: s.elapsedMs(),
    error: s.error,
    message: s.message,
    checkpointStep: s.checkpointStep,
    restarting: s.restarting,
    interruption: s.interruption ? { ...s.interruption, text: interruptionText(s.interruption) } : null,
  };
}

export type LevelSnapshot = NonNullable<ReturnType<typeof levelSnapshot>>;
