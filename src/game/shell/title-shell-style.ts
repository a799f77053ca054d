/** The HTML title's stylesheet, from the game's theme (ui/theme.ts) so both titles share one palette. */
import type { COLORS as Colors, CSS as Css } from '../ui/theme';

interface Theme {
  hex: (color: number) => string;
  CSS: typeof Css;
  COLORS: typeof Colors;
  FONT_FAMILY: string;
  RADIUS: number;
}

export function shellStylesheet({ hex, CSS, COLORS, FONT_FAMILY, RADIUS }: Theme): string {
  return `
.lq-shell { position: fixed; inset: 0; z-index: 10; background: ${hex(COLORS.bg)}; overflow: hidden;
  font-family: ${FONT_FAMILY}; color: ${CSS.text}; -webkit-tap-highlight-color: transparent; }
.lq-frame { position: absolute; transform-origin: 0 0; }
.lq-frame > * { position: absolute; margin: 0; box-sizing: border-box; }
.lq-backdrop { opacity: 0.35; }
.lq-centred { transform: translate(-50%, -50%); }
.lq-name { font-weight: bold; white-space: nowrap; line-height: 1.2; }
.lq-tagline { color: ${CSS.muted}; text-align: center; line-height: 1.25; }
.lq-progress { font-size: 16px; transform: translateY(-50%); margin-top: 2px; white-space: nowrap; }
.lq-banner { display: flex; align-items: center; justify-content: center; text-align: center; padding: 0 8px;
  font-size: 14px; color: ${CSS.muted}; }
.lq-banner.lq-failed { color: ${CSS.danger}; background: ${hex(COLORS.dangerSurface)}; border-radius: ${RADIUS}px;
  border: 1px solid ${hex(COLORS.danger)}; font-size: 15px; }
.lq-button, .lq-segment { font: bold 16px ${FONT_FAMILY}; color: ${CSS.text}; background: ${hex(COLORS.surface)};
  border: 1px solid ${hex(COLORS.panelBorder)}; border-radius: ${RADIUS}px; cursor: pointer; padding: 3px 10px 0;
  display: flex; align-items: center; justify-content: center; gap: 8px; white-space: nowrap; overflow: hidden; }
.lq-button:hover { background: ${hex(COLORS.surfaceHover)}; }
.lq-button:active { background: ${hex(COLORS.surfacePressed)}; }
.lq-primary { background: ${hex(COLORS.accent)}; color: ${CSS.onAccent}; border-color: transparent; }
.lq-primary:hover { background: ${hex(COLORS.accentHover)}; }
.lq-primary:active { background: ${hex(COLORS.accentPressed)}; }
.lq-icon { width: 20px; height: 20px; }
.lq-languages { display: flex; }
.lq-segment { flex: 1 1 0; font-size: 15px; padding: 2px 6px 0; }
.lq-segment:hover { background: ${hex(COLORS.surfaceHover)}; }
.lq-segment.lq-selected { background: ${hex(COLORS.selected)}; color: #ffffff; border-color: transparent; }
.lq-segment.lq-selected:hover { background: ${hex(COLORS.selectedHover)}; }
.lq-button:focus-visible, .lq-segment:focus-visible { outline: 3px solid ${hex(COLORS.focus)}; outline-offset: 2px; }
[aria-disabled='true'] { cursor: progress; }
.lq-button[aria-disabled='true']:not(.lq-starting), .lq-segment[aria-disabled='true'] { opacity: 0.5; }
`;
}
