/** Pause / resume / cancel of a training job by id; the loop awaits `whilePaused()` between steps. */
export class JobControl {
  private paused = false;
  private cancelled = false;
  private wake: (() => void)[] = [];

  constructor(readonly id: string) {}

  get isPaused(): boolean {
    return this.paused;
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  /** False when already paused or cancelled. */
  pause(): boolean {
    if (this.paused || this.cancelled) return false;
    this.paused = true;
    return true;
  }

  resume(): boolean {
    if (!this.paused || this.cancelled) return false;
    this.paused = false;
    this.release();
    return true;
  }

  cancel(): boolean {
    if (this.cancelled) return false;
    this.cancelled = true;
    this.paused = false;
    this.release();
    return true;
  }

  /** Resolves at once unless paused; then when resumed or cancelled. */
  whilePaused(): Promise<void> {
    if (!this.paused) return Promise.resolve();
    return new Promise((resolve) => this.wake.push(resolve));
  }

  private release(): void {
    const wake = this.wake;
    this.wake = [];
    wake.forEach((w) => w());
  }
}

/** Running jobs, plus the ids of recently finished ones (pause/cancel of those is a harmless `false`). */
export class JobRegistry {
  private readonly running = new Map<string, JobControl>();
  private readonly finished: string[] = [];

  has(id: string): boolean {
    return this.running.has(id);
  }

  start(id: string): JobControl {
    const job = new JobControl(id);
    this.running.set(id, job);
    return job;
  }

  finish(id: string): void {
    this.running.delete(id);
    this.finished.push(id);
    if (this.finished.length > 200) this.finished.shift();
  }

  /** The running job, or null when it already finished; undefined when the id was never seen. */
  lookup(id: string): JobControl | null | undefined {
    return this.running.get(id) ?? (this.finished.includes(id) ? null : undefined);
  }
}
