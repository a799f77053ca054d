/**
 * npm run i18n:import — brings translators' files into the game. Each file is
 *   { "ui": { "<message key>": "<ICU message>" }, "levels": { "<English level text>": "<translation>" } }
 * named <locale>.json (pl.json, cs.json, es.json) in the folder given by --from (default i18n/). It
 *   - writes the UI catalogue src/shared/i18n/<locale>.ts and the classroom pages' src/shared/i18n/pages/<locale>.ts
 *     (keys in the English order; entries already there and absent from the file are kept, so a partial file fixes
 *     only what it names; keys English lacks are dropped),
 *   - puts the level texts into the world files in place (scripts/i18n-levels-codemod.ts, matched by English text),
 *   - formats what it wrote with Prettier, and prints what was imported, dropped and is still missing.
 * Then run npm run i18n:check. Usage: npm run i18n:import -- --from /path/to/folder [pl cs es]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { LOCALES, LOCALE_NAMES, type Locale } from '../src/shared/i18n/locales';
import { pagesEn } from '../src/shared/i18n/pages/en';
import { CATALOGUES, type MessageKey } from '../src/shared/messages';
import { applyLevelTranslations, type LevelTranslations } from './i18n-levels-codemod';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const fromAt = args.indexOf('--from');
const from = fromAt >= 0 ? args[fromAt + 1] : `${root}i18n`;
const asked = args.filter((a, i) => !a.startsWith('--') && i !== fromAt + 1);
const targets = (asked.length > 0 ? asked : LOCALES.filter((l) => l !== 'en')).filter(
  (l): l is Locale => (LOCALES as readonly string[]).includes(l) && l !== 'en',
);

interface TranslatorFile {
  ui?: Record<string, string>;
  levels?: Record<string, string>;
}

async function formatted(path: string, text: string): Promise<string> {
  const options = await prettier.resolveConfig(path);
  return prettier.format(text, { ...options, filepath: path });
}

/** The classroom server's pages' keys: written to src/shared/i18n/pages/<locale>.ts, not the game's catalogue. */
const PAGE_KEYS = new Set(Object.keys(pagesEn));

function catalogueSource(locale: Locale, entries: [string, string][], complete: boolean): string {
  const body = entries.map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`).join('\n');
  const type = complete ? 'GameCatalogue' : 'Partial<GameCatalogue>';
  return `/**
 * ${LOCALE_NAMES[locale]} (${locale}): the UI catalogue, ICU MessageFormat with the English placeholder names (see
 * src/shared/messages.ts). Written by npm run i18n:import; fix a translation here directly, or re-import.
 */
import type { GameCatalogue } from '../messages';

export const ${locale}: ${type} = {
${body}
};
`;
}

function pagesSource(locale: Locale, entries: [string, string][], complete: boolean): string {
  const body = entries.map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`).join('\n');
  const type = complete ? 'PagesCatalogue' : 'Partial<PagesCatalogue>';
  const name = `pages${locale.charAt(0).toUpperCase()}${locale.slice(1)}`;
  return `/** The classroom server's own pages in ${LOCALE_NAMES[locale]} (${locale}; the \`classroom.*\` keys; pages/en.ts says why they live here). */
import type { PagesCatalogue } from './en';

export const ${name}: ${type} = {
${body}
};
`;
}

const report: Record<string, unknown> = {};
const levelMaps: LevelTranslations = {};
for (const locale of targets) {
  const path = `${from}/${locale}.json`;
  if (!existsSync(path)) {
    report[locale] = { file: path, found: false };
    continue;
  }
  const file = JSON.parse(readFileSync(path, 'utf8')) as TranslatorFile;
  const en = CATALOGUES.en as Record<MessageKey, string>;
  const existing = CATALOGUES[locale] as Partial<Record<string, string>>;
  const incoming = file.ui ?? {};
  const entries: [string, string][] = [];
  for (const key of Object.keys(en)) {
    const value = incoming[key] ?? existing[key];
    if (value !== undefined && value.trim() !== '') entries.push([key, value]);
  }
  const game = entries.filter(([k]) => !PAGE_KEYS.has(k));
  const pages = entries.filter(([k]) => PAGE_KEYS.has(k));
  const target = `${root}src/shared/i18n/${locale}.ts`;
  const gameComplete = game.length === Object.keys(en).length - PAGE_KEYS.size;
  writeFileSync(target, await formatted(target, catalogueSource(locale, game, gameComplete)));
  const pagesTarget = `${root}src/shared/i18n/pages/${locale}.ts`;
  writeFileSync(pagesTarget, await formatted(pagesTarget, pagesSource(locale, pages, pages.length === PAGE_KEYS.size)));
  levelMaps[locale] = file.levels ?? {};
  report[locale] = {
    file: path,
    ui: {
      imported: Object.keys(incoming).filter((k) => k in en).length,
      dropped: Object.keys(incoming).filter((k) => !(k in en)),
      missing: Object.keys(en).filter((k) => !entries.some(([key]) => key === k)),
    },
  };
}

const levelDir = `${root}src/shared/levels`;
const usedTexts = new Set<string>();
const untranslated: Record<string, Set<string>> = {};
for (const name of readdirSync(levelDir).filter((n) => /^world\d.*\.ts$/.test(n))) {
  const path = `${levelDir}/${name}`;
  const source = readFileSync(path, 'utf8');
  const result = applyLevelTranslations(source, levelMaps);
  for (const [locale, texts] of Object.entries(result.untranslated))
    for (const text of texts) (untranslated[locale] ??= new Set()).add(text);
  for (const text of result.seen) usedTexts.add(text);
  if (result.changed > 0) writeFileSync(path, await formatted(path, result.source));
  report[`levels:${name}`] = { changed: result.changed };
}
for (const locale of Object.keys(levelMaps)) {
  const entry = report[locale] as Record<string, unknown>;
  entry.levels = {
    untranslated: [...(untranslated[locale] ?? [])],
    unmatched: Object.keys(levelMaps[locale as Locale] ?? {}).filter(
      (t) => !usedTexts.has(t) && !usedTexts.has(t.trim()),
    ),
  };
}
console.log(JSON.stringify(report, null, 2));
