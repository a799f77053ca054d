/**
 * Holes in the map: points in the plain AE's data box that the judge sees as no digit. The VAE's map (setup.compare)
 * is shown beside it, read-only: each placed point also asks the judge about the VAE's decode at the same relative
 * spot (not scored).
 */
import { judgeImages } from '../../../shared/levels/measure';
import { HOLES_NON_DIGIT } from '../../../shared/levels/world3-latent-map';
import type { Evaluation } from '../../../shared/levels/measurements';
import type { SolutionPayload, SolutionSpecOf } from '../../../shared/levels/types';
import { isCleanDigit, isNonDigit, predictedClass } from '../../../shared/scoring/judge';
import { abortable } from '../../ml/abortable';
import { encodeMap, type LatentMapData } from './latent-map';
import { boxOf, MapPlay, type CompareVerdict } from './map-play';
import type { PlaySnapshot } from './play';

/** What the judge reads in a live decode (shown under each map's decode while the probe moves). */
export interface LiveVerdict {
  digit: number;
  confidence: number;
  /** Below the level's bar (HOLES_NON_DIGIT): no digit, a hole. */
  hole: boolean;
}

function verdictOf(probs: number[]): LiveVerdict {
  const v = predictedClass(probs);
  return { digit: v.label, confidence: v.confidence, hole: isNonDigit(probs, HOLES_NON_DIGIT) };
}

export class HolesPlay extends MapPlay {
  readonly mode = 'holes';
  /** The judge on the AE's and the VAE's live decode at the probe (null until the first decode). */
  live: LiveVerdict | null = null;
  liveCompare: LiveVerdict | null = null;
  /** The compare model's map (e.g. the 2-D VAE) beside the played one, when it loaded. */
  compare: LatentMapData | null = null;
  compareVerdicts: CompareVerdict[] = [];
  private compareModelId: string | null = null;

  get spec(): SolutionSpecOf<'latentPoints'> {
    return this.host.level.solution as SolutionSpecOf<'latentPoints'>;
  }

  protected get bound(): number {
    return this.spec.bound;
  }

  get maxPoints(): number {
    return this.spec.maxPoints;
  }

  /** Decodes the compare (VAE) map at its own latent (x, y): the live decode beside it (not scored). */
  async decodeCompareAt(x: number, y: number): Promise<Float32Array | null> {
    if (!this.compareModelId || this.host.status === 'preparing') return null;
    const image = await this.host.port.decode(this.compareModelId, new Float32Array([x, y]));
    const [probs] = await judgeImages(this.host.port, image.slice());
    this.liveCompare = verdictOf(probs);
    this.host.changed();
    return image;
  }

  /** The probe's decode, and the judge's live verdict on it (the player sees both while dragging). */
  override async decodeAt(x: number, y: number): Promise<Float32Array | null> {
    const image = await super.decodeAt(x, y);
    if (!image) return null;
    const [probs] = await judgeImages(this.host.port, image.slice());
    this.live = verdictOf(probs);
    this.host.changed();
    return image;
  }

  /**
   * Places a point at latent (x, y) (the explicit Place action, never a drag) and asks the judge; the attempt is
   * scored when full (or on "Score my holes").
   */
  place(x: number, y: number): Promise<void> {
    const spec = this.spec;
    if (this.host.status === 'idle' && spec.minSeparation > 0 && this.placed.length < spec.maxPoints) {
      const p = this.toPayloadPoint(x, y);
      const tooClose = this.placed.some(
        (q) => Math.hypot(...this.toPayloadPoint(q.x, q.y).map((v, i) => v - p[i])) < spec.minSeparation,
      );
      if (tooClose) {
        this.host.message = 'tooClose';
        this.host.changed();
        return Promise.resolve();
      }
    }
    return this.act(async (pretrained) => {
      if (this.placed.length >= spec.maxPoints) return;
      const image = await pretrained.decode(new Float32Array([x, y]));
      const [probs] = await pretrained.judge(image);
      this.judged.push(probs);
      this.placed.push({ x, y, value: Math.max(...probs), good: isNonDigit(probs, HOLES_NON_DIGIT) });
      await this.judgeCompare(x, y);
      this.host.message = null;
      if (this.placed.length >= spec.maxPoints) this.finish();
      else this.host.changed();
    });
  }

  override snapshot(): PlaySnapshot {
    const base = super.snapshot();
    return {
      ...base,
      compare: this.compare,
      mapPlay: base.mapPlay && {
        ...base.mapPlay,
        live: this.live?.confidence ?? null,
        compareVerdicts: this.compareVerdicts.map((v) => ({ ...v })),
      },
    };
  }

  protected override async resetAttempt(): Promise<void> {
    this.compareVerdicts = [];
  }

  protected override async loadExtras(signal: AbortSignal, classNames: string[]): Promise<void> {
    const asset = this.setup.compare;
    if (!asset) return;
    const port = this.host.port;
    // The compare model is shown, never scored: a failure to load it leaves the level playable.
    const other = await abortable(
      signal,
      port.loadPretrained(asset).catch(() => null),
    );
    const cmap = other
      ? await abortable(
          signal,
          encodeMap(port, other.modelId, classNames, null).catch(() => null),
        )
      : null;
    if (!other || !cmap) return;
    if (other.codeBox) cmap.bounds = boxOf(other.codeBox);
    this.compareModelId = other.modelId;
    this.compare = cmap;
  }

  protected scoredAttempt(): { payload: SolutionPayload; evaluation: Evaluation } | null {
    if (this.placed.length === 0) return null;
    return {
      payload: { kind: 'latentPoints', points: this.placed.map((p) => this.toPayloadPoint(p.x, p.y)) },
      evaluation: { judgeProbabilities: this.judged.map((r) => [...r]) },
    };
  }

  /** Decodes the compare (VAE) model at the same relative spot of its map's box and asks the judge. */
  private async judgeCompare(x: number, y: number): Promise<void> {
    const from = this.map?.bounds;
    const to = this.compare?.bounds;
    if (!from || !to || !this.compareModelId) return;
    const cx = to.xMin + ((x - from.xMin) / (from.xMax - from.xMin)) * (to.xMax - to.xMin);
    const cy = to.yMin + ((y - from.yMin) / (from.yMax - from.yMin)) * (to.yMax - to.yMin);
    try {
      const image = await this.host.port.decode(this.compareModelId, new Float32Array([cx, cy]));
      const [probs] = await judgeImages(this.host.port, image);
      const verdict = predictedClass(probs);
      this.compareVerdicts.push({
        x: cx,
        y: cy,
        digit: verdict.label,
        confidence: verdict.confidence,
        hole: isNonDigit(probs, HOLES_NON_DIGIT),
        clean: isCleanDigit(probs),
      });
    } catch {
      // Not scored: a failed compare decode only leaves the verdict out.
    }
  }
}
