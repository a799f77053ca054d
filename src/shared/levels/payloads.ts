/**
 * Validation of solution payloads: untrusted JSON from a player (or a classroom client) in, a typed payload
 * or readable problems out. zod checks the structure and global size caps; the level's SolutionSpec adds its
 * own bounds (dimensions, point counts, coordinate ranges, step lengths, deck cards, control ranges).
 */
import { z } from 'zod';
import { controlValueProblem, resolveControlValues } from './controls';
import type { LevelDefinition, SolutionPayload, SolutionSpec } from './types';

/** Hard caps whatever a level says, so a payload is always small (the server rejects bigger bodies first). */
export const PAYLOAD_LIMITS = {
  jsonChars: 16_384,
  controls: 32,
  idChars: 64,
  stringChars: 64,
  points: 200,
  looks: 100_000,
  dims: 64,
  draws: 200,
  terms: 32,
  coordinate: 100,
} as const;

const coord = z.number().min(-PAYLOAD_LIMITS.coordinate).max(PAYLOAD_LIMITS.coordinate);
const vector = z.array(coord).min(1).max(PAYLOAD_LIMITS.dims);

/** The structure of every payload kind (level-independent). */
export const PayloadSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('hyperparameters'),
    values: z
      .record(
        z.string().max(PAYLOAD_LIMITS.idChars),
        z.union([z.number(), z.string().max(PAYLOAD_LIMITS.stringChars), z.boolean()]),
      )
      .refine(
        (v) => Object.keys(v).length <= PAYLOAD_LIMITS.controls,
        `At most ${PAYLOAD_LIMITS.controls} control values.`,
      ),
  }),
  z.strictObject({
    kind: z.literal('latentPoints'),
    points: z.array(vector).min(1).max(PAYLOAD_LIMITS.points),
    target: z.number().int().min(0).optional(),
    looks: z.number().int().min(0).max(PAYLOAD_LIMITS.looks).optional(),
  }),
  z.strictObject({
    kind: z.literal('draws'),
    draws: z
      .array(
        z.strictObject({
          mu: vector,
          sigma: z.number().positive().max(PAYLOAD_LIMITS.coordinate),
          seed: z.number().int().min(0).max(0xffffffff),
        }),
      )
      .min(1)
      .max(PAYLOAD_LIMITS.draws),
  }),
  z.strictObject({ kind: z.literal('path'), points: z.array(vector).min(2).max(PAYLOAD_LIMITS.points) }),
  z.strictObject({
    kind: z.literal('expression'),
    terms: z
      .array(
        z.strictObject({
          card: z.string().min(1).max(PAYLOAD_LIMITS.idChars),
          weight: z.number().min(-PAYLOAD_LIMITS.coordinate).max(PAYLOAD_LIMITS.coordinate),
        }),
      )
      .min(1)
      .max(PAYLOAD_LIMITS.terms),
  }),
]);

export type PayloadResult = { ok: true; payload: SolutionPayload } | { ok: false; problems: string[] };

const distance = (a: readonly number[], b: readonly number[]): number => Math.hypot(...a.map((v, i) => v - b[i]));

function pointProblems(points: readonly (readonly number[])[], dims: number, bound: number): string[] {
  const problems: string[] = [];
  points.forEach((p, i) => {
    if (p.length !== dims) problems.push(`points[${i}] must have ${dims} coordinates (got ${p.length}).`);
    else if (p.some((v) => Math.abs(v) > bound))
      problems.push(`points[${i}] must stay within ±${bound} on every axis.`);
  });
  return problems;
}

/** The level's own bounds on a structurally valid payload (and the payload with defaults filled in). */
function levelProblems(
  level: LevelDefinition,
  spec: SolutionSpec,
  payload: SolutionPayload,
): { problems: string[]; payload: SolutionPayload } {
  const problems: string[] = [];
  if (payload.kind !== spec.kind)
    return { problems: [`This level takes a "${spec.kind}" solution, not "${payload.kind}".`], payload };
  switch (payload.kind) {
    case 'hyperparameters': {
      for (const id of Object.keys(payload.values))
        if (!level.controls.some((c) => c.id === id)) problems.push(`"${id}" is not a control of this level.`);
      for (const c of level.controls) {
        if (payload.values[c.id] === undefined) continue;
        const problem = controlValueProblem(c, payload.values[c.id]);
        if (problem) problems.push(problem);
      }
      return {
        problems,
        payload: { kind: 'hyperparameters', values: resolveControlValues(level.controls, payload.values) },
      };
    }
    case 'latentPoints': {
      if (spec.kind !== 'latentPoints') break;
      if (payload.points.length > spec.maxPoints)
        problems.push(`At most ${spec.maxPoints} points (got ${payload.points.length}).`);
      problems.push(...pointProblems(payload.points, spec.dims, spec.bound));
      if (spec.minSeparation > 0 && problems.length === 0) {
        for (let i = 0; i < payload.points.length; i++) {
          for (let j = i + 1; j < payload.points.length; j++) {
            if (distance(payload.points[i], payload.points[j]) < spec.minSeparation)
              problems.push(`points[${i}] and points[${j}] are closer than ${spec.minSeparation}.`);
          }
        }
      }
      if (spec.targets === undefined && payload.target !== undefined)
        problems.push('This level has no targets to choose.');
      if (spec.targets !== undefined && (payload.target === undefined || payload.target >= spec.targets))
        problems.push(`"target" must be a target number from 0 to ${spec.targets - 1}.`);
      // Looks cannot be recounted from the points, only bounded: every written point was looked at at least once.
      if (!spec.countsLooks && payload.looks !== undefined) problems.push('This level does not count looks.');
      if (spec.countsLooks && (payload.looks === undefined || payload.looks < payload.points.length))
        problems.push(`"looks" must count the decodes looked at: at least one per point (${payload.points.length}).`);
      break;
    }
    case 'draws': {
      if (spec.kind !== 'draws') break;
      if (payload.draws.length > spec.maxDraws)
        problems.push(`At most ${spec.maxDraws} draws (got ${payload.draws.length}).`);
      payload.draws.forEach((d, i) => {
        if (d.mu.length !== spec.dims) problems.push(`draws[${i}].mu must have ${spec.dims} coordinates.`);
        else if (d.mu.some((v) => Math.abs(v) > spec.muBound))
          problems.push(`draws[${i}].mu must stay within ±${spec.muBound}.`);
        if (d.sigma < spec.sigmaMin || d.sigma > spec.sigmaMax)
          problems.push(`draws[${i}].sigma must be from ${spec.sigmaMin} to ${spec.sigmaMax}.`);
      });
      break;
    }
    case 'path': {
      if (spec.kind !== 'path') break;
      const n = payload.points.length;
      if (n < spec.minPoints || n > spec.maxPoints)
        problems.push(`A path has ${spec.minPoints} to ${spec.maxPoints} points (got ${n}).`);
      problems.push(...pointProblems(payload.points, spec.dims, spec.bound));
      if (problems.length === 0) {
        for (let i = 1; i < n; i++) {
          if (distance(payload.points[i - 1], payload.points[i]) > spec.maxStep + 1e-9)
            problems.push(`The step from points[${i - 1}] to points[${i}] is longer than ${spec.maxStep}.`);
        }
      }
      break;
    }
    case 'expression': {
      if (spec.kind !== 'expression' || level.setup.kind !== 'arithmetic') break;
      const deck = new Set(level.setup.deck.map((c) => c.id));
      if (payload.terms.length > spec.maxTerms)
        problems.push(`At most ${spec.maxTerms} terms (got ${payload.terms.length}).`);
      const seen = new Set<string>();
      payload.terms.forEach((t, i) => {
        if (!deck.has(t.card)) problems.push(`terms[${i}]: "${t.card}" is not a card of this level.`);
        if (seen.has(t.card)) problems.push(`terms[${i}]: card "${t.card}" appears twice; add the weights instead.`);
        seen.add(t.card);
        if (t.weight === 0 || Math.abs(t.weight) > spec.maxWeight)
          problems.push(`terms[${i}]: the weight must be non-zero and within ±${spec.maxWeight}.`);
      });
      break;
    }
  }
  return { problems, payload };
}

/** Validates an untrusted payload for `level`; hyperparameters come back with every control's value filled. */
export function validatePayload(level: LevelDefinition, payload: unknown): PayloadResult {
  const parsed = PayloadSchema.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map(
        (i) => `${i.path.length ? i.path.map(String).join('.') : 'payload'}: ${i.message}`,
      ),
    };
  }
  const checked = levelProblems(level, level.solution, parsed.data);
  return checked.problems.length ? { ok: false, problems: checked.problems } : { ok: true, payload: checked.payload };
}

/** Parses and validates a payload from JSON text, refusing oversized text before parsing it. */
export function parsePayloadJson(level: LevelDefinition, text: string): PayloadResult {
  if (text.length > PAYLOAD_LIMITS.jsonChars)
    return {
      ok: false,
      problems: [`The solution is too large (${text.length} characters; at most ${PAYLOAD_LIMITS.jsonChars}).`],
    };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['The solution is not valid JSON.'] };
  }
  return validatePayload(level, data);
}
