/**
 * The Results screen's detail lines: the scorer's `detail` numbers (LevelScore.detail) as one or two short
 * sentences. Pure (text from the message catalogue, numbers through the levels' own formatting), so it is tested
 * in Node. Only keys named here are shown: a scorer may add a number before there is wording for it, and a raw
 * `someKey: 0.1234` would mean nothing to a player.
 */
import { LETTERS } from '../../shared/glyphs';
import { formatMetricValue } from '../../shared/levels/format';
import type { MetricUnit } from '../../shared/levels/types';
import { ZOO_NOISES } from '../../shared/levels/world2-denoise';
import { t, type Locale, type MessageKey } from '../../shared/messages';

type Detail = Readonly<Record<string, number>>;

interface Part {
  /** Every key must be present (and finite) for the part to be shown; they are then used up. */
  keys: readonly string[];
  text: (d: Detail, num: (v: number, unit: MetricUnit) => string) => string | null;
}

const NOISE_KINDS = Object.keys(ZOO_NOISES) as (keyof typeof ZOO_NOISES)[];

/** In reading order; combined parts come before the single-key ones they would otherwise fall back to. */
const PARTS: readonly Part[] = [
  {
    keys: ['heldOutMse', 'pcaMse'],
    text: (d, n) => t('results.detail.mseVsPca', { mse: n(d.heldOutMse, 'mse'), pca: n(d.pcaMse, 'mse') }),
  },
  { keys: ['heldOutMse'], text: (d, n) => t('results.detail.mse', { mse: n(d.heldOutMse, 'mse') }) },
  { keys: ['pcaMse'], text: (d, n) => t('results.detail.pca', { pca: n(d.pcaMse, 'mse') }) },
  {
    keys: ['worstLetterWrongPixels'],
    text: (d, n) =>
      d.worstLetterWrongPixels === 0
        ? t('results.detail.worstLetterPerfect')
        : d.worstLetterWrongPixels === 1
          ? t('results.detail.worstLetterOne')
          : t('results.detail.worstLetter', { n: n(d.worstLetterWrongPixels, 'pixels') }),
  },
  {
    keys: ['perfectLetters'],
    text: (d, n) => t('results.detail.perfectLetters', { n: n(d.perfectLetters, 'count'), total: LETTERS.length }),
  },
  {
    keys: ['randomPatternPixels'],
    text: (d, n) => t('results.detail.patternPixels', { n: n(d.randomPatternPixels, 'pixels') }),
  },
  { keys: ['params'], text: (d, n) => t('results.detail.weights', { params: n(d.params, 'count') }) },
  {
    keys: ['overBudget'],
    text: (d, n) =>
      d.overBudget > 0
        ? t('results.detail.overBudget', { over: n(d.overBudget, 'count') })
        : t('results.detail.withinBudget'),
  },
  { keys: ['meanWrongPixels'], text: (d, n) => t('results.detail.meanWrong', { n: n(d.meanWrongPixels, 'pixels') }) },
  {
    keys: ['worstKindIndex'],
    text: (d) => {
      const kind = NOISE_KINDS[d.worstKindIndex];
      return kind ? t('results.detail.hardestNoise', { kind: t(`results.detail.noise.${kind}` as MessageKey) }) : null;
    },
  },
  {
    keys: ['looks', 'looksFor3'],
    text: (d, n) => t('results.detail.looks', { n: n(d.looks, 'count'), max: n(d.looksFor3, 'count') }),
  },
  { keys: ['pointsTried'], text: (d, n) => t('results.detail.pointsTried', { n: n(d.pointsTried, 'count') }) },
  { keys: ['bestMatch'], text: (d, n) => t('results.detail.bestMatch', { value: n(d.bestMatch, 'percent') }) },
  { keys: ['worstMatch'], text: (d, n) => t('results.detail.worstMatch', { value: n(d.worstMatch, 'percent') }) },
  {
    keys: ['mseShare', 'klShare'],
    text: (d, n) => t('results.detail.shares', { mse: n(d.mseShare, 'ratio'), kl: n(d.klShare, 'ratio') }),
  },
  { keys: ['digitsFound'], text: (d, n) => t('results.detail.digitsFound', { n: n(d.digitsFound, 'count') }) },
  { keys: ['steps'], text: (d, n) => t('results.detail.steps', { n: n(d.steps, 'count') }) },
  { keys: ['inOrder'], text: (d) => (d.inOrder ? t('results.detail.inOrder') : t('results.detail.outOfOrder')) },
];

const SEPARATOR = ' · ';

/**
 * At most two lines, each about `maxChars` long (parts are never split; the caller still word-wraps as a safety
 * net); what does not fit on the first line goes on the second. Empty when no key is known.
 */
export function resultDetailLines(
  detail: Detail | undefined | null,
  locale: Locale | string = 'en',
  maxChars = 60,
): string[] {
  if (!detail) return [];
  const num = (v: number, unit: MetricUnit): string => formatMetricValue(v, unit, locale);
  const present = (key: string): boolean => typeof detail[key] === 'number' && Number.isFinite(detail[key]);
  const used = new Set<string>();
  const parts: string[] = [];
  for (const part of PARTS) {
    if (!part.keys.every((k) => present(k) && !used.has(k))) continue;
    const text = part.text(detail, num);
    if (text === null) continue;
    for (const k of part.keys) used.add(k);
    parts.push(text);
  }
  if (parts.length === 0) return [];
  const lines: string[] = [parts[0]];
  for (const part of parts.slice(1)) {
    const last = lines.length - 1;
    if (lines.length === 2 || lines[last].length + SEPARATOR.length + part.length <= maxChars)
      lines[last] += SEPARATOR + part;
    else lines.push(part);
  }
  return lines.map((line) => line.charAt(0).toLocaleUpperCase(locale) + line.slice(1));
}
