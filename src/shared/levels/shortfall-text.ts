/**
 * Goal checks (./shortfall.ts) in words, in a given locale: the lines of a "Not yet" card and of the Results
 * screen, and the Results screen's takeaway from the player's own numbers. Numbers go through Intl
 * (formatMetricValue), sentences through the message catalogues.
 */
import { formatNumber } from '../i18n/icu';
import { catalogue, CATALOGUES, format, LOCALES, type Locale, type MessageKey, type MessageParams } from '../messages';
import { formatMetricValue } from './format';
import { checkGap, type CheckUnit, type GoalCheck } from './shortfall';
import { localize } from './text';
import type { LevelDefinition } from './types';
import { PATH_END, PATH_START, PATH_VIA } from './world3-latent-map';

function asLocale(locale: string): Locale {
  return (LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : 'en';
}

function say(key: MessageKey, params: MessageParams, locale: string): string {
  const loc = asLocale(locale);
  return format(catalogue(loc)[key] ?? CATALOGUES.en[key], params, loc);
}

/** A check's number in its unit, for `locale`. */
export function formatCheckValue(value: number, unit: CheckUnit, locale = 'en'): string {
  if (unit === 'nats') return formatNumber(value, locale, { maximumFractionDigits: 1 });
  if (unit === 'distance') return formatNumber(value, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (unit === 'count' || unit === 'codeSize') return formatNumber(value, locale, { maximumFractionDigits: 1 });
  return formatMetricValue(value, unit, locale);
}

const NOISE_NAME: Readonly<Record<string, MessageKey>> = {
  gaussian: 'results.detail.noise.gaussian',
  saltPepper: 'results.detail.noise.saltPepper',
  masking: 'results.detail.noise.masking',
  block: 'results.detail.noise.block',
};

/** One check as a sentence (no final full stop), whether it passed or not. */
export function checkText(level: LevelDefinition, check: GoalCheck, locale = 'en'): string {
  const n = (v: number): string => formatCheckValue(v, check.unit, locale);
  const value = n(check.value);
  const limit = n(check.limit);
  const gap = n(checkGap(check));
  switch (check.kind) {
    case 'weights':
      return say('fail.weights', { count: check.value, value, gap, limit }, locale);
    case 'written':
      return say('fail.written', { n: check.value, total: check.limit, wrong: check.subject ?? '' }, locale);
    case 'bits':
      return say('fail.bits', { value, gap, limit }, locale);
    case 'worstLetter':
      return say('fail.worstLetter', { letter: check.subject ?? '?', n: check.value, limit }, locale);
    case 'kl':
      return say('fail.kl', { value, limit }, locale);
    case 'reconstruction':
      return say('fail.reconstruction', { value, limit }, locale);
    case 'hardestNoise': {
      const key = NOISE_NAME[check.subject ?? ''];
      return say('fail.hardestNoise', { kind: key ? say(key, {}, locale) : (check.subject ?? ''), value }, locale);
    }
    case 'nearestGap':
      return say('fail.nearestGap', { value, gap, limit }, locale);
    case 'bestMatch':
      return say('fail.bestMatch', { value, limit }, locale);
    case 'digits':
      return say('fail.digits', { n: check.value, total: check.limit, missing: check.subject ?? '' }, locale);
    case 'priorDreams':
      return say('fail.priorDreams', { n: check.value, total: check.limit }, locale);
    case 'pathOrder':
      return say(
        'fail.pathOrder',
        { read: check.subject ?? '', start: PATH_START, via: PATH_VIA, end: PATH_END },
        locale,
      );
    case 'elbo':
      return say(
        'fail.elbo',
        {
          value,
          limit,
          gap,
          reconstruction: n(check.parts?.[0] ?? check.value),
          kl: n(check.parts?.[1] ?? 0),
        },
        locale,
      );
    case 'metric':
      return say(
        check.bound === 'max' ? 'fail.metric.max' : 'fail.metric.min',
        { metric: localize(level.metric.label, locale), value, gap, limit },
        locale,
      );
  }
}

/** The lines a "Not yet" card (and the Results screen after a missed goal) shows: one per failed check. */
export function shortfallLines(level: LevelDefinition, checks: readonly GoalCheck[], locale = 'en'): string[] {
  return checks.filter((c) => !c.met).map((c) => checkText(level, c, locale));
}

/** "Code size 8, Hidden layers 0, Activation tanh": the attempt's control values as the controls name them. */
export function settingsText(level: LevelDefinition, values: Readonly<Record<string, unknown>>, locale = 'en'): string {
  const parts: string[] = [];
  for (const c of level.controls) {
    const v = values[c.id];
    if (v === undefined) continue;
    let shown: string;
    if (c.kind === 'slider' && typeof v === 'number') shown = formatNumber(v, locale, { maximumFractionDigits: 4 });
    else if (c.kind === 'toggle') shown = say(v === true ? 'level.on' : 'level.off', {}, locale);
    else if (c.kind === 'choice') {
      const option = c.options.find((o) => o.value === v);
      shown = option ? localize(option.label, locale) : String(v);
    } else shown = String(v);
    parts.push(`${localize(c.label, locale)} ${shown}`);
  }
  return parts.join(', ');
}

export interface TakeawayInput {
  score: number;
  stars: number;
  goalMet: boolean;
  /** goalChecks() of the attempt. */
  checks: readonly GoalCheck[];
  /** The attempt's control values (trained levels), for takeaways that name a setting. */
  values?: Readonly<Record<string, unknown>>;
}

/**
 * One sentence from what the player did, for the Results screen's "What you learned": their number against the
 * next line (or past the top one), or, after a miss, the failed check closest to its limit. Never the concept card.
 */
export function takeaway(level: LevelDefinition, input: TakeawayInput, locale = 'en'): string {
  const metric = localize(level.metric.label, locale);
  const fmt = (v: number): string => formatCheckValue(v, level.metric.unit, locale);
  if (!input.goalMet) {
    const failed = input.checks.filter((c) => !c.met);
    if (failed.length === 0) return say('takeaway.missed', { detail: metric }, locale);
    // Relative distance to its own limit: the one nearest to passing is the first thing to move.
    const rel = (c: GoalCheck): number => checkGap(c) / Math.max(Math.abs(c.limit), 1e-9);
    const closest = failed.reduce((a, b) => (rel(b) < rel(a) ? b : a));
    const detail = checkText(level, closest, locale);
    const settings = input.values ? settingsText(level, input.values, locale) : '';
    return settings
      ? say('takeaway.missedSettings', { settings, detail }, locale)
      : say('takeaway.missed', { detail }, locale);
  }
  if (level.id === 'budget') {
    const weights = input.checks.find((c) => c.kind === 'weights');
    if (weights)
      return say(
        'takeaway.budget',
        {
          share: formatNumber(weights.value / weights.limit, locale, { style: 'percent', maximumFractionDigits: 0 }),
          limit: formatCheckValue(weights.limit, 'count', locale),
          value: formatCheckValue(weights.value, 'count', locale),
        },
        locale,
      );
  }
  if (level.id === 'squeeze-the-alphabet') return say('takeaway.squeeze', { count: input.score }, locale);
  const lower = level.metric.direction === 'lower';
  const stars = Math.max(1, Math.min(3, Math.round(input.stars)));
  if (stars >= 3) {
    const top = level.stars[2];
    return say(
      'takeaway.top',
      { metric, value: fmt(input.score), limit: fmt(top), gap: fmt(Math.abs(input.score - top)) },
      locale,
    );
  }
  const next = level.stars[stars];
  const gap = lower ? input.score - next : next - input.score;
  return say(
    'takeaway.next',
    { metric, value: fmt(input.score), limit: fmt(next), gap: fmt(Math.max(0, gap)) },
    locale,
  );
}
