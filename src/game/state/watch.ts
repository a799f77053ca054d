import { shallow } from 'zustand/vanilla/shallow';
import type { GameStoreApi } from './store';
import type { GameStore } from './types';

/**
 * Calls `listener` now and whenever the selected slice changes (shallow compare, so a selector may return a
 * fresh object or tuple). Returns the unsubscribe function; scenes call it on shutdown.
 */
export function watch<T>(
  store: GameStoreApi,
  selector: (state: GameStore) => T,
  listener: (value: T) => void,
): () => void {
  return store.subscribe(selector, (value) => listener(value), { equalityFn: shallow, fireImmediately: true });
}
