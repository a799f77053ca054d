/**
 * The languages the game speaks. English is the reference: its catalogue defines the message keys and every
 * level text has it. A language name is written in that language (a picker shows "Polski", not a flag).
 */
export const LOCALES = ['en', 'pl', 'cs', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  pl: 'Polski',
  cs: 'Čeština',
  es: 'Español',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first of `tags` (BCP 47, best first: navigator.languages, Accept-Language, `?lang=`) whose language part has a
 * catalogue; null when none does.
 */
export function matchLocale(tags: readonly (string | null | undefined)[]): Locale | null {
  for (const tag of tags) {
    const language = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(language)) return language;
  }
  return null;
}

/** The locales of an Accept-Language header, best first (q-values respected, `*` ignored). */
export function acceptLanguageTags(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.split(';').map((s) => s.trim());
      const q = params.find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((p) => p.tag !== '' && p.tag !== '*' && p.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((p) => p.tag);
}

/**
 * The language to start in: `?lang=` in the link (the classroom QR code carries the teacher's), else the saved
 * setting, else the browser's languages on a first visit, else English. Unknown values are skipped.
 */
export function chooseLocale(o: { url: string | null; saved: string | null; browser: readonly string[] }): Locale {
  if (isLocale(o.url)) return o.url;
  if (isLocale(o.saved)) return o.saved;
  return matchLocale(o.browser) ?? DEFAULT_LOCALE;
}
