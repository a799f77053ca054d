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

/** The encoder's μ ± σ for one picture, in latent units; `of` says whose picture. */
export interface EncodedRegion {
  x: number;
  y: number;
  rx: number;
  ry: number;
  of: 'probe' | 'target';
}

export class NavigatorPlay extends MapPlay {
  readonly mode = 'navigator';
  /** The target picked for this attempt, and its decode. */
  target: number | null = null;
  targetImage: Float32Array | null = null;
  /** Always null: the match is shown for placed probes only (issue 10: no hot-cold meter following the drag). */
  readonly live: number | null = null;
  /** μ ± σ of the last placed probe's picture; once the attempt is over, of the target's. */
  region: EncodedRegion | null = null;

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
      const over = m >= this.goal || this.placed.length >= this.maxPoints;
      this.region = over
        ? await this.encodeRegion(pretrained, this.targetImage, 'target')
        : await this.encodeRegion(pretrained, image, 'probe');
      if (over) this.finish();
      else this.host.changed();
    });
  }

  /** The VAE encoder's q(z|x) of `image` as μ ± σ (σ = exp(½ log σ²)). */
  private async encodeRegion(
    pretrained: PretrainedLevel,
    image: Float32Array,
    of: EncodedRegion['of'],
  ): Promise<EncodedRegion> {
    const { mu, logVar } = await this.host.port.encodeDistribution(pretrained.model.modelId, image.slice());
    return { x: mu[0], y: mu[1], rx: Math.exp(logVar[0] / 2), ry: Math.exp(logVar[1] / 2), of };
  }

  override snapshot(): PlaySnapshot {
    const base = super.snapshot();
    return { ...base, mapPlay: base.mapPlay && { ...base.mapPlay, target: this.target, live: this.live } };
  }

  protected override async resetAttempt(pretrained: PretrainedLevel): Promise<void> {
    this.region = null;
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
