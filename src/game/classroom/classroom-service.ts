/**
 * The student's side of a classroom competition: joining, the outbox that carries every completed attempt to
 * the server (in order, each with its own idempotency key, retried with backoff until the server answers), and
 * the standing (rank, stars, per-level bests) from /api/me. No Phaser here: scenes read `view()` through the
 * store, and Node tests drive it against a real server.
 *
 * Nothing earned is lost: an attempt is written to storage before it is sent and stays until the server
 * acknowledges or refuses it. Nothing counts twice: a resend carries the same key, and the server answers a
 * replay with the stored result.
 */
import type { MeReply } from '../../shared/classroom/api';
import { newIdempotencyKey, randomBase64url } from '../../shared/classroom/keys';
import { MODEL_ENCODING } from '../../shared/classroom/model-codec';
import { checkNickname, normalizeJoinCode } from '../../shared/classroom/names';
import type { ClassProblem } from '../../shared/classroom/problems';
import { levelVariant, type LevelDefinition, type SolutionPayload } from '../../shared/levels';
import type { ClassroomClient } from './client';
import { checkJoinForm, pendingProblem, problemFields, recordUnreadable, STORAGE_REFUSED } from './class-problems';
import { backoffMs, freshTickets } from './outbox-pacing';
import {
  deviceId,
  loadSavedClass,
  storeSavedClass,
  storeWithoutModels,
  type Membership,
  type OutboxItem,
  type SavedClass,
  type StorageLike,
} from './saved-class';

export interface ClassroomView {
  membership: Membership | null;
  /** Newest last. */
  items: readonly OutboxItem[];
  pending: number;
  standing: MeReply | null;
  /** False after a failed call, true after one that got through, null before any. */
  reachable: boolean | null;
  /** The last problem worth showing (a refusal, an unreadable record, storage refused), by code. */
  problem: ClassProblem | null;
  /** When the next retry is due (ms, service clock), or null. */
  nextRetryAt: number | null;
}

export interface ClassroomServiceOptions {
  client: ClassroomClient;
  storage: StorageLike | null;
  now?: () => number;
  random?: () => number;
  onChange?: (view: ClassroomView) => void;
}

export type JoinOutcome = { ok: true; membership: Membership } | { ok: false; problem: ClassProblem };

/** Acknowledged and refused attempts kept for the class screen (pending ones are never trimmed). */
const KEEP_SETTLED = 200;

export { backoffMs } from './outbox-pacing';

export class ClassroomService {
  private saved: SavedClass;
  private standing: MeReply | null = null;
  private reachable: boolean | null = null;
  private problem: ClassProblem | null = null;
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private nextRetryAt: number | null = null;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private disposed = false;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: ClassroomServiceOptions) {
    this.now = options.now ?? (() => Date.now());
    this.random = options.random ?? Math.random;
    const loaded = loadSavedClass(options.storage);
    this.saved = loaded.saved;
    if (!loaded.ok) this.problem = recordUnreadable(loaded.problem);
    if (this.pending().length > 0) void this.flush();
  }

  get membership(): Membership | null {
    return this.saved.membership;
  }

  view(): ClassroomView {
    return {
      membership: this.saved.membership,
      items: this.saved.items,
      pending: this.pending().length,
      standing: this.standing,
      reachable: this.reachable,
      problem: this.problem,
      nextRetryAt: this.nextRetryAt,
    };
  }

  /** The join form's checks, the same the server makes: null when both look right. */
  static checkForm(code: string, nickname: string): ClassProblem | null {
    return checkJoinForm(code, nickname);
  }

  async join(code: string, nickname: string): Promise<JoinOutcome> {
    const pending = this.pending().length;
    if (pending > 0) return { ok: false, problem: pendingProblem('join', pending) };
    const formProblem = checkJoinForm(code, nickname);
    if (formProblem) return { ok: false, problem: formProblem };
    const reply = await this.options.client.join(
      normalizeJoinCode(code),
      checkNickname(nickname).ok ? nickname.trim() : nickname,
      deviceId(this.options.storage, () => randomBase64url(18)),
    );
    this.reachable = reply.kind !== 'retry';
    if (reply.kind !== 'ok') {
      this.emit();
      return { ok: false, problem: reply.problem };
    }
    const b = reply.body;
    const membership: Membership = {
      code: b.competition.code,
      nickname: b.nickname,
      token: b.token,
      seed: b.seed,
      competition: b.competition,
      joinedAt: this.now(),
      tickets: freshTickets(b.tickets, []),
    };
    this.saved = { version: 1, membership, items: [] };
    this.standing = null;
    this.problem = null;
    this.persist();
    this.emit();
    void this.refresh();
    return { ok: true, membership };
  }

  /** Leaves the class (this device forgets the membership); refused while attempts are still unsent. */
  leave(): { ok: true } | { ok: false; problem: ClassProblem } {
    const pending = this.pending().length;
    if (pending > 0) return { ok: false, problem: pendingProblem('leave', pending) };
    this.saved = { version: 1, membership: null, items: [] };
    this.standing = null;
    this.problem = null;
    this.persist();
    this.emit();
    return { ok: true };
  }

  /** True when `levelId` is one of the joined competition's levels. */
  playsLevel(levelId: string): boolean {
    return this.saved.membership?.competition.levels.includes(levelId) ?? false;
  }

  /** The seed this student plays `levelId` with in the competition (a setup link carries it); undefined outside one. */
  seedFor(levelId: string): number | undefined {
    const m = this.saved.membership;
    return m && this.playsLevel(levelId) ? m.seed : undefined;
  }

  /** The level as this student plays it in the competition (its seed, its variant), or as is outside one. */
  levelFor(level: LevelDefinition): LevelDefinition {
    const m = this.saved.membership;
    return m && this.playsLevel(level.id) ? levelVariant(level, m.seed) : level;
  }

  /**
   * Queues a completed attempt of a competition level (stored first, then sent); null outside a competition.
   * `model`: a trained level's weights as uploaded (model-codec.ts), so the server scores it at once.
   */
  submitAttempt(levelId: string, payload: SolutionPayload, model?: string): OutboxItem | null {
    const m = this.saved.membership;
    if (this.disposed || !m || !this.playsLevel(levelId)) return null;
    // The attempt takes a ticket collected while online: its evidence it was made before the end.
    const [ticket, ...tickets] = m.tickets;
    const item: OutboxItem = {
      ...(ticket ? { ticket } : {}),
      key: newIdempotencyKey(),
      levelId,
      payload: structuredClone(payload),
      ...(model ? { model } : {}),
      createdAt: this.now(),
      tries: 0,
      nextTryAt: 0,
      state: 'pending',
    };
    this.saved = { ...this.saved, membership: { ...m, tickets }, items: [...this.saved.items, item] };
    this.persist();
    this.emit();
    void this.flush();
    return item;
  }

  /** The newest attempt of a level (what the results screen reports). */
  latestFor(levelId: string): OutboxItem | undefined {
    for (let i = this.saved.items.length - 1; i >= 0; i--)
      if (this.saved.items[i].levelId === levelId) return this.saved.items[i];
    return undefined;
  }

  /** Sends every pending attempt in order; one flush at a time. Resolves when the outbox is empty or waiting. */
  flush(): Promise<void> {
    // A flush asked for during a pass (Retry now, a new attempt) gets a pass of its own after it.
    this.flushAgain = true;
    if (!this.flushing) {
      this.flushing = (async () => {
        while (this.flushAgain && !this.disposed) {
          this.flushAgain = false;
          await this.sendPending();
        }
      })().finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  /** Rank, stars and bests from the server (also refreshes the competition's state and time left). */
  async refresh(): Promise<void> {
    const m = this.saved.membership;
    if (!m || this.disposed) return;
    const reply = await this.options.client.me(m.token);
    // Still the same class (a refresh replaces the membership object, so compare tokens)?
    const current = this.saved.membership;
    if (current?.token !== m.token) return;
    this.reachable = reply.kind !== 'retry';
    if (reply.kind === 'ok') {
      this.standing = reply.body;
      // The server's word on each recent attempt: scored, verified or corrected (with the re-trained score).
      const recent = new Map((reply.body.recent ?? []).map((r) => [r.idempotencyKey, r]));
      this.saved = {
        ...this.saved,
        membership: {
          ...current,
          competition: reply.body.competition,
          seed: reply.body.seed,
          tickets: freshTickets(reply.body.tickets, current.tickets),
        },
        items: this.saved.items.map((i) => {
          const r = recent.get(i.key);
          return r && i.result
            ? {
                ...i,
                result: {
                  ...i.result,
                  score: r.score,
                  stars: r.stars,
                  verification: r.verification,
                  evaluatedScore: r.evaluatedScore,
                },
              }
            : i;
        }),
      };
      this.persist();
    } else if (reply.kind === 'refused') {
      this.problem = reply.problem;
    }
    this.emit();
  }

  /** Refreshes the standing every `ms` (the class screen while it is open) and retries the outbox. */
  startPolling(ms: number): void {
    this.stopPolling();
    void this.refresh();
    this.pollTimer = setInterval(() => {
      void this.refresh();
      if (this.pending().length > 0 && !this.retryTimer) void this.flush();
    }, ms);
  }

  stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }

  /** Retry now (the browser came back online, the player pressed Retry). */
  retryNow(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.nextRetryAt = null;
    this.saved = {
      ...this.saved,
      items: this.saved.items.map((i) => (i.state === 'pending' ? { ...i, nextTryAt: 0 } : i)),
    };
    void this.flush();
  }

  dispose(): void {
    this.disposed = true;
    this.stopPolling();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private pending(): OutboxItem[] {
    return this.saved.items.filter((i) => i.state === 'pending');
  }

  private async sendPending(): Promise<void> {
    let acknowledged = false;
    while (!this.disposed) {
      const m = this.saved.membership;
      const item = this.pending()[0];
      if (!m || !item) break;
      const wait = item.nextTryAt - this.now();
      if (wait > 0) {
        this.schedule(wait);
        break;
      }
      const request = {
        levelId: item.levelId,
        idempotencyKey: item.key,
        payload: item.payload,
        attemptedAt: new Date(item.createdAt).toISOString(),
        ...(item.ticket ? { ticket: item.ticket } : {}),
      };
      const reply = item.model
        ? await this.options.client.submitTrained(m.token, {
            ...request,
            model: { encoding: MODEL_ENCODING, data: item.model },
          })
        : await this.options.client.submit(m.token, request);
      if (this.saved.membership?.token !== m.token) break;
      this.reachable = reply.kind !== 'retry';
      if (reply.kind === 'ok') {
        const s = reply.body.submission;
        this.takeTickets(reply.body.tickets);
        this.update(item.key, {
          state: 'sent',
          tries: item.tries + 1,
          result: {
            score: s.score,
            stars: s.stars,
            goalMet: s.goalMet,
            verification: s.verification,
            evaluatedScore: s.evaluatedScore,
          },
          message: undefined,
          code: undefined,
          params: undefined,
          model: undefined,
        });
        acknowledged = true;
      } else if (reply.kind === 'refused') {
        this.update(item.key, { state: 'refused', tries: item.tries + 1, ...problemFields(reply.problem) });
        this.problem = reply.problem;
      } else {
        const tries = item.tries + 1;
        const delay = Math.max(backoffMs(tries, this.random), reply.retryAfterMs ?? 0);
        this.update(item.key, { tries, nextTryAt: this.now() + delay, ...problemFields(reply.problem) });
        this.emit();
        this.schedule(delay);
        break;
      }
      this.emit();
    }
    if (acknowledged) void this.refresh();
  }

  private takeTickets(fresh: readonly string[]): void {
    const m = this.saved.membership;
    if (m && fresh.length > 0)
      this.saved = { ...this.saved, membership: { ...m, tickets: freshTickets(fresh, m.tickets) } };
  }

  private schedule(delayMs: number): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.nextRetryAt = this.now() + delayMs;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.nextRetryAt = null;
      void this.flush();
    }, delayMs);
  }

  private update(key: string, patch: Partial<OutboxItem>): void {
    let items = this.saved.items.map((i) => (i.key === key ? { ...i, ...patch } : i));
    const settled = items.filter((i) => i.state !== 'pending');
    if (settled.length > KEEP_SETTLED) {
      const drop = new Set(settled.slice(0, settled.length - KEEP_SETTLED).map((i) => i.key));
      items = items.filter((i) => !drop.has(i.key));
    }
    this.saved = { ...this.saved, items };
    this.persist();
  }

  private persist(): void {
    const storage = this.options.storage;
    if (storeSavedClass(storage, this.saved) || !storage) return;
    const { marked, stored } = storeWithoutModels(storage, this.saved);
    if (marked) this.saved = marked;
    if (stored) return;
    this.problem = STORAGE_REFUSED;
  }

  private emit(): void {
    this.options.onChange?.(this.view());
  }
}
