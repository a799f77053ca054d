/** Files the player takes home from the Lab: the model (engine format) and the loss history (CSV). */
export {
  encodeModelFile,
  MODEL_FILE_EXTENSION,
  MODEL_FILE_FORMAT,
  MODEL_FILE_LIMITS,
  MODEL_FILE_VERSION,
  modelFileName,
  readModelFile,
  type ModelFileRead,
  type ModelWeights,
} from './model-file';
export { LOSS_CSV_HEADER, lossHistoryCsv, type LossRow } from './loss-csv';
