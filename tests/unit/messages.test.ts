import { describe, expect, it } from 'vitest';
import { CATALOGUES, LOCALES, format, placeholders, t, type MessageKey } from '../../src/shared/messages';

describe('message catalogue', () => {
  const keys = Object.keys(CATALOGUES.en) as MessageKey[];

  it.each(LOCALES)('%s has every key, non-empty, with the same placeholders as English', (locale) => {
    const cat = CATALOGUES[locale];
    expect(Object.keys(cat).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(cat[key].trim().length, key).toBeGreaterThan(0);
      expect(placeholders(cat[key]), key).toEqual(placeholders(CATALOGUES.en[key]));
    }
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(t('progress.steps', { step: 1200, total: 2000 })).toBe('Step 1,200 / 2,000');
    expect(format('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });
});
