/**
 * No English-only sentence on the class screen: every refusal the classroom server sends carries a code from
 * SERVER_REFUSALS (with the params it lists), every code the server or the game can produce has its catalogue
 * message in every language using exactly those params, and the game shows a refusal in the player's language
 * (an unknown code as a generic sentence with the code), and so does the teacher page (its bundled page kit). The CSV
 * export starts with a UTF-8 byte order mark.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { problemText } from '../../src/game/classroom/problem-text';
import { ErrorReplySchema } from '../../src/shared/classroom/api';
import {
  GAME_PROBLEMS,
  PROBLEM_CODES,
  SERVER_REFUSALS,
  type ProblemCode,
  type RefusalCode,
} from '../../src/shared/classroom/problems';
import { argumentNames } from '../../src/shared/i18n/icu';
import { CATALOGUES, format, LOCALES, setLocale } from '../../src/shared/messages';
import { testClassroom, type TestClassroom } from './classroom-support';

const declared = (code: ProblemCode): readonly string[] =>
  Object.hasOwn(SERVER_REFUSALS, code)
    ? SERVER_REFUSALS[code as RefusalCode]
    : GAME_PROBLEMS[code as keyof typeof GAME_PROBLEMS];

describe('problem codes have their messages', () => {
  it('lists every code once and has a message per code in every language with exactly its params', () => {
    expect(new Set(PROBLEM_CODES).size).toBe(PROBLEM_CODES.length);
    expect(PROBLEM_CODES.length).toBe(Object.keys(SERVER_REFUSALS).length + Object.keys(GAME_PROBLEMS).length);
    for (const locale of LOCALES)
      for (const code of PROBLEM_CODES) {
        const template = (CATALOGUES[locale] as Record<string, string | undefined>)[`class.problem.${code}`];
        expect(template, `${locale} class.problem.${code}`).toBeTypeOf('string');
        expect(argumentNames(template!), `${locale} ${code}`).toEqual([...declared(code)].sort());
      }
  });
});

describe('the game shows a problem in the player language', () => {
  afterEach(() => setLocale('en'));

  it('fills the params, falls back to the code for an unknown one, and to the saved sentence of an old record', () => {
    const full = { code: 'classFull', params: { players: 5 }, message: 'This competition is full (5 players)…' };
    setLocale('pl');
    expect(problemText(full)).toBe('Te zawody są pełne (5 graczy); zapytaj prowadzącego.');
    setLocale('cs');
    expect(problemText({ code: 'throttled', params: { seconds: 3 }, message: 'Too many requests' })).toBe(
      'Příliš mnoho požadavků; počkej 3 sekundy a zkus to znovu.',
    );
    setLocale('es');
    expect(problemText({ code: 'fromTheFuture', message: 'Some English sentence.' })).toBe(
      'El servidor de clase lo rechazó (código fromTheFuture).',
    );
    expect(problemText({ message: 'An old record.' })).toBe('An old record.');
    setLocale('en');
    expect(problemText(full)).toBe('This competition is full (5 players); ask your teacher.');
  });
});

describe('the server refuses by code', () => {
  let room: TestClassroom;
  let code = '';
  const seen = new Set<string>();

  async function call(method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await room.app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const json: unknown = res.headers['content-type']?.toString().startsWith('application/json') ? res.json() : null;
    return { status: res.statusCode, json, text: res.body, raw: res.rawPayload };
  }

  /** A refusal: the contract's shape, a code from the table and exactly its params, shown in Polish. */
  async function refused(expected: RefusalCode, ...args: Parameters<typeof call>): Promise<void> {
    const res = await call(...args);
    const reply = ErrorReplySchema.parse(res.json);
    expect([res.status >= 400, reply.code], res.text).toEqual([true, expected]);
    expect(Object.keys(reply.params ?? {}).sort()).toEqual([...SERVER_REFUSALS[expected]].sort());
    setLocale('pl');
    const shown = problemText({ code: reply.code, params: reply.params, message: reply.message });
    setLocale('en');
    expect(shown).toBe(format(CATALOGUES.pl[`class.problem.${expected}`], reply.params, 'pl'));
    expect(shown).not.toBe(reply.message);
    seen.add(expected);
  }

  beforeAll(async () => {
    room = await testClassroom();
    const created = await call(
      'POST',
      '/api/teacher/competitions',
      { title: 'Klasa', levels: ['navigator'], durationMinutes: 5, maxPlayers: 2 },
      room.teacher,
    );
    code = (created.json as { competition: { code: string } }).competition.code;
  });
  afterAll(() => room?.dispose());

  it('sends a known code with its params for the refusals a student meets', async () => {
    await refused('joinCodeInvalid', 'POST', '/api/join', { code: '0O1I', nickname: 'Ada' });
    await refused('competitionNotFound', 'POST', '/api/join', { code: 'AAAAAA', nickname: 'Ada' });
    await refused('nicknameLength', 'POST', '/api/join', { code, nickname: 'A' });
    await refused('nicknameChars', 'POST', '/api/join', { code, nickname: "Bo'; DROP--" });
    const ada = await call('POST', '/api/join', { code, nickname: 'Łucja' });
    expect(ada.status).toBe(201);
    await refused('nicknameTaken', 'POST', '/api/join', { code, nickname: 'łucja' });
    expect((await call('POST', '/api/join', { code, nickname: 'Šárka' })).status).toBe(201);
    await refused('classFull', 'POST', '/api/join', { code, nickname: 'Ben' });
    const token = (ada.json as { token: string }).token;
    const submission = { levelId: 'navigator', idempotencyKey: 'attempt-0001', payload: { kind: 'latentPoints' } };
    await refused('bearerMissing', 'POST', '/api/submissions', submission);
    await refused('tokenInvalid', 'POST', '/api/submissions', submission, { authorization: 'Bearer nope' });
    await refused('notStarted', 'POST', '/api/submissions', submission, { authorization: `Bearer ${token}` });
    await refused('wrongPassword', 'POST', '/api/teacher/session', { password: 'wrong' });
    await refused('requestInvalid', 'POST', '/api/join', { code: 7 });
    await refused('noRoute', 'GET', '/api/nowhere');
    expect(seen.size).toBe(12);
  });

  it('exports the CSV with a UTF-8 byte order mark, so Excel reads Polish and Czech names', async () => {
    const csv = await call('GET', `/api/teacher/competitions/${code}/results.csv`, undefined, room.teacher);
    expect(csv.status).toBe(200);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text.slice(1).split('\r\n')[0]).toMatch(/^nickname,level,/);
    expect([...csv.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('shows a refused teacher action on the teacher page in its language, not the English message', async () => {
    const html = (await call('GET', '/teacher?lang=pl')).text;
    const block = /<script type="application\/json" id="messages">([^<]*)<\/script>/.exec(html);
    const kit = (await call('GET', '/classroom/page-kit.js')).text;
    const win: { lqPage?: { refusal: (res: Response) => Promise<string> } } = {};
    new Function('window', 'document', kit)(win, { getElementById: () => ({ textContent: block?.[1] }) });
    const shownOnPage = async (...args: Parameters<typeof call>) => {
      const res = await call(...args);
      const reply = ErrorReplySchema.parse(res.json);
      const text = await win.lqPage!.refusal(new Response(res.text, { status: res.status }));
      return { reply, text };
    };
    const teacherActions: [RefusalCode, ...Parameters<typeof call>][] = [
      ['wrongPassword', 'POST', '/api/teacher/session', { password: 'not the password' }],
      ['playerNotFound', 'POST', `/api/teacher/competitions/${code}/remove-player`, { nickname: 'Zoë' }, room.teacher],
      ['competitionNotFound', 'POST', '/api/teacher/competitions/ZZZZZZ/start', undefined, room.teacher],
    ];
    for (const [expected, ...args] of teacherActions) {
      const { reply, text } = await shownOnPage(...args);
      expect(reply.code).toBe(expected);
      expect(text).toBe(format(CATALOGUES.pl[`class.problem.${expected}`], reply.params, 'pl'));
      expect(text).not.toBe(reply.message);
    }
    const unknown = await win.lqPage!.refusal(new Response('{"code":"fromTheFuture"}', { status: 418 }));
    expect(unknown).toBe(format(CATALOGUES.pl['class.problem.unknown'], { code: 'fromTheFuture' }, 'pl'));
    const notJson = await win.lqPage!.refusal(new Response('<h1>Bad gateway</h1>', { status: 502 }));
    expect(notJson).toBe(format(CATALOGUES.pl['class.problem.httpStatus'], { status: 502 }, 'pl'));
  });
});
