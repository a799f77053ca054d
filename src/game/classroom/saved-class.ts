/**
 * The class membership and the outbox of attempts not yet acknowledged, kept in their own localStorage record
 * (not in the progress save): written before an attempt is sent, so a reload, a crash or a closed lid loses
 * nothing. Read back through zod; an unreadable record is kept aside under a second key, never silently dropped.
 */
import { z } from 'zod';
import { CompetitionViewSchema, VerificationSchema } from '../../shared/classroom/api';
import { IdempotencyKeySchema, StudentTokenSchema } from '../../shared/classroom/keys';
import { PayloadSchema } from '../../shared/levels';

export const CLASSROOM_STORAGE_KEY = 'latent-quest.classroom';
export const CLASSROOM_UNREADABLE_KEY = 'latent-quest.classroom.unreadable';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const MembershipSchema = z.object({
  code: z.string(),
  nickname: z.string(),
  token: StudentTokenSchema,
  seed: z.number().int().nonnegative(),
  competition: CompetitionViewSchema,
  joinedAt: z.number(),
  /** Attempt tickets collected while online, newest first (each new attempt takes one; see src/server/tickets.ts). */
  tickets: z.array(z.string().max(120)).max(16).default([]),
});
export type Membership = z.infer<typeof MembershipSchema>;

const OutboxItemSchema = z.object({
  key: IdempotencyKeySchema,
  levelId: z.string().max(64),
  payload: PayloadSchema,
  createdAt: z.number(),
  tries: z.number().int().nonnegative(),
  nextTryAt: z.number(),
  state: z.enum(['pending', 'sent', 'refused']),
  /** The ticket taken when the attempt was made: what lets it count if it reaches the server after the end. */
  ticket: z.string().max(120).optional(),
  /** The last problem: an English sentence, and its code and params (problems.ts; older records have none). */
  message: z.string().optional(),
  code: z.string().max(64).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /**
   * A trained level's model (float16 base64, model-codec.ts) while the attempt waits to be sent; dropped once
   * the server has it, so the saved record stays small.
   */
  model: z.string().optional(),
  /**
   * The browser's storage had no room for the model (a quota): the saved record holds the attempt without it.
   * Sent from this tab the model still goes; after a reload the server re-trains the settings instead.
   */
  modelNotKept: z.boolean().optional(),
  result: z
    .object({
      score: z.number(),
      stars: z.number().int().min(0).max(3),
      goalMet: z.boolean(),
      /** How far the server checked the score (VerificationSchema); absent from records of older servers. */
      verification: VerificationSchema.optional(),
      evaluatedScore: z.number().nullable().optional(),
    })
    .optional(),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

const SavedClassSchema = z.object({
  version: z.literal(1),
  membership: MembershipSchema.nullable(),
  items: z.array(OutboxItemSchema).max(10_000),
});
export type SavedClass = z.infer<typeof SavedClassSchema>;

export const EMPTY_CLASS: SavedClass = { version: 1, membership: null, items: [] };

export type LoadedClass = { ok: true; saved: SavedClass } | { ok: false; saved: SavedClass; problem: string };

export function loadSavedClass(storage: StorageLike | null): LoadedClass {
  if (!storage) return { ok: true, saved: EMPTY_CLASS };
  let raw: string | null;
  try {
    raw = storage.getItem(CLASSROOM_STORAGE_KEY);
  } catch {
    return { ok: true, saved: EMPTY_CLASS };
  }
  if (raw === null) return { ok: true, saved: EMPTY_CLASS };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = undefined;
  }
  const parsed = SavedClassSchema.safeParse(json);
  if (parsed.success) return { ok: true, saved: parsed.data };
  try {
    storage.setItem(CLASSROOM_UNREADABLE_KEY, raw);
    storage.removeItem(CLASSROOM_STORAGE_KEY);
  } catch {
    // Storage full or blocked: the record stays where it is, unread.
  }
  return {
    ok: false,
    saved: EMPTY_CLASS,
    problem: json === undefined ? 'not JSON' : (parsed.error.issues[0]?.message ?? 'unreadable'),
  };
}

export const DEVICE_STORAGE_KEY = 'latent-quest.device';

/**
 * This browser's random id, sent at the join (a removed player cannot rejoin from it under another name); made and
 * stored on first use, undefined when storage is unavailable.
 */
export function deviceId(storage: StorageLike | null, make: () => string): string | undefined {
  if (!storage) return undefined;
  try {
    const kept = storage.getItem(DEVICE_STORAGE_KEY);
    if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
    const made = make();
    storage.setItem(DEVICE_STORAGE_KEY, made);
    return made;
  } catch {
    return undefined;
  }
}

/** False when the browser refused to store (private mode, quota): the caller says so to the player. */
export function storeSavedClass(storage: StorageLike | null, saved: SavedClass): boolean {
  if (!storage) return false;
  try {
    storage.setItem(CLASSROOM_STORAGE_KEY, JSON.stringify(saved));
    return true;
  } catch {
    return false;
  }
}

/**
 * Over the quota (localStorage keeps about 5 MB; a large model alone is up to 7.6 MB): the attempts kept by their
 * settings, without their models, marked `modelNotKept` (the open tab still sends the models it holds). Returns the
 * marked record (null: no attempt had a model) and whether the slim copy was stored.
 */
export function storeWithoutModels(
  storage: StorageLike,
  saved: SavedClass,
): { marked: SavedClass | null; stored: boolean } {
  if (!saved.items.some((i) => i.model !== undefined)) return { marked: null, stored: false };
  const marked = {
    ...saved,
    items: saved.items.map((i) => (i.model !== undefined ? { ...i, modelNotKept: true } : i)),
  };
  const slim = { ...marked, items: marked.items.map(({ model: _model, ...rest }) => rest) };
  return { marked, stored: storeSavedClass(storage, slim) };
}
