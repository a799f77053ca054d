/**
 * A smaller Phaser for the game's main chunk (issue 15). The shipped `dist/phaser.esm.js` has everything built in
 * and cannot be tree-shaken, so Vite bundles Phaser from its sources through the entry below: Phaser's own
 * no-physics entry (`src/phaser-no-physics.js`: no Arcade, no Matter) cut to what the game uses. Game objects:
 * graphics, image, text, zone, DOM element, container (their factories register `scene.add.*`); the loader
 * with no file types (the UI drawings are painted at boot: src/game/assets.ts); input without gamepads; none
 * of the namespaces tilemaps, particles, noise, shaders, video, bitmap text, curves, actions, animations, cache, data, display, plugins, utils (what Phaser's core
 * requires internally still comes along). Build flags as Phaser's webpack config sets them: both renderers
 * (software GL gets Canvas, hardware GL WebGL: src/game/renderer-choice.ts), no WebGL debug, no Phaser sound
 * (the game plays its own Web Audio, src/game/audio). A new `scene.add.<kind>` or `load.<type>` needs its
 * module listed here. Types still come from `phaser` (phaser.d.ts): only the bundler sees the alias.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const PHASER_SRC = join(dirname(require.resolve('phaser/package.json')), 'src');
/** The virtual entry module's id (a path inside Phaser's sources, so its relative requires resolve there). */
export const PHASER_ENTRY = join(PHASER_SRC, 'latent-quest-phaser.js');

const GAME_OBJECTS = ['DOMElement:domelement', 'Graphics:graphics', 'Image:image', 'Text:text', 'Zone:zone'];

/** The entry: Phaser's namespace with the parts the game uses (CommonJS, like the rest of Phaser's sources). */
const ENTRY_CODE = `
require('./polyfills/requestVideoFrame');
var CONST = require('./const');
var Extend = require('./utils/object/Extend');
var GameObjects = {
  Events: require('./gameobjects/events'),
  DisplayList: require('./gameobjects/DisplayList'),
  GameObjectCreator: require('./gameobjects/GameObjectCreator'),
  GameObjectFactory: require('./gameobjects/GameObjectFactory'),
  UpdateList: require('./gameobjects/UpdateList'),
  Components: require('./gameobjects/components'),
  GetCalcMatrix: require('./gameobjects/GetCalcMatrix'),
  BuildGameObject: require('./gameobjects/BuildGameObject'),
  GameObject: require('./gameobjects/GameObject'),
  Container: require('./gameobjects/container/Container'),
  GetTextSize: require('./gameobjects/text/GetTextSize'),
  MeasureText: require('./gameobjects/text/MeasureText'),
  TextStyle: require('./gameobjects/text/TextStyle'),
  ${GAME_OBJECTS.map((e) => {
    const [name, dir] = e.split(':');
    return `${name}: require('./gameobjects/${dir}/${name}'),`;
  }).join('\n  ')}
  Factories: {
    Container: require('./gameobjects/container/ContainerFactory'),
    ${GAME_OBJECTS.map((e) => {
      const [name, dir] = e.split(':');
      return `${name}: require('./gameobjects/${dir}/${name}Factory'),`;
    }).join('\n    ')}
  },
  Creators: {
    Container: require('./gameobjects/container/ContainerCreator'),
    ${GAME_OBJECTS.filter((e) => !e.startsWith('DOMElement'))
      .map((e) => {
        const [name, dir] = e.split(':');
        return `${name}: require('./gameobjects/${dir}/${name}Creator'),`;
      })
      .join('\n    ')}
  }
};
var Loader = Extend(false, {
  Events: require('./loader/events'),
  File: require('./loader/File'),
  FileTypesManager: require('./loader/FileTypesManager'),
  GetURL: require('./loader/GetURL'),
  LoaderPlugin: require('./loader/LoaderPlugin'),
  MergeXHRSettings: require('./loader/MergeXHRSettings'),
  MultiFile: require('./loader/MultiFile'),
  XHRLoader: require('./loader/XHRLoader'),
  XHRSettings: require('./loader/XHRSettings')
}, require('./loader/const'));
var Phaser = {
  BlendModes: require('./renderer/BlendModes'),
  Cameras: require('./cameras'),
  Core: require('./core'),
  Class: require('./utils/Class'),
  DOM: require('./dom'),
  Events: require('./events'),
  Game: require('./core/Game'),
  GameObjects: GameObjects,
  Input: Extend(false, {
    CreatePixelPerfectHandler: require('./input/CreatePixelPerfectHandler'),
    CreateInteractiveObject: require('./input/CreateInteractiveObject'),
    Events: require('./input/events'),
    InputManager: require('./input/InputManager'),
    InputPlugin: require('./input/InputPlugin'),
    InputPluginCache: require('./input/InputPluginCache'),
    Keyboard: require('./input/keyboard'),
    Mouse: require('./input/mouse'),
    Pointer: require('./input/Pointer'),
    Touch: require('./input/touch')
  }, require('./input/const')),
  Loader: Loader,
  Math: require('./math'),
  Renderer: require('./renderer'),
  Scale: require('./scale'),
  ScaleModes: require('./renderer/ScaleModes'),
  Scene: require('./scene/Scene'),
  Scenes: require('./scene'),
  Structs: require('./structs'),
  Textures: require('./textures'),
  Time: require('./time'),
  TintModes: require('./renderer/TintModes'),
  Tweens: require('./tweens')
};
Phaser = Extend(false, Phaser, CONST);
module.exports = Phaser;
globalThis.Phaser = Phaser;
`;

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
    resolveId: (source) => (source === 'phaser' ? PHASER_ENTRY : null),
    load: (id) => (id === PHASER_ENTRY ? ENTRY_CODE : null),
    transform(code, id) {
      if (!id.startsWith(PHASER_SRC)) return null;
      const out = code.replace(FLAG_PATTERN, (_, flag: string) => String(FLAGS[flag]));
      return out === code ? null : { code: out, map: null };
    },
  };
}
