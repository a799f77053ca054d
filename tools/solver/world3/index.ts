/**
 * World 3's screen-only bots: one BotsFactory per level id (tools/solver/screen/types.ts). Each level's screen
 * (here) shows only what its view shows; entries take precedence over the generic ones in screen/registry.ts
 * (balance-beta keeps its generic trained reading there).
 */
import type { BotsFactory, LevelBots, Screen } from '../screen/types';
import { dreamBots } from './dream-bots';
import { holesBots } from './holes-bots';
import { navigatorBots } from './navigator-bots';
import { pathBots } from './path-bots';

export const WORLD3_BOTS: Readonly<Record<string, BotsFactory>> = {
  'holes-in-the-map': (engine, level) => holesBots(engine, level) as unknown as LevelBots<Screen>,
  navigator: (engine, level) => navigatorBots(engine, level) as unknown as LevelBots<Screen>,
  'dream-digits': (engine, level) => dreamBots(engine, level) as unknown as LevelBots<Screen>,
  'the-path': (engine, level) => pathBots(engine, level) as unknown as LevelBots<Screen>,
};
