/** Numbers in level text: metric values by unit, and the goal sentence with its placeholders filled. */
import { formatNumber } from '../i18n/icu';
import { fill, localize } from './text';
import type { LevelDefinition, MetricUnit } from './types';

function number(value: number, locale: string, maximumFractionDigits: number): string {
  return formatNumber(value, locale, { maximumFractionDigits });
}

/** 88.5% · 97% (a ratio or probability shown as a percentage; "97 %" in Czech and Spanish, through Intl) · 0.0215 · 7.2 pixels · 3. */
export function formatMetricValue(value: number, unit: MetricUnit, locale = 'en'): string {
  switch (unit) {
    case 'percent':
      return formatNumber(value / 100, locale, { style: 'percent', maximumFractionDigits: 1 });
    case 'ratio':
    case 'probability':
      return formatNumber(value, locale, { style: 'percent', maximumFractionDigits: 0 });
    case 'mse':
      return number(value, locale, 4);
    case 'pixels':
    case 'count':
    case 'codeSize':
    case 'nats':
      return number(value, locale, 1);
  }
}

/** The goal sentence in `locale`: {star1}..{star3} are the formatted thresholds, other keys come from goal.params. */
export function goalText(level: LevelDefinition, locale = 'en'): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(level.goal.params ?? {}))
    params[key] = typeof value === 'number' ? number(value, locale, 4) : value;
  level.stars.forEach((t, i) => (params[`star${i + 1}`] = formatMetricValue(t, level.metric.unit, locale)));
  return fill(localize(level.goal.text, locale), params, locale);
}
