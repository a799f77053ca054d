/** Dream digits: μ on the VAE map, σ on a slider; each dream z = μ + σ·ε is decoded and judged (ten clean digits win). */
import { drawLatent } from '../../../shared/levels/harness';
import type { Evaluation } from '../../../shared/levels/measurements';
import type { LatentDraw, SolutionPayload, SolutionSpecOf } from '../../../shared/levels/types';
import { isCleanDigit, predictedClass } from '../../../shared/scoring/judge';
import { MapPlay } from './map-play';

export class DreamPlay extends MapPlay {
  readonly mode = 'dream';
  /** The draws so far (μ, σ, seed 1, 2, …). */
  draws: LatentDraw[] = [];
  /** The digits the judge found clean, ascending. */
  found: number[] = [];
  /** σ of the next draw. */
  sigma: number;
  lastDream: Float32Array | null = null;

  constructor(...args: ConstructorParameters<typeof MapPlay>) {
    super(...args);
    this.sigma = this.clampSigma(1);
  }

  get spec(): SolutionSpecOf<'draws'> {
    return this.host.level.solution as SolutionSpecOf<'draws'>;
  }

  protected get bound(): number {
    return this.spec.muBound;
  }

  get maxPoints(): number {
    return this.spec.maxDraws;
  }

  /** σ of the next dream, snapped into the level's bounds. */
  setSigma(sigma: number): void {
    this.sigma = this.clampSigma(sigma);
    this.host.changed();
  }

  /** One reparameterised draw z = μ + σ·ε around (x, y), decoded and shown to the judge. */
  dream(x: number, y: number): Promise<void> {
    return this.act(async (pretrained) => {
      const spec = this.spec;
      if (this.draws.length >= spec.maxDraws) return;
      const round = (v: number): number => Math.round(v * 1000) / 1000;
      const mu = [x, y].map((v) => round(Math.min(spec.muBound, Math.max(-spec.muBound, v))));
      const draw = { mu, sigma: this.sigma, seed: this.draws.length + 1 };
      const z = drawLatent(draw);
      const image = await pretrained.decode(Float32Array.from(z));
      const [probs] = await pretrained.judge(image);
      this.draws.push(draw);
      this.judged.push(probs);
      this.lastDream = image;
      const clean = isCleanDigit(probs);
      if (clean) {
        const digit = predictedClass(probs).label;
        if (!this.found.includes(digit)) this.found = [...this.found, digit].sort((a, b) => a - b);
      }
      this.placed.push({ x: z[0], y: z[1], value: Math.max(...probs), good: clean });
      if (this.found.length === 10 || this.draws.length >= spec.maxDraws) this.finish();
      else this.host.changed();
    });
  }

  protected override async resetAttempt(): Promise<void> {
    this.draws = [];
    this.found = [];
    this.lastDream = null;
  }

  protected scoredAttempt(): { payload: SolutionPayload; evaluation: Evaluation } | null {
    if (this.placed.length === 0) return null;
    return {
      payload: { kind: 'draws', draws: this.draws.map((d) => ({ mu: [...d.mu], sigma: d.sigma, seed: d.seed })) },
      evaluation: { judgeProbabilities: this.judged.map((r) => [...r]) },
    };
  }

  private clampSigma(sigma: number): number {
    return Math.min(this.spec.sigmaMax, Math.max(this.spec.sigmaMin, sigma));
  }
}
