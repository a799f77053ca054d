/** Small formatters for the HUD (numbers go through the message catalogue's locale formatting). */
import { formatNumber } from '../../shared/i18n/icu';
import { getLocale } from '../../shared/messages';

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** 0.25 · 0,25: a 0..1 level with two decimals, for the active language. */
export function formatLevel(value: number): string {
  return formatNumber(value, getLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** 21.2 · 21,2: a number with `digits` decimals, for the active language. */
export function formatFixed(value: number, digits: number): string {
  return formatNumber(value, getLocale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** 21.2% · 21,2 % (Czech, Spanish): a 0..100 match with one decimal, for the active language. */
export function formatPercent(value: number): string {
  return formatNumber(value / 100, getLocale(), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}
