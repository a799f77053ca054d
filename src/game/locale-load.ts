/**
 * The other languages' UI catalogues load on demand (issue 15: a lighter main chunk). English is in the main chunk;
 * Polish, Czech and Spanish are each their own chunk (~8 kB gzip), fetched when the game starts in that language
 * or the player picks it, and put in CATALOGUES before any screen draws a text in it. In Node every catalogue is
 * there from the start (src/shared/messages.ts, `__LQ_LAZY_LOCALES__`), so this only ever fetches in the browser.
 */
import { CATALOGUES, type Catalogue, type GameCatalogue, type Locale } from '../shared/messages';

const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<GameCatalogue>> = {
  pl: async () => (await import('../shared/i18n/pl')).pl,
  cs: async () => (await import('../shared/i18n/cs')).cs,
  es: async () => (await import('../shared/i18n/es')).es,
};

const pending = new Map<Locale, Promise<boolean>>();

/** Loads `locale`'s catalogue once; true when it is there (false if its chunk could not be fetched: English shows). */
export function loadLocale(locale: Locale): Promise<boolean> {
  if (CATALOGUES[locale] !== undefined) return Promise.resolve(true);
  let promise = pending.get(locale);
  if (!promise) {
    promise = LOADERS[locale as Exclude<Locale, 'en'>]().then(
      (catalogue) => {
        // The game's texts only: the classroom pages' keys never show in the game (messages.ts).
        CATALOGUES[locale] = catalogue as Catalogue;
        return true;
      },
      (error: unknown) => {
        pending.delete(locale); // a later try may succeed
        console.error(`The ${locale} texts could not be loaded`, error);
        return false;
      },
    );
    pending.set(locale, promise);
  }
  return promise;
}
