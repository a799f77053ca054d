/** The drawing screen's latest analysis of the player's digit, kept where the browser-test hook can read it. */

export interface DrawnDigitView {
  /** The drawing's code on the 2-D latent map. */
  code: [number, number];
  /** The judge's most likely digit and its probability. */
  verdict: { digit: number; probability: number };
  /** Mean squared error between the pre-processed drawing and the model's reconstruction. */
  error: number;
  /** Share of the 1,000 real test digits the model rebuilds better than this drawing. */
  worseThan: number;
}

let latest: DrawnDigitView | null = null;

/** The last drawing's analysis, or null (none yet, or the pad is empty). */
export const drawnDigitView = (): DrawnDigitView | null => latest;

export function setDrawnDigitView(view: DrawnDigitView | null): void {
  latest = view;
}

/** The drawing screen's latest analysis of the player's 7x5 letter (the glyph VAE's side). */
export interface DrawnLetterView {
  /** The font letter whose code is nearest. */
  nearest: string;
  /** The letter's code (4 numbers). */
  code: number[];
  /** Mean squared error between the letter and its reconstruction. */
  error: number;
}

let latestLetter: DrawnLetterView | null = null;

export const drawnLetterView = (): DrawnLetterView | null => latestLetter;

export function setDrawnLetterView(view: DrawnLetterView | null): void {
  latestLetter = view;
}
