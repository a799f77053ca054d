import { describe, expect, it } from 'vitest';
import { BACKDROP_SIZE, backdropPoints } from '../../src/game/ui/backdrop-art';

describe('the backdrop', () => {
  it('is the same ten faint clusters of 26 points on every load, inside the picture', () => {
    const points = backdropPoints();
    expect(points).toEqual(backdropPoints());
    expect(points).toHaveLength(260);
    const byColour = new Map<string, typeof points>();
    for (const p of points) byColour.set(p.color, [...(byColour.get(p.color) ?? []), p]);
    expect([...byColour.values()].map((c) => c.length)).toEqual(Array(10).fill(26));
    for (const p of points) {
      expect(p.x - p.r).toBeGreaterThanOrEqual(0);
      expect(p.y - p.r).toBeGreaterThanOrEqual(0);
      expect(p.x + p.r).toBeLessThanOrEqual(BACKDROP_SIZE.width);
      expect(p.y + p.r).toBeLessThanOrEqual(BACKDROP_SIZE.height);
      expect(p.r).toBeGreaterThanOrEqual(2);
      expect(p.r).toBeLessThanOrEqual(4.5);
      expect(p.alpha).toBeGreaterThanOrEqual(0.18);
      expect(p.alpha).toBeLessThanOrEqual(0.4);
    }
    // Clusters, not noise: each class's points sit closer to their own centre than the classes' centres do.
    const centre = (c: typeof points) => [
      c.reduce((a, p) => a + p.x, 0) / c.length,
      c.reduce((a, p) => a + p.y, 0) / c.length,
    ];
    const centres = [...byColour.values()].map(centre);
    const spread = Math.max(
      ...[...byColour.values()].map((c, i) =>
        Math.max(...c.map((p) => Math.hypot(p.x - centres[i][0], p.y - centres[i][1]))),
      ),
    );
    expect(spread).toBeLessThan(200);
    expect(new Set(centres.map(([x, y]) => `${Math.round(x / 40)},${Math.round(y / 40)}`)).size).toBe(10);
  });
});
