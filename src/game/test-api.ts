/**
 * Types of the browser-test hook `window.__latentQuest` (installed by test-hooks.ts; ids documented there).
 * Type-only and dependency-light so the Node-side tests can `import type {} from '../../src/game/test-api'`
 * to get the `window.__latentQuest` declaration.
 */
import type { PretrainedLevelBench, TrainedLevelBench, TrainedLevelOptions } from './bench/bench-level';
import type { BackendBench, BenchOptions } from './bench/bench-page';
import type { SolutionPayload } from '../shared/levels';
import type { DrawnDigitView, DrawnLetterView } from './draw/drawn-digit';
import type { LevelSnapshot } from './level/current';
import type { StateSnapshot } from './state/snapshot';

export interface PageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LatentQuestHooks {
  /** True once the current screen is interactive (false between screens). */
  readonly ready: boolean;
  /** Key of the active main scene: 'Title' | 'WorldMap' | 'Level' | 'Results' | 'Settings' | 'Lab' ('Preloader' while loading). */
  scene(): string;
  /** Plain JSON copy of the store. */
  getState(): StateSnapshot;
  /** CSS page pixels of a widget by stable id, or null when it is not on screen. */
  uiBounds(id: string): PageRect | null;
  /** Every id uiBounds knows right now. */
  widgetIds(): string[];
  /** The level being played (Level scene): id, status, score, stars, meter, payload…; null outside a level. */
  level(): LevelSnapshot | null;
  /** The drawing screen's analysis of the player's digit (code, judge's verdict, error); null when none. */
  drawn(): DrawnDigitView | null;
  /** The drawing screen's analysis of the player's 7x5 letter (nearest font letter, code, error); null when none. */
  drawnLetter(): DrawnLetterView | null;
  debug: {
    /** Terminates the ML worker as a crash would; the bridge restarts it and tells the player. */
    killWorker(): void;
    /** The worker loses its WebGL context (WEBGL_lose_context); false when it has none. */
    loseWebGlContext(): Promise<boolean>;
    workerAlive(): boolean;
    /** The bridge's running training job id, null when none (Leave must cancel it). */
    activeJobId(): string | null;
    /** The Lab's current model's reconstructions of the first `count` test images (null without a model). */
    labReconstruct(count: number): Promise<number[] | null>;
    /** Replaces the active main scene with `key`, loading its chunk first if needed (screenshots of Results without playing a level); false for an unknown key. */
    startScene(key: string, data?: object): boolean;
    /** Names of the sound effects played so far, oldest first (none while sound is off or audio is unavailable). */
    soundLog(): string[];
    /** Texts that do not fit their box or run off the screen's sides (src/game/ui/fit-text.ts). */
    textOverflows(): { scene: string; text: string; problem: string }[];
    /** The renderer Phaser actually runs. */
    rendererType(): 'canvas' | 'webgl';
    /** RGBA (0–255) of a canvas texture's pixel (the painted UI drawings, src/game/assets.ts); null if none. */
    texturePixel(key: string, x: number, y: number): [number, number, number, number] | null;
    /** `npm run bench`: measures this page's backend (loaded on demand, not in the main chunk). */
    benchmark(options: BenchOptions): Promise<BackendBench>;
    /** `npm run bench`: plays the open trained level's ladder through its LevelSession until the first star. */
    benchTrainedLevel(options: TrainedLevelOptions): Promise<TrainedLevelBench>;
    /** `npm run bench`: the open map/arithmetic level: time to its pretrained model, then `payload` played and scored. */
    benchPretrainedLevel(payload: SolutionPayload, timeoutMs: number): Promise<PretrainedLevelBench>;
  };
}

declare global {
  interface Window {
    __latentQuest?: LatentQuestHooks;
  }
}
