/** The level being played (for the test hooks' `level()` and the bench); set by the Level scene, cleared when it shuts down. */
import { getLocale } from '../../shared/messages';
import { attemptShortfall } from '../view/attempt-checks';
import { interruptionText } from './plays/interruption';
import type { SlotSummary } from './plays/run-slots';
import type { LevelSession } from './shell/level-session';

let current: LevelSession | null = null;
/** The Level scene has a redraw waiting (a change not yet on screen, or parts left for the next frame). */
let redrawPending = false;
/** The game frame in which the Level scene last redrew its widgets. */
let redrawFrame = -1;
/** The HUD has a result card to show once the level's widgets are drawn. */
let pendingResult = false;

export function setRedrawPending(pending: boolean): void {
  redrawPending = pending;
}

/** The Level scene redrew its widgets in game frame `frame`. */
export function noteLevelRedraw(frame: number): void {
  redrawFrame = frame;
}

/**
 * The level's widgets are drawn and none was redrawn in game frame `frame`: the HUD's result card can have the
 * frame to itself (the end of a run spreads over short frames: the level's redraw, then the card).
 */
export function levelSettled(frame: number): boolean {
  return !redrawPending && redrawFrame !== frame;
}

export function setResultPending(pending: boolean): void {
  pendingResult = pending;
}

export function resultPending(): boolean {
  return pendingResult;
}

/** The screen shows the level's state: no redraw and no result card waiting. */
export function levelDrawn(): boolean {
  return !redrawPending && !pendingResult;
}

export function setCurrentSession(session: LevelSession | null): void {
  current = session;
}

/** The level being played: its shell, and the mode's play as `play` (the in-page bench drives them). */
export function currentSession(): LevelSession | null {
  return current;
}

/** Plain JSON view of the level being played: what the browser tests read. */
export function levelSnapshot() {
  const s = current;
  if (!s) return null;
  const p = s.play?.snapshot() ?? {};
  const mapPlay = p.mapPlay ?? null;
  return {
    levelId: s.level.id,
    status: s.status,
    /** The screen shows this state: no redraw or result card is waiting (the tests act on what a player can see). */
    drawn: levelDrawn(),
    values: { ...(p.values ?? {}) },
    meter: s.meter(),
    score: s.result?.score ?? null,
    stars: s.result?.stars ?? null,
    goalMet: s.result?.goalMet ?? null,
    detail: s.result ? { ...s.result.detail } : null,
    /** The result card's "Not yet" lines (what failed, in numbers); [] when the goal was met or before a result. */
    shortfall: s.result ? attemptShortfall(s.level, s.result, getLocale()) : [],
    payload: s.result ? JSON.parse(JSON.stringify(s.result.payload)) : null,
    evaluation: s.result ? JSON.parse(JSON.stringify(s.result.evaluation)) : null,
    bestStars: s.best?.stars ?? null,
    progress: p.progress ? { ...p.progress } : null,
    lossPoints: p.lossPoints ?? 0,
    hintsUnlocked: s.hintsUnlocked(),
    map: p.map ? { points: p.map.count, bounds: { ...p.map.bounds } } : null,
    compare: p.compare ? { points: p.compare.count, bounds: { ...p.compare.bounds } } : null,
    probe: p.probe ? { ...p.probe } : null,
    probeDecodes: p.probeDecodes ?? 0,
    mapPlay: mapPlay
      ? {
          mode: mapPlay.mode,
          target: mapPlay.target,
          live: mapPlay.live,
          pathPoints: mapPlay.pathPoints,
          placed: mapPlay.placed.map((q) => ({ ...q })),
          compareVerdicts: mapPlay.compareVerdicts.map((v) => ({ ...v })),
          liveNearest: mapPlay.liveNearest ?? null,
          liveCompareNearest: mapPlay.liveCompareNearest ?? null,
          distances: [...(mapPlay.distances ?? [])],
        }
      : null,
    conditional: p.conditional ? JSON.parse(JSON.stringify(p.conditional)) : null,
    /** Codebook, after a run: the decoded codebook's K, slots and entries used. */
    codebook: p.codebook ? { ...p.codebook } : null,
    elapsedMs: s.elapsedMs(),
    error: s.error,
    message: s.message,
    checkpointStep: p.checkpointStep ?? null,
    restarting: p.restarting ?? false,
    interruption: p.interruption ? { ...p.interruption, text: interruptionText(p.interruption) } : null,
    /** Levels scored on the −ELBO (Through the dice): the bar's two parts and where they come from. */
    elbo: p.elbo ? { ...p.elbo } : null,
    /** Two forces (setup.sideBySide): each option's slot, filled or not, scored or not, with its run's numbers. */
    slots: p.slots ? (JSON.parse(JSON.stringify(p.slots)) as SlotSummary[]) : null,
  };
}

export type LevelSnapshot = NonNullable<ReturnType<typeof levelSnapshot>>;
