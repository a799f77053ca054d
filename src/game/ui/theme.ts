/** One dark palette and type scale for every widget (sizes are game pixels at 1280x720). */
import type * as Phaser from 'phaser';

export const COLORS = {
  bg: 0x0d1321,
  panel: 0x141c2e,
  panelBorder: 0x253150,
  surface: 0x1d2842,
  surfaceHover: 0x27365a,
  surfacePressed: 0x31426b,
  surfaceDisabled: 0x171f33,
  selected: 0x3a86c8,
  selectedHover: 0x4593d6,
  accent: 0x4cc9f0,
  accentHover: 0x72d6f4,
  accentPressed: 0x35a9cf,
  danger: 0xef476f,
  dangerSurface: 0x3a1f2e,
  warning: 0xffb703,
  success: 0x80ed99,
  focus: 0xffd166,
  gridLine: 0x243049,
  axis: 0x3a4866,
  imageEmpty: 0x10182a,
} as const;

export const CSS = {
  text: '#e8edf7',
  muted: '#9eabc4',
  faint: '#6f7d97',
  accent: '#4cc9f0',
  onAccent: '#08111f',
  warning: '#ffb703',
  danger: '#ff7a95',
  success: '#80ed99',
  disabled: '#5b6781',
} as const;

/** Loss chart series colours: total, reconstruction, KL. */
export const SERIES = {
  total: { color: 0x4cc9f0, css: '#4cc9f0' },
  reconstruction: { color: 0x80ed99, css: '#80ed99' },
  kl: { color: 0xffb703, css: '#ffb703' },
} as const;

export const FONT_FAMILY = '"Segoe UI", "Helvetica Neue", Roboto, Arial, "Liberation Sans", "DejaVu Sans", sans-serif';

type TextStyle = Phaser.Types.GameObjects.Text.TextStyle;

const base = (size: number, color: string, bold = false): TextStyle => ({
  fontFamily: FONT_FAMILY,
  fontSize: `${size}px`,
  color,
  fontStyle: bold ? 'bold' : 'normal',
});

export const TEXT = {
  title: base(26, CSS.text, true),
  heading: base(18, CSS.text, true),
  section: base(14, CSS.muted, true),
  body: base(16, CSS.text),
  bodyMuted: base(15, CSS.muted),
  small: base(14, CSS.muted),
  value: base(16, CSS.accent, true),
  button: base(16, CSS.text, true),
} satisfies Record<string, TextStyle>;

export const RADIUS = 8;

/** A 0xRRGGBB colour (COLORS) as a CSS string, for the 2D canvas and the DOM. */
export function cssHex(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}
export const FOCUS_WIDTH = 3;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
