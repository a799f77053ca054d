/**
 * The screen of Digits on demand (conditional-view.ts): the style card, the class buttons, the decode of the
 * picked class at the probe (each distinct class and position is one look), and after each Write the digit's
 * score (the worse of the judge's class confidence and the style match) in the status line. The attempt ends
 * when all ten digits are written: then the result card.
 */
import type { LevelDefinition, SolutionSpecOf } from '../../../src/shared/levels';
import { DIGIT_CLASSES } from '../../../src/shared/levels/world5-digits';
import { PretrainedLevel, type PretrainedEngine } from '../pretrained';
import { LOOKS_PER_POINT, PlayClock } from '../screen/budget';
import { levelInfo } from '../screen/info';
import { LookMemo, resultCard } from '../screen/looks';
import type { LevelInfo, ResultCard, Screen } from '../screen/types';

const r3 = (q: readonly number[]): number[] => q.map((v) => Math.round(v * 1000) / 1000);

export class DigitsScreen implements Screen {
  readonly info: LevelInfo;
  readonly clock: PlayClock;
  readonly results: ResultCard[] = [];
  /** Per class: the written point and the score the status line shows (null: not yet). */
  readonly written: ({ at: number[]; score: number } | null)[] = Array.from({ length: DIGIT_CLASSES }, () => null);
  done = false;
  private readonly looks: LookMemo<Float32Array>;

  private constructor(
    private readonly p: PretrainedLevel,
    /** The style card's picture. */
    readonly card: Float32Array,
  ) {
    this.info = levelInfo(p.level);
    this.clock = new PlayClock(LOOKS_PER_POINT * DIGIT_CLASSES);
    this.looks = new LookMemo(this.clock);
  }

  static async open(engine: PretrainedEngine, level: LevelDefinition): Promise<DigitsScreen> {
    const p = await PretrainedLevel.load(engine, level);
    return new DigitsScreen(p, (await p.styleCard()).image);
  }

  get spec(): SolutionSpecOf<'latentPoints'> {
    return this.p.level.solution as SolutionSpecOf<'latentPoints'>;
  }

  private clip(q: readonly number[]): number[] {
    return r3(q.map((v) => Math.max(-this.spec.bound, Math.min(this.spec.bound, v))));
  }

  /** Picks class `digit` and drags the probe to latent `q`: the decode there. */
  async look(digit: number, q: readonly number[]): Promise<Float32Array> {
    const at = this.clip(q);
    return this.looks.see(`${digit}:${at.join(',')}`, () => this.p.decode(Float32Array.from(at), Uint8Array.of(digit)));
  }

  /** Write: stores class `digit` at `q` and shows its score; ends the attempt when all ten are written. */
  async write(digit: number, q: readonly number[]): Promise<number> {
    if (this.done) throw new Error('digits-on-demand: the attempt is over');
    const at = this.clip(q);
    const decode = await this.look(digit, at);
    this.clock.canPress();
    this.clock.press();
    const [judge] = await this.p.judge(decode.slice());
    const style = this.p.styleMatch((await this.p.styleCard()).style, decode);
    const score = Math.min(100 * judge[digit], style);
    this.written[digit] = { at, score };
    if (this.written.every(Boolean)) await this.end();
    return score;
  }

  private async end(): Promise<void> {
    this.done = true;
    const payload = { kind: 'latentPoints' as const, points: this.written.map((w) => [...(w?.at ?? [0, 0])]) };
    await resultCard(this.p, payload, this.results);
  }
}
