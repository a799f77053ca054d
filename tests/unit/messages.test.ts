import { describe, expect, it } from 'vitest';
import { CATALOGUES, LOCALES, format, placeholders, setLocale, t, type MessageKey } from '../../src/shared/messages';
import { formatMessage, parseLocaleNumber, requiredPluralCategories } from '../../src/shared/i18n/icu';
import { acceptLanguageTags, chooseLocale, matchLocale } from '../../src/shared/i18n/locales';

describe('message catalogue', () => {
  const keys = Object.keys(CATALOGUES.en) as MessageKey[];

  it.each(LOCALES)('%s has every key, non-empty, with the same placeholders as English', (locale) => {
    const cat = CATALOGUES[locale];
    expect(Object.keys(cat).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(cat[key]?.trim().length, key).toBeGreaterThan(0);
      expect(placeholders(cat[key] ?? ''), key).toEqual(placeholders(CATALOGUES.en[key]));
    }
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(t('progress.steps', { step: 1200, total: 2000 })).toBe('Step 1,200 / 2,000');
    expect(format('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });
});

describe('ICU messages', () => {
  it('formats numbers for the locale', () => {
    expect(format('{n} weights', { n: 12345.5 }, 'en')).toBe('12,345.5 weights');
    expect(format('{n}', { n: 12345.5 }, 'pl')).toBe('12\u00a0345,5');
    expect(format('{n}', { n: 12345.5 }, 'cs')).toBe('12\u00a0345,5');
    expect(format('{n}', { n: 12345.5 }, 'es')).toBe('12.345,5');
  });

  it('lists the plural categories each language needs for whole numbers', () => {
    expect(requiredPluralCategories('en')).toEqual(['one', 'other']);
    expect(requiredPluralCategories('es')).toEqual(['one', 'other']);
    expect(requiredPluralCategories('pl')).toEqual(['one', 'few', 'many', 'other']);
    expect(requiredPluralCategories('cs')).toEqual(['one', 'few', 'other']);
  });

  it('chooses a plural by a number that arrives already formatted', () => {
    const message = '{n, plural, one {# pixel} few {# piksele} many {# pikseli} other {# piksela}}';
    expect(formatMessage(message, { n: '1' }, 'pl')).toBe('1 pixel');
    expect(formatMessage(message, { n: '22' }, 'pl')).toBe('22 piksele');
    expect(formatMessage(message, { n: '2,5' }, 'pl')).toBe('2,5 piksela');
    expect(parseLocaleNumber('1\u00a0234,5 %', 'pl')).toBe(1234.5);
    expect(parseLocaleNumber('1,234.5', 'en')).toBe(1234.5);
    expect(parseLocaleNumber('no number', 'en')).toBeNaN();
  });

  it('shows a plural whose count is missing as written rather than a wrong form', () => {
    const message = '{count, plural, one {# player} other {# players}}';
    expect(formatMessage(message, {}, 'en')).toBe(message);
    expect(formatMessage('{broken', { broken: 1 }, 'en')).toBe('{broken');
  });
});

describe('plural forms in each language', () => {
  // classroom.board.players: the projector board's player count.
  const expected: Record<string, Record<number, string>> = {
    en: { 1: '1 player', 2: '2 players', 5: '5 players', 22: '22 players' },
    pl: { 1: '1 gracz', 2: '2 gracze', 5: '5 graczy', 22: '22 gracze', 12: '12 graczy' },
    cs: { 1: '1 hráč', 2: '2 hráči', 5: '5 hráčů', 22: '22 hráčů' },
    es: { 1: '1 jugador', 2: '2 jugadores', 5: '5 jugadores', 22: '22 jugadores' },
  };
  it.each(Object.keys(expected))('%s counts players', (locale) => {
    setLocale(locale as (typeof LOCALES)[number]);
    try {
      for (const [count, text] of Object.entries(expected[locale]))
        expect(t('classroom.board.players', { count: Number(count) })).toBe(text);
    } finally {
      setLocale('en');
    }
  });
});

describe('choosing the language', () => {
  it('reads Accept-Language by q-value and matches the language part', () => {
    expect(acceptLanguageTags('cs;q=0.5, pl-PL, en;q=0.8, *')).toEqual(['pl-PL', 'en', 'cs']);
    expect(matchLocale(['de-AT', 'es-MX', 'pl'])).toBe('es');
    expect(matchLocale(['de', 'fr'])).toBeNull();
  });

  it('prefers the link, then the save, then the browser, then English', () => {
    expect(chooseLocale({ url: 'cs', saved: 'pl', browser: ['es'] })).toBe('cs');
    expect(chooseLocale({ url: 'xx', saved: 'pl', browser: ['es'] })).toBe('pl');
    expect(chooseLocale({ url: null, saved: null, browser: ['de-DE', 'es-ES'] })).toBe('es');
    expect(chooseLocale({ url: null, saved: 'klingon', browser: ['de'] })).toBe('en');
  });
});
