/**
 * Noise zoo's per-kind card (src/game/level/views/noise-kinds-card.ts) shows every kind the level trains and tests
 * with, each named in every language, and its preview digit is corrupted exactly as the measurement corrupts the
 * first test image (corrupting it alone with the kind's seed gives the same pixels as corrupting the whole set).
 */
import { describe, expect, it } from 'vitest';
import { testedNoiseKinds, NAME_KEYS } from '../../src/game/level/views/noise-kinds';
import { getLevel, LEVELS } from '../../src/shared/levels';
import { ZOO_NOISES } from '../../src/shared/levels/world2-denoise';
import { CATALOGUES, LOCALES } from '../../src/shared/messages';
import { corrupt } from '../../src/shared/noise';
import { createRng } from '../../src/shared/random';

describe('the noise kinds card', () => {
  it('lists Noise zoo’s four kinds (the toggles’ kinds, the test’s kinds) and no other level’s', () => {
    const zoo = testedNoiseKinds(getLevel('noise-zoo')!);
    expect(zoo?.kinds).toEqual(Object.values(ZOO_NOISES));
    expect(zoo?.seed).toBe(7007);
    const zooLevel = getLevel('noise-zoo')!;
    for (const kind of zoo!.kinds) expect(zooLevel.controls.map((c) => c.id)).toContain(kind.type);
    expect(LEVELS.filter((l) => testedNoiseKinds(l) !== null).map((l) => l.id)).toEqual(['noise-zoo']);
    for (const locale of LOCALES)
      for (const key of [...Object.values(NAME_KEYS), 'level.noiseKinds.title' as const])
        expect(CATALOGUES[locale][key], `${locale} ${key}`).toMatch(/\S/);
  });

  it('corrupts the preview digit exactly as the test corrupts the first test image', () => {
    const shape = { width: 28, height: 28 };
    const size = shape.width * shape.height;
    const rng = createRng(5);
    const images = Float32Array.from({ length: 5 * size }, () => (rng.next() < 0.2 ? rng.next() : 0));
    const { kinds, seed } = testedNoiseKinds(getLevel('noise-zoo')!)!;
    kinds.forEach((kind, i) => {
      const all = corrupt(images, shape, kind, seed + i);
      const first = corrupt(images.slice(0, size), shape, kind, seed + i);
      expect(Array.from(first), kind.type).toEqual(Array.from(all.slice(0, size)));
      expect(Array.from(first), kind.type).not.toEqual(Array.from(images.slice(0, size)));
    });
  });
});
