/**
 * World 3's screen-only bots (helper "vae" fills this in while reworking world 3's views): one BotsFactory per
 * level id. A factory returns LevelBots (tools/solver/screen/types.ts): open() gives a fresh screen implementing
 * `Screen` (info, a PlayClock from screen/budget.ts sized LOOKS_PER_POINT × the points the level places, the
 * result cards) plus whatever that level's view shows, e.g. look(point) → the decode at the probe (and the
 * verdict only where the view shows it), place(point), check() → ResultCard. Entries here take precedence over
 * the generic ones in screen/registry.ts (balance-beta has a generic trained reading there).
 */
import type { BotsFactory } from '../screen/types';

export const WORLD3_BOTS: Readonly<Record<string, BotsFactory>> = {};
