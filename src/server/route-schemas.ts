/**
 * Fastify route schemas generated from the classroom contract (src/shared/classroom/api.ts): the zod schemas
 * become JSON Schema (draft-07, what fastify's Ajv speaks) once at start-up. Objects come out with
 * `additionalProperties: false`, which the server's Ajv (`removeAdditional`) turns into "unknown fields are
 * dropped" — the same as zod's default — so a claimed score never reaches a handler. Ajv does not coerce types.
 */
import { z } from 'zod';
import {
  BearerHeadersSchema,
  CodeParamsSchema,
  CompetitionSettingsRequestSchema,
  CreateCompetitionRequestSchema,
  ExtendRequestSchema,
  ErrorReplySchema,
  JoinRequestSchema,
  RemovePlayerRequestSchema,
  SubmissionRequestSchema,
  TeacherSignInRequestSchema,
  TrainedSubmissionRequestSchema,
} from '../shared/classroom/api';

/** A contract schema as JSON Schema for fastify (refinements stay with zod; the shape, lengths and patterns carry). */
export function routeSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'output',
    unrepresentable: 'throw',
  });
  return json;
}

const headers = routeSchema(BearerHeadersSchema);
const params = routeSchema(CodeParamsSchema);

/** A teacher route: password in the header, sometimes a competition code in the path. */
export const TEACHER = { headers } as const;
export const TEACHER_CODE = { headers, params } as const;
export const CREATE_COMPETITION = { headers, body: routeSchema(CreateCompetitionRequestSchema) } as const;
export const REMOVE_PLAYER = { headers, params, body: routeSchema(RemovePlayerRequestSchema) } as const;
export const SIGN_IN = { body: routeSchema(TeacherSignInRequestSchema) } as const;
export const SETTINGS = { headers, params, body: routeSchema(CompetitionSettingsRequestSchema) } as const;
export const EXTEND = { headers, params, body: routeSchema(ExtendRequestSchema) } as const;
/** The projector's board: no login. */
export const PUBLIC_CODE = { params } as const;
export const JOIN = { body: routeSchema(JoinRequestSchema), response: { 400: routeSchema(ErrorReplySchema) } } as const;
export const STUDENT = { headers } as const;
export const SUBMISSION = { headers, body: routeSchema(SubmissionRequestSchema) } as const;
export const TRAINED_SUBMISSION = { headers, body: routeSchema(TrainedSubmissionRequestSchema) } as const;
