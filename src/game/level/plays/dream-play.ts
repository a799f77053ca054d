/**
 * Dream digits: μ on the VAE map, σ on a slider; each dream z = μ + σ·ε is decoded and judged. Sample N(0, I)
 * dreams from the prior itself (μ = 0, σ = 1). Ten clean digits, enough of the clean dreams from the prior, win.
 */
import { drawLatent } from '../../../shared/levels/harness';
import { DREAM_PRIOR_CLEAN, isPriorDraw } from '../../../shared/levels/world3-latent-map';
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
  /** Dreams from the prior (μ = 0, σ = 1) so far, and how many of them the judge found clean. */
  priorDraws = 0;
  priorClean = 0;

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

  /** The clean dreams from the prior the level asks for. */
  get priorNeeded(): number {
    return DREAM_PRIOR_CLEAN;
  }

  /** One reparameterised draw z = μ + σ·ε around (x, y), decoded and shown to the judge. */
  dream(x: number, y: number): Promise<void> {
    const spec = this.spec;
    const round = (v: number): number => Math.round(v * 1000) / 1000;
    return this.draw(
      [x, y].map((v) => round(Math.min(spec.muBound, Math.max(-spec.muBound, v)))),
      this.sigma,
    );
  }

  /** Sample N(0, I): a dream from the prior itself, μ = 0 and σ = 1 (whatever the ring and slider show). */
  dreamPrior(): Promise<void> {
    return this.draw([0, 0], 1);
  }

  private draw(mu: number[], sigma: number): Promise<void> {
    return this.act(async (pretrained) => {
      const spec = this.spec;
      if (this.draws.length >= spec.maxDraws) return;
      const draw = { mu, sigma, seed: this.draws.length + 1 };
      const z = drawLatent(draw);
      const image = await pretrained.decode(Float32Array.from(z));
      const [probs] = await pretrained.judge(image);
      this.draws.push(draw);
      this.judged.push(probs);
      this.lastDream = image;
      const clean = isCleanDigit(probs);
      const prior = isPriorDraw(draw);
      if (prior) this.priorDraws++;
      if (clean) {
        const digit = predictedClass(probs).label;
        if (!this.found.includes(digit)) this.found = [...this.found, digit].sort((a, b) => a - b);
        if (prior) this.priorClean++;
      }
      this.placed.push({ x: z[0], y: z[1], value: Math.max(...probs), good: clean });
      const won = this.found.length === 10 && this.priorClean >= DREAM_PRIOR_CLEAN;
      if (won || this.draws.length >= spec.maxDraws) this.finish();
      else this.host.changed();
    });
  }

  protected override async resetAttempt(): Promise<void> {
    this.draws = [];
    this.found = [];
    this.lastDream = null;
    this.priorDraws = 0;
    this.priorClean = 0;
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
