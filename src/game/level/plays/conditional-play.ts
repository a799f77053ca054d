/**
 * Digits on demand (World 5): a conditional VAE's style map. The class buttons pick the label the probe decodes
 * with; dragging shows the decode (each distinct decode is a look); Write stores the probe's point for the class,
 * judged and style-measured there and then (shown beside it). The attempt is scored when all ten are written.
 */
import type { Evaluation } from '../../../shared/levels/measurements';
import type { PretrainedLevel } from '../../../shared/levels/measure';
import type { SolutionPayload, SolutionSpecOf } from '../../../shared/levels/types';
import { DIGIT_CLASSES } from '../../../shared/levels/world5-digits';
import type { Style } from '../../../shared/scoring';
import { MapPlay } from './map-play';
import type { PlaySnapshot } from './play';

/** One look: a class at a spot (to 3 decimals, as the solver's screen counts them). */
const lookKey = (digit: number, x: number, y: number): string => `${digit}:${x.toFixed(3)},${y.toFixed(3)}`;

/** One written digit: its point, decode and what the judge and the style measure saw. */
export interface WrittenDigit {
  x: number;
  y: number;
  image: Float32Array;
  /** The judge's 10 probabilities. */
  judge: number[];
  /** Style match with the card, 0..100. */
  style: number;
  /** The worse of the judge's confidence in the class (%) and the style match. */
  score: number;
}

export class ConditionalPlay extends MapPlay {
  readonly mode = 'conditional';
  /** The class the probe writes. */
  digit = 0;
  /** Per class, what was written (null: not yet). */
  written: (WrittenDigit | null)[] = Array.from({ length: DIGIT_CLASSES }, () => null);
  card: { image: Float32Array; style: Style } | null = null;
  /** The distinct decodes of this attempt: class and spot (the level's looks, world5-digits.ts). */
  private readonly seen = new Set<string>();

  get spec(): SolutionSpecOf<'latentPoints'> {
    return this.host.level.solution as SolutionSpecOf<'latentPoints'>;
  }

  protected get bound(): number {
    return this.spec.bound;
  }

  get maxPoints(): number {
    return DIGIT_CLASSES;
  }

  /** Digits written so far. */
  get count(): number {
    return this.written.filter(Boolean).length;
  }

  /** Distinct decodes seen on the map this attempt (the "looks" the level's stars reward saving). */
  get looks(): number {
    return this.seen.size;
  }

  /** Decodes the probe's point for the picked class; a class at a spot not seen before is one more look. */
  override async decodeAt(x: number, y: number): Promise<Float32Array | null> {
    const digit = this.digit;
    const image = await super.decodeAt(x, y);
    const key = lookKey(digit, x, y);
    if (image && !this.seen.has(key)) {
      this.seen.add(key);
      this.host.changed();
    }
    return image;
  }

  setDigit(digit: number): void {
    if (!Number.isInteger(digit) || digit < 0 || digit >= DIGIT_CLASSES || digit === this.digit) return;
    this.digit = digit;
    this.host.changed();
  }

  /** Writes the class's digit at latent (x, y); scores the attempt once all ten are written. */
  write(x: number, y: number): Promise<void> {
    return this.act(async (pretrained) => {
      const card = this.card;
      if (!card) return;
      const d = this.digit;
      const image = await pretrained.decode(new Float32Array([x, y]), Uint8Array.of(d));
      const [judge] = await pretrained.judge(image.slice());
      const style = pretrained.styleMatch(card.style, image);
      // The level's per-digit score (world5-digits.ts digitScores): the worse of class and style.
      this.written[d] = { x, y, image, judge, style, score: Math.min(100 * judge[d], style) };
      this.placed = this.written.flatMap((w) => (w ? [{ x: w.x, y: w.y, value: w.score, good: w.score >= 50 }] : []));
      this.host.message = null;
      // Next: the lowest class not written yet, so the buttons need not be pressed in order.
      const next = this.written.findIndex((w) => w === null);
      if (next < 0) this.finish();
      else {
        this.digit = next;
        this.host.changed();
      }
    });
  }

  protected override probeLabel(): number {
    return this.digit;
  }

  override snapshot(): PlaySnapshot {
    const base = super.snapshot();
    return {
      ...base,
      conditional: {
        digit: this.digit,
        looks: this.looks,
        written: this.written.map((w) => (w ? { x: w.x, y: w.y, style: w.style, score: w.score } : null)),
        cardStyle: this.card ? { ...this.card.style } : null,
      },
    };
  }

  protected override async resetAttempt(pretrained: PretrainedLevel): Promise<void> {
    this.written = Array.from({ length: DIGIT_CLASSES }, () => null);
    this.digit = 0;
    this.probe.count = 0;
    this.seen.clear();
    this.card ??= await pretrained.styleCard();
  }

  protected scoredAttempt(): { payload: SolutionPayload; evaluation: Evaluation } | null {
    const all = this.written;
    if (all.some((w) => w === null)) return null;
    const done = all as WrittenDigit[];
    return {
      payload: {
        kind: 'latentPoints',
        points: done.map((w) => this.toPayloadPoint(w.x, w.y)),
        // At least one look per point (the payload check): a Write decodes its spot if the probe had not.
        looks: Math.max(this.looks, DIGIT_CLASSES),
      },
      evaluation: { judgeProbabilities: done.map((w) => w.judge), styleMatch: done.map((w) => w.style) },
    };
  }
}
