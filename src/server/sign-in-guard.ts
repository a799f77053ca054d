/**
 * Password guessing: every wrong teacher password is counted per address and over all addresses. After a few free
 * mistakes each further try must wait a delay that doubles (up to a cap), and past a threshold the key is locked
 * out for a while; waiting out `forgetAfterMs` without a mistake forgives everything. A try made while waiting is
 * refused without looking at the password, so it teaches nothing and does not count.
 * A teacher already signed in keeps their session (teacher-sessions.ts) through an overall lockout.
 */
export interface GuardPolicy {
  /** Mistakes without delay. */
  free: number;
  /** The first delay (ms), doubled at each further mistake… */
  firstDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
  /** Mistakes that lock the key out… */
  lockoutAfter: number;
  /** …for this long (ms). */
  lockoutMs: number;
  /** A key with no mistake for this long starts afresh. */
  forgetAfterMs: number;
}

/** Per address: 5 free, then 1 s, 2 s, 4 s … 60 s; 20 mistakes lock it out for 15 minutes. */
export const ADDRESS_POLICY: GuardPolicy = {
  free: 5,
  firstDelayMs: 1000,
  maxDelayMs: 60_000,
  lockoutAfter: 20,
  lockoutMs: 15 * 60_000,
  forgetAfterMs: 30 * 60_000,
};

/** Over all addresses (a botnet, or spoofed addresses behind a proxy): 30 free, then 1 s … 30 s; 100 lock out 15 min. */
export const OVERALL_POLICY: GuardPolicy = {
  free: 30,
  firstDelayMs: 1000,
  maxDelayMs: 30_000,
  lockoutAfter: 100,
  lockoutMs: 15 * 60_000,
  forgetAfterMs: 30 * 60_000,
};

interface Mistakes {
  count: number;
  lastAt: number;
  blockedUntil: number;
}

const OVERALL = '*';

export class SignInGuard {
  private readonly keys = new Map<string, Mistakes>();

  constructor(
    private readonly perAddress: GuardPolicy = ADDRESS_POLICY,
    private readonly overall: GuardPolicy = OVERALL_POLICY,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** 0 when `address` may try a password now, else the seconds to wait. */
  wait(address: string): number {
    const now = this.clock();
    const until = Math.max(this.entry(address, now)?.blockedUntil ?? 0, this.entry(OVERALL, now)?.blockedUntil ?? 0);
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  failed(address: string): void {
    const now = this.clock();
    this.count(address, this.perAddress, now);
    this.count(OVERALL, this.overall, now);
    if (this.keys.size > 10_000) this.prune(now);
  }

  /** The right password: this address starts afresh (the overall count stays: others may still be guessing). */
  succeeded(address: string): void {
    this.keys.delete(address);
  }

  private entry(key: string, now: number): Mistakes | undefined {
    const m = this.keys.get(key);
    const policy = key === OVERALL ? this.overall : this.perAddress;
    if (m && now - m.lastAt > policy.forgetAfterMs && now >= m.blockedUntil) {
      this.keys.delete(key);
      return undefined;
    }
    return m;
  }

  private count(key: string, policy: GuardPolicy, now: number): void {
    const m = this.entry(key, now) ?? { count: 0, lastAt: now, blockedUntil: 0 };
    m.count++;
    m.lastAt = now;
    if (m.count >= policy.lockoutAfter) {
      m.blockedUntil = now + policy.lockoutMs;
      // After a lockout every further mistake waits again (from 2 s); 20 − free more lock it out again.
      m.count = policy.free;
    } else if (m.count > policy.free - 1) {
      const delay = policy.firstDelayMs * 2 ** (m.count - policy.free);
      m.blockedUntil = now + Math.min(policy.maxDelayMs, delay);
    }
    this.keys.set(key, m);
  }

  private prune(now: number): void {
    for (const key of [...this.keys.keys()]) this.entry(key, now);
  }
}
