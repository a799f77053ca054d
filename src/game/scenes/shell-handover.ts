/**
 * The game takes over from the HTML title (shell/title-shell.ts) when its first screen is ready: a language the
 * player picked there meanwhile is switched to, a button pressed there opens its screen, and the HTML title goes
 * once the screen the player asked for is up. Until then it stays on top, so nothing flashes in between.
 */
import type * as Phaser from 'phaser';
import { getLocale } from '../../shared/messages';
import { switchLocale } from '../locale-sync';
import { goTo } from '../scene-loader';
import { endShell, shellActive, shellLocale, takeShellIntent } from '../shell/shell-state';

/** Called by every screen when it becomes interactive (screen-kit's ready(), the Lab). */
export function handOverFromShell(scene: Phaser.Scene): void {
  if (!shellActive()) return;
  if (scene.scene.key === 'Title') {
    const locale = shellLocale();
    if (locale !== null && locale !== getLocale()) {
      switchLocale(scene, locale, () => scene.scene.restart());
      return;
    }
    const intent = takeShellIntent();
    if (intent !== null) {
      goTo(scene, intent, intent === 'Settings' ? { from: 'Title' } : undefined);
      return;
    }
  }
  endShell();
}
