/**
 * Cancellation of superseded work by AbortSignal, as squoosh's worker bridge does: a newer action aborts the
 * controller of the older one, whose awaits then reject with an AbortError that callers ignore.
 */
import { MlError } from '../../shared/errors';

export function abortError(): DOMException {
  return new DOMException('Superseded by newer work.', 'AbortError');
}

/** `promise`, or an AbortError as soon as `signal` aborts (the work itself runs on; its answer is dropped). */
export function abortable<T>(signal: AbortSignal | undefined, promise: Promise<T>): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(abortError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Work that was superseded (aborted, or a training job replaced by a newer one): not an error to show. */
export function isSuperseded(error: unknown): boolean {
  return (
    (error instanceof DOMException && error.name === 'AbortError') ||
    (error instanceof MlError && error.code === 'JOB_SUPERSEDED')
  );
}
