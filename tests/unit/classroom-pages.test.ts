/**
 * The teacher page and the projector board take every text from the message catalogue: the static labels are
 * filled in by the server and the scripts read the `classroom.*` block from a JSON data block (never executed,
 * so the strict CSP holds). Here: the block is complete and cannot break out of its tag, every key the scripts
 * and the page use exists, and the locale follows Accept-Language.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { jsonForScript, pickLocale, registerPages } from '../../src/server/pages';
import { CATALOGUES, format } from '../../src/shared/messages';

const catalogueKeys = new Set(Object.keys(CATALOGUES.en));
const source = (name: string): string => readFileSync(new URL(`../../src/server/${name}`, import.meta.url), 'utf8');

async function page(url: string, headers: Record<string, string> = {}) {
  const app = Fastify();
  registerPages(app, { joinBaseUrl: 'http://192.168.1.20:8787' });
  const res = await app.inject({ method: 'GET', url, headers });
  await app.close();
  return res;
}

function dataBlock(html: string): { locale: string; messages: Record<string, string>; joinBase: string } {
  const m = /<script type="application\/json" id="messages">([^<]*)<\/script>/.exec(html);
  if (!m) throw new Error('no messages block');
  return JSON.parse(m[1]);
}

describe('classroom pages', () => {
  it.each(['/teacher', '/board/ABCDEF'])(
    '%s carries the classroom messages as data, under a CSP without inline script',
    async (url) => {
      const res = await page(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self';/);
      expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
      const data = dataBlock(res.body);
      expect(data.locale).toBe('en');
      expect(data.joinBase).toBe('http://192.168.1.20:8787');
      const classroomKeys = [...catalogueKeys].filter((k) => k.startsWith('classroom.'));
      expect(classroomKeys.length).toBeGreaterThan(30);
      for (const key of classroomKeys)
        expect(data.messages[key], key).toBe(CATALOGUES.en[key as keyof typeof CATALOGUES.en]);
      // The only executable scripts are files: the shared page kit, then the page's own.
      const scripts = [...res.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1].trim());
      expect(scripts).toEqual([
        'type="application/json" id="messages"',
        'src="/classroom/page-kit.js"',
        expect.stringMatching(/^src="\/classroom\/(teacher|board)\.js"$/),
      ]);
      expect((await page('/classroom/page-kit.js')).statusCode).toBe(200);
    },
  );

  it('fills the static labels from the catalogue', async () => {
    const teacher = (await page('/teacher')).body;
    for (const key of [
      'classroom.teacher.password',
      'classroom.teacher.signIn',
      'classroom.teacher.new',
      'classroom.teacher.start',
      'classroom.teacher.csv',
    ] as const)
      expect(teacher).toContain(CATALOGUES.en[key]);
    const board = (await page('/board/ABCDEF')).body;
    expect(board).toContain(`<title>${CATALOGUES.en['classroom.board.pageTitle']}</title>`);
    expect(board).toContain(`<th>${CATALOGUES.en['classroom.board.column.player']}</th>`);
  });

  it('uses only keys that exist, in the pages and their scripts', () => {
    for (const name of ['pages.ts', 'pages/teacher.js', 'pages/board.js']) {
      const used = [...source(name).matchAll(/'((?:classroom|class|world)\.[\w.]*\w)'/g)]
        .map((m) => m[1])
        .filter((k) => !/\.(css|js)$/.test(k));
      expect(used.length, name).toBeGreaterThan(3);
      for (const key of used) expect(catalogueKeys.has(key), `${name}: ${key}`).toBe(true);
      // Keys built at run time: classroom.state.<state>, classroom.teacher.mode.<mode>, world.name.<n>.
      for (const m of source(name).matchAll(/`((?:classroom|world)\.[\w.]+)\$\{/g))
        expect(
          [...catalogueKeys].some((k) => k.startsWith(m[1])),
          `${name}: ${m[1]}*`,
        ).toBe(true);
    }
    for (const state of ['draft', 'running', 'ended']) expect(catalogueKeys.has(`classroom.state.${state}`)).toBe(true);
    for (const mode of ['same', 'variant']) expect(catalogueKeys.has(`classroom.teacher.mode.${mode}`)).toBe(true);
  });

  it("fills placeholders in the pages exactly as the game's format() does (the same formatter, bundled)", async () => {
    const messages = {
      a: 'Rank {rank} of {players}',
      b: '{time} left · {missing}',
      c: 'plain',
      d: '{count, plural, one {# gracz} few {# gracze} many {# graczy} other {# gracza}}',
    };
    const kit = await page('/classroom/page-kit.js');
    expect(kit.headers['content-type']).toMatch(/^text\/javascript/);
    for (const locale of ['en', 'pl'] as const) {
      const fakeWindow: { lqPage?: { t: (key: string, params?: Record<string, string | number>) => string } } = {};
      const fakeDocument = {
        getElementById: () => ({ textContent: JSON.stringify({ locale, messages, joinBase: 'http://x' }) }),
      };
      new Function('window', 'document', kit.body)(fakeWindow, fakeDocument);
      const t = fakeWindow.lqPage!.t;
      const cases: [keyof typeof messages, Record<string, string | number> | undefined][] = [
        ['a', { rank: 2, players: 12345 }],
        ['b', { time: '4:05' }],
        ['c', undefined],
        ['d', { count: 22 }],
        ['d', { count: 5 }],
      ];
      for (const [key, params] of cases) expect(t(key, params)).toBe(format(messages[key], params, locale));
      expect(t('no.such.key')).toBe('no.such.key');
    }
  });

  it('speaks ?lang= over Accept-Language, links the other languages and passes the language to the QR code', async () => {
    const res = await page('/teacher?lang=cs', { 'accept-language': 'pl' });
    expect(res.body).toContain('<html lang="cs">');
    expect(dataBlock(res.body).locale).toBe('cs');
    expect(dataBlock(res.body).messages['classroom.teacher.signIn']).toBe(CATALOGUES.cs['classroom.teacher.signIn']);
    expect(res.body).toContain(CATALOGUES.cs['classroom.teacher.signIn']);
    for (const name of ['English', 'Polski', 'Español'])
      expect(res.body).toMatch(new RegExp(`href="\\?lang=\\w\\w"[^>]*>${name}<`));
    expect(res.body).toContain('<a aria-current="true" lang="cs">Čeština</a>');
    expect(dataBlock((await page('/board/ABCDEF', { 'accept-language': 'es-ES,es;q=0.9' })).body).locale).toBe('es');
    const qr = await page('/api/competitions/ABCDEF/qr.svg?lang=pl');
    expect(qr.statusCode).toBe(200);
    expect(qr.body).toMatch(/^<svg/);
    expect(qr.body).not.toBe((await page('/api/competitions/ABCDEF/qr.svg')).body);
  });

  it("offers the competition's language on the teacher page (its own preselected) and lets the board follow it", async () => {
    const teacher = (await page('/teacher?lang=pl')).body;
    expect(teacher).toContain('<option value="pl" lang="pl" selected>Polski</option>');
    expect(teacher).toContain('<option value="es" lang="es">Español</option>');
    const app = Fastify();
    registerPages(app, { competitionLanguage: async (code) => (code === 'ABCDEF' ? 'cs' : null) });
    const board = async (url: string) =>
      dataBlock((await app.inject({ method: 'GET', url, headers: { 'accept-language': 'es' } })).body).locale;
    expect(await board('/board/ABCDEF')).toBe('cs');
    expect(await board('/board/ABCDEF?lang=pl')).toBe('pl');
    expect(await board('/board/GHJKMN')).toBe('es');
    await app.close();
  });

  it('keeps a message from closing its script tag', () => {
    const json = jsonForScript({ text: '</script><script>alert(1)</script><!--' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ text: '</script><script>alert(1)</script><!--' });
  });

  it('picks the first catalogue locale of Accept-Language, else English', () => {
    expect(pickLocale(undefined)).toBe('en');
    expect(pickLocale('xx-YY, en-GB;q=0.8')).toBe('en');
    expect(pickLocale('*')).toBe('en');
    expect(pickLocale('de, cs;q=0.9, pl;q=0.95')).toBe('pl');
    expect(pickLocale('pl', 'es')).toBe('es');
    expect(pickLocale('pl', 'xx')).toBe('pl');
  });
});
