/**
 * Level text is translatable in place: every player-facing string of a level is a `LocalText`, an object with
 * the English text (required, the reference) and optional Polish, Czech and Spanish versions beside it.
 *
 * Why inline rather than keys into src/shared/messages.ts: a level is one self-contained piece of data a
 * teacher can add or edit in one file; its sentences quote its own numbers (the goal says "at most one wrong
 * pixel" next to the scorer that checks it), so a translator sees the context, and an untranslated field
 * falls back to English one string at a time. `missingTranslations()` (validate.ts) lists what a locale lacks.
 * Texts are ICU MessageFormat, as in the UI catalogue, and go through the same formatter (src/shared/i18n/icu.ts):
 * `{name}` fills a value, `{maxWrong, plural, one {# wrong pixel} other {# wrong pixels}}` counts. A translation
 * must use the same placeholder names as the English text.
 */
import { argumentNames, formatMessage, messageShape, shownLength } from '../i18n/icu';
import { LOCALES, type Locale } from '../i18n/locales';

export const LEVEL_LOCALES = LOCALES;
export type LevelLocale = Locale;

export type LocalText = { readonly en: string } & { readonly [L in Exclude<LevelLocale, 'en'>]?: string };

/** The text in `locale`, falling back to English (unknown locales too, so the UI catalogue's type fits). */
export function localize(text: LocalText, locale: string = 'en'): string {
  const translated = (text as Partial<Record<string, string>>)[locale];
  return translated !== undefined && translated !== '' ? translated : text.en;
}

/** Placeholder (argument) names of a template, sorted, duplicates kept once. */
export function placeholdersOf(template: string): string[] {
  return argumentNames(template);
}

/** How long a text can get when shown (plural options counted by the longest); its source length if not ICU. */
export function shownTextLength(template: string): number {
  try {
    return shownLength(template);
  } catch {
    return template.length;
  }
}

/** Whether `template` parses as an ICU message (validateLevels reports the ones that do not). */
export function isValidMessage(template: string): boolean {
  try {
    messageShape(template);
    return true;
  } catch {
    return false;
  }
}

/** Fills placeholders (ICU, for `locale`); unknown ones stay visible so a missing parameter is noticed. */
export function fill(template: string, params: Readonly<Record<string, string | number>>, locale = 'en'): string {
  return formatMessage(template, params, locale);
}
