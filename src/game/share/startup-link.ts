/**
 * `?setup=…` (and a teacher's `&hide=…`) when the game starts: a Lab setup puts the Lab's controls where the link
 * says and opens the Lab; a level attempt opens the level with the link's seed and solution. A bad link opens the
 * game as usual with the store's notice `link.invalid` (the title screen and the Lab show it), never a crash. The
 * hidden controls stay fixed for the rest of the visit (linkHidden).
 */
import { readSetupLink, type LevelAttemptSetup } from '../../shared/links';
import type { SolutionPayload } from '../../shared/levels/types';
import { t } from '../../shared/messages';
import type { GameStoreApi } from '../state';
import { labConfigFromSetup } from './lab-link';

/** What a level link adds to `goTo(scene, 'Level', …)`. */
export interface LevelLink {
  seed?: number;
  payload?: SolutionPayload;
}

export type StartupRoute = { scene: 'Lab' } | { scene: 'Level'; data: { levelId: string; link: LevelLink } } | null;

let hidden: { scope: 'lab' | 'level'; levelId?: string; ids: ReadonlySet<string> } | null = null;
let linkedLevel: { levelId: string; seed?: number } | null = null;

/** The seed a level link opened `levelId` with (a classroom variant), if it did. */
export function linkSeed(levelId: string): number | undefined {
  return linkedLevel?.levelId === levelId ? linkedLevel.seed : undefined;
}

/** The controls a teacher's link hides on this screen (the Lab, or one level); empty elsewhere. */
export function linkHidden(scope: 'lab' | 'level', levelId?: string): ReadonlySet<string> {
  if (!hidden || hidden.scope !== scope || (scope === 'level' && hidden.levelId !== levelId)) return new Set();
  return hidden.ids;
}

/** Reads the page's link once at start-up; null: start as usual (after noting a bad link). */
export function startupRoute(store: GameStoreApi, search: string): StartupRoute {
  const read = readSetupLink(search);
  if (read.status === 'none') return null;
  const invalid = (problem: string): null => {
    store.getState().addNotice('error', 'link.invalid', { problem });
    return null;
  };
  if (read.status === 'invalid') return invalid(read.problems.slice(0, 3).join(' '));
  const { setup, hide } = read;
  if (setup.kind === 'lab') {
    const config = labConfigFromSetup(setup, store.getState().lab.config);
    if (!config) return invalid(t('link.problem.labControls'));
    const s = store.getState();
    s.setDataset(config.dataset);
    s.setKind(config.kind);
    s.setBottleneck(config.bottleneck);
    s.setHiddenWidth(config.hiddenWidth);
    s.setNoiseType(config.noiseType);
    s.setNoiseLevel(config.noiseLevel);
    s.addNotice('info', 'link.restored');
    hidden = { scope: 'lab', ids: new Set(hide) };
    return { scene: 'Lab' };
  }
  hidden = { scope: 'level', levelId: setup.levelId, ids: new Set(hide) };
  linkedLevel = { levelId: setup.levelId, ...(setup.seed !== undefined && { seed: setup.seed }) };
  return { scene: 'Level', data: { levelId: setup.levelId, link: levelLinkOf(setup) } };
}

function levelLinkOf(setup: LevelAttemptSetup): LevelLink {
  return {
    ...(setup.seed !== undefined && { seed: setup.seed }),
    ...(setup.payload && { payload: setup.payload }),
  };
}

/** A linked solution as the settings a play restores (restoreSettings); null when the play keeps none. */
export function settingsOfPayload(payload: SolutionPayload | undefined): Record<string, unknown> | null {
  if (payload?.kind === 'hyperparameters') return { values: payload.values };
  if (payload?.kind === 'expression') return { terms: payload.terms };
  return null;
}
