/**
 * Every problem the class screen can show, by a stable machine code: what the classroom server refuses with
 * (`code` in its ErrorReply, next to an English `message` for API users and logs) and what the game itself finds
 * (a join form's check, a network failure, a reply it cannot read). The game shows each through the catalogue key
 * `class.problem.<code>` with the listed params, in the player's language (src/game/classroom/problem-text.ts);
 * tests/unit/class-problems.test.ts checks every code has that key, in every language, using only these params.
 * Pure (no Node, no DOM).
 */

/** Every code the server can send, with the params its message fills. The server's HttpError takes only these. */
export const SERVER_REFUSALS = {
  // joining
  joinCodeInvalid: [],
  competitionNotFound: ['code'],
  competitionEnded: [],
  removed: [],
  classFull: ['players'],
  nicknameTaken: ['nickname'],
  nicknameLength: ['min', 'max'],
  nicknameInvisible: [],
  nicknameChars: [],
  // a student's token
  bearerMissing: [],
  tokenInvalid: [],
  tokenUnknown: [],
  // submissions
  notStarted: [],
  keyReused: [],
  levelNotInCompetition: ['level'],
  levelUnknown: ['level'],
  solutionInvalid: [],
  modelNotTrained: [],
  modelUnreadable: [],
  modelMismatch: [],
  submissionsClosed: [],
  lateLimit: ['count'],
  ticketUsed: [],
  // the teacher's routes
  wrongPassword: [],
  passwordThrottled: ['seconds'],
  noFreeCode: [],
  alreadyRunning: [],
  alreadyEnded: [],
  playerNotFound: ['nickname'],
  // any route
  throttled: ['seconds'],
  busy: ['seconds'],
  scoringUnavailable: [],
  scoringFailed: [],
  requestInvalid: [],
  bodyTooLarge: ['bytes'],
  notJson: [],
  encodingUnsupported: [],
  noRoute: [],
  serverError: [],
} as const satisfies Record<string, readonly string[]>;
export type RefusalCode = keyof typeof SERVER_REFUSALS;

/** What the game finds on its own side: the network, an unreadable reply, its saved record, pending attempts. */
export const GAME_PROBLEMS = {
  unreachable: ['detail'],
  timeout: [],
  unreadableReply: [],
  httpStatus: ['status'],
  recordUnreadable: ['detail'],
  storageRefused: [],
  pendingJoin: ['count'],
  pendingLeave: ['count'],
  /** A code this game does not know (a newer server): shown with the code. */
  unknown: ['code'],
} as const satisfies Record<string, readonly string[]>;
export type GameProblemCode = keyof typeof GAME_PROBLEMS;

export type ProblemCode = RefusalCode | GameProblemCode;
export type ProblemParams = Record<string, string | number>;

/** A problem as the game keeps it: its code and params, and an English sentence (logs, tests, old records). */
export interface ClassProblem {
  code: string;
  params?: ProblemParams;
  message: string;
}

export const PROBLEM_CODES: readonly ProblemCode[] = [
  ...(Object.keys(SERVER_REFUSALS) as RefusalCode[]),
  ...(Object.keys(GAME_PROBLEMS) as GameProblemCode[]),
];

export function isProblemCode(code: unknown): code is ProblemCode {
  return typeof code === 'string' && (Object.hasOwn(SERVER_REFUSALS, code) || Object.hasOwn(GAME_PROBLEMS, code));
}
