/**
 * Navigator: find the target digit on the VAE map by reading it. Dragging shows the decode (no match: comparing
 * it with the target is the player's eye); a probe counts on Place probe, which shows its match; the first over
 * the goal wins.
 */
import type { Evaluation } from '../../../shared/levels/measurements';
import type { PretrainedLevel } from '../../../shared/levels/measure';
import type { SolutionPayload, SolutionSpecOf } from '../../../shared/levels/types';
import { MapPlay } from './map-play';
import type { PlaySnapshot } from './play';

export class NavigatorPlay extends MapPlay {
  readonly mode = 'navigator';
  /** The target picked for this attempt, and its decode. */
  target: number | null = null;
  targetImage: Float32Array | null = null;
  /** Always null: the match is shown for placed probes only (issue 10: no hot-cold meter following the drag). */
  readonly live: number | null = null;

  get spec(): SolutionSpecOf<'latentPoints'> {
    return this.host.level.solution as SolutionSpecOf<'latentPoints'>;
  }

  protected get bound(): number {
    return this.spec.bound;
  }

  get maxPoints(): number {
    return this.spec.maxPoints;
  }

  /** The match % that wins. */
  get goal(): number {
    return Number(this.host.level.goal.params?.match ?? 90);
  }

  /** Places a probe at latent (x, y) and scores its match; ends the attempt when won or full. */
  place(x: number, y: number): Promise<void> {
    return this.act(async (pretrained) => {
      if (this.placed.length >= this.maxPoints || !this.targetImage) return;
      const image = await pretrained.decode(new Float32Array([x, y]));
      const m = pretrained.match(this.targetImage, image);
      this.placed.push({ x, y, value: m, good: m >= this.goal });
      this.host.message = null;
      if (m >= this.goal || this.placed.length >= this.maxPoints) this.finish();
      else this.host.changed();
    });
  }

  override snapshot(): PlaySnapshot {
    const base = super.snapshot();
    return { ...base, mapPlay: base.mapPlay && { ...base.mapPlay, target: this.target, live: this.live } };
  }

  protected override async resetAttempt(pretrained: PretrainedLevel): Promise<void> {
    const targets = this.setup.targets ?? [];
    if (targets.length === 0) return;
    this.target = Math.floor(Math.random() * targets.length);
    this.targetImage = await pretrained.targetImage(this.target);
  }

  protected scoredAttempt(): { payload: SolutionPayload; evaluation: Evaluation } | null {
    if (this.placed.length === 0) return null;
    return {
      payload: {
        kind: 'latentPoints',
        points: this.placed.map((p) => this.toPayloadPoint(p.x, p.y)),
        ...(this.target !== null ? { target: this.target } : {}),
      },
      evaluation: { matchPercent: this.placed.map((p) => p.value) },
    };
  }
}
