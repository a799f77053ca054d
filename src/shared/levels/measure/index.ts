/**
 * Measuring a level: the one implementation of `level.measures` (see ../measurements.ts) that the game, the
 * solver bots and the classroom server share. It talks to the ML engine through a subset of the worker
 * contract (MlWorkerApi), which the engine itself (Node) and the game's worker bridge both provide.
 */
export {
  measureTrained,
  playTrained,
  trainAndMeasure,
  trainedSetupOf,
  type HeldOutPreview,
  type MeasureOptions,
  type TrainedMeasureEngine,
  type TrainedMeasurement,
  type TrainedPlay,
  type TrainedRun,
  type TrainingEngine,
  type TrainingOptions,
} from './trained';
export {
  judgeImages,
  PretrainedLevel,
  type ExpressionMeasurement,
  type PretrainedEngine,
  type PretrainedOptions,
} from './pretrained';
export {
  MAP_DOTS,
  dotsInBox,
  mapDots,
  nearestCodeDistances,
  nearestDot,
  nearestDotDistance,
  toBoxCoordinates,
} from './map-dots';
