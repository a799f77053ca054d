/** Session overrides from the page URL (`?backend=`, `?renderer=`): for measuring, never persisted. */
import type { BackendPreference } from '../shared/worker-api';
import type { RendererPreference } from './state';

export interface UrlOptions {
  backend: BackendPreference | null;
  renderer: Exclude<RendererPreference, 'auto'> | null;
}

const BACKENDS: readonly BackendPreference[] = ['auto', 'webgl', 'wasm', 'cpu'];
const RENDERERS = ['canvas', 'webgl'] as const;

export function parseUrlOptions(search: string): UrlOptions {
  const params = new URLSearchParams(search);
  const backend = params.get('backend');
  const renderer = params.get('renderer');
  return {
    backend: BACKENDS.find((b) => b === backend) ?? null,
    renderer: RENDERERS.find((r) => r === renderer) ?? null,
  };
}
