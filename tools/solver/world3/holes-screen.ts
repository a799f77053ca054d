/**
 * The screen of Holes in the map (holes-view.ts): the plain AE's map (its coloured dots: the held-out digits'
 * codes, in the data box [−1, 1]²), the VAE's map beside it, and at the probe the live decode of both maps with
 * the judge's verdict under each (the view prints it live). Each distinct probe position is one look; placing a
 * point shows the judge's verdict on it; Score my holes is a press and shows the result card.
 */
import type { LevelDefinition, SolutionSpecOf } from '../../../src/shared/levels';
import { predictedClass } from '../../../src/shared/scoring';
import { PretrainedLevel, type PretrainedEngine } from '../pretrained';
import { LOOKS_PER_POINT, PlayClock } from '../screen/budget';
import { levelInfo } from '../screen/info';
import { LookMemo, resultCard } from '../screen/looks';
import type { LevelInfo, ResultCard, Screen } from '../screen/types';

export interface Verdict {
  digit: number;
  /** The judge's top probability, 0..1, as the % under the decode. */
  confidence: number;
}

export interface HolesLook {
  decode: Float32Array;
  verdict: Verdict;
}

export interface MapDot {
  /** Data-box coordinates ([−1, 1]²), where the dot is drawn. */
  at: [number, number];
  label: number;
}

/** The view places and shows points to 3 decimals of the data box. */
const r3 = (q: readonly number[]): number[] => q.map((v) => Math.round(v * 1000) / 1000);
const key = (q: readonly number[]): string => r3(q).join(',');

export class HolesScreen implements Screen {
  readonly info: LevelInfo;
  readonly clock: PlayClock;
  readonly results: ResultCard[] = [];
  /** Points placed, with the verdict each showed. */
  readonly placed: { at: number[]; verdict: Verdict }[] = [];
  private readonly looks: LookMemo<HolesLook>;

  private constructor(
    private readonly p: PretrainedLevel,
    /** The AE map's dots as drawn. */
    readonly dots: readonly MapDot[],
  ) {
    this.info = levelInfo(p.level);
    this.clock = new PlayClock(LOOKS_PER_POINT * this.spec.maxPoints);
    this.looks = new LookMemo(this.clock);
  }

  static async open(engine: PretrainedEngine, level: LevelDefinition): Promise<HolesScreen> {
    const p = await PretrainedLevel.load(engine, level);
    const box = p.model.codeBox;
    if (!box) throw new Error('holes: the AE has no data box');
    const batch = await engine.getImages('mnist', 'test', 0, 1000);
    const codes = await engine.encode(p.model.modelId, batch.images.slice());
    const toBox = (v: number, i: number): number => (2 * (v - box.min[i])) / (box.max[i] - box.min[i]) - 1;
    const dots: MapDot[] = Array.from(batch.labels, (label, i) => ({
      at: [toBox(codes[2 * i], 0), toBox(codes[2 * i + 1], 1)],
      label,
    }));
    return new HolesScreen(p, dots);
  }

  get spec(): SolutionSpecOf<'latentPoints'> {
    return this.p.level.solution as SolutionSpecOf<'latentPoints'>;
  }

  /** Can a point go at `q` (inside the box, far enough from the placed ones)? What the view refuses, visibly. */
  free(q: readonly number[]): boolean {
    const s = this.spec;
    return (
      q.every((v) => Math.abs(v) <= 1) &&
      this.placed.every((c) => Math.hypot(c.at[0] - q[0], c.at[1] - q[1]) >= s.minSeparation + 1e-6)
    );
  }

  /** Drags the probe to `q` (data box): the AE's decode there and the judge's live verdict under it. */
  async look(q: readonly number[]): Promise<HolesLook> {
    return this.looks.see(key(q), async () => {
      const decode = await this.p.decode(Float32Array.from(this.p.toLatent(r3(q))));
      const [probs] = await this.p.judge(decode.slice());
      const { label, confidence } = predictedClass(probs);
      return { decode, verdict: { digit: label, confidence } };
    });
  }

  /** Place point here: the point's verdict (the same as the live one at that spot). */
  async place(q: readonly number[]): Promise<Verdict> {
    if (!this.free(q) || this.placed.length >= this.spec.maxPoints) throw new Error('holes: cannot place there');
    const { verdict } = await this.look(q);
    this.placed.push({ at: r3(q), verdict });
    return verdict;
  }

  /** Score my holes: the result card. */
  async score(): Promise<ResultCard> {
    this.clock.canPress();
    this.clock.press();
    const payload = { kind: 'latentPoints' as const, points: this.placed.map((c) => [...c.at]) };
    return resultCard(this.p, payload, this.results);
  }
}
