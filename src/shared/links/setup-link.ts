/**
 * Links that restore a setup: a level attempt (level, seed, payload) or a Lab setup (model, data, training,
 * seed) packed into one URL-safe query parameter, plus `&hide=` for the controls a teacher wants left alone.
 *
 * Wire format, version 1: `setup=1.<base64url of compact JSON>`. The version sits outside the JSON so a later
 * format (compressed, say) can be told apart before parsing. No compression: CompressionStream is stream-based
 * and asynchronous, while links are built and read synchronously (copy button, scene start); a typical level or
 * Lab link is 60–250 characters anyway, and hyperparameters only carry values that differ from the defaults.
 *
 * Reading is as strict as reading a save: length caps before decoding, strict base64url, UTF-8 and JSON
 * checks, no `__proto__`/`constructor`/`prototype` keys, zod for the shape, then the same validators the game
 * and the classroom server use (level payloads, model specs and training configs). A link is restored whole
 * or not at all: a problem list, never a partial setup, and nothing here throws.
 */
import { z } from 'zod';
import { getLevel } from '../levels/catalogue';
import { validatePayload } from '../levels/payloads';
import type { ControlValue, LevelDefinition, SolutionPayload } from '../levels/types';
import { levelVariant } from '../levels/variants';
import { t } from '../messages';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { LAB_HIDEABLE, labSetupProblems, LabSpecSchema, LabTrainingSchema, type LabSetup } from './lab-setup';

export const SETUP_PARAM = 'setup';
export const HIDE_PARAM = 'hide';
export const LINK_VERSION = 1;

export const LINK_LIMITS = {
  /** Room for the largest payload a level accepts (PAYLOAD_LIMITS.jsonChars) in base64url, plus the envelope. */
  setupChars: 24_000,
  hideChars: 2_000,
  hideIds: 32,
  /** Deepest nesting a valid setup has (a mixed noise inside a spec inside the lab setup) with room to spare. */
  depth: 8,
} as const;

/** A level attempt: which level, the classroom seed it was played with (if any), and the player's solution. */
export interface LevelAttemptSetup {
  kind: 'level';
  levelId: string;
  /** Classroom seed (`levelVariant`); absent: the catalogue level. */
  seed?: number;
  /** Absent: just open the level. Hyperparameter payloads come back with every control filled in. */
  payload?: SolutionPayload;
}

export type SharedSetup = LevelAttemptSetup | LabSetup;

export type LinkReadResult =
  /** The URL has no setup link. */
  | { status: 'none' }
  | { status: 'ok'; setup: SharedSetup; hide: string[] }
  /** Open the game as usual and show `link.invalid` with these problems. */
  | { status: 'invalid'; problems: string[] };

const MAX_SEED = 0x7fffffff;
const seed = z.number().int().min(0).max(MAX_SEED);

const LevelWireSchema = z.strictObject({
  level: z.string().regex(/^[a-z0-9-]{1,64}$/),
  seed: seed.optional(),
  p: z.unknown().optional(),
});
const LabWireSchema = z.strictObject({ lab: LabSpecSchema, train: LabTrainingSchema, seed });
/** Picked by the `lab` key rather than a zod union, so a bad Lab link lists each bad field, not "no match". */
const wireSchema = (data: unknown) =>
  typeof data === 'object' && data !== null && 'lab' in data ? LabWireSchema : LevelWireSchema;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Forbidden keys and excessive nesting anywhere in parsed JSON, before anything else looks at it. */
function structureProblem(value: unknown, depth = 0): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (depth > LINK_LIMITS.depth) return t('link.problem.damaged');
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return t('link.problem.forbiddenKey', { key });
    const inner = structureProblem((value as Record<string, unknown>)[key], depth + 1);
    if (inner) return inner;
  }
  return null;
}

/** Only the values that differ from the level's defaults: the decoder fills the rest back in. */
function compactPayload(levelId: string, payload: SolutionPayload): SolutionPayload {
  const level = getLevel(levelId);
  if (!level || payload.kind !== 'hyperparameters') return payload;
  const values: Record<string, ControlValue> = {};
  for (const [id, value] of Object.entries(payload.values)) {
    if (level.controls.find((c) => c.id === id)?.default !== value) values[id] = value;
  }
  return { kind: 'hyperparameters', values };
}

/** The `setup` parameter's value for `setup`. */
export function encodeSetup(setup: SharedSetup): string {
  const wire =
    setup.kind === 'level'
      ? {
          level: setup.levelId,
          ...(setup.seed !== undefined && { seed: setup.seed }),
          ...(setup.payload && { p: compactPayload(setup.levelId, setup.payload) }),
        }
      : { lab: setup.spec, train: setup.training, seed: setup.seed };
  return `${LINK_VERSION}.${encodeBase64Url(JSON.stringify(wire))}`;
}

/** `setup=…` (and `&hide=…` when controls are hidden), ready to append to the game's URL after `?`. */
export function setupQuery(setup: SharedSetup, hide: readonly string[] = []): string {
  const params = new URLSearchParams({ [SETUP_PARAM]: encodeSetup(setup) });
  if (hide.length > 0) params.set(HIDE_PARAM, hide.join(','));
  return params.toString();
}

type Decoded = { ok: true; setup: SharedSetup; level?: LevelDefinition } | { ok: false; problems: string[] };

function decodeWire(value: string): Decoded {
  if (value.length > LINK_LIMITS.setupChars) return { ok: false, problems: [t('link.problem.tooLong')] };
  const dot = value.indexOf('.');
  const version = dot < 0 ? '' : value.slice(0, dot);
  if (!/^\d{1,4}$/.test(version)) return { ok: false, problems: [t('link.problem.damaged')] };
  if (Number(version) !== LINK_VERSION)
    return { ok: false, problems: [t('link.problem.version', { version: Number(version) })] };
  const text = decodeBase64Url(value.slice(dot + 1));
  if (text === null) return { ok: false, problems: [t('link.problem.damaged')] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problems: [t('link.problem.damaged')] };
  }
  const structural = structureProblem(data);
  if (structural) return { ok: false, problems: [structural] };
  const parsed = wireSchema(data).safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map(
        (i) => `${i.path.length ? i.path.map(String).join('.') : 'setup'}: ${i.message}`,
      ),
    };
  }
  const wire = parsed.data;
  if ('lab' in wire) {
    const setup: LabSetup = { kind: 'lab', spec: wire.lab, training: wire.train, seed: wire.seed };
    const problems = labSetupProblems(setup);
    return problems.length ? { ok: false, problems } : { ok: true, setup };
  }
  const catalogued = getLevel(wire.level);
  if (!catalogued) return { ok: false, problems: [t('link.problem.unknownLevel', { id: wire.level })] };
  const level = wire.seed === undefined ? catalogued : levelVariant(catalogued, wire.seed);
  const setup: LevelAttemptSetup = { kind: 'level', levelId: wire.level };
  if (wire.seed !== undefined) setup.seed = wire.seed;
  if (wire.p !== undefined) {
    const checked = validatePayload(level, wire.p);
    if (!checked.ok) return { ok: false, problems: checked.problems };
    setup.payload = checked.payload;
  }
  return { ok: true, setup, level };
}

function hideProblems(ids: readonly string[], allowed: readonly string[]): string[] {
  if (ids.length > LINK_LIMITS.hideIds) return [t('link.problem.tooLong')];
  return ids
    .filter((id) => !allowed.includes(id))
    .map((id) => t('link.problem.unknownControl', { id: id.slice(0, 64) }));
}

/** Decodes one `setup` value (and an optional `hide` list): the whole setup or the problems, never both. */
export function decodeSetup(value: string, hide: string | null = null): LinkReadResult {
  try {
    const decoded = decodeWire(value);
    if (!decoded.ok) return { status: 'invalid', problems: decoded.problems };
    if (hide !== null && hide.length > LINK_LIMITS.hideChars)
      return { status: 'invalid', problems: [t('link.problem.tooLong')] };
    const ids = [...new Set((hide ?? '').split(',').filter((id) => id.length > 0))];
    const allowed = decoded.level ? decoded.level.controls.map((c) => c.id) : LAB_HIDEABLE;
    const problems = hideProblems(ids, allowed);
    return problems.length ? { status: 'invalid', problems } : { status: 'ok', setup: decoded.setup, hide: ids };
  } catch (error) {
    // Validators are written not to throw; this keeps the promise of the header if one ever does.
    return { status: 'invalid', problems: [error instanceof Error ? error.message : String(error)] };
  }
}

/** Reads a page URL's query (`location.search` or its params): no link, a restored setup, or the problems. */
export function readSetupLink(search: string | URLSearchParams): LinkReadResult {
  let params: URLSearchParams;
  try {
    params = typeof search === 'string' ? new URLSearchParams(search) : search;
  } catch {
    return { status: 'invalid', problems: [t('link.problem.damaged')] };
  }
  const value = params.get(SETUP_PARAM);
  if (value === null) return { status: 'none' };
  return decodeSetup(value, params.get(HIDE_PARAM));
}
