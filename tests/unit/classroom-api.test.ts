/**
 * The classroom API end to end in one process (fastify inject, PGlite in memory, the real engine on WASM):
 * scores are re-computed exactly as the game's harness computes them and a claimed score is ignored; every
 * refusal of the issue gets a 4xx with a message; replays are idempotent; the board and the CSV are right.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../../src/server/results';
import {
  BoardReplySchema,
  ErrorReplySchema,
  LevelsReplySchema,
  MeReplySchema,
  TeacherSubmissionsReplySchema,
} from '../../src/shared/classroom/api';
import { getLevel, levelVariant, localize, type LevelDefinition, type SolutionPayload } from '../../src/shared/levels';
import { testClassroom, type TestClassroom } from './classroom-support';
import { playTrained, PretrainedLevel } from '../../src/shared/levels/measure';
import { testEngine } from './support/engine';

const LEVEL_IDS = ['navigator', 'dream-digits', 'the-path', 'blend', 'letter-forge', 'squeeze-the-alphabet'];
const SEED = 11;
let room: TestClassroom;
let code = '';
const tokens: Record<string, string> = {};
let keys = 0;
const key = (): string => `attempt-${String(++keys).padStart(4, '0')}`;

function level(id: string): LevelDefinition {
  const l = getLevel(id);
  if (!l) throw new Error(id);
  return l;
}

/** The level as this competition (seed SEED, same targets for all) plays it: its own targets, deck and example. */
const played = (id: string): LevelDefinition => levelVariant(level(id), SEED);

async function call(method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await room.app.inject({
    method,
    url,
    headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });
  const json = res.headers['content-type']?.toString().startsWith('application/json') ? res.json() : undefined;
  // Every refusal follows the contract (src/shared/classroom/api.ts): a sentence, and a solution's problems.
  if (res.statusCode >= 400) expect(ErrorReplySchema.safeParse(json).error, `${url}: ${res.body}`).toBeUndefined();
  return { status: res.statusCode, json, text: res.body };
}

const submit = (
  nickname: string,
  levelId: string,
  payload: unknown,
  idempotencyKey = key(),
  extra: Record<string, unknown> = {},
) =>
  call(
    'POST',
    '/api/submissions',
    { levelId, idempotencyKey, payload, ...extra },
    { authorization: `Bearer ${tokens[nickname]}` },
  );

beforeAll(async () => {
  room = await testClassroom();
  const created = await call(
    'POST',
    '/api/teacher/competitions',
    { title: 'Class 7B', levels: LEVEL_IDS, seed: SEED, durationMinutes: 20 },
    room.teacher,
  );
  expect(created.status).toBe(201);
  code = created.json.competition.code;
  expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTWXYZ2345679]{6}$/);
  for (const nickname of ['Ana', 'Ben', 'Çağla']) {
    const joined = await call('POST', '/api/join', {
      code: `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`,
      nickname,
    });
    expect(joined.status).toBe(201);
    tokens[nickname] = joined.json.token;
  }
});

afterAll(() => room?.dispose());

describe('teacher and join', () => {
  it('needs the teacher password', async () => {
    const missing = await call('GET', '/api/teacher/competitions');
    expect([missing.status, missing.json.message]).toEqual([401, 'Send "Authorization: Bearer <token>".']);
    const wrong = await call('GET', '/api/teacher/competitions', undefined, { authorization: 'Bearer guess-guess' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.message).toMatch(/password/);
    expect((await call('GET', '/api/teacher/competitions', undefined, room.teacher)).json.competitions).toHaveLength(1);
  });

  it('checks join codes and nicknames', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ code: 'O0I1O0', nickname: 'Dan' }, 400, /6 letters/],
      [{ code: code === 'ABCDEF' ? 'GHJKMN' : 'ABCDEF', nickname: 'Dan' }, 404, /No competition/],
      [{ code, nickname: 'ana' }, 409, /taken/],
      [{ code, nickname: ' ÇAĞLA ' }, 409, /taken/],
      [{ code, nickname: 'x' }, 400, /2 to 20/],
      [{ code, nickname: 'a'.repeat(21) }, 400, /2 to 20/],
      [{ code, nickname: 'Bob<script>' }, 400, /letters, digits/],
      [{ code, nickname: "Bob'); DROP TABLE--" }, 400, /letters, digits/],
    ];
    for (const [body, status, message] of cases) {
      const res = await call('POST', '/api/join', body);
      expect([res.status, res.json.message], JSON.stringify(body)).toEqual([status, expect.stringMatching(message)]);
    }
  });

  it('refuses submissions before the start', async () => {
    const res = await submit('Ana', 'navigator', level('navigator').example);
    expect(res.status).toBe(409);
    expect(res.json.message).toMatch(/not started/);
    expect((await call('POST', `/api/teacher/competitions/${code}/start`, undefined, room.teacher)).status).toBe(200);
    expect((await call('POST', `/api/teacher/competitions/${code}/start`, undefined, room.teacher)).status).toBe(409);
  });
});

describe('scores are earned, not claimed', () => {
  it('re-scores every level kind exactly as the game harness does, ignoring a claimed score', async () => {
    // All at once: training and decoding lanes run side by side (two threads) and must not disturb each other.
    const responses = await Promise.all(
      LEVEL_IDS.map((id) => submit('Ana', id, played(id).example, key(), { score: 1e9, stars: 3 })),
    );
    const engine = await testEngine('wasm');
    for (const [i, id] of LEVEL_IDS.entries()) {
      const l = played(id);
      const payload = l.example as SolutionPayload;
      const res = responses[i];
      expect(res.status, `${id}: ${res.text}`).toBe(201);
      let reference;
      if (l.setup.kind === 'trained') {
        if (payload.kind !== 'hyperparameters') throw new Error(id);
        reference = (await playTrained(engine, l, payload.values, SEED)).result;
      } else {
        reference = (await (await PretrainedLevel.load(engine, l)).play(payload)).result;
      }
      expect(res.json.submission, id).toMatchObject({
        levelId: id,
        score: reference.score,
        stars: reference.stars,
        goalMet: reference.goalMet,
        replayed: false,
      });
    }
  });

  it('scores a trained level with the competition seed (another seed trains another model)', async () => {
    const l = level('squeeze-the-alphabet');
    const values = { bottleneck: 1, width: 16 };
    const res = await submit('Ben', l.id, { kind: 'hyperparameters', values });
    expect(res.status).toBe(201);
    const engine = await testEngine('wasm');
    const [same, other] = [
      (await playTrained(engine, l, values, SEED)).evaluation,
      (await playTrained(engine, l, values, SEED + 1)).evaluation,
    ];
    expect(res.json.submission.score).toBe(l.score({ kind: 'hyperparameters', values }, same).score);
    expect(same).not.toEqual(other);
  });

  it('replays idempotently and refuses a different solution under the same key', async () => {
    const payload = { kind: 'latentPoints', points: [[0.25, 0.5]], target: 0 };
    const first = await submit('Ben', 'navigator', payload, 'ben-key-0001');
    expect(first.status).toBe(201);
    const before = (await call('GET', `/api/teacher/competitions/${code}`, undefined, room.teacher)).json.submissions;
    const again = await submit('Ben', 'navigator', payload, 'ben-key-0001');
    expect(again.status).toBe(200);
    expect(again.json.submission).toEqual({ ...first.json.submission, replayed: true });
    expect((await call('GET', `/api/teacher/competitions/${code}`, undefined, room.teacher)).json.submissions).toBe(
      before,
    );
    const other = await submit('Ben', 'navigator', { ...payload, points: [[0.3, 0.5]] }, 'ben-key-0001');
    expect(other.status).toBe(409);
    expect(other.json.message).toMatch(/different solution/);
  });

  it('refuses invalid solutions, levels outside the competition and bad tokens with a message', async () => {
    const bad = await submit('Ben', 'navigator', { kind: 'latentPoints', points: [[0, 0, 0]], target: 0 });
    expect(bad.status).toBe(400);
    expect(bad.json.problems.join(' ')).toMatch(/2 coordinates/);
    const wrongKind = await submit('Ben', 'navigator', { kind: 'expression', terms: [{ card: 'four', weight: 1 }] });
    expect(wrongKind.status).toBe(400);
    const outside = await submit('Ben', 'beat-pca', level('beat-pca').example);
    expect([outside.status, outside.json.message]).toEqual([
      403,
      expect.stringMatching(/not part of this competition/),
    ]);
    const unknown = await submit('Ben', 'no-such-level', level('blend').example);
    expect(unknown.status).toBe(403);
    for (const [method, url] of [
      ['POST', '/api/submissions'],
      ['GET', '/api/me'],
    ] as const) {
      const missing = await call(
        method,
        url,
        method === 'POST'
          ? { levelId: 'navigator', idempotencyKey: key(), payload: level('navigator').example }
          : undefined,
      );
      expect([missing.status, missing.json.message], url).toEqual([401, 'Send "Authorization: Bearer <token>".']);
    }
    for (const authorization of [
      'Bearer ' + 'A'.repeat(43),
      'Bearer short',
      `Bearer ${tokens.Ben}x`,
      tokens.Ben,
      'Basic abc',
    ]) {
      const res = await call(
        'POST',
        '/api/submissions',
        { levelId: 'navigator', idempotencyKey: key(), payload: level('navigator').example },
        { authorization },
      );
      expect([res.status, typeof res.json.message], authorization).toEqual([401, 'string']);
    }
  });

  it('tells a student their rank, seed and best result per level of the competition', async () => {
    const me = await call('GET', '/api/me', undefined, { authorization: `Bearer ${tokens.Ana}` });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ nickname: 'Ana', seed: SEED, players: 3 });
    const subs = TeacherSubmissionsReplySchema.parse(
      (await call('GET', `/api/teacher/competitions/${code}/submissions`, undefined, room.teacher)).json,
    ).submissions;
    const standings = MeReplySchema.parse(me.json).levels;
    expect(standings.map((l) => l.levelId)).toEqual(LEVEL_IDS);
    for (const standing of standings) {
      const mine = subs.filter((s) => s.nickname === 'Ana' && s.levelId === standing.levelId);
      expect(standing.attempts, standing.levelId).toBe(mine.length);
      expect(standing.stars, standing.levelId).toBe(Math.max(...mine.map((s) => s.stars)));
      expect(
        mine.map((s) => s.score),
        standing.levelId,
      ).toContain(standing.bestScore);
    }
    const fresh = await call('GET', '/api/me', undefined, { authorization: `Bearer ${tokens['Çağla']}` });
    expect(fresh.json.levels[0]).toEqual({
      levelId: LEVEL_IDS[0],
      bestScore: null,
      stars: 0,
      attempts: 0,
      verification: null,
      evaluatedScore: null,
    });
    expect(fresh.json.stars).toBe(0);
  });

  it('scores each student on their own variant in "variant" competitions', async () => {
    const created = await call(
      'POST',
      '/api/teacher/competitions',
      {
        title: 'Variants',
        levels: ['squeeze-the-alphabet', 'blend'],
        seed: SEED,
        variantMode: 'variant',
        durationMinutes: 20,
      },
      room.teacher,
    );
    const c = created.json.competition.code;
    await call('POST', `/api/teacher/competitions/${c}/start`, undefined, room.teacher);
    const joined = await Promise.all(
      ['Eve', 'Finn'].map((nickname) => call('POST', '/api/join', { code: c, nickname })),
    );
    const seeds = joined.map((j) => j.json.seed as number);
    expect(seeds[0]).not.toBe(seeds[1]);
    const l = level('squeeze-the-alphabet');
    const values = { bottleneck: 2, width: 16 };
    const engine = await testEngine('wasm');
    for (const [i, j] of joined.entries()) {
      const res = await call(
        'POST',
        '/api/submissions',
        { levelId: l.id, idempotencyKey: key(), payload: { kind: 'hyperparameters', values } },
        { authorization: `Bearer ${j.json.token}` },
      );
      expect(res.status).toBe(201);
      const variant = levelVariant(l, seeds[i]);
      const reference = await playTrained(engine, variant, values, seeds[i]);
      expect(res.json.submission.score, j.json.nickname).toBe(reference.result.score);
      // A decoded level too: the student's own variant (its deck and target), scored in the decoding thread.
      const blend = levelVariant(level('blend'), seeds[i]);
      const decoded = await call(
        'POST',
        '/api/submissions',
        { levelId: 'blend', idempotencyKey: key(), payload: blend.example },
        { authorization: `Bearer ${j.json.token}` },
      );
      expect(decoded.status, decoded.text).toBe(201);
      const expected = (await (await PretrainedLevel.load(engine, blend)).play(blend.example as SolutionPayload))
        .result;
      expect(decoded.json.submission, j.json.nickname).toMatchObject({ score: expected.score, stars: expected.stars });
      const me = await call('GET', '/api/me', undefined, { authorization: `Bearer ${j.json.token}` });
      expect(me.json.seed).toBe(seeds[i]);
    }
  });

  it('refuses a removed player', async () => {
    const removed = await call(
      'POST',
      `/api/teacher/competitions/${code}/remove-player`,
      { nickname: 'çağla' },
      room.teacher,
    );
    expect(removed.json).toEqual({ removed: 'çağla' });
    const res = await submit('Çağla', 'navigator', level('navigator').example);
    expect([res.status, res.json.message]).toEqual([403, expect.stringMatching(/removed/)]);
    expect(
      (await call('POST', `/api/teacher/competitions/${code}/remove-player`, { nickname: 'Nobody' }, room.teacher))
        .status,
    ).toBe(404);
  });

  it('ranks the board by stars and exports one CSV row per student and level', async () => {
    room.advance(90);
    // Ben gets the blend (a 2-term average of the deck's cards, scored by the server) after Ana's attempts.
    const blend = await submit('Ben', 'blend', played('blend').example);
    expect(blend.status).toBe(201);
    const board = await call('GET', `/api/competitions/${code}/board`);
    expect(board.status).toBe(200);
    const rows = BoardReplySchema.parse(board.json).rows;
    expect(rows.map((r) => r.nickname).sort()).toEqual(['Ana', 'Ben']);
    const sorted = [...rows].sort((a, b) => b.stars - a.stars);
    expect(rows.map((r) => r.stars)).toEqual(sorted.map((r) => r.stars));
    expect(rows.find((r) => r.nickname === 'Ana')?.attempts).toBe(LEVEL_IDS.length);

    const csv = await call('GET', `/api/teacher/competitions/${code}/results.csv`, undefined, room.teacher);
    expect(csv.status).toBe(200);
    const lines = csv.text.trimEnd().split('\r\n');
    // A UTF-8 byte order mark first, so Excel reads Polish and Czech names right.
    expect(lines[0]).toBe(
      '\uFEFFnickname,level,best_score,stars,time_seconds,attempts,verification,uploaded_model_score',
    );
    const subs = TeacherSubmissionsReplySchema.parse(
      (await call('GET', `/api/teacher/competitions/${code}/submissions`, undefined, room.teacher)).json,
    ).submissions;
    const expected = LEVEL_IDS.flatMap((id) =>
      ['Ana', 'Ben'].flatMap((nick) => {
        const mine = subs.filter((s) => s.nickname === nick && s.levelId === id);
        if (mine.length === 0) return [];
        const dir = level(id).metric.direction;
        const best = mine.reduce((a, b) =>
          b.stars > a.stars || (b.stars === a.stars && (dir === 'higher' ? b.score > a.score : b.score < a.score))
            ? b
            : a,
        );
        const seconds = nick === 'Ben' && id === 'blend' ? 90 : 0;
        // No attempt here uploaded a model: each was scored by the server itself, so it is verified at once and
        // has no uploaded-model score.
        return [`${nick},${id},${best.score},${best.stars},${seconds},${mine.length},verified,`];
      }),
    );
    expect(lines.slice(1)).toEqual(expected);
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('closes submissions at the end, but still answers a replay of an acknowledged one', async () => {
    room.advance(20 * 60);
    const late = await submit('Ben', 'navigator', level('navigator').example);
    expect([late.status, late.json.message]).toEqual([403, expect.stringMatching(/ended/)]);
    const replay = await submit(
      'Ben',
      'navigator',
      { kind: 'latentPoints', points: [[0.25, 0.5]], target: 0 },
      'ben-key-0001',
    );
    expect([replay.status, replay.json.submission.replayed]).toEqual([200, true]);
    const join = await call('POST', '/api/join', { code, nickname: 'Latecomer' });
    expect(join.status).toBe(403);
    expect((await call('GET', '/api/health')).json.ok).toBe(true);
  });

  it('stopping early closes submissions too', async () => {
    const created = await call(
      'POST',
      '/api/teacher/competitions',
      { title: 'Short', levels: ['navigator'], durationMinutes: 5, variantMode: 'variant' },
      room.teacher,
    );
    const c2 = created.json.competition.code;
    await call('POST', `/api/teacher/competitions/${c2}/start`, undefined, room.teacher);
    const joined = await call('POST', '/api/join', { code: c2, nickname: 'Dana' });
    tokens.Dana = joined.json.token;
    expect((await call('POST', `/api/teacher/competitions/${c2}/stop`, undefined, room.teacher)).status).toBe(200);
    const res = await submit('Dana', 'navigator', level('navigator').example);
    expect([res.status, res.json.message]).toEqual([403, expect.stringMatching(/ended/)]);
  });

  it("keeps a competition's language: the view, the CSV headers and the board page speak it unless ?lang= says", async () => {
    const created = await call(
      'POST',
      '/api/teacher/competitions',
      { title: 'Klasa 3A', levels: ['navigator'], durationMinutes: 5, language: 'pl' },
      room.teacher,
    );
    expect(created.json.competition.language).toBe('pl');
    const c3 = created.json.competition.code;
    const header = async (query = '') =>
      (await call('GET', `/api/teacher/competitions/${c3}/results.csv${query}`, undefined, room.teacher)).text.split(
        '\r\n',
      )[0];
    expect(await header()).toBe(
      '\uFEFFpseudonim,poziom,najlepszy_wynik,gwiazdki,czas_sekundy,próby,weryfikacja,wynik_przesłanego_modelu',
    );
    expect(await header('?lang=cs')).toBe(
      '\uFEFFpřezdívka,úroveň,nejlepší_skóre,hvězdy,čas_sekundy,pokusy,ověření,skóre_nahraného_modelu',
    );
    expect(await header('?lang=xx')).toBe(
      '\uFEFFpseudonim,poziom,najlepszy_wynik,gwiazdki,czas_sekundy,próby,weryfikacja,wynik_przesłanego_modelu',
    );
    const board = (url: string, lang = 'es') =>
      room.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
    expect((await board(`/board/${c3}`)).body).toContain('<html lang="pl">');
    expect((await board(`/board/${c3}?lang=cs`)).body).toContain('<html lang="cs">');
    // The first competition was made without a language and no Accept-Language: English; the browser's then rules.
    expect((await board(`/board/${code}`, 'en')).body).toContain('<html lang="en">');
    // Omitted: the teacher's Accept-Language.
    const spanish = await room.app.inject({
      method: 'POST',
      url: '/api/teacher/competitions',
      headers: { ...room.teacher, 'accept-language': 'es-ES,es;q=0.9' },
      payload: { title: 'Clase', levels: ['navigator'], durationMinutes: 5 },
    });
    expect(spanish.json().competition.language).toBe('es');
    // The teacher page asks for the level titles in its own language.
    const titles = async (lang: string) =>
      LevelsReplySchema.parse((await call('GET', `/api/levels?lang=${lang}`)).json).levels.map((l) => l.title);
    expect(await titles('pl')).toContain(localize(level('navigator').title, 'pl'));
    expect(await titles('pl')).not.toEqual(await titles('en'));
    expect(
      (
        await call(
          'POST',
          '/api/teacher/competitions',
          { title: 'X', levels: ['navigator'], durationMinutes: 5, language: 'de' },
          room.teacher,
        )
      ).status,
    ).toBe(400);
  });

  it('serves the teacher page, the projector board and a join QR code', async () => {
    const teacherPage = await room.app.inject({ method: 'GET', url: '/teacher' });
    expect(teacherPage.statusCode).toBe(200);
    expect(teacherPage.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(teacherPage.body).toContain('/classroom/teacher.js');
    const boardPage = await room.app.inject({ method: 'GET', url: `/board/${code}` });
    expect([boardPage.statusCode, boardPage.body.includes('/classroom/board.js')]).toEqual([200, true]);
    expect((await room.app.inject({ method: 'GET', url: '/board/not-a-code' })).statusCode).toBe(400);
    const js = await room.app.inject({ method: 'GET', url: '/classroom/board.js' });
    expect([js.statusCode, js.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect((await room.app.inject({ method: 'GET', url: '/classroom/..%2Fserver.ts' })).statusCode).toBe(400);
    const qr = await room.app.inject({
      method: 'GET',
      url: `/api/competitions/${code}/qr.svg`,
      headers: { host: '192.168.1.20:8787' },
    });
    expect([qr.statusCode, qr.headers['content-type']]).toEqual([200, 'image/svg+xml']);
    expect(qr.body).toMatch(/^<svg[^>]*viewBox/);
    const forged = await room.app.inject({
      method: 'GET',
      url: `/api/competitions/${code}/qr.svg`,
      headers: { host: 'evil"><script>' },
    });
    expect(forged.statusCode).toBe(200);
  });
});
