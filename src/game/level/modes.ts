/**
 * The one registry of level modes: each mode (src/shared/levels/modes.ts) → its play (state + actions, no Phaser,
 * ./plays), its view (Phaser, ./views) and its payload kind. The level shell (./shell) and the Level scene know no
 * mode: they look it up here. A new mode is one line below (plus its play, view, measure and level data).
 */
import type { LEVEL_MODES, LevelMode } from '../../shared/levels/modes';
import type { ArithmeticSetup, LevelDefinition, SolutionKind, TrainedSetup } from '../../shared/levels/types';
import { ArithmeticPlay } from './plays/arithmetic-play';
import { ConditionalPlay } from './plays/conditional-play';
import { DreamPlay } from './plays/dream-play';
import { HolesPlay } from './plays/holes-play';
import { NavigatorPlay } from './plays/navigator-play';
import { PathPlay } from './plays/path-play';
import type { LevelPlay, PlayHost } from './plays/play';
import { TrainedPlay } from './plays/trained-play';
import { arithmeticView } from './views/arithmetic-view';
import { conditionalView } from './views/conditional-view';
import { dreamView } from './views/dream-view';
import { holesView } from './views/holes-view';
import { navigatorView } from './views/navigator-view';
import { pathView } from './views/path-view';
import { trainedView } from './views/trained-view';
import type { ModeView } from './views/view';

export interface ModeEntry<P extends LevelPlay = LevelPlay> {
  /** The payload kind the mode submits (the shared table's, checked by the type below). */
  payload: SolutionKind;
  createPlay(host: PlayHost): P;
  view: ModeView<P>;
}

/** One mode's entry with its play's own type (the view gets the play its entry made). */
function mode<P extends LevelPlay, K extends SolutionKind>(
  payload: K,
  createPlay: (host: PlayHost) => P,
  view: ModeView<P>,
): ModeEntry & { payload: K } {
  return { payload, createPlay, view: view as unknown as ModeView };
}

type Registry = { [M in LevelMode]: ModeEntry & { payload: (typeof LEVEL_MODES)[M]['payload'] } };

export const MODES: Registry = {
  trained: mode('hyperparameters', (h) => new TrainedPlay(h, h.level.setup as TrainedSetup), trainedView),
  holes: mode('latentPoints', (h) => new HolesPlay(h), holesView),
  navigator: mode('latentPoints', (h) => new NavigatorPlay(h), navigatorView),
  dream: mode('draws', (h) => new DreamPlay(h), dreamView),
  path: mode('path', (h) => new PathPlay(h), pathView),
  arithmetic: mode('expression', (h) => new ArithmeticPlay(h, h.level.setup as ArithmeticSetup), arithmeticView),
  conditional: mode('latentPoints', (h) => new ConditionalPlay(h), conditionalView),
};

/** The level's mode entry, or null when this build has none for it (the level shows as not playable). */
export function modeOf(level: LevelDefinition): ModeEntry | null {
  const entry = (MODES as Partial<Record<string, ModeEntry>>)[level.mode];
  return entry && entry.payload === level.solution.kind ? entry : null;
}
