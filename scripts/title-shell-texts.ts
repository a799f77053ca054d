/**
 * `virtual:title-shell-texts`: the few texts the HTML title (src/game/shell/title-shell.ts) shows before the game
 * has loaded, taken from the message catalogues at build time for every language. The shell cannot import the
 * catalogues themselves: English is in the game's chunk and the others load on demand (src/game/locale-load.ts).
 */
import type { Plugin } from 'vite';
import { TOTAL_STARS } from '../src/game/state/progress-rules';
import { CATALOGUES, format, LOCALES, type MessageKey } from '../src/shared/messages';

/** The keys the shell reads: plain texts (title.loadFailed fills its one `{detail}` by hand), no formatter needed. */
export const TITLE_SHELL_KEYS = [
  'app.title',
  'title.tagline',
  'title.play',
  'title.join',
  'title.lab',
  'title.settings',
  'title.keys',
  'title.starting',
  'title.loadFailed',
] as const satisfies readonly MessageKey[];

const ID = 'virtual:title-shell-texts';
const RESOLVED = `\0${ID}`;

export function titleShellTextsModule(): string {
  const texts = Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      {
        ...Object.fromEntries(TITLE_SHELL_KEYS.map((k) => [k, CATALOGUES[locale][k]])),
        // A first visit's progress line, formatted here: no stars yet out of every level's.
        'title.progressNone': format(CATALOGUES[locale]['title.progress'], { stars: 0, total: TOTAL_STARS }, locale),
      },
    ]),
  );
  return `export default ${JSON.stringify(texts)};\n`;
}

export function titleShellTexts(): Plugin {
  return {
    name: 'latent-quest-title-shell-texts',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load: (id) => (id === RESOLVED ? titleShellTextsModule() : null),
  };
}
