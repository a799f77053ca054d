import { describe, expect, it } from 'vitest';
import {
  DRAG_THRESHOLD,
  REVEAL_MARGIN,
  ScrolledRegistry,
  clampScroll,
  dragScroll,
  maxScrollFor,
  revealScroll,
  startsDrag,
} from '../../src/game/ui/camera-scroll';

// A 420x844 phone level: the HUD's top bar ends at 178, its hint strip starts at 752.
const band = { top: 178, bottom: 752 };

describe('camera scroll arithmetic', () => {
  it('scrolls over what the column has beyond the screen, never less than nothing', () => {
    expect(maxScrollFor(1500, 844)).toBe(656);
    expect(maxScrollFor(600, 844)).toBe(0);
  });

  it('clamps to the range on whole pixels', () => {
    expect(clampScroll(-30, 656)).toBe(0);
    expect(clampScroll(900, 656)).toBe(656);
    expect(clampScroll(120.6, 656)).toBe(121);
    expect(clampScroll(50, 0)).toBe(0);
  });

  it('a tap that wobbles under the threshold does not scroll; past it the content follows the finger', () => {
    expect(dragScroll(100, 400, 400 + DRAG_THRESHOLD - 1, 656)).toBeNull();
    expect(dragScroll(100, 400, 400 - (DRAG_THRESHOLD - 1), 656)).toBeNull();
    // Dragging up by 50 shows what was 50 px lower: scroll grows by exactly 50 (no jump by the threshold).
    expect(dragScroll(100, 400, 350, 656)).toBe(150);
    expect(dragScroll(100, 400, 400 + DRAG_THRESHOLD, 656)).toBe(100 - DRAG_THRESHOLD);
    expect(dragScroll(100, 400, 900, 656)).toBe(0);
    expect(dragScroll(600, 700, 100, 656)).toBe(656);
  });

  it('a drag starts only on empty space inside the band', () => {
    expect(startsDrag(400, false, band)).toBe(true);
    expect(startsDrag(400, true, band)).toBe(false);
    expect(startsDrag(100, false, band)).toBe(false); // on the top bar
    expect(startsDrag(800, false, band)).toBe(false); // on the hint strip
    expect(startsDrag(178, false, band)).toBe(true);
    expect(startsDrag(752, false, band)).toBe(false);
  });

  it('Tab reveals a widget hidden under the top bar or the hint strip with room for its label, and leaves a visible one alone', () => {
    const max = 656;
    // Visible at scroll 100: world 300..340 shows at 200..240, inside 178..752.
    expect(revealScroll({ x: 0, y: 300, width: 10, height: 40 }, 100, band, max)).toBeNull();
    // Under the top bar: its top lands REVEAL_MARGIN below the bar.
    const up = revealScroll({ x: 0, y: 250, width: 10, height: 40 }, 100, band, max)!;
    expect(250 - up).toBe(band.top + REVEAL_MARGIN);
    // Below the band: its bottom lands REVEAL_MARGIN above the hint strip.
    const down = revealScroll({ x: 0, y: 900, width: 10, height: 40 }, 100, band, max)!;
    expect(940 - down).toBe(band.bottom - REVEAL_MARGIN);
    // Never past the ends.
    expect(revealScroll({ x: 0, y: 190, width: 10, height: 40 }, 300, band, max)).toBe(0);
    expect(revealScroll({ x: 0, y: 1450, width: 10, height: 40 }, 0, band, max)).toBe(max);
  });

  it('the whole screen as the band (the Lab)', () => {
    const screen = { top: 0, bottom: 844 };
    expect(revealScroll({ x: 0, y: 900, width: 10, height: 40 }, 0, screen, 1000)).toBe(900 + 40 - 844 + REVEAL_MARGIN);
    expect(revealScroll({ x: 0, y: 500, width: 10, height: 40 }, 0, screen, 1000)).toBeNull();
  });
});

describe('ScrolledRegistry', () => {
  it('reports scrolled widgets in screen pixels and fixed (HUD) ones as they are', () => {
    const camera = { scrollX: 0, scrollY: 120 } as ConstructorParameters<typeof ScrolledRegistry>[0];
    const registry = new ScrolledRegistry(camera);
    registry.register('level:train', () => ({ x: 16, y: 200, width: 300, height: 44 }));
    registry.registerFixed('hud:hint', () => ({ x: 16, y: 752, width: 388, height: 76 }));
    expect(registry.bounds('level:train')).toEqual({ x: 16, y: 80, width: 300, height: 44 });
    expect(registry.bounds('hud:hint')).toEqual({ x: 16, y: 752, width: 388, height: 76 });
    expect(registry.bounds('missing')).toBeNull();
    registry.clear();
    registry.register('hud:hint', () => ({ x: 0, y: 500, width: 1, height: 1 }));
    expect(registry.bounds('hud:hint')?.y).toBe(380);
  });
});
