/**
 * The path: a path drawn on the VAE map in steps no longer than maxStep; Check path asks the judge about every step.
 * A press far from the path's end (or on a checked path) starts a new path there. The strip shows the decodes of
 * up to STRIP_SIZE steps spread evenly along the path, refreshed as it grows (the 1 → 9 → 7 morph).
 */
import type { Evaluation } from '../../../shared/levels/measurements';
import type { SolutionPayload, SolutionSpecOf } from '../../../shared/levels/types';
import { MapPlay } from './map-play';
import type { PlaySnapshot } from './play';

/** Decodes in the strip along the path. */
export const STRIP_SIZE = 8;

/** Which of `n` steps the strip shows: the first, the last and evenly between (all when n ≤ size). */
export function stripSteps(n: number, size = STRIP_SIZE): number[] {
  if (n <= size) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: size }, (_, i) => Math.round((i * (n - 1)) / (size - 1)));
}

export class PathPlay extends MapPlay {
  readonly mode = 'path';
  /** The path's points (latent). */
  path: number[][] = [];
  /** The strip: decodes of stripSteps(path.length), row after row (null until the first decode came back). */
  strip: Float32Array | null = null;
  private stripSeq = 0;

  get spec(): SolutionSpecOf<'path'> {
    return this.host.level.solution as SolutionSpecOf<'path'>;
  }

  protected get bound(): number {
    return this.spec.bound;
  }

  get maxPoints(): number {
    return this.spec.maxPoints;
  }

  /** Extends the path to (x, y) in straight steps no longer than the level allows (the first point starts it). */
  extendPath(x: number, y: number): void {
    const spec = this.spec;
    if (!this.map || this.host.status !== 'idle') return;
    const round = (v: number): number => Math.round(Math.min(spec.bound, Math.max(-spec.bound, v)) * 1000) / 1000;
    const last = this.path[this.path.length - 1];
    if (!last) this.path.push([round(x), round(y)]);
    else {
      const d = Math.hypot(x - last[0], y - last[1]);
      if (d < spec.maxStep * 0.25) return;
      const steps = Math.ceil(d / (spec.maxStep * 0.95));
      for (let k = 1; k <= steps && this.path.length < spec.maxPoints; k++)
        this.path.push([round(last[0] + ((x - last[0]) * k) / steps), round(last[1] + ((y - last[1]) * k) / steps)]);
    }
    this.judged = [];
    this.refreshStrip();
    this.host.changed();
  }

  /**
   * A press on the map: on an empty path nothing yet (the move that follows starts it there); far from the path's
   * end (more than a step), or on a checked path, the old path goes and a new one starts where it was pressed.
   */
  pressAt(x: number, y: number): void {
    const last = this.path[this.path.length - 1];
    if (!this.map || (this.host.status !== 'idle' && this.host.status !== 'done')) return;
    const far = last !== undefined && Math.hypot(x - last[0], y - last[1]) > this.spec.maxStep;
    if (this.host.status === 'done' || far) {
      this.clearPath();
      this.extendPath(x, y);
    }
  }

  /** Decodes the strip's steps (a later refresh supersedes an earlier one still under way). */
  private refreshStrip(): void {
    const seq = ++this.stripSeq;
    const pretrained = this.pretrained;
    if (!pretrained || this.path.length === 0) {
      this.strip = null;
      return;
    }
    const codes = Float32Array.from(stripSteps(this.path.length).flatMap((i) => this.path[i]));
    void pretrained.decode(codes).then(
      (images) => {
        if (seq !== this.stripSeq) return;
        this.strip = images;
        this.host.changed();
      },
      () => undefined,
    );
  }

  clearPath(): void {
    if (!this.map || this.path.length === 0) return;
    this.path = [];
    this.judged = [];
    this.refreshStrip();
    if (this.host.status === 'done') this.host.setStatus('idle');
    this.host.changed();
  }

  /** The judge looks at every step of the path; the level's pure scorer turns that into the score. */
  checkPath(): Promise<void> {
    if (this.path.length < this.spec.minPoints) return Promise.resolve();
    return this.act(async (pretrained) => {
      this.judged = await pretrained.judge(await pretrained.decode(Float32Array.from(this.path.flat())));
      this.finish();
    });
  }

  override snapshot(): PlaySnapshot {
    const base = super.snapshot();
    return { ...base, mapPlay: base.mapPlay && { ...base.mapPlay, pathPoints: this.path.length } };
  }

  protected override async resetAttempt(): Promise<void> {
    this.path = [];
    this.refreshStrip();
  }

  protected scoredAttempt(): { payload: SolutionPayload; evaluation: Evaluation } | null {
    if (this.path.length === 0) return null;
    return {
      payload: { kind: 'path', points: this.path.map((p) => [...p]) },
      evaluation: { judgeProbabilities: this.judged.map((r) => [...r]) },
    };
  }
}
