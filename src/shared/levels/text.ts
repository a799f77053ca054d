/**
 * Level text is translatable in place: every player-facing string of a level is a `LocalText`, an object with
 * the English text (required, the reference) and optional Polish, Czech and Spanish versions beside it.
 *
 * Why inline rather than keys into src/shared/messages.ts: a level is one self-contained piece of data a
 * teacher can add or edit in one file; its sentences quote its own numbers (the goal says "at most one wrong
 * pixel" next to the scorer that checks it), so a translator sees the context, and an untranslated field
 * falls back to English one string at a time. `missingTranslations()` (validate.ts) lists what a locale lacks.
 * Placeholders are `{name}`, as in the UI catalogue; a translation must use the same placeholders.
 */
export const LEVEL_LOCALES = ['en', 'pl', 'cs', 'es'] as const;
export type LevelLocale = (typeof LEVEL_LOCALES)[number];

export type LocalText = { readonly en: string } & { readonly [L in Exclude<LevelLocale, 'en'>]?: string };

/** The text in `locale`, falling back to English (unknown locales too, so the UI catalogue's type fits). */
export function localize(text: LocalText, locale: string = 'en'): string {
  const translated = (text as Partial<Record<string, string>>)[locale];
  return translated !== undefined && translated !== '' ? translated : text.en;
}

/** `{name}` placeholders of a template, in order of appearance (duplicates kept once). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];
}

/** Fills `{name}` placeholders; unknown ones stay visible so a missing parameter is noticed, not hidden. */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
