/**
 * What the four map modes (Holes in the map, Navigator, Dream digits, The path) share: the level's pretrained
 * 2-D model and its map of held-out digits, payload coordinates, the probe, one action at a time, and scoring.
 * Each mode adds its own state and actions in its own file.
 */
import type { CodeBox } from '../../../shared/levels/harness';
import { fromDataBox } from '../../../shared/levels/harness';
import type { Evaluation } from '../../../shared/levels/measurements';
import { PretrainedLevel } from '../../../shared/levels/measure';
import type { LevelMode, MapSetup, SolutionPayload } from '../../../shared/levels/types';
import { abortable } from '../../ml/abortable';
import { encodeMap, type LatentMapData } from './latent-map';
import { describeError, type LevelPlay, type PlayHost, type PlaySnapshot } from './play';
import { ProbeDecoder } from './probe';

/** A point the player placed on the map (latent coordinates), with what it scored. */
export interface PlacedProbe {
  x: number;
  y: number;
  /** Navigator: match % with the target. Holes and dreams: the judge's top probability. */
  value: number;
  /** Navigator: reached the match goal. Holes: the judge sees no digit. Dreams: a clean digit. */
  good: boolean;
}

/** What the judge says about the compare model's decode at a placed point's relative position (not scored). */
export interface CompareVerdict {
  /** The point in the compare map's latent coordinates. */
  x: number;
  y: number;
  /** Holes: the compare map's nearest dot to the spot (its box coordinates) and that dot's digit. */
  nearest?: number;
  nearestDigit?: number;
  digit: number;
  /** The judge's top probability, 0..1. */
  confidence: number;
  /** isNonDigit: the compare model has a hole there too. */
  hole: boolean;
  clean: boolean;
}

export type MapBox = LatentMapData['bounds'];

export function boxOf(codeBox: CodeBox): MapBox {
  return { xMin: codeBox.min[0], xMax: codeBox.max[0], yMin: codeBox.min[1], yMax: codeBox.max[1] };
}

export abstract class MapPlay implements LevelPlay {
  abstract readonly mode: LevelMode;
  map: LatentMapData | null = null;
  placed: PlacedProbe[] = [];
  /** The judge's probabilities of each placed point (or path step), in order. */
  judged: number[][] = [];
  readonly probe = new ProbeDecoder();
  /** 'dataBox' levels: the box payload points span ([−1, 1]); null: payload points are latent. */
  codeBox: CodeBox | null = null;
  protected pretrained: PretrainedLevel | null = null;
  private opened = false;
  private acting = false;

  constructor(protected readonly host: PlayHost) {}

  get setup(): MapSetup {
    return this.host.level.setup as MapSetup;
  }

  /** |coordinate| bound of the mode's payload, which also clips the map. */
  protected abstract get bound(): number;

  /** How many points (or draws) an attempt takes at most. */
  abstract get maxPoints(): number;

  /** Loads the pretrained model and its map, then starts the first attempt. */
  open(): void {
    if (this.opened) return;
    this.opened = true;
    void this.host.run((signal) => this.load(signal));
  }

  /** A fresh attempt: no points; the mode resets its own state. */
  async newAttempt(): Promise<void> {
    if (!this.pretrained) return;
    this.placed = [];
    this.judged = [];
    this.host.clearResult();
    this.host.message = null;
    await this.resetAttempt(this.pretrained);
    if (this.host.status === 'done') this.host.setStatus('idle');
    this.host.changed();
  }

  /** Decodes one latent point with the level's model (the probe under the pointer). */
  async decodeAt(x: number, y: number): Promise<Float32Array | null> {
    const pretrained = this.pretrained;
    if (!pretrained || !this.map || this.host.status === 'preparing') return null;
    const image = await this.probe.decode(this.host.port, pretrained.model.modelId, x, y, this.probeLabel());
    this.onProbeDecoded(pretrained, image);
    return image;
  }

  /** Latent (x, y) → the payload's coordinates ('dataBox': [−1, 1] over the box; 'latent': as is). */
  toPayloadPoint(x: number, y: number): number[] {
    const box = this.codeBox;
    if (!box) return [x, y];
    const to = (v: number, i: number): number => {
      const t = (2 * (v - box.min[i])) / (box.max[i] - box.min[i]) - 1;
      return Math.min(1, Math.max(-1, t));
    };
    return [to(x, 0), to(y, 1)];
  }

  /** Payload point → latent coordinates (inverse of toPayloadPoint). */
  fromPayloadPoint(point: readonly number[]): number[] {
    return this.codeBox ? fromDataBox(point, this.codeBox) : [...point];
  }

  /** Scores the attempt so far with the level's pure scorer. */
  finish(): void {
    const scored = this.scoredAttempt();
    if (scored) this.host.finish(scored.payload, scored.evaluation);
  }

  dispose(): void {
    // Pretrained models are shared: never disposed by a level.
  }

  snapshot(): PlaySnapshot {
    return {
      map: this.map,
      probe: this.probe.at ? { ...this.probe.at } : null,
      probeDecodes: this.probe.count,
      mapPlay: {
        mode: this.mode,
        target: null,
        live: null,
        pathPoints: 0,
        placed: this.placed.map((p) => ({ ...p })),
        compareVerdicts: [],
      },
    };
  }

  /** The attempt as a payload and its measurements, or null when there is nothing to score. */
  protected abstract scoredAttempt(): { payload: SolutionPayload; evaluation: Evaluation } | null;

  /** The mode's part of a fresh attempt (Navigator picks a target). */
  protected async resetAttempt(_pretrained: PretrainedLevel): Promise<void> {
    // Most modes keep nothing else.
  }

  /** The mode's extra loading (Holes: the compare map), after the map. */
  protected async loadExtras(_signal: AbortSignal, _classNames: string[]): Promise<void> {
    // Most modes need nothing else.
  }

  /** A conditional model's class for the probe's decodes (Digits on demand); undefined for the others. */
  protected probeLabel(): number | undefined {
    return undefined;
  }

  protected onProbeDecoded(_pretrained: PretrainedLevel, _image: Float32Array): void {
    // Navigator matches the probe with its target.
  }

  /**
   * Runs one player action at a time while the level is idle (a click during a decode is dropped); an error
   * shows on the level without ending it.
   */
  protected async act(action: (pretrained: PretrainedLevel) => Promise<void>): Promise<void> {
    const pretrained = this.pretrained;
    if (!pretrained || this.host.status !== 'idle' || this.acting) return;
    this.acting = true;
    try {
      await action(pretrained);
    } catch (error) {
      this.host.error = describeError(error);
      this.host.changed();
    } finally {
      this.acting = false;
    }
  }

  private async load(signal: AbortSignal): Promise<void> {
    const { host } = this;
    host.setStatus('preparing');
    host.changed();
    const pretrained = await abortable(signal, PretrainedLevel.load(host.port, host.level));
    const info = pretrained.model;
    this.pretrained = pretrained;
    const spec = host.level.solution;
    const box = spec.kind === 'latentPoints' && spec.space === 'dataBox' && info.codeBox ? info.codeBox : null;
    const dataset = await abortable(signal, host.port.loadDataset('mnist'));
    const labelled = this.mode === 'conditional';
    const map = await abortable(signal, encodeMap(host.port, info.modelId, dataset.classNames, null, labelled));
    // The map spans the data box (Holes: every point is "inside"), else the codes, never past the bound.
    const b = this.bound;
    map.bounds = box
      ? boxOf(box)
      : {
          xMin: Math.max(-b, map.bounds.xMin),
          xMax: Math.min(b, map.bounds.xMax),
          yMin: Math.max(-b, map.bounds.yMin),
          yMax: Math.min(b, map.bounds.yMax),
        };
    await this.loadExtras(signal, dataset.classNames);
    this.codeBox = box;
    this.map = map;
    await abortable(signal, this.newAttempt());
    host.setStatus('idle');
    host.changed();
  }
}
