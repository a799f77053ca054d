/**
 * The screen of Navigator (navigator-view.ts): the VAE map's coloured dots, the target picture, and the decode at
 * the probe while dragging, with no match % (issue 10: the match shows for placed probes only). Each distinct
 * probe position is one look; Place probe shows the probe's match and ends the attempt at the goal (or when the
 * probes run out): then the result card.
 */
import type { LevelDefinition, SolutionSpecOf } from '../../../src/shared/levels';
import { PretrainedLevel, type PretrainedEngine } from '../pretrained';
import { LOOKS_PER_POINT, PlayClock } from '../screen/budget';
import { levelInfo } from '../screen/info';
import { LookMemo, resultCard } from '../screen/looks';
import type { LevelInfo, ResultCard, Screen } from '../screen/types';

const r3 = (q: readonly number[]): number[] => q.map((v) => Math.round(v * 1000) / 1000);

export class NavigatorScreen implements Screen {
  readonly info: LevelInfo;
  readonly clock: PlayClock;
  readonly results: ResultCard[] = [];
  /** Placed probes and the match % each showed. */
  readonly placed: { at: number[]; match: number }[] = [];
  done = false;
  private readonly looks: LookMemo<Float32Array>;

  private constructor(
    private readonly p: PretrainedLevel,
    /** The target picture beside the decode. */
    readonly target: Float32Array,
    private readonly targetIndex: number,
  ) {
    this.info = levelInfo(p.level);
    this.clock = new PlayClock(LOOKS_PER_POINT * this.spec.maxPoints);
    this.looks = new LookMemo(this.clock);
  }

  static async open(engine: PretrainedEngine, level: LevelDefinition, targetIndex = 0): Promise<NavigatorScreen> {
    const p = await PretrainedLevel.load(engine, level);
    return new NavigatorScreen(p, await p.targetImage(targetIndex), targetIndex);
  }

  get spec(): SolutionSpecOf<'latentPoints'> {
    return this.p.level.solution as SolutionSpecOf<'latentPoints'>;
  }

  /** Drags the probe to latent `q`: the decode there (no match). */
  async look(q: readonly number[]): Promise<Float32Array> {
    const at = r3(q.map((v) => Math.max(-this.spec.bound, Math.min(this.spec.bound, v))));
    return this.looks.see(at.join(','), () => this.p.decode(Float32Array.from(at)));
  }

  /** Place probe at `q`: its match % (the result card too once the attempt ends). */
  async place(q: readonly number[]): Promise<number> {
    if (this.done) throw new Error('navigator: the attempt is over');
    const at = r3(q.map((v) => Math.max(-this.spec.bound, Math.min(this.spec.bound, v))));
    const decode = await this.look(at);
    this.clock.canPress();
    this.clock.press();
    const match = this.p.match(this.target, decode);
    this.placed.push({ at, match });
    const goal = Number(this.p.level.goal.params?.match ?? 95);
    if (match >= goal || this.placed.length >= this.spec.maxPoints) await this.end();
    return match;
  }

  private async end(): Promise<void> {
    this.done = true;
    const payload = {
      kind: 'latentPoints' as const,
      points: this.placed.map((c) => [...c.at]),
      target: this.targetIndex,
    };
    await resultCard(this.p, payload, this.results);
  }
}
