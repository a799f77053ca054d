/**
 * Makes tfjs-backend-wasm's threaded SIMD build survive minification (issue 15). tfjs starts each pthread worker
 * from a Blob holding `factory.toString()`, so the factory must not use anything from its surrounding module:
 * Emscripten's factory reads one outer variable, `_scriptDir` (the script's URL from `document.currentScript`,
 * always undefined in our module worker). Minified, `typeof _scriptDir !== "undefined"` becomes a bare renamed
 * name and every pthread died with "ReferenceError: e is not defined". The two reads inside the factory are
 * dropped here (both fall back to what they do when it is undefined); the build fails if tfjs's file changes shape.
 * Applied to the worker bundle (vite.config.ts `worker.plugins`), builds only: the dev server does not minify.
 */
import type { Plugin } from 'vite';

const THREADED_FACTORY = /tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;

/** The factory's two reads of the wrapper's `_scriptDir`, and what replaces each (its undefined behaviour). */
const READS: readonly [string, string][] = [
  ['if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}', ''],
  ['"urlOrBlob":Module["mainScriptUrlOrBlob"]||_scriptDir', '"urlOrBlob":Module["mainScriptUrlOrBlob"]'],
];

/** Occurrences of `_scriptDir` left afterwards: the wrapper's declaration and its `__filename` line. */
const WRAPPER_USES = 3;

export function unwrapScriptDir(code: string): string {
  let out = code;
  for (const [read, replacement] of READS) {
    if (!out.includes(read)) throw new Error(`tfjs threaded build: "${read}" not found (tfjs changed?)`);
    out = out.replace(read, replacement);
  }
  const left = out.split('_scriptDir').length - 1;
  if (left !== WRAPPER_USES)
    throw new Error(`tfjs threaded build: ${left} uses of _scriptDir left, ${WRAPPER_USES} expected`);
  return out;
}

export function tfjsThreadsBuild(): Plugin {
  return {
    name: 'latent-quest-tfjs-threads',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!THREADED_FACTORY.test(id.split('?')[0])) return null;
      return { code: unwrapScriptDir(code), map: null };
    },
  };
}
