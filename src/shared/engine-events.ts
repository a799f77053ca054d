/**
 * What the engine tells the game about itself, as data rather than sentences: why it runs on its backend, how a
 * training run ended, what happened during one. The worker also sends an English sentence for logs and tests; the
 * game words these in the player's language (src/game/ml/engine-words.ts), so nothing a player reads comes from the
 * worker's English.
 */
import type { BackendName } from './worker-api';

/** Why the automatic choice left WebGL out. */
export type WebGlCause = 'softwareGl' | 'noWebgl' | 'contextLost';

export type BackendWhy =
  /** Auto picked WebGL on hardware graphics. */
  | { kind: 'autoWebgl'; renderer: string }
  /** Auto picked WASM (or CPU, when WebAssembly could not start either) for `cause`. */
  | { kind: 'autoFallback'; backend: BackendName; cause: WebGlCause; renderer: string }
  /** The player chose this backend in the settings; `softwareRenderer` when a chosen WebGL is software-rendered. */
  | { kind: 'chosen'; backend: BackendName; softwareRenderer?: string }
  /** The chosen backend (and maybe others) could not start; `backend` is the one that did. */
  | { kind: 'failedOver'; failed: BackendName[]; backend: BackendName }
  /** The WebGL context was lost, so training moved to `backend`. */
  | { kind: 'contextLost'; backend: BackendName };

export type DivergenceCause =
  | { kind: 'lossNaN' }
  | { kind: 'exploded'; loss: number }
  | { kind: 'grew'; loss: number; first: number }
  | { kind: 'weightsNaN' };

export type TrainEnd =
  | { kind: 'completed'; steps: number; epochs: number }
  | { kind: 'cancelled'; step: number; totalSteps: number }
  | {
      kind: 'diverged';
      step: number;
      cause: DivergenceCause;
      learningRate: number;
      optimizer: string;
      /** The step of the last good weights, which the model keeps. */
      lastGoodStep: number;
    };

/** A backend change during a job: the context was lost at `lostAt`; training went on from `fromStep`. */
export interface ContextLostEvent {
  kind: 'contextLost';
  lostAt: number;
  backend: BackendName;
  fromStep: number;
}
