/**
 * The HTML title shown while the game loads (src/game/shell): it must decide exactly as the game does whether the
 * title comes first and in which language, read the remembered title data safely, carry the catalogues' own
 * texts, and lay out where the Title scene does.
 */
import { describe, expect, it } from 'vitest';
import { titleShellTextsModule, TITLE_SHELL_KEYS } from '../../scripts/title-shell-texts';
import { levelDeepLink } from '../../src/game/level/deep-link';
import { titleLayout } from '../../src/game/layout/title-layout';
import { SAVE_KEY, shellStartLocale, titleComesFirst } from '../../src/game/shell/shell-start';
import { readTitleData, rememberTitleData, TITLE_DATA_KEY } from '../../src/game/shell/title-data';
import { TOTAL_STARS } from '../../src/game/state/progress-rules';
import { SETTINGS_STORAGE_KEY } from '../../src/game/state/persistence';
import { parseUrlOptions } from '../../src/game/url-options';
import { readSetupLink } from '../../src/shared/links/setup-link';
import { CATALOGUES, format, LOCALES } from '../../src/shared/messages';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

describe('the HTML title decides as the game does', () => {
  it('comes first exactly when the game starts on its Title', () => {
    const searches = [
      '',
      '?lang=pl',
      '?scene=title',
      '?scene=TITLE',
      '?scene=map',
      '?scene=Lab',
      '?scene=settings',
      '?scene=classroom',
      '?scene=draw',
      '?scene=nonsense',
      '?join=ABC123',
      '?join=',
      '?level=blend',
      '?level=Not_A_Level!',
      '?level=',
      '?setup=garbage',
      '?setup=',
      '?renderer=canvas&backend=wasm',
    ];
    for (const search of searches) {
      const game =
        parseUrlOptions(search).scene === 'Title' &&
        levelDeepLink(search) === null &&
        readSetupLink(search).status === 'none';
      expect([search, titleComesFirst(search)]).toEqual([search, game]);
    }
  });

  it('starts in the link’s language, else the saved one, else the browser’s; a broken save in English', () => {
    const save = (locale: unknown) => JSON.stringify({ state: { settings: { locale } }, version: 3 });
    expect(SAVE_KEY).toBe(SETTINGS_STORAGE_KEY);
    expect(shellStartLocale('?lang=cs', save('pl'), ['es-ES'])).toBe('cs');
    expect(shellStartLocale('', save('pl'), ['es-ES'])).toBe('pl');
    expect(shellStartLocale('?lang=xx', save('es'), ['pl'])).toBe('es');
    // A first visit: the browser's languages, best first.
    expect(shellStartLocale('', null, ['de-DE', 'es-MX', 'pl'])).toBe('es');
    expect(shellStartLocale('', null, ['de'])).toBe('en');
    // A save the game cannot read is reset to its defaults (English), so the title starts in English too.
    expect(shellStartLocale('', '{not json', ['pl'])).toBe('en');
    expect(shellStartLocale('', save('klingon'), ['pl'])).toBe('en');
    expect(shellStartLocale('', 'null', ['pl'])).toBe('en');
    // Version 0 saves kept the settings flat.
    expect(shellStartLocale('', JSON.stringify({ state: { locale: 'cs' }, version: 0 }), [])).toBe('cs');
  });
});

describe('remembered title data', () => {
  it('round-trips what the Title scene wrote', () => {
    const storage = new MemoryStorage();
    const data = { locale: 'pl', progress: 'Gwiazdki: 4 / 63', stars: 4, join: 'Klasa ABC · Ada' };
    rememberTitleData(data, storage);
    expect(readTitleData(storage)).toEqual(data);
  });

  it('ignores anything broken or hostile, and a storage that throws', () => {
    const storage = new MemoryStorage();
    const bad = [
      '{oops',
      'null',
      '[]',
      '"text"',
      JSON.stringify({ locale: 'en', progress: 'x', stars: -1, join: 'j' }),
      JSON.stringify({ locale: 'en', progress: 'x', stars: Number.NaN, join: 'j' }),
      JSON.stringify({ locale: 'en', progress: 'x'.repeat(201), stars: 1, join: 'j' }),
      JSON.stringify({ locale: 'en', progress: '', stars: 1, join: 'j' }),
      JSON.stringify({ locale: 'en', progress: 'x', stars: 1, join: { html: '<b>' } }),
    ];
    for (const text of bad) {
      storage.setItem(TITLE_DATA_KEY, text);
      expect([text, readTitleData(storage)]).toEqual([text, null]);
    }
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readTitleData(throwing)).toBeNull();
    expect(() => rememberTitleData({ locale: 'en', progress: 'p', stars: 0, join: 'j' }, throwing)).not.toThrow();
  });
});

describe('the HTML title’s texts and layout', () => {
  it('carries every language’s catalogue texts, and a first visit’s progress line', async () => {
    const code = titleShellTextsModule();
    const texts = JSON.parse(code.replace(/^export default /, '').replace(/;\s*$/, '')) as Record<
      string,
      Record<string, string>
    >;
    expect(Object.keys(texts)).toEqual([...LOCALES]);
    for (const locale of LOCALES) {
      for (const key of TITLE_SHELL_KEYS) expect(texts[locale][key]).toBe(CATALOGUES[locale][key]);
      expect(texts[locale]['title.progressNone']).toBe(
        format(CATALOGUES[locale]['title.progress'], { stars: 0, total: TOTAL_STARS }, locale),
      );
      expect(texts[locale]['title.progressNone']).toContain(String(TOTAL_STARS));
    }
  });

  it('keeps every part on screen and apart, at the desktop and the phone base sizes', () => {
    for (const [w, h] of [
      [1280, 720],
      [420, 909],
      [420, 720],
    ]) {
      const L = titleLayout(w, h);
      expect(L.portrait).toBe(h > w);
      const parts = [L.language, ...L.buttons, L.banner];
      for (const r of parts) {
        expect(r.x).toBeGreaterThanOrEqual(0);
        expect(r.y).toBeGreaterThanOrEqual(0);
        expect(r.x + r.width).toBeLessThanOrEqual(w);
        expect(r.y + r.height).toBeLessThanOrEqual(h);
      }
      // Top to bottom: languages, logo, name, tagline, the four buttons, the progress line, the banner.
      expect(L.language.y + L.language.height).toBeLessThan(L.logo.y - 36 * L.logo.scale);
      expect(L.name.y).toBeLessThan(L.tagline.y);
      expect(L.tagline.y).toBeLessThan(L.buttons[0].y);
      for (let i = 1; i < 4; i++)
        expect(L.buttons[i].y).toBeGreaterThanOrEqual(L.buttons[i - 1].y + L.buttons[i - 1].height);
      expect(L.progress.y).toBeGreaterThan(L.buttons[3].y + L.buttons[3].height);
      expect(L.progress.y + 12).toBeLessThan(L.banner.y);
    }
  });
});
