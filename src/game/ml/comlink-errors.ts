/**
 * The main side of the MlError wire format. The worker's Comlink 'throw' handler sends anything thrown as
 * { isError: false, value: { isMlError, code, message } }; this handler revives that with `fromWire` (so
 * `error instanceof MlError` and `error.code` work here) and leaves everything else to Comlink's own handler.
 */
import * as Comlink from 'comlink';
import { fromWire, isMlErrorWire, toWire } from '../../shared/errors';

let installed = false;

type Thrown = { value: unknown };
type SerializedThrow = { isError: boolean; value: unknown };

export function installMlErrorHandler(): void {
  if (installed) return;
  installed = true;
  const fallback = Comlink.transferHandlers.get('throw') as Comlink.TransferHandler<Thrown, SerializedThrow>;
  const handler: Comlink.TransferHandler<Thrown, SerializedThrow> = {
    canHandle: (value): value is Thrown => fallback.canHandle(value),
    // Errors thrown by main-side callbacks (the progress proxy) travel to the worker in the same format.
    serialize: ({ value }) => [{ isError: false, value: toWire(value) }, []],
    deserialize: (serialized) => {
      if (isMlErrorWire(serialized)) throw fromWire(serialized);
      if (serialized && !serialized.isError && isMlErrorWire(serialized.value)) throw fromWire(serialized.value);
      return fallback.deserialize(serialized);
    },
  };
  Comlink.transferHandlers.set('throw', handler);
}
