/**
 * Typed errors that cross the worker boundary. Comlink only keeps an Error's name/message/stack, so the code
 * travels in a plain object ({ isMlError, code, message }) produced by `toWire` and revived by `fromWire`.
 */
export type MlErrorCode =
  | 'INVALID_SPEC'
  | 'INVALID_CONFIG'
  | 'INVALID_INPUT'
  | 'UNKNOWN_DATASET'
  | 'UNKNOWN_MODEL'
  | 'UNKNOWN_JOB'
  | 'BACKEND_UNAVAILABLE'
  | 'DATASET_LOAD_FAILED'
  | 'WEIGHTS_NOT_FOUND'
  | 'WORKER_CRASHED'
  | 'JOB_SUPERSEDED'
  | 'INTERNAL';

export class MlError extends Error {
  readonly code: MlErrorCode;
  constructor(code: MlErrorCode, message: string) {
    super(message);
    this.name = 'MlError';
    this.code = code;
  }
}

export interface MlErrorWire {
  isMlError: true;
  code: MlErrorCode;
  message: string;
}

export function isMlErrorWire(value: unknown): value is MlErrorWire {
  return typeof value === 'object' && value !== null && (value as { isMlError?: unknown }).isMlError === true;
}

/** Any thrown value to a wire object; unknown errors become INTERNAL with their message kept. */
export function toWire(error: unknown): MlErrorWire {
  if (error instanceof MlError) return { isMlError: true, code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { isMlError: true, code: 'INTERNAL', message };
}

export function fromWire(wire: MlErrorWire): MlError {
  return new MlError(wire.code, wire.message);
}

/** Throws an INVALID_* MlError unless `ok`. */
export function check(ok: boolean, code: MlErrorCode, message: string): asserts ok {
  if (!ok) throw new MlError(code, message);
}
