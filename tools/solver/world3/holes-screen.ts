/**
 * The screen of Holes in the map (holes-view.ts): the plain AE's map (its coloured dots: the held-out digits'
 * codes, in the data box [−1, 1]²), the VAE's map beside it, and at the probe the live decode of both maps with,
 * under each, how far the nearest dot is (and its digit) and the judge's verdict (the view prints both live).
 * Each distinct probe position is one look; placing a point shows what it found; Score my holes is a press and
 * shows the result card.
 */
import type { LevelDefinition, SolutionSpecOf } from '../../../src/shared/levels';
import { nearestDot } from '../../../src/shared/levels/measure';
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

/** The live readout under the decode: the nearest dot's distance (box coordinates) and its digit. */
export interface Nearest {
  distance: number;
  digit: number;
}

export interface HolesLook {
  decode: Float32Array;
  verdict: Verdict;
  nearest: Nearest;
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
  /** Points placed, with what each showed. */
  readonly placed: { at: number[]; verdict: Verdict; nearest: Nearest }[] = [];
  private readonly looks: LookMemo<HolesLook>;

  private constructor(
    private readonly p: PretrainedLevel,
    /** The AE map's dots as drawn. */
    readonly dots: readonly MapDot[],
    private readonly flat: Float32Array,
  ) {
    this.info = levelInfo(p.level);
    this.clock = new PlayClock(LOOKS_PER_POINT * this.spec.maxPoints);
    this.looks = new LookMemo(this.clock);
  }

  static async open(engine: PretrainedEngine, level: LevelDefinition): Promise<HolesScreen> {
    const p = await PretrainedLevel.load(engine, level);
    // The dots as the view draws them (the same held-out digits the measurement uses), with their digits.
    const flat = await p.dots();
    const { labels } = await engine.getImages('mnist', 'test', 0, flat.length / 2);
    const dots: MapDot[] = Array.from(labels, (label, i) => ({ at: [flat[2 * i], flat[2 * i + 1]], label }));
    return new HolesScreen(p, dots, flat);
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
      const near = nearestDot(r3(q), this.flat);
      return {
        decode,
        verdict: { digit: label, confidence },
        nearest: { distance: near.distance, digit: this.dots[near.index].label },
      };
    });
  }

  /** Place point here: what the point found (the same as the live readout at that spot). */
  async place(q: readonly number[]): Promise<HolesLook> {
    if (!this.free(q) || this.placed.length >= this.spec.maxPoints) throw new Error('holes: cannot place there');
    const seen = await this.look(q);
    this.placed.push({ at: r3(q), verdict: seen.verdict, nearest: seen.nearest });
    return seen;
  }

  /** Score my holes: the result card. */
  async score(): Promise<ResultCard> {
    this.clock.canPress();
    this.clock.press();
    const payload = { kind: 'latentPoints' as const, points: this.placed.map((c) => [...c.at]) };
    return resultCard(this.p, payload, this.results);
  }
}
