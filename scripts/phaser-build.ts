/**
 * A smaller Phaser for the game's main chunk (issue 15): Vite bundles Phaser from its sources, entry
 * `src/phaser-no-physics.js` (Phaser's own no-physics build: no Arcade, no Matter), with its build flags set the
 * way Phaser's webpack config sets them: both renderers (software GL gets Canvas, hardware GL WebGL:
 * src/game/renderer-choice.ts), no WebGL debug, and no Phaser sound (the game plays its own Web Audio,
 * src/game/audio). The shipped `dist/phaser.esm.js` has everything built in and cannot be tree-shaken.
 * Types still come from `phaser` (phaser.d.ts): only the bundler sees the alias.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const PHASER_SRC = join(dirname(require.resolve('phaser/package.json')), 'src');
export const PHASER_ENTRY = join(PHASER_SRC, 'phaser-no-physics.js');

/** `typeof FLAG` in Phaser's sources → its value in this build (webpack's DefinePlugin does the same upstream). */
const FLAGS: Record<string, boolean> = {
  CANVAS_RENDERER: true,
  WEBGL_RENDERER: true,
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};
const FLAG_PATTERN = new RegExp(`typeof (${Object.keys(FLAGS).join('|')})\\b`, 'g');

export function phaserBuild(): Plugin {
  return {
    name: 'latent-quest-phaser-build',
    enforce: 'pre',
    config: () => ({ resolve: { alias: [{ find: /^phaser$/, replacement: PHASER_ENTRY }] } }),
    transform(code, id) {
      if (!id.startsWith(PHASER_SRC)) return null;
      let out = code.replace(FLAG_PATTERN, (_, flag: string) => String(FLAGS[flag]));
      // The entry also sets `global.Phaser` (webpack provides `global`); browsers know `globalThis`.
      if (id === PHASER_ENTRY) out = out.replace(/\bglobal\.Phaser\b/, 'globalThis.Phaser');
      return out === code ? null : { code: out, map: null };
    },
  };
}
