/**
 * Sound effects synthesised at run time with the Web Audio API (no audio files, no network).
 *
 * `scheduleFor(effect)` is the pure part: the notes of an effect as {frequency, start, duration, gain}
 * (seconds from "now"). `Sfx` plays them on an AudioContext that is created lazily on the first user gesture
 * (browsers refuse to start audio before one). Every call is a no-op, never throwing, when sound is off in the
 * settings or no AudioContext is available. `playSfx(name)` is the one global hook the widgets and scenes call;
 * `installSfx(store)` (main.ts) binds it to the store's `settings.sound`.
 */
import type { GameStoreApi } from '../state';

export type SfxName = 'click' | 'star' | 'success' | 'fail' | 'tick';

export interface SfxNote {
  /** Hz. */
  frequency: number;
  /** Seconds after the effect starts. */
  start: number;
  /** Seconds, attack to end of release. */
  duration: number;
  /** Peak gain, 0–1 (kept small: these are UI sounds). */
  gain: number;
  type: 'sine' | 'triangle' | 'square';
}

/** Extra input of an effect: `index` is the star number (0, 1, 2) — each star chimes a step higher. */
export interface SfxOptions {
  index?: number;
}

const note = (
  frequency: number,
  start: number,
  duration: number,
  gain: number,
  type: SfxNote['type'] = 'sine',
): SfxNote => ({
  frequency,
  start,
  duration,
  gain,
  type,
});

/** C major pentatonic steps above C5, for the star chimes. */
const STAR_STEPS = [523.25, 659.25, 783.99, 1046.5];

/** The notes of one effect (pure). */
export function scheduleFor(effect: SfxName, options: SfxOptions = {}): SfxNote[] {
  switch (effect) {
    case 'click':
      return [note(1400, 0, 0.035, 0.06, 'triangle')];
    case 'star': {
      const i = Math.max(0, Math.min(STAR_STEPS.length - 2, Math.floor(options.index ?? 0)));
      return [note(STAR_STEPS[i], 0, 0.22, 0.12), note(STAR_STEPS[i + 1], 0.07, 0.3, 0.09)];
    }
    case 'success':
      return [
        note(523.25, 0, 0.14, 0.1, 'triangle'),
        note(659.25, 0.11, 0.14, 0.1, 'triangle'),
        note(783.99, 0.22, 0.14, 0.1, 'triangle'),
        note(1046.5, 0.33, 0.4, 0.11, 'triangle'),
      ];
    case 'fail':
      return [note(220, 0, 0.22, 0.1, 'triangle'), note(174.61, 0.18, 0.38, 0.1, 'triangle')];
    case 'tick':
      return [note(880, 0, 0.05, 0.07), note(1320, 0.06, 0.08, 0.06)];
  }
}

/** The part of AudioContext the synth uses (the browser's, or a test double). */
export interface AudioContextLike {
  readonly currentTime: number;
  readonly destination: unknown;
  readonly state?: string;
  resume?(): Promise<void>;
  createOscillator(): OscillatorLike;
  createGain(): GainLike;
}
export interface ParamLike {
  setValueAtTime(value: number, time: number): unknown;
  linearRampToValueAtTime(value: number, time: number): unknown;
  exponentialRampToValueAtTime(value: number, time: number): unknown;
}
export interface OscillatorLike {
  type: string;
  readonly frequency: ParamLike;
  connect(node: never): unknown;
  start(when: number): void;
  stop(when: number): void;
}
export interface GainLike {
  readonly gain: ParamLike;
  connect(node: never): unknown;
}

export interface SfxOptionsInit {
  /** Whether sound is on (the store's settings.sound). */
  enabled: () => boolean;
  /** Makes the context; null or a throw means "no audio here". Called at most once, from `unlock()`. */
  createContext: () => AudioContextLike | null;
}

const LOG_LIMIT = 100;

export class Sfx {
  private context: AudioContextLike | null = null;
  private tried = false;
  private readonly played: string[] = [];

  constructor(private readonly init: SfxOptionsInit) {}

  /** Call from a user gesture: creates (once) and resumes the context. Never throws. */
  unlock(): void {
    try {
      if (!this.tried) {
        this.tried = true;
        this.context = this.init.createContext();
      }
      if (this.context?.state === 'suspended') void this.context.resume?.().catch(() => undefined);
    } catch {
      this.context = null;
    }
  }

  /** Plays an effect now (no-op when muted or without a context); returns whether anything was scheduled. */
  play(effect: SfxName, options: SfxOptions = {}, delay = 0): boolean {
    try {
      const ctx = this.context;
      if (!ctx || !this.init.enabled()) return false;
      const t0 = ctx.currentTime + Math.max(0, delay);
      for (const n of scheduleFor(effect, options)) {
        const osc = ctx.createOscillator();
        const amp = ctx.createGain();
        osc.type = n.type;
        osc.frequency.setValueAtTime(n.frequency, t0 + n.start);
        const start = t0 + n.start;
        const end = start + n.duration;
        amp.gain.setValueAtTime(0.0001, start);
        amp.gain.linearRampToValueAtTime(n.gain, start + Math.min(0.01, n.duration / 4));
        amp.gain.exponentialRampToValueAtTime(0.0001, end);
        osc.connect(amp as never);
        amp.connect(ctx.destination as never);
        osc.start(start);
        osc.stop(end + 0.02);
      }
      this.played.push(effect);
      if (this.played.length > LOG_LIMIT) this.played.shift();
      return true;
    } catch {
      return false;
    }
  }

  /** Names of the effects played (oldest first, the last 100). */
  log(): string[] {
    return [...this.played];
  }
}

let current: Sfx | null = null;

/** The global hook: plays `effect` on the installed synth (no-op before `installSfx` or when muted). */
export function playSfx(effect: SfxName, options: SfxOptions = {}, delay = 0): void {
  current?.play(effect, options, delay);
}

/** Effects played so far (the test hook `debug.soundLog()`). */
export function soundLog(): string[] {
  return current?.log() ?? [];
}

function browserContext(): AudioContextLike | null {
  const w = window as unknown as {
    AudioContext?: new () => AudioContextLike;
    webkitAudioContext?: new () => AudioContextLike;
  };
  const Ctor = w.AudioContext ?? w.webkitAudioContext;
  return Ctor ? new Ctor() : null;
}

/**
 * Binds the global synth to the store (sound on/off), unlocks audio on the first pointer or key gesture, and
 * ticks when a Lab training run finishes. Returns the function that removes it.
 */
export function installSfx(store: GameStoreApi): () => void {
  const sfx = new Sfx({ enabled: () => store.getState().settings.sound, createContext: browserContext });
  current = sfx;
  const unlock = (): void => sfx.unlock();
  const opts = { capture: true, passive: true } as const;
  window.addEventListener('pointerdown', unlock, opts);
  window.addEventListener('keydown', unlock, opts);
  window.addEventListener('touchend', unlock, opts);
  const unsubscribe = store.subscribe(
    (s) => s.lab.status,
    (status, previous) => {
      if (status === 'done' && previous !== 'done') sfx.play('tick');
    },
  );
  return () => {
    window.removeEventListener('pointerdown', unlock, opts);
    window.removeEventListener('keydown', unlock, opts);
    window.removeEventListener('touchend', unlock, opts);
    unsubscribe();
    if (current === sfx) current = null;
  };
}
