/**
 * Comlink keeps only an Error's name/message/stack, so MlError's code would be lost. This replaces Comlink's
 * 'throw' handler in the worker: whatever is thrown crosses as { isError: false, value: MlErrorWire }.
 * Comlink's default main-side handler then throws that plain wire object; the game's bridge registers a
 * 'throw' handler whose deserialize revives it with fromWire (see README.md).
 */
import * as Comlink from 'comlink';
import { toWire } from '../shared/errors';

export function registerMlErrorTransfer(): void {
  const builtin = Comlink.transferHandlers.get('throw');
  if (!builtin) throw new Error("Comlink has no 'throw' transfer handler to extend.");
  Comlink.transferHandlers.set('throw', {
    canHandle: builtin.canHandle,
    serialize: (thrown) => [{ isError: false, value: toWire((thrown as { value: unknown }).value) }, []],
    deserialize: builtin.deserialize,
  });
}
