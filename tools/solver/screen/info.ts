/** The level texts a player reads (English): goal, concept card, hints in order, star lines, controls. */
import { goalText, type LevelDefinition } from '../../../src/shared/levels';
import type { LevelInfo } from './types';

export function levelInfo(level: LevelDefinition): LevelInfo {
  return {
    id: level.id,
    world: level.world,
    goal: goalText(level, 'en'),
    goalParams: level.goal.params ?? {},
    cardTitle: level.card.title.en,
    cardBody: [...level.card.lines.map((l) => l.en), level.card.formula, level.card.formulaLegend.en].join('\n'),
    hints: level.hints.map((h) => h.text.en),
    stars: level.stars,
    direction: level.metric.direction,
    controls: level.controls,
  };
}
