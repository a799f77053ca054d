/** Which screen-only bots play a level: world 3's own (tools/solver/world3), else the generic ones per mode. */
import type { LevelDefinition } from '../../../src/shared/levels';
import { WORLD3_BOTS } from '../world3';
import { WORLD5_GENERATOR_BOTS } from '../world5';
import { arithmeticBots } from './arithmetic-bots';
import { trainedBots, type TrainedBotOptions } from './trained-bots';
import type { LevelBots, Screen, ScreenEngine } from './types';

/** The level's bots, or null when no screen-only bot plays it yet (solve then reports the ceiling only). */
export function levelBots(
  engine: ScreenEngine,
  level: LevelDefinition,
  options: TrainedBotOptions = {},
): LevelBots<Screen> | null {
  const world3 = WORLD3_BOTS[level.id];
  if (world3) return world3(engine, level);
  const world5 = WORLD5_GENERATOR_BOTS[level.id];
  if (world5) return world5(engine, level);
  if (level.setup.kind === 'trained') return trainedBots(engine, level, options) as LevelBots<Screen> | null;
  if (level.setup.kind === 'arithmetic') return arithmeticBots(engine, level) as LevelBots<Screen>;
  return null;
}
