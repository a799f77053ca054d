/**
 * The classroom HTTP contract: what every route of the API accepts and what it answers, as zod schemas. The
 * server's fastify route schemas are generated from the request schemas (src/server/route-schemas.ts) and its
 * handlers return the reply types; the game's client (src/game/classroom/client.ts) parses every reply with the
 * reply schemas, so a proxy page, an old server or a truncated answer becomes a readable message.
 *
 * Requests describe the wire shape only (types, lengths, patterns). Rules that deserve their own sentence — a
 * join code as a student typed it, a nickname, a solution for its level — are checked by the handlers with the
 * shared rules (names.ts, the level's validator). Unknown request fields are dropped, never refused.
 */
import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES } from '../i18n/locales';
import { LEVELS, PAYLOAD_LIMITS } from '../levels';
import { IdempotencyKeySchema, StudentTokenSchema } from './keys';
import { MAX_MODEL_BASE64_CHARS, MODEL_ENCODING } from './model-codec';
import { checkNickname, JOIN_CODE_PATTERN } from './names';

/** Seeds are non-negative 31-bit integers (PostgreSQL `integer`, and the same in every language). */
export const MAX_SEED = 2_147_483_647;
export const VARIANT_MODES = ['same', 'variant'] as const;
export const COMPETITION_STATES = ['draft', 'running', 'ended'] as const;
const LEVEL_IDS = LEVELS.map((l) => l.id) as [string, ...string[]];

const Seed = z.int().min(0).max(MAX_SEED);
const Count = z.int().nonnegative();
const Stars = z.int().min(0).max(3);
const Time = z.iso.datetime();
const JoinCode = z.string().regex(new RegExp(JOIN_CODE_PATTERN), 'not a join code');
/** Class size: how many players may join a competition. */
export const DEFAULT_MAX_PLAYERS = 60;
const MaxPlayers = z.int().min(1).max(1000);
/** A server-signed attempt ticket (src/server/tickets.ts): evidence an attempt was begun before the end. */
export const TICKET_PATTERN = '^[A-Za-z0-9._-]{20,120}$';
const Ticket = z.string().regex(new RegExp(TICKET_PATTERN), 'not an attempt ticket');
/** Fresh tickets that ride on join, /api/me and submission replies (an old server sends none). */
const Tickets = z.array(Ticket).max(16).default([]);
/** A random id the game keeps per browser, so a removed player cannot rejoin from it under another name. */
export const DEVICE_PATTERN = '^[A-Za-z0-9_-]{16,64}$';

// ---- requests ----

/** `:code` in a route: a join code exactly as the server prints it. */
export const CodeParamsSchema = z.object({ code: JoinCode });

/** Documents the header; optional, so a missing one reaches the handler and gets its own 401 sentence. */
export const BearerHeadersSchema = z.looseObject({ authorization: z.string().max(200).optional() });

export const CreateCompetitionRequestSchema = z.object({
  title: z.string().min(1).max(80),
  levels: z
    .array(z.enum(LEVEL_IDS))
    .min(1)
    .max(LEVEL_IDS.length)
    .refine((ids) => new Set(ids).size === ids.length, 'a level is listed twice')
    .meta({ uniqueItems: true }),
  /** Omitted: the server draws one. */
  seed: Seed.optional(),
  /** Omitted: 'same'. */
  variantMode: z.enum(VARIANT_MODES).optional(),
  durationMinutes: z
    .int()
    .min(1)
    .max(24 * 60),
  /** The competition's language (board, join link, CSV). Omitted: the teacher's Accept-Language, else English. */
  language: z.enum(LOCALES).optional(),
  /** Omitted: DEFAULT_MAX_PLAYERS. */
  maxPlayers: MaxPlayers.optional(),
  /** Students see only their own rank (the board shows no ranking). Omitted: false. */
  rankingHidden: z.boolean().optional(),
});
export type CreateCompetitionRequest = z.infer<typeof CreateCompetitionRequestSchema>;

/** Sign-in: the password travels in the body, so spaces and any script work. */
export const TeacherSignInRequestSchema = z.object({ password: z.string().min(1).max(200) });
export type TeacherSignInRequest = z.infer<typeof TeacherSignInRequestSchema>;

export const TeacherSessionReplySchema = z.object({ token: z.string(), expiresAt: Time });
export type TeacherSessionReply = z.infer<typeof TeacherSessionReplySchema>;

/** What the teacher may change at any time; omitted fields stay as they are. */
export const CompetitionSettingsRequestSchema = z.object({
  maxPlayers: MaxPlayers.optional(),
  rankingHidden: z.boolean().optional(),
});
export type CompetitionSettingsRequest = z.infer<typeof CompetitionSettingsRequestSchema>;

/** More time for a draft or running competition. */
export const ExtendRequestSchema = z.object({ minutes: z.int().min(1).max(240) });
export type ExtendRequest = z.infer<typeof ExtendRequestSchema>;

export const RemovePlayerRequestSchema = z.object({ nickname: z.string().min(1).max(64) });
export type RemovePlayerRequest = z.infer<typeof RemovePlayerRequestSchema>;

/** The code as typed ("abc-def" works) and the nickname as typed: the handler normalises and checks both. */
export const JoinRequestSchema = z.object({
  code: z.string().min(1).max(16),
  nickname: z.string().min(1).max(64),
  /** The game's per-browser id (optional: scripts and old games send none). */
  device: z.string().regex(new RegExp(DEVICE_PATTERN)).optional(),
});
export type JoinRequest = z.infer<typeof JoinRequestSchema>;

export const SubmissionRequestSchema = z.object({
  levelId: z.string().min(1).max(PAYLOAD_LIMITS.idChars),
  idempotencyKey: IdempotencyKeySchema,
  /** The payload's own structure is checked by the level's validator (one source of truth). */
  payload: z.record(z.string(), z.unknown()),
  /** When the student finished the attempt (the game's clock): informative only, never trusted. */
  attemptedAt: z.string().min(1).max(40).optional(),
  /** A ticket the server issued before the end: what lets an attempt arriving after the end still count. */
  ticket: z.string().min(1).max(120).optional(),
});
export type SubmissionRequest = z.infer<typeof SubmissionRequestSchema>;

/**
 * A trained level's attempt with the model the student trained (POST /api/submissions/trained, the one route
 * with a large body limit): scored at once by evaluating that model, verified later by re-training.
 */
export const TrainedSubmissionRequestSchema = SubmissionRequestSchema.extend({
  model: z.object({
    encoding: z.literal(MODEL_ENCODING),
    /** The engine's flat weights in model order (model-codec.ts). */
    data: z.string().min(4).max(MAX_MODEL_BASE64_CHARS),
  }),
});
export type TrainedSubmissionRequest = z.infer<typeof TrainedSubmissionRequestSchema>;

// ---- replies ----

/**
 * Every refusal: a 4xx (or 5xx) with a stable machine `code` (problems.ts: the game shows it in the player's
 * language, filled with `params`), an English `message` for API users and logs, and an invalid solution's problems.
 * An older server sends no code.
 */
export const ErrorReplySchema = z.object({
  error: z.string(),
  code: z.string().max(64).optional(),
  params: z.record(z.string(), z.union([z.string().max(200), z.number()])).optional(),
  message: z.string().max(2000),
  problems: z.array(z.string()).optional(),
});
export type ErrorReply = z.infer<typeof ErrorReplySchema>;

export const CompetitionViewSchema = z.object({
  code: JoinCode,
  title: z.string().max(200),
  levels: z.array(z.string().max(PAYLOAD_LIMITS.idChars)).max(64),
  seed: Seed,
  variantMode: z.enum(VARIANT_MODES),
  durationSeconds: Count,
  /** The teacher's choice; an older server does not send it (then English). */
  language: z.enum(LOCALES).default(DEFAULT_LOCALE),
  state: z.enum(COMPETITION_STATES),
  startedAt: Time.nullable(),
  endsAt: Time.nullable(),
  secondsLeft: Count,
  /** Defaults: what an older server (or a saved record from before these fields) means. */
  maxPlayers: MaxPlayers.default(DEFAULT_MAX_PLAYERS),
  rankingHidden: z.boolean().default(false),
  /** The teacher closed the late-arrival window. */
  lateClosed: z.boolean().default(false),
});
export type CompetitionView = z.infer<typeof CompetitionViewSchema>;

/** Create, start and stop answer the competition as it now is. */
export const CompetitionReplySchema = z.object({ competition: CompetitionViewSchema });
export type CompetitionReply = z.infer<typeof CompetitionReplySchema>;

export const CompetitionsReplySchema = z.object({ competitions: z.array(CompetitionViewSchema) });
export type CompetitionsReply = z.infer<typeof CompetitionsReplySchema>;

export const PlayerViewSchema = z.object({ nickname: z.string(), removed: z.boolean(), joinedAt: Time });

/** Per level: how many attempts, how many students tried it, and the share of them whose best reached ≥ 1, 2, 3 stars. */
export const LevelStatsSchema = z.object({
  levelId: z.string(),
  attempts: Count,
  players: Count,
  /** Fractions 0…1 of `players`: index 0 for ★, 1 for ★★, 2 for ★★★. */
  starShares: z.array(z.number().min(0).max(1)).length(3),
});
export type LevelStats = z.infer<typeof LevelStatsSchema>;

export const CompetitionDetailReplySchema = z.object({
  competition: CompetitionViewSchema,
  players: z.array(PlayerViewSchema),
  /** How many submissions were stored. */
  submissions: Count,
  /** In the competition's level order. */
  levels: z.array(LevelStatsSchema).default([]),
  /** Best scores by how far they are checked: after the end, the teacher waits for `pending` to reach 0. */
  verification: z.object({ pending: Count, verified: Count, corrected: Count, failed: Count }),
});
export type CompetitionDetailReply = z.infer<typeof CompetitionDetailReplySchema>;

export const RemovePlayerReplySchema = z.object({ removed: z.string() });
export type RemovePlayerReply = z.infer<typeof RemovePlayerReplySchema>;

/**
 * How far a score is checked. verified: computed by the server from the solution itself (decode levels; a trained
 * level re-trained from its settings and seed). pending: the uploaded model's score, a re-training is queued.
 * unchecked: the uploaded model's score on an attempt that improved nothing (never re-trained). corrected: the
 * re-training disagreed beyond the tolerance, so its score replaced the uploaded one. failed: re-training could
 * not finish (the score stays as evaluated).
 */
export const VERIFICATION_STATES = ['verified', 'pending', 'unchecked', 'corrected', 'failed'] as const;
export const VerificationSchema = z.enum(VERIFICATION_STATES);
export type Verification = z.infer<typeof VerificationSchema>;

export const SubmissionViewSchema = z.object({
  id: z.int().positive(),
  levelId: z.string(),
  idempotencyKey: IdempotencyKeySchema,
  score: z.number(),
  stars: Stars,
  goalMet: z.boolean(),
  /** The level's measurements; a non-finite one travels as null (JSON has no Infinity). */
  detail: z.record(z.string(), z.number().nullable()),
  createdAt: Time,
  /** True when this answers a replay of an idempotency key (the stored result, nothing re-scored). */
  replayed: z.boolean(),
  verification: VerificationSchema,
  /** The uploaded model's score when a re-training corrected it (the reason shown: "re-training gave …"). */
  evaluatedScore: z.number().nullable(),
});
export type SubmissionView = z.infer<typeof SubmissionViewSchema>;

export const SubmissionReplySchema = z.object({ submission: SubmissionViewSchema, tickets: Tickets });
export type SubmissionReply = z.infer<typeof SubmissionReplySchema>;

/** The teacher's live feed: the latest 500 submissions, oldest first, removed players included. */
export const TeacherSubmissionsReplySchema = z.object({
  submissions: z.array(SubmissionViewSchema.extend({ nickname: z.string() })),
});
export type TeacherSubmissionsReply = z.infer<typeof TeacherSubmissionsReplySchema>;

export const BoardRowSchema = z.object({
  rank: z.int().positive(),
  nickname: z.string(),
  stars: Count,
  levelsCompleted: Count,
  /** Seconds from the start to the last improvement that counts (ties break on it: earlier is better). */
  seconds: Count,
  attempts: Count,
  /** Best scores of this player not verified yet (pending a re-training). */
  unverified: Count,
});
export type BoardRow = z.infer<typeof BoardRowSchema>;

/** With the ranking hidden, `rows` is empty and `players` still counts who joined. */
export const BoardReplySchema = z.object({
  competition: CompetitionViewSchema,
  rows: z.array(BoardRowSchema),
  players: Count.optional(),
});
export type BoardReply = z.infer<typeof BoardReplySchema>;

export const JoinReplySchema = z.object({
  token: StudentTokenSchema,
  nickname: z.string().refine((n) => checkNickname(n).ok, 'not a nickname'),
  competition: CompetitionViewSchema,
  seed: Seed,
  tickets: Tickets,
});
export type JoinReply = z.infer<typeof JoinReplySchema>;

/** A student's best on one level of the competition; `bestScore` is null until the first attempt. */
export const LevelStandingSchema = z.object({
  levelId: z.string(),
  bestScore: z.number().nullable(),
  stars: Stars,
  attempts: Count,
  /** How far the best score is checked (null with no attempt). */
  verification: VerificationSchema.nullable(),
  /** The uploaded model's score when a re-training corrected the best. */
  evaluatedScore: z.number().nullable(),
});

export const MeReplySchema = z.object({
  nickname: z.string(),
  competition: CompetitionViewSchema,
  seed: Seed,
  /** Null while the student is not on the board yet. */
  rank: z.int().positive().nullable(),
  players: Count,
  stars: Count,
  /** Every level of the competition, in its order. */
  levels: z.array(LevelStandingSchema),
  tickets: Tickets,
  /** This student's latest attempts (up to 50), so the game can say how far each one's score is checked. */
  recent: z
    .array(
      z.object({
        idempotencyKey: IdempotencyKeySchema,
        score: z.number(),
        stars: Stars,
        verification: VerificationSchema,
        evaluatedScore: z.number().nullable(),
      }),
    )
    .max(50)
    .optional(),
});
export type MeReply = z.infer<typeof MeReplySchema>;

export const HealthReplySchema = z.object({
  ok: z.literal(true),
  rescoring: z.object({ backend: z.string(), pending: Count, verifyLanes: Count, verifyQueued: Count }),
  database: z.enum(['pglite', 'postgres']),
});
export type HealthReply = z.infer<typeof HealthReplySchema>;

/** The catalogue the teacher page picks from. */
export const LevelsReplySchema = z.object({
  levels: z.array(
    z.object({
      id: z.string(),
      world: z.int(),
      order: z.int(),
      title: z.string(),
      kind: z.string(),
      trained: z.boolean(),
    }),
  ),
});
export type LevelsReply = z.infer<typeof LevelsReplySchema>;
