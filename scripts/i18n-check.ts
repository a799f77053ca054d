/**
 * npm run i18n:check — is every text in every language? Prints one JSON report per locale (counts, missing and
 * extra keys, placeholder and plural mismatches, ICU parse errors, for the UI catalogue and the level texts) and
 * exits 1 when any locale has a problem. The rules live in src/shared/i18n/check.ts.
 *   --summary   counts only (the lists shortened to their length)
 */
import { checkAllLocales, type LocaleReport } from '../src/shared/i18n/check';

const summary = process.argv.includes('--summary');
const reports = checkAllLocales();
const shorten = (report: LocaleReport): unknown =>
  JSON.parse(JSON.stringify(report), (_key, value: unknown) => (Array.isArray(value) ? value.length : value));
const out = Object.fromEntries(Object.entries(reports).map(([l, r]) => [l, summary ? shorten(r) : r]));
console.log(JSON.stringify(out, null, 2));
const failing = Object.entries(reports)
  .filter(([, r]) => !r.ok)
  .map(([l]) => l);
if (failing.length > 0) {
  console.error(`i18n:check: problems in ${failing.join(', ')}`);
  process.exit(1);
}
