/**
 * Notices a lost WebGL context (driver reset, GPU process crash, WEBGL_lose_context): tfjs then silently
 * returns garbage. Listens for 'webglcontextlost' on tfjs' canvas and also asks gl.isContextLost().
 */
import * as tf from '@tensorflow/tfjs';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';

type Gl = WebGLRenderingContext | WebGL2RenderingContext;

function tfjsGl(): Gl | null {
  if (tf.getBackend() !== 'webgl') return null;
  const backend = tf.backend() as MathBackendWebGL;
  return (backend.gpgpu?.gl as Gl | undefined) ?? null;
}

/** What the engine needs to notice a lost context (injectable so tests can simulate a loss). */
export interface ContextWatch {
  /** Called after tfjs switched to WebGL. */
  attach(): void;
  isLost(): boolean;
  whenLost(): { promise: Promise<void>; stop: () => void };
  /** Loses the context on purpose; false when there is none to lose. */
  loseContext(): boolean;
}

export class WebGlWatch implements ContextWatch {
  private gl: Gl | null = null;
  private lostFlag = false;
  private waiters: (() => void)[] = [];

  /** Call after tfjs switched to WebGL. */
  attach(): void {
    const gl = tfjsGl();
    if (!gl || gl === this.gl) return;
    this.gl = gl;
    // WebWorker's lib types omit `canvas`; in a worker it is tfjs' OffscreenCanvas.
    const canvas = (gl as unknown as { canvas?: EventTarget }).canvas;
    canvas?.addEventListener?.('webglcontextlost', () => this.markLost());
  }

  /** True once the context tfjs uses was lost (stays true: tfjs cannot recover that context). */
  isLost(): boolean {
    if (!this.lostFlag && this.gl?.isContextLost()) this.markLost();
    return this.lostFlag;
  }

  /** Resolves when the context is lost: the event, or a 50 ms poll of isContextLost while someone waits. */
  whenLost(): { promise: Promise<void>; stop: () => void } {
    if (this.isLost()) return { promise: Promise.resolve(), stop: () => {} };
    let wake: () => void = () => {};
    const promise = new Promise<void>((resolve) => (wake = resolve));
    this.waiters.push(wake);
    const timer = setInterval(() => this.isLost(), 50);
    const stop = (): void => {
      clearInterval(timer);
      this.waiters = this.waiters.filter((w) => w !== wake);
    };
    void promise.then(stop);
    return { promise, stop };
  }

  /** Loses the context on purpose (WEBGL_lose_context), as a driver crash would. */
  loseContext(): boolean {
    if (tf.getBackend() !== 'webgl') return false;
    const ext = this.gl?.getExtension('WEBGL_lose_context');
    if (!ext) return false;
    ext.loseContext();
    return true;
  }

  private markLost(): void {
    this.lostFlag = true;
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }
}
