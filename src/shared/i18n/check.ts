/**
 * The translation check behind `npm run i18n:check` (scripts/i18n-check.ts) and tests/unit/i18n-check.test.ts:
 * per locale, the UI catalogue's keys against English, every level text's translation, and in both the ICU
 * syntax, the placeholder names (a translation uses exactly the English names) and the plural forms (every plural
 * lists each category the locale uses for whole numbers, and none the locale does not have).
 */
import { LEVELS } from '../levels/catalogue';
import { levelTexts } from '../levels/validate';
import { CATALOGUES, type MessageKey } from '../messages';
import { messageShape, requiredPluralCategories } from './icu';
import { LOCALES, type Locale } from './locales';

export interface Mismatch {
  where: string;
  problem: string;
}

export interface SectionReport {
  /** How many texts there are (English) and how many this locale has. */
  total: number;
  translated: number;
  missing: string[];
  placeholderMismatches: Mismatch[];
  pluralMismatches: Mismatch[];
  parseErrors: Mismatch[];
}

export interface LocaleReport {
  ok: boolean;
  ui: SectionReport & { extra: string[] };
  levels: SectionReport;
  /** Not errors: English counts the argument with a plural and this translation does not (worth a look). */
  notes: string[];
}

const emptySection = (total: number): SectionReport => ({
  total,
  translated: 0,
  missing: [],
  placeholderMismatches: [],
  pluralMismatches: [],
  parseErrors: [],
});

/** Checks one translation against its English text; adds what is wrong to `section`. */
function checkText(section: SectionReport, notes: string[], where: string, en: string, text: string, locale: Locale) {
  let shape;
  try {
    shape = messageShape(text, locale);
  } catch (error) {
    section.parseErrors.push({ where, problem: error instanceof Error ? error.message : String(error) });
    return;
  }
  let enShape;
  try {
    enShape = messageShape(en, 'en');
  } catch {
    return; // English's own parse error is reported under 'en'.
  }
  const expected = [...enShape.args].sort().join(', ');
  const got = [...shape.args].sort().join(', ');
  if (expected !== got)
    section.placeholderMismatches.push({ where, problem: `uses {${got}}; English uses {${expected}}` });
  const required = requiredPluralCategories(locale);
  const known = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
  for (const [arg, categories] of Object.entries(shape.plurals)) {
    const listed = categories.filter((c) => !c.startsWith('='));
    const missing = required.filter((c) => !listed.includes(c));
    const unknown = listed.filter((c) => !known.includes(c));
    if (missing.length > 0)
      section.pluralMismatches.push({ where, problem: `{${arg}} plural lacks ${missing.join(', ')}` });
    if (unknown.length > 0)
      section.pluralMismatches.push({
        where,
        problem: `{${arg}} plural has ${unknown.join(', ')}, unknown in ${locale}`,
      });
  }
  for (const arg of Object.keys(enShape.plurals))
    if (!(arg in shape.plurals) && shape.args.includes(arg)) notes.push(`${where}: {${arg}} is not a plural here`);
}

function isProblemFree(section: SectionReport): boolean {
  return (
    section.missing.length === 0 &&
    section.placeholderMismatches.length === 0 &&
    section.pluralMismatches.length === 0 &&
    section.parseErrors.length === 0
  );
}

/** The report for one locale (English is checked against itself: syntax and its own plural forms). */
export function checkLocale(locale: Locale): LocaleReport {
  const en = CATALOGUES.en as Record<string, string>;
  const catalogue = CATALOGUES[locale] as Partial<Record<string, string>>;
  const notes: string[] = [];
  const ui = { ...emptySection(Object.keys(en).length), extra: [] as string[] };
  for (const key of Object.keys(en) as MessageKey[]) {
    const text = catalogue[key];
    if (text === undefined || text.trim() === '') {
      ui.missing.push(key);
      continue;
    }
    ui.translated++;
    checkText(ui, notes, key, en[key], text, locale);
  }
  ui.extra = Object.keys(catalogue).filter((k) => !(k in en));
  const fields = LEVELS.flatMap((level) => levelTexts(level).map((f) => ({ ...f, where: `${level.id}: ${f.path}` })));
  const levels = emptySection(fields.length);
  for (const { where, text } of fields) {
    const value = text?.[locale];
    if (value === undefined || value.trim() === '') {
      levels.missing.push(where);
      continue;
    }
    levels.translated++;
    checkText(levels, notes, where, text.en, value, locale);
  }
  return { ok: isProblemFree(ui) && ui.extra.length === 0 && isProblemFree(levels), ui, levels, notes };
}

/** Every locale's report, English first. */
export function checkAllLocales(): Record<Locale, LocaleReport> {
  return Object.fromEntries(LOCALES.map((l) => [l, checkLocale(l)])) as Record<Locale, LocaleReport>;
}
