/** The path: a path drawn on the VAE map in steps no longer than maxStep; Check path asks the judge about every step. */
import type { Evaluation } from '../../../shared/levels/measurements';
import type { SolutionPayload, SolutionSpecOf } from '../../../shared/levels/types';
import { MapPlay } from './map-play';
import type { PlaySnapshot } from './play';

export class PathPlay extends MapPlay {
  readonly mode = 'path';
  /** The path's points (latent). */
  path: number[][] = [];

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
    this.host.changed();
  }

  clearPath(): void {
    if (!this.map || this.path.length === 0) return;
    this.path = [];
    this.judged = [];
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
  }

  protected scoredAttempt(): { payload: SolutionPayload; evaluation: Evaluation } | null {
    if (this.path.length === 0) return null;
    return {
      payload: { kind: 'path', points: this.path.map((p) => [...p]) },
      evaluation: { judgeProbabilities: this.judged.map((r) => [...r]) },
    };
  }
}
