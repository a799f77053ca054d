/**
 * What the classroom server answers, checked with zod before the game believes it: a proxy page, an old server
 * or a truncated reply becomes a readable message instead of `undefined` deep inside a scene.
 */
import { z } from 'zod';
import { checkNickname, isJoinCode } from '../../shared/classroom/names';

export const CompetitionViewSchema = z.object({
  code: z.string().refine(isJoinCode, 'not a join code'),
  title: z.string().max(200),
  levels: z.array(z.string().max(64)).max(64),
  seed: z.number().int().nonnegative(),
  variantMode: z.enum(['same', 'variant']),
  durationSeconds: z.number().int().nonnegative(),
  state: z.enum(['draft', 'running', 'ended']),
  startedAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  secondsLeft: z.number().nonnegative(),
});
export type CompetitionView = z.infer<typeof CompetitionViewSchema>;

export const JoinReplySchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  nickname: z.string().refine((n) => checkNickname(n).ok, 'not a nickname'),
  competition: CompetitionViewSchema,
  seed: z.number().int().nonnegative(),
});
export type JoinReply = z.infer<typeof JoinReplySchema>;

export const LevelStandingSchema = z.object({
  levelId: z.string(),
  bestScore: z.number().nullable(),
  stars: z.number().int().min(0).max(3),
  attempts: z.number().int().nonnegative(),
});
export type LevelStanding = z.infer<typeof LevelStandingSchema>;

export const MeReplySchema = z.object({
  nickname: z.string(),
  competition: CompetitionViewSchema,
  seed: z.number().int().nonnegative(),
  rank: z.number().int().positive().nullable(),
  players: z.number().int().nonnegative(),
  stars: z.number().int().nonnegative(),
  levels: z.array(LevelStandingSchema).optional(),
});
export type MeReply = z.infer<typeof MeReplySchema>;

export const SubmissionReplySchema = z.object({
  submission: z.object({
    levelId: z.string(),
    idempotencyKey: z.string(),
    score: z.number(),
    stars: z.number().int().min(0).max(3),
    goalMet: z.boolean(),
    replayed: z.boolean(),
  }),
});
export type SubmissionReply = z.infer<typeof SubmissionReplySchema>;

export const ErrorReplySchema = z.object({ message: z.string().max(2000), problems: z.array(z.string()).optional() });
