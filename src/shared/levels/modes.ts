/**
 * How a level is played: every level names its mode (`LevelDefinition.mode`), and the mode fixes the kind of
 * setup it needs and the kind of payload it submits. The game's registry (src/game/level/modes.ts) maps each
 * mode to its play and view; `validateLevels` checks every level against this table. A new mode is one line here.
 */
import type { LevelSetup, SolutionKind } from './types';

export interface ModeShape {
  setup: LevelSetup['kind'];
  payload: SolutionKind;
  /** Map modes: whether the level must (true) or must not (false) name target codes. */
  targets?: boolean;
}

export const LEVEL_MODES = {
  trained: { setup: 'trained', payload: 'hyperparameters' },
  holes: { setup: 'map', payload: 'latentPoints', targets: false },
  navigator: { setup: 'map', payload: 'latentPoints', targets: true },
  dream: { setup: 'map', payload: 'draws' },
  path: { setup: 'map', payload: 'path' },
  arithmetic: { setup: 'arithmetic', payload: 'expression' },
  /** Digits on demand (World 5): a conditional model; payload point d is written with the label d. */
  conditional: { setup: 'map', payload: 'latentPoints', targets: false },
} as const satisfies Record<string, ModeShape>;

export type LevelMode = keyof typeof LEVEL_MODES;

export function isLevelMode(value: unknown): value is LevelMode {
  return typeof value === 'string' && Object.hasOwn(LEVEL_MODES, value);
}

/** Problems of a level's mode against its setup and solution ([] when they agree). */
export function modeProblems(mode: unknown, setup: LevelSetup, solution: SolutionKind): string[] {
  if (!isLevelMode(mode)) return [`mode: "${String(mode)}" is not one of ${Object.keys(LEVEL_MODES).join(', ')}.`];
  const shape: ModeShape = LEVEL_MODES[mode];
  const problems: string[] = [];
  if (setup.kind !== shape.setup)
    problems.push(`mode: a ${mode} level needs a ${shape.setup} setup, not ${setup.kind}.`);
  if (solution !== shape.payload)
    problems.push(`mode: a ${mode} level takes "${shape.payload}" payloads, not "${solution}".`);
  if (shape.targets !== undefined && setup.kind === 'map' && shape.targets !== (setup.targets?.length ?? 0) > 0)
    problems.push(`mode: a ${mode} level ${shape.targets ? 'needs' : 'takes no'} target codes.`);
  return problems;
}
