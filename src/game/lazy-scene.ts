/**
 * Scenes that are not on the first screen load on demand (issue 15: a lighter main chunk). Each is registered
 * under its key as a stand-in; the first `scene.start` / `launch` of that key imports the real scene's module
 * (its own chunk), swaps it in under the same key and starts it with the same data, so callers never know.
 * Until the module arrives (tens of milliseconds from the cache) the screen shows the background colour and
 * `context.ready` stays false, as between any two screens.
 */
import * as Phaser from 'phaser';

type SceneClass = new () => Phaser.Scene;

/** A stand-in for scene `key` whose real class comes from `load()`. */
export function lazyScene(key: string, load: () => Promise<SceneClass>): SceneClass {
  return class LazyScene extends Phaser.Scene {
    constructor() {
      super(key);
    }

    create(data: object): void {
      const game = this.game;
      const sleeping = this.sys.settings;
      void load().then(
        (Real) => {
          // Left (or replaced) before the module arrived: only swap the class in, start nothing.
          const stillWanted = sleeping.status === Phaser.Scenes.RUNNING;
          // Keep its place in the draw order (the HUD draws over the Level scene).
          const scenes = game.scene.scenes;
          const next = scenes[scenes.indexOf(this) + 1]?.sys.settings.key;
          game.scene.remove(key);
          game.scene.add(key, Real, stillWanted, data);
          if (next) game.scene.moveBelow(next, key);
        },
        (error: unknown) => {
          console.error(`Scene ${key} failed to load`, error);
        },
      );
    }
  };
}
