/**
 * The level-text codemod: puts translations into the world files (src/shared/levels/world*.ts) in place, as the
 * LocalText design says: `{ en: '…' }` becomes `{ en: '…', pl: '…', cs: '…', es: '…' }`. A text is matched by its
 * English string, so the same sentence in two places gets the same translation. Only LocalText objects are
 * touched (an object literal whose properties are `en` and locale codes, with string values); everything else
 * in the file stays byte for byte, apart from what Prettier rewraps afterwards. Used by scripts/i18n-import.ts.
 */
import ts from 'typescript';
import { LOCALES, type Locale } from '../src/shared/i18n/locales';

/** English text → translation, one map per locale. */
export type LevelTranslations = Partial<Record<Locale, Readonly<Record<string, string>>>>;

export interface CodemodResult {
  source: string;
  /** LocalText objects changed. */
  changed: number;
  /** English texts (of LocalText objects) that a locale's map has no translation for. */
  untranslated: Partial<Record<Locale, string[]>>;
  /** Every English text of a LocalText in the file. */
  seen: string[];
}

const stringValue = (node: ts.Expression): string | null =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : null;

const propertyName = (p: ts.ObjectLiteralElementLike): string | null =>
  ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;

/** A `{ en: '…', pl?: '…', … }` literal: its English text and the source text of `en`'s value. */
function asLocalText(node: ts.Node, file: ts.SourceFile): { en: string; enSource: string } | null {
  if (!ts.isObjectLiteralExpression(node) || node.properties.length === 0) return null;
  let en: string | null = null;
  let enSource = '';
  for (const p of node.properties) {
    const name = propertyName(p);
    if (name === null || !(LOCALES as readonly string[]).includes(name)) return null;
    const value = stringValue((p as ts.PropertyAssignment).initializer);
    if (value === null) return null;
    if (name === 'en') {
      en = value;
      enSource = (p as ts.PropertyAssignment).initializer.getText(file);
    }
  }
  return en === null ? null : { en, enSource };
}

const lookup = (map: Readonly<Record<string, string>> | undefined, en: string): string | undefined => {
  if (!map) return undefined;
  const exact = map[en];
  if (exact !== undefined && exact.trim() !== '') return exact;
  const trimmed = map[en.trim()];
  return trimmed !== undefined && trimmed.trim() !== '' ? trimmed : undefined;
};

/** Rewrites every LocalText of `source` with the translations it has; keeps translations already there otherwise. */
export function applyLevelTranslations(source: string, translations: LevelTranslations): CodemodResult {
  const file = ts.createSourceFile('world.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const untranslated: Partial<Record<Locale, string[]>> = {};
  const seen: string[] = [];
  const visit = (node: ts.Node): void => {
    const local = asLocalText(node, file);
    if (!local) return ts.forEachChild(node, visit);
    seen.push(local.en);
    const object = node as ts.ObjectLiteralExpression;
    const current = new Map(object.properties.map((p) => [propertyName(p)!, (p as ts.PropertyAssignment).initializer]));
    const parts = [`en: ${local.enSource}`];
    let differs = false;
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const translated = lookup(translations[locale], local.en);
      const existing = current.get(locale);
      if (translated === undefined && translations[locale]) (untranslated[locale] ??= []).push(local.en);
      if (translated !== undefined) {
        parts.push(`${locale}: ${JSON.stringify(translated)}`);
        if (!existing || stringValue(existing) !== translated) differs = true;
      } else if (existing) parts.push(`${locale}: ${existing.getText(file)}`);
    }
    if (differs) edits.push({ start: object.getStart(file), end: object.getEnd(), text: `{ ${parts.join(', ')} }` });
  };
  visit(file);
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { source: out, changed: edits.length, untranslated, seen };
}
