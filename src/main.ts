/**
 * The page's entry: the HTML title first (src/game/shell/title-shell.ts, a few kB), then the game itself (Phaser
 * and the screens, its own chunk). The game's download and compile start once the HTML title has drawn its first
 * frame: started with the page they competed with that frame for this machine's two cores (first paint 490 → 356
 * ms median, the game's own title no later; README, "Smooth play, session 10"). A link into a level, the Lab or a
 * class skips the HTML title and loads the game at once.
 */
import { markStartup } from './game/startup-marks';
import { savedSettingsText, shellStartLocale, titleComesFirst } from './game/shell/shell-start';
import { showLoadFailed, showTitleShell, type TitleShell } from './game/shell/title-shell';

const search = window.location.search;
const saved = savedSettingsText();
const locale = shellStartLocale(search, saved, navigator.languages ?? [navigator.language]);
const shell: TitleShell | null = titleComesFirst(search) ? showTitleShell(locale, saved === null) : null;

let loading = false;
function loadGame(): void {
  if (loading) return;
  loading = true;
  import('./game/main').then(
    ({ startGame }) => {
      markStartup('modules');
      startGame('game');
    },
    (error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      console.error('Latent Quest could not load', error);
      if (shell) shell.showLoadFailed(detail);
      else showLoadFailed(locale, detail);
    },
  );
}

if (shell) {
  requestAnimationFrame(() => setTimeout(loadGame, 0));
  // A tab opened in the background draws no frames: load anyway.
  setTimeout(loadGame, 250);
} else loadGame();
