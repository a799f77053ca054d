/** World 5 generators' screen-only bots (tools/solver/screen/types.ts BotsFactory), merged by screen/registry.ts. */
import type { BotsFactory, LevelBots, Screen } from '../screen/types';
import { digitsBots } from './digits-bots';

export const WORLD5_GENERATOR_BOTS: Readonly<Record<string, BotsFactory>> = {
  'digits-on-demand': (engine, level) => digitsBots(engine, level) as unknown as LevelBots<Screen>,
};
