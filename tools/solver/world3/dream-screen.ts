/**
 * The screen of Dream digits (dream-view.ts): the VAE map's coloured dots (the held-out digits' codes), the σ
 * slider, the μ ± σ ring, Dream (a draw around μ) and Sample N(0, I) (a draw from the prior itself), and after
 * each draw the dream with the judge's verdict ("a clean 4" or "not sure it is a digit"), the digits found and
 * the clean dreams from the prior. Moving μ shows nothing but the ring, so there are no looks: each draw is a
 * press. The attempt ends when the level is won or the draws run out: then the result card.
 */
import type { LevelDefinition, SolutionSpecOf } from '../../../src/shared/levels';
import { drawLatent } from '../../../src/shared/levels/harness';
import type { LatentDraw } from '../../../src/shared/levels/types';
import { DREAM_PRIOR_CLEAN, isPriorDraw } from '../../../src/shared/levels/world3-latent-map';
import { isCleanDigit, predictedClass } from '../../../src/shared/scoring';
import { PretrainedLevel, type PretrainedEngine } from '../pretrained';
import { LOOKS_PER_POINT, PlayClock } from '../screen/budget';
import { levelInfo } from '../screen/info';
import { resultCard } from '../screen/looks';
import type { LevelInfo, ResultCard, Screen } from '../screen/types';
import type { MapDot } from './holes-screen';

/** What the view shows after a draw: the judge's digit when it calls the dream clean, else null. */
export interface DreamVerdict {
  clean: number | null;
}

export class DreamScreen implements Screen {
  readonly info: LevelInfo;
  readonly clock: PlayClock;
  readonly results: ResultCard[] = [];
  /** Digits found so far (the status line). */
  readonly found = new Set<number>();
  priorDraws = 0;
  priorClean = 0;
  done = false;
  private readonly draws: LatentDraw[] = [];

  private constructor(
    private readonly p: PretrainedLevel,
    /** The VAE map's dots as drawn (latent coordinates). */
    readonly dots: readonly MapDot[],
  ) {
    this.info = levelInfo(p.level);
    this.clock = new PlayClock(LOOKS_PER_POINT);
  }

  static async open(engine: PretrainedEngine, level: LevelDefinition): Promise<DreamScreen> {
    const p = await PretrainedLevel.load(engine, level);
    const batch = await engine.getImages('mnist', 'test', 0, 1000);
    const codes = await engine.encode(p.model.modelId, batch.images.slice());
    const dots: MapDot[] = Array.from(batch.labels, (label, i) => ({ at: [codes[2 * i], codes[2 * i + 1]], label }));
    return new DreamScreen(p, dots);
  }

  get spec(): SolutionSpecOf<'draws'> {
    return this.p.level.solution as SolutionSpecOf<'draws'>;
  }

  /** The clean prior dreams the goal asks for. */
  get priorNeeded(): number {
    return DREAM_PRIOR_CLEAN;
  }

  /** Dream with μ at `mu` (clamped and rounded as the view does) and σ from the slider. */
  dream(mu: readonly number[], sigma: number): Promise<DreamVerdict> {
    const b = this.spec.muBound;
    const s = Math.min(this.spec.sigmaMax, Math.max(this.spec.sigmaMin, sigma));
    return this.draw(
      mu.map((v) => Math.round(Math.max(-b, Math.min(b, v)) * 1000) / 1000),
      s,
    );
  }

  /** Sample N(0, I). */
  prior(): Promise<DreamVerdict> {
    return this.draw([0, 0], 1);
  }

  private async draw(mu: number[], sigma: number): Promise<DreamVerdict> {
    if (this.done) throw new Error('dream: the attempt is over');
    this.clock.canPress();
    this.clock.press();
    const draw = { mu, sigma, seed: this.draws.length + 1 };
    const image = await this.p.decode(Float32Array.from(drawLatent(draw)));
    const [probs] = await this.p.judge(image);
    this.draws.push(draw);
    const clean = isCleanDigit(probs) ? predictedClass(probs).label : null;
    if (isPriorDraw(draw)) this.priorDraws++;
    if (clean !== null) {
      this.found.add(clean);
      if (isPriorDraw(draw)) this.priorClean++;
    }
    const won = this.found.size === 10 && this.priorClean >= DREAM_PRIOR_CLEAN;
    if (won || this.draws.length >= this.spec.maxDraws) await this.end();
    return { clean };
  }

  private async end(): Promise<void> {
    this.done = true;
    const payload = { kind: 'draws' as const, draws: this.draws.map((d) => ({ ...d, mu: [...d.mu] })) };
    await resultCard(this.p, payload, this.results);
  }
}
