/**
 * Backend choice. 'auto': WebGL when the worker's GL is hardware-accelerated; WASM when it is software
 * (SwiftShader, llvmpipe: slower than WASM and it starves the game's own WebGL renderer) or missing; CPU last.
 * A forced backend is honoured when it starts, otherwise the next one is used and the reason says why.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import type { BackendWhy } from '../shared/engine-events';
import { BACKEND_NAMES, type BackendName, type BackendPreference } from '../shared/worker-api';

export const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software/i;

export interface GlInfo {
  renderer: string;
  isSoftware: boolean;
}

export interface BackendChoice {
  backend: BackendName;
  renderer: string;
  isSoftwareGl: boolean;
  /** English, for logs and tests; the game words `why`. */
  reason: string;
  why: BackendWhy;
}

export interface BackendDeps {
  /** The GL renderer seen by this thread, or null without WebGL2. */
  probeGl: () => GlInfo | null;
  /** Switches tfjs to a backend; false (or a throw) when it cannot start. */
  setBackend: (name: BackendName) => Promise<boolean>;
}

const LABEL: Record<BackendName, string> = { webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

/** Reads the renderer of a throwaway WebGL2 context on an OffscreenCanvas (null in Node or without WebGL2). */
export function probeGl(): GlInfo | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return null;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { renderer, isSoftware: SOFTWARE_GL.test(renderer) };
  } catch {
    return null;
  }
}

/**
 * Threads for tfjs's WASM backend; 0 (the default) keeps its single-threaded SIMD build. The threaded SIMD build
 * needs SharedArrayBuffer, which exists only when the page is cross-origin isolated (COOP/COEP: vite.config.ts and
 * the classroom server send them), and tfjs caps its pool at hardwareConcurrency / 2. Not adopted: on the 2-core
 * machine it measured slower and no smoother (README, Performance); `?threads=N` (init's `wasmThreads`) asks for it
 * to measure elsewhere. Asked before the backend starts; the first start wins (tfjs keeps the backend).
 */
export function wasmThreads(requested: number | undefined, isolated: boolean): number {
  if (!isolated || requested === undefined || !Number.isInteger(requested) || requested < 2) return 0;
  return Math.min(requested, 16);
}

let wasmThreadsRequested: number | undefined;

/** The engine's init passes the page's request on (undefined: the default). */
export function requestWasmThreads(requested: number | undefined): void {
  wasmThreadsRequested = requested;
}

/** This worker's choice (Node is never cross-origin isolated: always 0). */
function workerWasmThreads(): number {
  return wasmThreads(
    wasmThreadsRequested,
    (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
  );
}

/** Threads the WASM backend computes with (1 for the single-threaded build). */
export function wasmThreadsInUse(): number {
  try {
    return getThreadsCount();
  } catch {
    return 1;
  }
}

/** tf.setBackend that never throws; WASM runs threaded only when wasmThreads says so. */
export async function setTfBackend(name: BackendName): Promise<boolean> {
  try {
    if (name === 'wasm') {
      const threads = workerWasmThreads();
      if (threads > 0) setThreadsCount(threads);
      else tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    }
    const ok = await tf.setBackend(name);
    if (ok) await tf.ready();
    return ok && tf.getBackend() === name;
  } catch {
    return false;
  }
}

export const defaultBackendDeps: BackendDeps = { probeGl, setBackend: setTfBackend };

/** Graphics names worth keeping from a long renderer string: the software renderers and the common GPU families. */
const KNOWN_RENDERER =
  /swiftshader|llvmpipe|softpipe|apple m\d\w*|nvidia[^,()]*|geforce[^,()]*|radeon[^,()]*|intel[^,()]*|mali[^,()]*|adreno[^,()]*/i;

/** "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device ...)...)" → "SwiftShader": the reason stays one readable line. */
export function shortRenderer(renderer: string): string {
  const known = KNOWN_RENDERER.exec(renderer);
  if (known) return known[0].toLowerCase() === 'swiftshader' ? 'SwiftShader' : known[0].trim();
  return renderer.length > 40 ? `${renderer.slice(0, 39)}…` : renderer;
}

/** Auto: every backend, fastest first, except WebGL when the GL is software, missing or broken. */
function autoOrder(gl: GlInfo | null, webglBroken: boolean): BackendName[] {
  return gl && !gl.isSoftware && !webglBroken ? [...BACKEND_NAMES] : BACKEND_NAMES.filter((b) => b !== 'webgl');
}

/** Forced: the chosen backend, then the slower ones as fallbacks. */
function forcedOrder(pref: BackendName): BackendName[] {
  return BACKEND_NAMES.slice(BACKEND_NAMES.indexOf(pref));
}

function autoWhy(chosen: BackendName, gl: GlInfo | null, webglBroken: boolean): BackendWhy {
  const renderer = shortRenderer(gl?.renderer || 'GPU');
  if (chosen === 'webgl') return { kind: 'autoWebgl', renderer };
  const cause = webglBroken ? 'contextLost' : gl ? 'softwareGl' : 'noWebgl';
  return { kind: 'autoFallback', backend: chosen, cause, renderer };
}

function autoReason(chosen: BackendName, gl: GlInfo | null, webglBroken: boolean): string {
  if (chosen === 'webgl')
    return `Using WebGL: the graphics (${shortRenderer(gl?.renderer || 'GPU')}) is hardware-accelerated, the fastest choice.`;
  const why = webglBroken
    ? 'the WebGL context was lost earlier'
    : gl
      ? `WebGL here is software-rendered (${shortRenderer(gl.renderer)}), slower than WASM and it would make the game stutter`
      : 'WebGL is not available to the worker';
  if (chosen === 'wasm') return `Using WASM: ${why}.`;
  return `Using CPU, the slowest option: ${why}, and WebAssembly could not start.`;
}

/** Tries the backends in order for `pref` and explains the one that started. */
export async function chooseBackend(
  pref: BackendPreference,
  deps: BackendDeps,
  webglBroken = false,
): Promise<BackendChoice> {
  const gl = deps.probeGl();
  // Software GL (only ever used when forced) compiles every shader program for a long while, and tfjs compiles one
  // per op and shape: with shapes as uniforms, one program serves every batch size (training's and the previews'),
  // and the first step showed after 4.3 s instead of 8.2 s (Beat PCA, SwiftShader, load 7).
  if (gl?.isSoftware) tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', true);
  const order = pref === 'auto' ? autoOrder(gl, webglBroken) : forcedOrder(pref);
  const failed: BackendName[] = [];
  for (const name of order) {
    if (name === 'webgl' && (webglBroken || !gl)) {
      failed.push(name);
      continue;
    }
    const ok = await Promise.resolve()
      .then(() => deps.setBackend(name))
      .catch(() => false);
    if (!ok) {
      failed.push(name);
      continue;
    }
    const base = { backend: name, renderer: gl?.renderer ?? '', isSoftwareGl: gl?.isSoftware ?? false };
    if (pref === 'auto')
      return { ...base, reason: autoReason(name, gl, webglBroken), why: autoWhy(name, gl, webglBroken) };
    if (name === pref) {
      const soft =
        name === 'webgl' && gl?.isSoftware
          ? ` (note: this WebGL is software-rendered, by ${shortRenderer(gl.renderer)})`
          : '';
      return {
        ...base,
        reason: `Using ${LABEL[name]} because it was chosen in the settings${soft}.`,
        why: { kind: 'chosen', backend: name, ...(soft ? { softwareRenderer: shortRenderer(gl!.renderer) } : {}) },
      };
    }
    return {
      ...base,
      reason: `${failed.map((f) => LABEL[f]).join(' and ')} could not start here, so using ${LABEL[name]} instead.`,
      why: { kind: 'failedOver', failed, backend: name },
    };
  }
  throw new Error(`No tfjs backend could start (tried ${order.join(', ')}).`);
}
