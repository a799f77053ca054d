/**
 * Every text comes in all four languages: the UI catalogue and every level text (title, concept card, goal,
 * hints, controls, cards) in English, Polish, Czech and Spanish, each a valid ICU message with the English
 * placeholder names and its language's plural forms. A new text without its translations fails here (and in
 * npm run i18n:check, which prints the same report).
 */
import { describe, expect, it } from 'vitest';
import { checkLocale } from '../../src/shared/i18n/check';
import { LOCALES } from '../../src/shared/i18n/locales';
import { goalText, LEVELS, missingTranslations } from '../../src/shared/levels';
import { CATALOGUES, format } from '../../src/shared/messages';

describe('translations', () => {
  it.each(LOCALES)('%s has every UI message and every level text, each sound', (locale) => {
    const report = checkLocale(locale);
    expect(report.ui.missing).toEqual([]);
    expect(report.ui.extra).toEqual([]);
    expect(report.levels.missing).toEqual([]);
    expect(missingTranslations(locale)).toEqual([]);
    for (const section of [report.ui, report.levels]) {
      expect(section.parseErrors).toEqual([]);
      expect(section.placeholderMismatches).toEqual([]);
      expect(section.pluralMismatches).toEqual([]);
    }
    expect(report.ok).toBe(true);
  });

  it('notices a missing translation, a wrong placeholder and a missing plural form', () => {
    const pl = CATALOGUES.pl as Record<string, string>;
    const saved = pl['class.stars'];
    try {
      delete pl['class.stars'];
      expect(checkLocale('pl').ui.missing).toEqual(['class.stars']);
      pl['class.stars'] = '{gwiazdki} gwiazdek';
      expect(checkLocale('pl').ui.placeholderMismatches.map((m) => m.where)).toEqual(['class.stars']);
      pl['class.stars'] = '{stars, plural, one {# gwiazdka} other {# gwiazdki}}';
      expect(checkLocale('pl').ui.pluralMismatches).toEqual([
        { where: 'class.stars', problem: '{stars} plural lacks few, many' },
      ]);
      pl['class.stars'] = '{stars, plural, one {# gwiazdka}';
      expect(checkLocale('pl').ui.parseErrors.map((m) => m.where)).toEqual(['class.stars']);
      expect(checkLocale('pl').ok).toBe(false);
    } finally {
      pl['class.stars'] = saved;
    }
  });

  it('fills every goal sentence in every language, plurals included', () => {
    for (const locale of LOCALES)
      for (const level of LEVELS) expect(goalText(level, locale), `${level.id} (${locale})`).not.toMatch(/[{}]/);
    expect(format(CATALOGUES.pl['class.stars'], { stars: 5 }, 'pl')).toMatch(/^5 /);
  });
});
