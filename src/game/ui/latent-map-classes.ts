/** The latent map's class colours and where each class sits (the middle of its dots, where its name is written). */
import type * as Phaser from 'phaser';
import type { MapPoints } from './LatentMap';
import { CSS, cssHex, TEXT, type Rect } from './theme';

/**
 * Ten class colours (digits 0–9), readable on the dark theme. The digits a VAE map puts side by side and a player
 * must tell apart get colours of different hue and lightness (issue 10): 1 magenta / 7 lime, 3 amber / 5 grey,
 * 0 sky blue / 9 red; 4 purple beside 9, 6 royal blue, 8 orange, 2 mint.
 */
export const CLASS_COLORS = [
  0x4cc9f0, 0xf72585, 0x80ed99, 0xffb703, 0x9d4edd, 0xd9d9d9, 0x3a86ff, 0xe9ff70, 0xfb8500, 0xff4d4d,
] as const;

/** Class `c`'s colour as a CSS string. */
export function classCss(c: number): string {
  return cssHex(CLASS_COLORS[c % CLASS_COLORS.length]);
}

/** Per class 0..classes−1: the median of its dots' coordinates (null when it has none). One pass over the points. */
export function classMiddles(p: MapPoints, classes: number): ({ x: number; y: number } | null)[] {
  const counts = new Int32Array(classes);
  for (let i = 0; i < p.count; i++) {
    const c = p.labels[i];
    if (c >= 0 && c < classes) counts[c]++;
  }
  const xs = Array.from({ length: classes }, (_, c) => new Float64Array(counts[c]));
  const ys = Array.from({ length: classes }, (_, c) => new Float64Array(counts[c]));
  const filled = new Int32Array(classes);
  for (let i = 0; i < p.count; i++) {
    const c = p.labels[i];
    if (!(c >= 0 && c < classes)) continue;
    xs[c][filled[c]] = p.codes[2 * i];
    ys[c][filled[c]++] = p.codes[2 * i + 1];
  }
  // Typed arrays sort numerically without a comparator.
  const mid = (v: Float64Array): number => v.sort()[Math.floor(v.length / 2)];
  return xs.map((x, c) => (x.length > 0 ? { x: mid(x), y: mid(ys[c]) } : null));
}

/**
 * Each class's name in its colour on a dark outline, at the middle of its dots (digit maps; the path's 1, 9, 7).
 * The texts are made with the map (hidden), so the frame that first shows a run's dots only moves them.
 */
export class ClassLabels {
  private readonly texts: Phaser.GameObjects.Text[];
  /** The last points' middles: a map redraws (bounds, shown, focus) more often than its dots change. */
  private middles: { of: MapPoints; at: ({ x: number; y: number } | null)[] } | null = null;

  constructor(
    scene: Phaser.Scene,
    names: readonly string[],
    track: (t: Phaser.GameObjects.Text) => Phaser.GameObjects.Text,
  ) {
    this.texts = names.map((name, c) => {
      const style = { ...TEXT.body, fontStyle: 'bold', color: classCss(c), stroke: '#000000', strokeThickness: 4 };
      return track(scene.add.text(0, 0, name, style).setOrigin(0.5, 0.5).setVisible(false));
    });
  }

  /** Writes the names for `points` (null: none) inside `area`; `toScreen` maps latent to game pixels. */
  draw(
    points: MapPoints | null,
    area: Rect,
    visible: boolean,
    toScreen: (x: number, y: number) => { x: number; y: number },
  ): void {
    for (const t of this.texts) t.setVisible(false);
    if (!points) return;
    if (this.middles?.of !== points) this.middles = { of: points, at: classMiddles(points, this.texts.length) };
    this.middles.at.forEach((m, c) => {
      if (!m) return;
      const s = toScreen(m.x, m.y);
      if (s.x < area.x || s.x > area.x + area.width || s.y < area.y || s.y > area.y + area.height) return;
      this.texts[c].setPosition(Math.round(s.x), Math.round(s.y)).setVisible(visible);
    });
  }
}

/**
 * A lettered map (more classes than colours: the 26 letters): each point written as its class's name. One text per
 * class is made with the map (a letters map shows each letter once); more points get theirs when first drawn.
 */
export class PointLetters {
  private readonly texts: Phaser.GameObjects.Text[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly names: readonly string[],
    private readonly track: (t: Phaser.GameObjects.Text) => Phaser.GameObjects.Text,
    ahead: number,
  ) {
    for (let i = 0; i < ahead; i++) this.texts.push(this.make().setVisible(false));
  }

  private make(): Phaser.GameObjects.Text {
    return this.track(
      this.scene.add.text(0, 0, '', { ...TEXT.body, fontStyle: 'bold', color: CSS.accent }).setOrigin(0.5, 0.5),
    );
  }

  /** Writes `points` (null: none); `toScreen` maps latent to game pixels. */
  draw(points: MapPoints | null, visible: boolean, toScreen: (x: number, y: number) => { x: number; y: number }): void {
    for (const t of this.texts) t.setVisible(false);
    if (!points) return;
    for (let i = 0; i < points.count; i++) {
      const s = toScreen(points.codes[2 * i], points.codes[2 * i + 1]);
      let t = this.texts[i];
      if (!t) {
        t = this.make();
        this.texts.push(t);
      }
      t.setText(this.names[points.labels[i]] ?? '?')
        .setPosition(Math.round(s.x), Math.round(s.y))
        .setVisible(visible);
    }
  }
}
