/**
 * Holes in the map: points in the plain AE's data box with no map dot (held-out digit's code) near them, the
 * empty space the player sees (scored: nearestCodeDistances, measure/map-dots.ts). The judge's reading of each
 * decode is shown, not scored. The VAE's map (setup.compare) is shown beside it, read-only: the probe and each
 * placed point also read the VAE's map at the same relative spot (its nearest dot, the judge on its decode).
 */
import { dotsInBox, judgeImages, nearestDot, toBoxCoordinates } from '../../../shared/levels/measure';
import { HOLES_NON_DIGIT, isMapGap } from '../../../shared/levels/world3-latent-map';
import type { Evaluation } from '../../../shared/levels/measurements';
import type { SolutionPayload, SolutionSpecOf } from '../../../shared/levels/types';
import { isCleanDigit, isNonDigit, predictedClass } from '../../../shared/scoring/judge';
import { abortable } from '../../ml/abortable';
import { encodeMap, type LatentMapData } from './latent-map';
import { boxOf, MapPlay, type CompareVerdict } from './map-play';
import type { PlaySnapshot } from './play';
import type { CodeBox } from '../../../shared/levels/harness';

/** What the judge reads in a live decode (shown under each map's decode while the probe moves). */
export interface LiveVerdict {
  digit: number;
  confidence: number;
  /** The judge's reading is below HOLES_NON_DIGIT: it sees no digit (shown, not scored). */
  hole: boolean;
  /** Distance from the probe to the map's nearest dot (box coordinates), and that dot's digit. */
  nearest: number;
  nearestDigit: number;
  /** No dot within HOLES_GAP_RADIUS: an empty spot, what the level scores. */
  gap: boolean;
}

/** A map's dots in its box coordinates, with their digits. */
interface BoxDots {
  dots: Float32Array;
  labels: Uint8Array;
  box: CodeBox;
}

function nearestOf(map: BoxDots | null, latent: readonly number[]): { nearest: number; nearestDigit: number } {
  if (!map) return { nearest: NaN, nearestDigit: -1 };
  const { distance, index } = nearestDot(toBoxCoordinates(latent, map.box).map(clamp1), map.dots);
  return { nearest: distance, nearestDigit: index >= 0 ? map.labels[index] : -1 };
}

const clamp1 = (v: number): number => Math.min(1, Math.max(-1, v));

function verdictOf(probs: number[], near: { nearest: number; nearestDigit: number }): LiveVerdict {
  const v = predictedClass(probs);
  return {
    digit: v.label,
    confidence: v.confidence,
    hole: isNonDigit(probs, HOLES_NON_DIGIT),
    ...near,
    gap: isMapGap(near.nearest),
  };
}

export class HolesPlay extends MapPlay {
  readonly mode = 'holes';
  /** The judge on the AE's and the VAE's live decode at the probe (null until the first decode). */
  live: LiveVerdict | null = null;
  liveCompare: LiveVerdict | null = null;
  /** The compare model's map (e.g. the 2-D VAE) beside the played one, when it loaded. */
  compare: LatentMapData | null = null;
  compareVerdicts: CompareVerdict[] = [];
  /** Per placed point: the nearest AE dot's distance (the scored measurement) and its digit. */
  distances: number[] = [];
  nearestDigits: number[] = [];
  private compareModelId: string | null = null;
  private aeDotsOf: { map: LatentMapData; dots: BoxDots } | null = null;
  private vaeDots: BoxDots | null = null;

  get spec(): SolutionSpecOf<'latentPoints'> {
    return this.host.level.solution as SolutionSpecOf<'latentPoints'>;
  }

  protected get bound(): number {
    return this.spec.bound;
  }

  get maxPoints(): number {
    return this.spec.maxPoints;
  }

  /** The AE map's dots in its box coordinates (built once the map is loaded). */
  private get aeDots(): BoxDots | null {
    const { map, codeBox } = this;
    if (!map || !codeBox) return null;
    if (this.aeDotsOf?.map !== map)
      this.aeDotsOf = { map, dots: { dots: dotsInBox(map.codes, codeBox), labels: map.labels, box: codeBox } };
    return this.aeDotsOf.dots;
  }

  /** Decodes the compare (VAE) map at its own latent (x, y): the live decode beside it (not scored). */
  async decodeCompareAt(x: number, y: number): Promise<Float32Array | null> {
    if (!this.compareModelId || this.host.status === 'preparing') return null;
    const image = await this.host.port.decode(this.compareModelId, new Float32Array([x, y]));
    const [probs] = await judgeImages(this.host.port, image.slice());
    this.liveCompare = verdictOf(probs, nearestOf(this.vaeDots, [x, y]));
    this.host.changed();
    return image;
  }

  /** The probe's decode, and the judge's live verdict on it (the player sees both while dragging). */
  override async decodeAt(x: number, y: number): Promise<Float32Array | null> {
    const image = await super.decodeAt(x, y);
    if (!image) return null;
    const [probs] = await judgeImages(this.host.port, image.slice());
    this.live = verdictOf(probs, nearestOf(this.aeDots, [x, y]));
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
      // Scored exactly as the server measures it: from the payload point, against the same dots.
      const near = this.aeDots ? nearestDot(this.toPayloadPoint(x, y), this.aeDots.dots) : null;
      const distance = near?.distance ?? 0;
      this.judged.push(probs);
      this.distances.push(distance);
      this.nearestDigits.push(near && near.index >= 0 ? this.aeDots!.labels[near.index] : -1);
      this.placed.push({ x, y, value: Math.max(...probs), good: isMapGap(distance) });
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
        liveNearest: this.live?.nearest ?? null,
        liveCompareNearest: this.liveCompare?.nearest ?? null,
        distances: [...this.distances],
        compareVerdicts: this.compareVerdicts.map((v) => ({ ...v })),
      },
    };
  }

  protected override async resetAttempt(): Promise<void> {
    this.compareVerdicts = [];
    this.distances = [];
    this.nearestDigits = [];
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
    if (other.codeBox) {
      cmap.bounds = boxOf(other.codeBox);
      this.vaeDots = { dots: dotsInBox(cmap.codes, other.codeBox), labels: cmap.labels, box: other.codeBox };
    }
    this.compareModelId = other.modelId;
    this.compare = cmap;
  }

  protected scoredAttempt(): { payload: SolutionPayload; evaluation: Evaluation } | null {
    if (this.placed.length === 0) return null;
    return {
      payload: { kind: 'latentPoints', points: this.placed.map((p) => this.toPayloadPoint(p.x, p.y)) },
      evaluation: { nearestCodeDistances: [...this.distances] },
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
      const near = nearestOf(this.vaeDots, [cx, cy]);
      this.compareVerdicts.push({
        x: cx,
        y: cy,
        nearest: near.nearest,
        nearestDigit: near.nearestDigit,
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
