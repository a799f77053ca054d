/**
 * assets/warm-start.js (a classic script outside the bundle, so it can run while the main chunk downloads) copies
 * the game's locales and font family; it only helps while they are the same. It must also run as written in a
 * page: here in a plain script context with stand-ins for the DOM, counting what it warmed.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/shared/i18n/locales';
import { FONT_FAMILY } from '../../src/game/ui/theme';

const source = readFileSync(new URL('../../assets/warm-start.js', import.meta.url), 'utf8');

describe('warm-start.js', () => {
  it('warms the game’s own locales and font family', () => {
    expect(source).toContain(`var LOCALES = [${LOCALES.map((l) => `'${l}'`).join(', ')}];`);
    expect(source).toContain(`var FONT_FAMILY = '${FONT_FAMILY}';`);
  });

  it('formats in every locale and measures text in both weights, and never throws', () => {
    const fonts: string[] = [];
    const formatted: string[] = [];
    const ctx = {
      set font(f: string) {
        fonts.push(f);
      },
      measureText: () => ({ width: 1 }),
    };
    const NumberFormat = function (this: unknown, locale: string) {
      return { format: (n: number) => formatted.push(`${locale}:${n}`) };
    } as unknown as typeof Intl.NumberFormat;
    NumberFormat.supportedLocalesOf = (l: string | readonly string[]) => [...(typeof l === 'string' ? [l] : l)];
    const sandbox = {
      Intl: {
        NumberFormat,
        PluralRules: function () {
          return { select: () => 'other' };
        },
      },
      document: { createElement: () => ({ getContext: () => ctx }) },
    };
    runInNewContext(source, sandbox);
    expect(formatted).toEqual(LOCALES.map((l) => `${l}:1234.5`));
    expect(fonts).toEqual([`bold 20px ${FONT_FAMILY}`, `normal 20px ${FONT_FAMILY}`]);
    // A browser without a 2D canvas or with a broken Intl: swallowed, it is only a head start.
    expect(() => runInNewContext(source, { Intl: {}, document: {} })).not.toThrow();
  });
});
