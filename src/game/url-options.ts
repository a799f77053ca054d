/**
 * Session overrides from the page URL (`?backend=`, `?renderer=`): for measuring, never persisted; and the
 * first screen (`?scene=lab|map|settings|title`, default title) for deep links and the browser tests; and the
 * language (`?lang=en|pl|cs|es`, kept as the setting: the classroom QR link carries the teacher's).
 */
import { normalizeJoinCode } from '../shared/classroom/names';
import { isLocale, type Locale } from '../shared/i18n/locales';
import { BACKEND_PREFERENCES, type BackendPreference } from '../shared/worker-api';
import type { RendererPreference } from './state';

export interface UrlOptions {
  backend: BackendPreference | null;
  renderer: Exclude<RendererPreference, 'auto'> | null;
  /** The scene key the Preloader starts. */
  scene: StartScene;
  /** `?join=CODE` (the projector's QR code): open "Join a class" with the code filled in. */
  join: string | null;
  /** `?lang=`: the language to play in (unknown values are ignored). */
  lang: Locale | null;
  /** `?threads=N`: threads asked for the WASM backend (measuring; src/ml-worker/backend.ts wasmThreads). */
  threads: number | null;
}

export type StartScene = 'Title' | 'WorldMap' | 'Settings' | 'Lab' | 'Classroom' | 'Draw';
const START_SCENES: Record<string, StartScene> = {
  title: 'Title',
  map: 'WorldMap',
  settings: 'Settings',
  lab: 'Lab',
  classroom: 'Classroom',
  draw: 'Draw',
};

const RENDERERS = ['canvas', 'webgl'] as const;

export function parseUrlOptions(search: string): UrlOptions {
  const params = new URLSearchParams(search);
  const backend = params.get('backend');
  const renderer = params.get('renderer');
  return {
    backend: BACKEND_PREFERENCES.find((b) => b === backend) ?? null,
    renderer: RENDERERS.find((r) => r === renderer) ?? null,
    scene: params.has('join') ? 'Classroom' : (START_SCENES[(params.get('scene') ?? '').toLowerCase()] ?? 'Title'),
    join: params.has('join') ? normalizeJoinCode(params.get('join') ?? '').slice(0, 16) : null,
    lang: isLocale(params.get('lang')) ? (params.get('lang') as Locale) : null,
    threads: /^\d{1,2}$/.test(params.get('threads') ?? '') ? Number(params.get('threads')) : null,
  };
}
