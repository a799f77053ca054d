import type * as Phaser from 'phaser';
import { goTo } from '../scene-loader';
import { getContext } from '../context';
import { levelDeepLink } from '../level/deep-link';
import { titleComesFirst } from '../shell/shell-start';
import { startupRoute } from '../share/startup-link';

/**
 * True when the first screen is the Title (no class, level, Lab or shared-setup link): the same rule the HTML
 * title decides by before the game has loaded (shell/shell-start.ts; tests/unit/title-shell.test.ts holds it to
 * the game's own link readers).
 */
export function firstScreenIsTitle(): boolean {
  return titleComesFirst(window.location.search);
}

/**
 * Into a level, the Lab or a shared setup the engine starts at once, so it is warm when the first Train is
 * pressed. To the Title it starts once the title has drawn (Title.create), so the worker's 2 MB script and
 * WebAssembly compile do not compete with the title for the CPU (issue 15: title interactive within 500 ms).
 */
export function warmEngineForFirstScreen(scene: Phaser.Scene): void {
  if (!firstScreenIsTitle()) void getContext(scene).training.warmUp();
}

/** Starts the first screen: a shared setup (`?setup=`), a level (`?level=`), `?scene=` or the Title. */
export function startFirstScreen(scene: Phaser.Scene): void {
  // `?setup=…` (src/game/share/startup-link.ts): a shared Lab setup or level attempt; a bad one notes why.
  const route = startupRoute(getContext(scene).store, window.location.search);
  if (route) {
    goTo(scene, route.scene, route.scene === 'Level' ? route.data : undefined);
    return;
  }
  // `?level=<id>` deep link (src/game/level/deep-link.ts): straight into a level.
  const levelId = levelDeepLink(window.location.search);
  if (levelId) {
    goTo(scene, 'Level', { levelId });
    return;
  }
  goTo(scene, getContext(scene).url.scene);
}
