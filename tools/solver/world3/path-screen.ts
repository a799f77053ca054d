/**
 * The screen of The path (path-view.ts): the VAE map's coloured dots with each digit's name in the middle of its
 * dots, the path as drawn (a press starts it, dragging extends it in steps of at most 0.95 × maxStep, as
 * PathPlay.extendPath does), the strip of decodes along it, and after Check path each step coloured by the judge's
 * confidence against the star lines (red / amber / green) and the result card (the weakest step's confidence).
 * Drawing through a waypoint is one look; Check path is a press.
 */
import type { LevelDefinition, SolutionSpecOf } from '../../../src/shared/levels';
import { predictedClass } from '../../../src/shared/scoring';
import { PretrainedLevel, type PretrainedEngine } from '../pretrained';
import { LOOKS_PER_POINT, PlayClock } from '../screen/budget';
import { levelInfo } from '../screen/info';
import { resultCard } from '../screen/looks';
import type { LevelInfo, ResultCard, Screen } from '../screen/types';
import type { MapDot } from './holes-screen';

export type StepColour = 'red' | 'amber' | 'green';

/** Waypoints the path may pass through (start, via, end, and a few detours): the look budget's "points". */
const WAYPOINTS = 12;

export class PathScreen implements Screen {
  readonly info: LevelInfo;
  readonly clock: PlayClock;
  readonly results: ResultCard[] = [];

  private constructor(
    private readonly p: PretrainedLevel,
    readonly dots: readonly MapDot[],
  ) {
    this.info = levelInfo(p.level);
    this.clock = new PlayClock(LOOKS_PER_POINT * WAYPOINTS);
  }

  static async open(engine: PretrainedEngine, level: LevelDefinition): Promise<PathScreen> {
    const p = await PretrainedLevel.load(engine, level);
    const batch = await engine.getImages('mnist', 'test', 0, 1000);
    const codes = await engine.encode(p.model.modelId, batch.images.slice());
    const dots: MapDot[] = Array.from(batch.labels, (label, i) => ({ at: [codes[2 * i], codes[2 * i + 1]], label }));
    return new PathScreen(p, dots);
  }

  get spec(): SolutionSpecOf<'path'> {
    return this.p.level.solution as SolutionSpecOf<'path'>;
  }

  /** Where the map writes digit `d`'s name: the median of its dots. */
  labelOf(d: number): number[] {
    const own = this.dots.filter((x) => x.label === d);
    return [0, 1].map((k) => own.map((x) => x.at[k]).sort((a, b) => a - b)[Math.floor(own.length / 2)]);
  }

  /** The path a press at waypoints[0] and a drag through the others draws (3-decimal points, ≤ maxPoints). */
  draw(waypoints: readonly (readonly number[])[]): number[][] {
    const s = this.spec;
    const r = (v: number): number => Math.round(Math.min(s.bound, Math.max(-s.bound, v)) * 1000) / 1000;
    const path = [waypoints[0].map(r)];
    for (const w of waypoints.slice(1)) {
      this.clock.look(w.map(r).join(','));
      const last = path[path.length - 1];
      const steps = Math.ceil(Math.hypot(w[0] - last[0], w[1] - last[1]) / (s.maxStep * 0.95));
      for (let k = 1; k <= steps && path.length < s.maxPoints; k++)
        path.push([r(last[0] + ((w[0] - last[0]) * k) / steps), r(last[1] + ((w[1] - last[1]) * k) / steps)]);
    }
    return path;
  }

  /** Check path: each step's colour, and the result card. */
  async check(path: readonly number[][]): Promise<{ colours: StepColour[]; card: ResultCard }> {
    this.clock.canPress();
    this.clock.press();
    const probs = await this.p.judge(await this.p.decode(Float32Array.from(path.flat())));
    const [one, , three] = this.p.level.stars;
    const colours = probs.map((row): StepColour => {
      const c = predictedClass(row).confidence;
      return c < one ? 'red' : c < three ? 'amber' : 'green';
    });
    const payload = { kind: 'path' as const, points: path.map((q) => [...q]) };
    return { colours, card: await resultCard(this.p, payload, this.results) };
  }
}
