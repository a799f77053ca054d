/**
 * `validateLevels()` checks every field of every level and returns readable problems ("squeeze-the-alphabet:
 * card: 7 lines; a card has 3 to 6"), [] when the catalogue is sound. Trained levels are also planned at their
 * defaults and at each control's extremes, and every plan must pass the worker's own spec and config checks,
 * so a slider range can never produce a model the engine refuses.
 */
import { GLYPH_CHARS } from '../glyphs';
import { validateModelSpec, validateTrainConfig } from '../model-spec-validation';
import { describeNoiseProblem } from '../noise';
import { thresholdsProblem } from '../scoring/stars';
import { LEVELS, WORLDS } from './catalogue';
import { controlValueProblem, defaultControlValues } from './controls';
import { PRETRAINED_ASSETS } from './assets';
import { MEASUREMENT_IDS } from './measurements';
import { modeProblems } from './modes';
import { validatePayload } from './payloads';
import { isSeedFile } from './seeds';
import {
  isValidMessage,
  LEVEL_LOCALES,
  placeholdersOf,
  shownTextLength,
  type LevelLocale,
  type LocalText,
} from './text';
import type { ControlDefinition, ControlValue, LevelDefinition, SeedRef, TrainedSetup } from './types';

/** Longest text per kind of field, in characters: concept cards and hints must stay short on a phone. */
export const TEXT_LIMITS = {
  title: 40,
  cardLine: 80,
  legend: 120,
  formula: 64,
  goal: 140,
  hint: 120,
  label: 48,
} as const;
/**
 * Translations may run this much longer than the English limit: Polish and Czech run 20–35 % longer, and the
 * screens fit text by rule (src/game/ui/fit-text.ts), so the English limit keeps the room they need.
 */
export const TRANSLATION_ALLOWANCE = 1.35;
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CONTROL_ID_PATTERN = /^[a-z][A-Za-z0-9]*$/;
const MNIST_TEST_COUNT = 2000;
const MAX_CONTROLS = 8;
const MAX_HINTS = 3;
const METRIC_UNITS = ['percent', 'pixels', 'mse', 'ratio', 'count', 'probability', 'codeSize', 'nats'];

interface TextField {
  path: string;
  text: LocalText;
  max: number;
}

/** Every translatable string of a level, with where it sits and how long it may be. */
export function levelTexts(level: LevelDefinition): TextField[] {
  // Tolerates missing parts (a half-written level): the other checks report them.
  const card: Partial<LevelDefinition['card']> = level.card ?? {};
  const out: TextField[] = [
    { path: 'title', text: level.title, max: TEXT_LIMITS.title },
    { path: 'card.title', text: card.title as LocalText, max: TEXT_LIMITS.title },
    ...(card.lines ?? []).map((text, i) => ({ path: `card.lines[${i}]`, text, max: TEXT_LIMITS.cardLine })),
    { path: 'card.formulaLegend', text: card.formulaLegend as LocalText, max: TEXT_LIMITS.legend },
    { path: 'goal', text: level.goal?.text, max: TEXT_LIMITS.goal },
    { path: 'metric.label', text: level.metric?.label, max: TEXT_LIMITS.label },
    ...(level.hints ?? []).map((h, i) => ({ path: `hints[${i}]`, text: h.text, max: TEXT_LIMITS.hint })),
  ];
  (level.controls ?? []).forEach((c, i) => {
    out.push({ path: `controls[${i}].label`, text: c.label, max: TEXT_LIMITS.label });
    if (c.help) out.push({ path: `controls[${i}].help`, text: c.help, max: TEXT_LIMITS.hint });
    if (c.kind === 'choice')
      c.options.forEach((o, j) =>
        out.push({ path: `controls[${i}].options[${j}]`, text: o.label, max: TEXT_LIMITS.label }),
      );
  });
  if (level.setup?.kind === 'arithmetic') {
    [...level.setup.deck, ...level.setup.hidden].forEach((card) =>
      out.push({ path: `card ${card.id}`, text: card.label, max: TEXT_LIMITS.label }),
    );
  }
  return out;
}

function textProblems(level: LevelDefinition): string[] {
  const problems: string[] = [];
  for (const { path, text, max } of levelTexts(level)) {
    if (typeof text !== 'object' || text === null || typeof text.en !== 'string' || text.en.trim() === '') {
      problems.push(`${path}: missing English text.`);
      continue;
    }
    const expected = placeholdersOf(text.en).sort().join(',');
    for (const locale of LEVEL_LOCALES) {
      const value = (text as Partial<Record<LevelLocale, string>>)[locale];
      if (value === undefined) continue;
      if (value.trim() === '') problems.push(`${path} (${locale}): empty text; leave it out to fall back to English.`);
      const length = shownTextLength(value);
      const limit = locale === 'en' ? max : Math.floor(max * TRANSLATION_ALLOWANCE);
      if (length > limit) problems.push(`${path} (${locale}): ${length} characters; at most ${limit}.`);
      if (!isValidMessage(value)) problems.push(`${path} (${locale}): not a valid ICU message.`);
      else if (placeholdersOf(value).sort().join(',') !== expected)
        problems.push(`${path} (${locale}): placeholders differ from the English text.`);
    }
  }
  return problems;
}

function seedProblems(where: string, seed: SeedRef | undefined): string[] {
  if (!seed || typeof seed !== 'object') return [`${where}: missing seed reference.`];
  const problems: string[] = [];
  if (!isSeedFile(seed.file)) problems.push(`${where}: "${String(seed.file)}" is not one of the five seed files.`);
  if (typeof seed.idea !== 'string' || seed.idea.trim() === '')
    problems.push(`${where}: name the idea as the seed names it.`);
  return problems;
}

function cardProblems(level: LevelDefinition): string[] {
  const card = level.card;
  if (!card || typeof card !== 'object') return ['card: missing concept card.'];
  const problems: string[] = [];
  const lines = Array.isArray(card.lines) ? card.lines.length : 0;
  if (lines < 3 || lines > 6) problems.push(`card: ${lines} lines; a card has 3 to 6.`);
  if (typeof card.formula !== 'string' || card.formula.trim() === '') problems.push('card: missing formula.');
  else if (card.formula.length > TEXT_LIMITS.formula)
    problems.push(`card: the formula has ${card.formula.length} characters; at most ${TEXT_LIMITS.formula}.`);
  else if (/\\[a-z]+|\$/.test(card.formula)) problems.push('card: the formula must be plain Unicode, not LaTeX.');
  problems.push(...seedProblems('card.seed', card.seed));
  if ((card.seeAlso?.length ?? 0) > 2) problems.push('card.seeAlso: at most 2 other seeds.');
  card.seeAlso?.forEach((s, i) => problems.push(...seedProblems(`card.seeAlso[${i}]`, s)));
  return problems;
}

function controlProblems(control: ControlDefinition): string[] {
  const where = `control "${control.id}"`;
  const problems: string[] = [];
  if (!CONTROL_ID_PATTERN.test(control.id)) problems.push(`${where}: ids are lowerCamelCase.`);
  if (control.kind === 'slider') {
    if (!(control.min < control.max)) problems.push(`${where}: min ${control.min} must be below max ${control.max}.`);
    if (!(control.step > 0)) problems.push(`${where}: the step must be positive.`);
    else if (
      Math.abs(Math.round((control.max - control.min) / control.step) - (control.max - control.min) / control.step) >
      1e-9
    ) {
      problems.push(`${where}: max must be min plus a whole number of steps.`);
    }
  }
  if (control.kind === 'choice') {
    if (control.options.length < 2) problems.push(`${where}: a choice needs at least 2 options.`);
    if (new Set(control.options.map((o) => o.value)).size !== control.options.length)
      problems.push(`${where}: option values must be unique.`);
  }
  const defaultProblem = controlValueProblem(control, control.default);
  if (defaultProblem) problems.push(`${where}: the default is invalid: ${defaultProblem}`);
  return problems;
}

/** Control values to plan with: the defaults, then each slider at its min and max, each choice and toggle each way. */
function planningCorners(controls: readonly ControlDefinition[]): Record<string, ControlValue>[] {
  const base = defaultControlValues(controls);
  const corners = [base];
  for (const c of controls) {
    const values: ControlValue[] =
      c.kind === 'slider' ? [c.min, c.max] : c.kind === 'choice' ? c.options.map((o) => o.value) : [true, false];
    for (const v of values) corners.push({ ...base, [c.id]: v });
  }
  return corners;
}

function trainedProblems(level: LevelDefinition, setup: TrainedSetup): string[] {
  const problems: string[] = [];
  if (!(Number.isInteger(setup.seed) && setup.seed >= 0)) problems.push('setup.seed: a whole number ≥ 0.');
  for (const values of planningCorners(level.controls)) {
    const where = `plan(${JSON.stringify(values)})`;
    try {
      const plan = setup.plan(values, setup.seed);
      if (plan.spec.dataset !== level.dataset)
        problems.push(`${where}: trains on ${plan.spec.dataset}, but the level says ${level.dataset}.`);
      validateModelSpec(plan.spec);
      validateTrainConfig({ ...plan.config, jobId: 'validate' });
      if (plan.noisyCopies !== undefined && !(Number.isInteger(plan.noisyCopies) && plan.noisyCopies >= 1))
        problems.push(`${where}: noisyCopies must be a whole number ≥ 1.`);
      if (JSON.stringify(setup.plan(values, setup.seed)) !== JSON.stringify(plan))
        problems.push(`${where}: plan is not deterministic.`);
    } catch (error) {
      problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const held = setup.heldOut;
  const noises = held.source === 'letters' ? (held.noise ? [held.noise] : []) : held.noises;
  for (const n of noises) {
    const p = describeNoiseProblem(n);
    if (p) problems.push(`heldOut: ${p}`);
  }
  if (held.source === 'letters' && !(Number.isInteger(held.copies) && held.copies >= 1))
    problems.push('heldOut: copies must be a whole number ≥ 1.');
  if (
    held.source === 'mnistTest' &&
    !(Number.isInteger(held.limit) && held.limit >= 1 && held.limit <= MNIST_TEST_COUNT)
  ) {
    problems.push(`heldOut: limit must be from 1 to ${MNIST_TEST_COUNT}.`);
  }
  if ((held.source === 'letters') !== (level.dataset === 'glyphs'))
    problems.push(`heldOut: a ${held.source} test set does not fit the ${level.dataset} dataset.`);
  if (setup.sideBySide !== undefined && !level.controls.some((c) => c.id === setup.sideBySide && c.kind === 'choice'))
    problems.push(`setup.sideBySide: "${setup.sideBySide}" is not a choice control of the level.`);
  return problems;
}

function setupProblems(level: LevelDefinition): string[] {
  const { setup, solution } = level;
  const problems: string[] = [];
  const wanted =
    setup.kind === 'trained'
      ? ['hyperparameters']
      : setup.kind === 'map'
        ? ['latentPoints', 'draws', 'path']
        : ['expression'];
  if (!wanted.includes(solution.kind))
    problems.push(`solution: a ${setup.kind} level cannot take a "${solution.kind}" solution.`);
  if (setup.kind === 'trained') {
    if (level.controls.length === 0) problems.push('controls: a trained level needs at least one control.');
    problems.push(...trainedProblems(level, setup));
    return problems;
  }
  const asset = PRETRAINED_ASSETS[setup.asset];
  if (!asset || asset.kind !== 'autoencoder')
    return [...problems, `setup: "${setup.asset}" is not a pretrained autoencoder.`];
  if (asset.spec.dataset !== level.dataset)
    problems.push(`setup: "${setup.asset}" is trained on ${asset.spec.dataset}, but the level says ${level.dataset}.`);
  if (setup.kind === 'map') {
    if (setup.compare && PRETRAINED_ASSETS[setup.compare]?.kind !== 'autoencoder')
      problems.push(`setup: "${setup.compare}" is not a pretrained autoencoder.`);
    if ('dims' in solution && solution.dims !== asset.spec.bottleneck)
      problems.push(`solution: ${solution.dims}-D points for a ${asset.spec.bottleneck}-D model.`);
    const targets = setup.targets ?? [];
    const declared = solution.kind === 'latentPoints' ? (solution.targets ?? 0) : 0;
    if (targets.length !== declared)
      problems.push(`setup: ${targets.length} targets, but the solution expects ${declared}.`);
    targets.forEach((t, i) => {
      if (t.length !== asset.spec.bottleneck || !t.every(Number.isFinite))
        problems.push(`setup.targets[${i}]: needs ${asset.spec.bottleneck} finite coordinates.`);
    });
    return problems;
  }
  const cards = [...setup.deck, ...setup.hidden];
  const ids = new Set(cards.map((c) => c.id));
  const deck = new Set(setup.deck.map((c) => c.id));
  if (setup.deck.length < 2) problems.push('setup.deck: an arithmetic level needs at least 2 cards.');
  if (ids.size !== cards.length) problems.push('setup: card ids must be unique across deck and hidden cards.');
  for (const card of cards) {
    const img = card.image;
    if (
      img.kind === 'mnistTest' &&
      !(level.dataset === 'mnist' && Number.isInteger(img.index) && img.index >= 0 && img.index < MNIST_TEST_COUNT)
    ) {
      problems.push(`card ${card.id}: MNIST test index must be from 0 to ${MNIST_TEST_COUNT - 1} on an MNIST level.`);
    }
    if (img.kind === 'glyph' && !(level.dataset === 'glyphs' && GLYPH_CHARS.includes(img.char)))
      problems.push(`card ${card.id}: "${img.char}" is not a glyph of this level's font.`);
  }
  const target = setup.target;
  const terms = target.kind === 'decode' ? target.terms : target.kind === 'applyVector' ? target.reference : [];
  for (const t of terms)
    if (!ids.has(t.card) || !Number.isFinite(t.weight))
      problems.push(`setup.target: unknown card "${t.card}" or a bad weight.`);
  if (target.kind === 'applyVector')
    for (const b of target.bases) if (!ids.has(b)) problems.push(`setup.target: unknown base card "${b}".`);
  if (target.kind === 'glyph') {
    if (!asset.excludeChars?.includes(target.char))
      problems.push(`setup.target: "${setup.asset}" must be trained without "${target.char}".`);
    if (cards.some((c) => c.image.kind === 'glyph' && c.image.char === target.char))
      problems.push(`setup.deck: the target "${target.char}" cannot be a card.`);
  }
  if (target.kind === 'decode' && target.terms.some((t) => !deck.has(t.card)))
    problems.push('setup.target: a reachable target uses deck cards only.');
  return problems;
}

function levelProblems(level: LevelDefinition): string[] {
  const problems: string[] = [];
  if (typeof level.id !== 'string' || !ID_PATTERN.test(level.id)) problems.push('id: use kebab-case (a-z, 0-9, -).');
  if (!WORLDS.includes(level.world)) problems.push(`world: ${String(level.world)} is not 1 to ${WORLDS.length}.`);
  if (!(Number.isInteger(level.order) && level.order >= 1)) problems.push('order: a whole number from 1.');
  if (!['glyphs', 'glyphs28', 'mnist'].includes(level.dataset))
    problems.push(`dataset: "${String(level.dataset)}" is unknown.`);
  problems.push(...cardProblems(level), ...textProblems(level));

  if (level.controls.length > MAX_CONTROLS)
    problems.push(`controls: ${level.controls.length}; at most ${MAX_CONTROLS}.`);
  if (new Set(level.controls.map((c) => c.id)).size !== level.controls.length)
    problems.push('controls: ids must be unique.');
  for (const c of level.controls) problems.push(...controlProblems(c));

  if (!level.metric || !['higher', 'lower'].includes(level.metric.direction))
    problems.push('metric: direction must be "higher" or "lower".');
  else {
    if (!METRIC_UNITS.includes(level.metric.unit))
      problems.push(`metric: unit "${String(level.metric.unit)}" is unknown.`);
    const t = thresholdsProblem(level.stars ?? [], level.metric.direction);
    if (t) problems.push(`stars: ${t}`);
  }

  if (level.hints.length > MAX_HINTS) problems.push(`hints: ${level.hints.length}; at most ${MAX_HINTS}.`);
  level.hints.forEach((h, i) => {
    if (!(Number.isFinite(h.afterSeconds) && h.afterSeconds >= 0))
      problems.push(`hints[${i}]: unlock time must be 0 or more seconds.`);
    if (i > 0 && !(h.afterSeconds > level.hints[i - 1].afterSeconds))
      problems.push(`hints[${i}]: unlock times must increase.`);
  });

  if (level.measures.length === 0) problems.push('measures: the scorer needs at least one measurement.');
  for (const m of level.measures)
    if (!MEASUREMENT_IDS.includes(m)) problems.push(`measures: "${String(m)}" is not a known measurement.`);
  if (new Set(level.measures).size !== level.measures.length) problems.push('measures: listed twice.');

  problems.push(...modeProblems(level.mode, level.setup, level.solution.kind));
  problems.push(...setupProblems(level));
  const example = validatePayload(level, level.example);
  if (!example.ok) problems.push(...example.problems.map((p) => `example: ${p}`));
  return problems;
}

export function validateLevels(levels: readonly LevelDefinition[] = LEVELS): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const level of levels) {
    if (ids.has(level.id)) problems.push(`${level.id}: the id is used twice.`);
    ids.add(level.id);
    try {
      problems.push(...levelProblems(level).map((p) => `${level.id}: ${p}`));
    } catch (error) {
      // A level too malformed to walk (e.g. a missing list) is a problem to report, not a crash.
      problems.push(
        `${String(level.id)}: could not be checked (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  }
  for (const world of WORLDS) {
    const orders = levels
      .filter((l) => l.world === world)
      .map((l) => l.order)
      .sort((a, b) => a - b);
    if (orders.length === 0) problems.push(`world ${world}: has no levels.`);
    if (orders.some((o, i) => o !== i + 1))
      problems.push(`world ${world}: orders must be 1, 2, 3… without gaps or repeats (got ${orders.join(', ')}).`);
  }
  return problems;
}

/** Where `locale` falls back to English (paths like "squeeze-the-alphabet: card.lines[2]"); [] when complete. */
export function missingTranslations(locale: LevelLocale, levels: readonly LevelDefinition[] = LEVELS): string[] {
  if (locale === 'en') return [];
  return levels.flatMap((level) =>
    levelTexts(level)
      .filter((f) => !f.text?.[locale])
      .map((f) => `${level.id}: ${f.path}`),
  );
}
