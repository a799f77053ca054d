/** Plain data of a free drawing: what the drawing pad records and the MNIST pre-processing reads. */

/** A position in the pad's own coordinates (pixels of the drawing area, origin top-left). */
export interface Point {
  x: number;
  y: number;
}

/** One pen-down-to-pen-up line: its points in order and the brush diameter, in the same units as the points. */
export interface Stroke {
  points: readonly Point[];
  thickness: number;
}

/** A grey image of any size: ink intensity per pixel (0 = background, 1 = full ink), row-major. */
export interface GreyBitmap {
  width: number;
  height: number;
  data: ArrayLike<number>;
}
