/**
 * The solver bots measure map and arithmetic levels with the shared harness, exactly as the game and the
 * classroom server do (src/shared/levels/measure/pretrained.ts).
 */
export { PretrainedLevel, type PretrainedEngine } from '../../src/shared/levels/measure';
