/**
 * The one placeholder owner: every message (UI catalogue, level texts, the classroom pages) is an ICU
 * MessageFormat string formatted by intl-messageformat. `{name}` fills a value (numbers are formatted for the
 * locale: 1,234 · 1 234 · 1.234), `{count, plural, one {# player} other {# players}}` picks the locale's plural
 * form (Polish and Czech have one/few/many, English and Spanish one/other), `{kind, select, …}` picks by value.
 * A missing parameter stays visible as `{name}` so it is noticed, not hidden. Compiled formatters are cached per
 * (locale, message).
 */
import IntlMessageFormat, { type Formatters } from 'intl-messageformat';

export type MessageParams = Readonly<Record<string, string | number>>;

/** The shape of one message: its argument names, and the plural categories each plural argument lists. */
export interface MessageShape {
  args: string[];
  plurals: Record<string, string[]>;
  /** Arguments a plural or select chooses by (they get the raw value; the others get numbers formatted). */
  choosers: string[];
}

interface Compiled {
  formatter: IntlMessageFormat | null;
  shape: MessageShape;
}

/** One cache key for a formatter's constructor arguments (locale and options are plain data). */
function memoized<A extends unknown[], R>(make: (...args: A) => R): (...args: A) => R {
  const made = new Map<string, R>();
  return (...args) => {
    const key = JSON.stringify(args);
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(...args)));
    return value;
  };
}

/**
 * Number formats and plural rules shared by every compiled message (intl-messageformat builds them per message by
 * default): a screen formats dozens of messages, and each Intl constructor negotiates its locale again, which
 * took ~40 ms of the title screen's start (a CPU profile of its cold load, issue 15).
 */
const FORMATTERS: Formatters = {
  getNumberFormat: memoized(
    (locales?: string | string[], opts?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locales, opts),
  ),
  getDateTimeFormat: memoized(
    (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
  ),
  getPluralRules: memoized((...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args)),
};

// The library resolves the locale again for every message it compiles (supportedLocalesOf + Intl.Locale): the
// same few locales here, so each is resolved once.
const resolveLocale = IntlMessageFormat.resolveLocale;
IntlMessageFormat.resolveLocale = memoized((locales: string | string[]) => resolveLocale(locales));

/** Tags (`<b>`) are plain text here: messages never carry markup. */
const OPTIONS = { ignoreTag: true, formatters: FORMATTERS } as const;
const MAX_CACHED = 4000;
const cache = new Map<string, Compiled>();

// The parser's element kinds (@formatjs/icu-messageformat-parser TYPE), read structurally.
const emptyShape = (): MessageShape => ({ args: [], plurals: {}, choosers: [] });
const ARGUMENT_TYPES = new Set([1, 2, 3, 4]);
const SELECT = 5;
const PLURAL = 6;
const TAG = 8;
interface Element {
  type: number;
  value?: unknown;
  offset?: number;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
}

function shapeOf(elements: readonly Element[], shape: MessageShape = emptyShape()): MessageShape {
  const addArg = (name: string): void => {
    if (!shape.args.includes(name)) shape.args.push(name);
  };
  for (const el of elements) {
    if (ARGUMENT_TYPES.has(el.type)) addArg(String(el.value));
    else if (el.type === SELECT || el.type === PLURAL) {
      addArg(String(el.value));
      if (!shape.choosers.includes(String(el.value))) shape.choosers.push(String(el.value));
      const options = el.options ?? {};
      if (el.type === PLURAL) {
        const seen = shape.plurals[String(el.value)] ?? [];
        shape.plurals[String(el.value)] = [...new Set([...seen, ...Object.keys(options)])];
      }
      for (const option of Object.values(options)) shapeOf(option.value, shape);
    } else if (el.type === TAG) shapeOf(el.children ?? [], shape);
  }
  return shape;
}

/** Parses `template` for `locale`; throws the parser's error when it is not a valid ICU message. */
export function compileMessage(template: string, locale: string): IntlMessageFormat {
  return new IntlMessageFormat(template, locale, undefined, OPTIONS);
}

/** Name under which a counted argument's display text (as given, or the number formatted) reaches the formatter. */
const shown = (name: string): string => `${name}\u0000shown`;

/**
 * A plural's count shows as the caller gave it: `#` and `{count}` inside the plural both become the display text
 * (a pre-formatted "88,5 %" keeps its unit; a number is formatted for the locale), while the plural still chooses
 * by the number.
 */
function showCounts(elements: readonly Element[], counted: ReadonlySet<string>, pluralArg: string | null): Element[] {
  return elements.map((el) => {
    if (el.type === 7 && pluralArg !== null) return { type: 1, value: shown(pluralArg) };
    if (el.type === 1 && counted.has(String(el.value))) return { ...el, value: shown(String(el.value)) };
    if (el.type === SELECT || el.type === PLURAL) {
      const offset = el.offset ?? 0;
      const inner = el.type === PLURAL ? (offset === 0 ? String(el.value) : null) : pluralArg;
      const options = Object.fromEntries(
        Object.entries(el.options ?? {}).map(([k, o]) => [k, { ...o, value: showCounts(o.value, counted, inner) }]),
      );
      return { ...el, options };
    }
    if (el.type === TAG) return { ...el, children: showCounts(el.children ?? [], counted, pluralArg) };
    return el;
  });
}

function compiled(template: string, locale: string): Compiled {
  const key = `${locale}\u0000${template}`;
  let entry = cache.get(key);
  if (!entry) {
    try {
      const ast = compileMessage(template, locale).getAst() as unknown as Element[];
      const shape = shapeOf(ast);
      const counted = new Set(Object.keys(shape.plurals));
      const formatter =
        counted.size === 0
          ? compileMessage(template, locale)
          : new IntlMessageFormat(showCounts(ast, counted, null) as never, locale, undefined, OPTIONS);
      entry = { formatter, shape };
    } catch {
      // Not valid ICU: shown as written (npm run i18n:check reports it).
      entry = { formatter: null, shape: emptyShape() };
    }
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, entry);
  }
  return entry;
}

/** Whether a message needs formatting at all (plain text is returned as is, without compiling). */
const isPlain = (template: string): boolean => !/[{}']/.test(template);

/**
 * The message in `locale` with `params` filled; unknown placeholders stay visible as `{name}`. A number filling a
 * plain `{name}` is formatted for the locale; a plural chooses by the number, also when it arrives already
 * formatted as text ("1 234,5 %" in Polish counts as 1234.5).
 */
export function formatMessage(template: string, params: MessageParams | undefined, locale: string): string {
  if (isPlain(template)) return template;
  const { formatter, shape } = compiled(template, locale);
  if (!formatter) return template;
  const values: Record<string, string | number> = {};
  for (const name of shape.args) {
    const value = params?.[name];
    const plural = name in shape.plurals;
    if (value === undefined) {
      if (plural || shape.choosers.includes(name)) return template;
      values[name] = `{${name}}`;
    } else if (plural) {
      const count = typeof value === 'number' ? value : parseLocaleNumber(value, locale);
      if (Number.isNaN(count)) return template;
      values[name] = count;
      values[shown(name)] = typeof value === 'number' ? formatNumber(value, locale) : value;
    } else if (typeof value === 'number' && !shape.choosers.includes(name)) values[name] = formatNumber(value, locale);
    else values[name] = value;
  }
  try {
    return String(formatter.format(values));
  } catch {
    return template;
  }
}

const separators = new Map<string, { group: string; decimal: string }>();

/** The number a locale-formatted text starts with ("1 234,5 %" → 1234.5 in pl); NaN when there is none. */
export function parseLocaleNumber(text: string, locale: string): number {
  let seps = separators.get(locale);
  if (!seps) {
    const parts = new Intl.NumberFormat(locale).formatToParts(11111.5);
    seps = {
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    };
    separators.set(locale, seps);
  }
  const { group, decimal } = seps;
  const plain = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .split(group.replace(/[\s\u00a0\u202f]/g, '') || '\u0000')
    .join('')
    .replace(decimal, '.')
    .replace(/^\u2212/, '-');
  const match = /^-?\d+(\.\d+)?/.exec(plain);
  return match ? Number(match[0]) : Number.NaN;
}

/** Argument names and plural categories of a message; throws when it is not valid ICU. */
export function messageShape(template: string, locale = 'en'): MessageShape {
  if (isPlain(template)) return emptyShape();
  return shapeOf(compileMessage(template, locale).getAst() as unknown as Element[]);
}

/**
 * How long a message can get when shown, in characters: the longest option of each plural or select, and a
 * placeholder counted as written (`{name}`). The level texts' length limits measure this, not the ICU source.
 */
export function shownLength(template: string): number {
  if (isPlain(template)) return template.length;
  const measure = (elements: readonly Element[], pluralArg: string | null): number =>
    elements.reduce((sum, el) => {
      if (el.type === 0) return sum + String(el.value).length;
      if (el.type === 7) return sum + (pluralArg ?? '#').length + 2;
      if (el.type === SELECT || el.type === PLURAL) {
        const inner = el.type === PLURAL ? String(el.value) : pluralArg;
        return sum + Math.max(0, ...Object.values(el.options ?? {}).map((o) => measure(o.value, inner)));
      }
      if (el.type === TAG) return sum + measure(el.children ?? [], pluralArg);
      return sum + String(el.value).length + 2;
    }, 0);
  return measure(compileMessage(template, 'en').getAst() as unknown as Element[], null);
}

/** Argument names of a message, sorted (an unparsable one falls back to its `{name}` spellings). */
export function argumentNames(template: string): string[] {
  if (isPlain(template)) return [];
  const { formatter, shape } = compiled(template, 'en');
  const names = formatter ? shape.args : [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  return [...new Set(names)].sort();
}

const CATEGORY_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

/**
 * The plural categories a message for `locale` must list for a counted argument: every category a whole number
 * selects (Polish one/few/many, Czech one/few/other, English and Spanish one/other), plus `other`, which ICU
 * requires. Categories only fractions select (Czech `many`) may be left out.
 */
export function requiredPluralCategories(locale: string): string[] {
  const rules = new Intl.PluralRules(locale);
  const needed = new Set<string>(['other']);
  for (let n = 0; n <= 200; n++) needed.add(rules.select(n));
  return CATEGORY_ORDER.filter((c) => needed.has(c));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number for `locale` through Intl (formatters cached per locale and options). */
export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let nf = numberFormats.get(key);
  if (!nf) numberFormats.set(key, (nf = new Intl.NumberFormat(locale, options)));
  return nf.format(value);
}
