/**
 * Session overrides from the page URL (`?backend=`, `?renderer=`): for measuring, never persisted; and the
 * first screen (`?scene=lab|map|settings|title`, default title) for deep links and the browser tests.
 */
import type { BackendPreference } from '../shared/worker-api';
import type { RendererPreference } from './state';

export interface UrlOptions {
  backend: BackendPreference | null;
  renderer: Exclude<RendererPreference, 'auto'> | null;
  /** The scene key the Preloader starts. */
  scene: StartScene;
}

export type StartScene = 'Title' | 'WorldMap' | 'Settings' | 'Lab';
const START_SCENES: Record<string, StartScene> = { title: 'Title', map: 'WorldMap', settings: 'Settings', lab: 'Lab' };

const BACKENDS: readonly BackendPreference[] = ['auto', 'webgl', 'wasm', 'cpu'];
const RENDERERS = ['canvas', 'webgl'] as const;

export function parseUrlOptions(search: string): UrlOptions {
  const params = new URLSearchParams(search);
  const backend = params.get('backend');
  const renderer = params.get('renderer');
  return {
    backend: BACKENDS.find((b) => b === backend) ?? null,
    renderer: RENDERERS.find((r) => r === renderer) ?? null,
    scene: START_SCENES[(params.get('scene') ?? '').toLowerCase()] ?? 'Title',
  };
}
