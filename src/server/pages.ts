/**
 * The teacher page (/teacher) and the projector board (/board/CODE): small static pages with their own
 * scripts, talking to the same JSON API, plus the join QR code (an SVG of <join base>/?join=CODE).
 *
 * Every word on them comes from the message catalogue (src/shared/messages.ts, keys `classroom.*`): the static
 * labels are filled in here (HTML-escaped), and the scripts read the rest from a JSON data block
 * (`<script type="application/json" id="messages">`), which a browser never executes, so the strict
 * Content-Security-Policy (script-src 'self', no inline script) holds. The scripts format with the game's own ICU
 * formatter, bundled for the browser (page-kit-bundle.ts). A page speaks `?lang=` (its language links), else (the
 * board) its competition's language, else the browser's Accept-Language. A competition's language is the teacher's
 * choice when creating it (the teacher page's language by default); its QR code and join link carry it.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import {
  CATALOGUES,
  DEFAULT_LOCALE,
  format,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '../shared/messages';
import { acceptLanguageTags, isLocale, LOCALE_NAMES, LOCALES, matchLocale } from '../shared/i18n/locales';
import { pageKitBundle } from './page-kit-bundle';
import { PUBLIC_CODE } from './route-schemas';

const asset = (name: string): string => readFileSync(new URL(`./pages/${name}`, import.meta.url), 'utf8');
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

/** The catalogue's keys the pages use: their own block, the world names and the refusals' texts shared with the game. */
const PAGE_KEYS = (Object.keys(CATALOGUES.en) as MessageKey[]).filter(
  (k) => k.startsWith('classroom.') || k.startsWith('world.name.') || k.startsWith('class.problem.'),
);

/** `?lang=` when it names a catalogue, else the first catalogue locale of Accept-Language (by q-value), else English. */
export function pickLocale(acceptLanguage: string | undefined, lang?: string): Locale {
  if (isLocale(lang)) return lang;
  return matchLocale(acceptLanguageTags(acceptLanguage)) ?? DEFAULT_LOCALE;
}

export function pageMessages(locale: Locale): Record<string, string> {
  const catalogue = CATALOGUES[locale] as Record<MessageKey, string>;
  return Object.fromEntries(PAGE_KEYS.map((k) => [k, catalogue[k] ?? CATALOGUES.en[k]]));
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON safe inside a <script> data block: no "</script>", no "<!--". */
export const jsonForScript = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

interface Page {
  title: MessageKey;
  body(m: (key: MessageKey, params?: MessageParams) => string, locale: Locale): string;
  script: string;
  bodyClass: string;
}

const TEACHER: Page = {
  title: 'classroom.teacher.pageTitle',
  script: 'teacher.js',
  bodyClass: 'teacher',
  body: (
    m,
    locale,
  ) => `<header><h1>${m('classroom.teacher.heading')}</h1><p id="message" role="status" aria-live="polite"></p></header>
<form id="login" class="card login"><label for="password">${m('classroom.teacher.password')}</label>
<input id="password" type="password" autocomplete="current-password" required><button>${m('classroom.teacher.signIn')}</button>
<p class="hint">${m('classroom.teacher.signInHelp')}</p></form>
<div id="main" class="columns" hidden>
<div class="left">
<section class="card"><h2>${m('classroom.teacher.competitions')}</h2><ul id="competitions" class="competitions"></ul></section>
<form id="create" class="card"><h2>${m('classroom.teacher.new')}</h2>
<div class="fields">
<label>${m('classroom.teacher.title')} <input id="title" required maxlength="80" value="${m('classroom.teacher.defaultTitle')}"></label>
<label>${m('classroom.teacher.minutes')} <input id="minutes" type="number" min="1" max="1440" value="30" required></label>
<label>${m('classroom.teacher.seed')} <input id="seed" type="number" min="0" max="2147483647" placeholder="${m('classroom.teacher.seedPlaceholder')}"></label>
<label>${m('classroom.language')} <select id="language">${languageOptions(locale)}</select></label>
<label>${m('classroom.teacher.targets')} <select id="mode"><option value="same">${m('classroom.teacher.same')}</option><option value="variant">${m('classroom.teacher.variant')}</option></select></label>
<label>${m('classroom.teacher.maxPlayers')} <input id="max-players" type="number" min="1" max="1000" value="60" required></label>
<label class="check"><input id="hide-ranking" type="checkbox"> ${m('classroom.teacher.hideRankingOption')}</label>
</div>
<h3>${m('classroom.teacher.levels')}</h3><div id="levels" class="levels"></div>
<button class="primary">${m('classroom.teacher.create')}</button></form>
</div>
<section id="detail" class="card right" hidden>
<div class="join"><div><div class="label">${m('classroom.teacher.code')}</div><div id="code" class="code"></div><p id="join-hint" class="hint"></p></div>
<img id="qr" class="qr" alt="${m('classroom.board.qrAlt')}"></div>
<p id="state" class="state"></p><p id="competition-language" class="state"></p>
<p class="actions"><button id="start" class="primary">${m('classroom.teacher.start')}</button><button id="stop">${m('classroom.teacher.stop')}</button>
<button id="csv">${m('classroom.teacher.csv')}</button><a id="board" target="_blank" rel="noopener">${m('classroom.teacher.board')}</a></p>
<p class="actions"><button id="extend" type="button">${m('classroom.teacher.extend')}</button><button id="ranking-toggle" type="button"></button>
<button id="close-late" type="button">${m('classroom.teacher.closeLate')}</button></p>
<h3>${m('classroom.teacher.levelStats')}</h3><ul id="level-stats" class="level-stats"></ul>
<h3 id="players-heading"></h3><ul id="players" class="players"></ul><p id="players-empty" class="empty-note" hidden>${m('classroom.teacher.noPlayers')}</p>
<h3 id="feed-heading"></h3>
<div class="feed-head" aria-hidden="true"><span>${m('classroom.teacher.column.time')}</span><span>${m('classroom.teacher.column.player')}</span><span>${m('classroom.teacher.column.level')}</span><span>${m('classroom.teacher.column.score')}</span><span>${m('classroom.teacher.column.stars')}</span></div>
<ul id="feed" class="feed"></ul><p id="feed-empty" class="empty-note" hidden>${m('classroom.teacher.noSubmissions')}</p></section>
</div>`,
};

const BOARD: Page = {
  title: 'classroom.board.pageTitle',
  script: 'board.js',
  bodyClass: 'board',
  body: (m) => `<main class="board-main"><div class="top">
<div class="join-box"><div id="title" class="title"></div><div id="join-at" class="join-at"></div><div id="code" class="code"></div></div>
<div class="clock"><div id="time" class="time"></div><div id="phase" class="phase"></div></div>
<img id="qr" class="qr" alt="${m('classroom.board.qrAlt')}"></div>
<div id="ranking" class="ranking-box"><table class="ranking"><thead><tr><th>${m('classroom.board.column.rank')}</th><th>${m('classroom.board.column.player')}</th><th>${m('classroom.board.column.stars')}</th><th>${m('classroom.board.column.levels')}</th></tr></thead>
<tbody id="rows"></tbody></table><p id="empty" class="empty" hidden>${m('classroom.board.empty')}</p></div><p id="status" class="status"></p></main>`,
};

/** The competition's language: every language by its own name, the page's own chosen. */
function languageOptions(locale: Locale): string {
  return LOCALES.map(
    (l) => `<option value="${l}" lang="${l}"${l === locale ? ' selected' : ''}>${LOCALE_NAMES[l]}</option>`,
  ).join('');
}

/** The language links (names, not flags); the current one is marked, the others reload the page in theirs. */
function languageLinks(locale: Locale, label: string): string {
  const links = LOCALES.map((l) =>
    l === locale
      ? `<a aria-current="true" lang="${l}">${LOCALE_NAMES[l]}</a>`
      : `<a href="?lang=${l}" lang="${l}" hreflang="${l}">${LOCALE_NAMES[l]}</a>`,
  );
  return `<nav class="languages" aria-label="${label}">${links.join('')}</nav>`;
}

function render(page: Page, locale: Locale, joinBase: string): string {
  const messages = pageMessages(locale);
  const m = (key: MessageKey, params?: MessageParams): string =>
    escapeHtml(format(messages[key] ?? key, params, locale));
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${m(page.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/classroom/classroom.css"></head>
<body class="${page.bodyClass}">${languageLinks(locale, m('classroom.language'))}${page.body(m, locale)}
<script type="application/json" id="messages">${jsonForScript({ locale, messages, joinBase })}</script>
<script src="/classroom/page-kit.js"></script>
<script src="/classroom/${page.script}"></script></body></html>`;
}

export interface PagesOptions {
  /** Base of the join URL in the QR code (e.g. http://192.168.1.20:8787); default: the request's Host. */
  joinBaseUrl?: string;
  /** A competition's language, for a board opened without `?lang=` (null: no such competition). */
  competitionLanguage?: (code: string) => Promise<Locale | null>;
}

const ASSET_TYPES = {
  'page-kit.js': 'text/javascript',
  'board.js': 'text/javascript',
  'teacher.js': 'text/javascript',
  'classroom.css': 'text/css',
} as const;
type AssetName = keyof typeof ASSET_TYPES;
/** Served from files as they are; page-kit.js is bundled (page-kit-bundle.ts). */
const FILE_ASSETS = ['board.js', 'teacher.js', 'classroom.css'] as const;

/** The `?lang=` of a request, if any. */
const langOf = (request: FastifyRequest): string | undefined => {
  const lang = (request.query as Record<string, unknown> | undefined)?.lang;
  return typeof lang === 'string' ? lang : undefined;
};

export function registerPages(app: FastifyInstance, options: PagesOptions = {}): void {
  /** Where students go: the configured LAN address, else the Host the page was asked for. */
  const joinBaseOf = (request: FastifyRequest): string => {
    // The Host header is the client's word: only a plain host[:port] goes into pages and codes.
    const host = /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$|^\[[0-9A-Fa-f:.]{2,45}\](:\d{1,5})?$/.test(
      request.headers.host ?? '',
    )
      ? request.headers.host!
      : 'localhost';
    return (options.joinBaseUrl ?? `http://${host}`).replace(/\/$/, '');
  };
  const assets = Object.fromEntries(FILE_ASSETS.map((name) => [name, asset(name)])) as Record<AssetName, string>;
  const rendered = new Map<string, string>();
  const html = (page: Page) => async (request: FastifyRequest, reply: FastifyReply) => {
    const lang = langOf(request);
    const code = (request.params as { code?: string } | undefined)?.code;
    const own = isLocale(lang) || code === undefined ? null : await options.competitionLanguage?.(code);
    const locale = pickLocale(request.headers['accept-language'], own ?? lang);
    const joinBase = joinBaseOf(request);
    const key = `${page.script}:${locale}:${joinBase}`;
    if (rendered.size > 200) rendered.clear();
    if (!rendered.has(key)) rendered.set(key, render(page, locale, joinBase));
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', CSP)
      .header('cache-control', 'no-cache')
      .header('vary', 'accept-language')
      .send(rendered.get(key));
  };
  app.get('/teacher', html(TEACHER));
  app.get<{ Params: { code: string } }>('/board/:code', { schema: PUBLIC_CODE }, html(BOARD));
  app.get<{ Params: { name: AssetName } }>(
    '/classroom/:name',
    {
      schema: { params: { type: 'object', properties: { name: { type: 'string', enum: Object.keys(ASSET_TYPES) } } } },
    },
    async (request, reply) =>
      reply
        .type(`${ASSET_TYPES[request.params.name]}; charset=utf-8`)
        .header('cache-control', 'no-cache')
        .send(request.params.name === 'page-kit.js' ? await pageKitBundle() : assets[request.params.name]),
  );
  app.get<{ Params: { code: string } }>(
    '/api/competitions/:code/qr.svg',
    { schema: PUBLIC_CODE },
    async (request, reply) => {
      // The teacher's language rides along: students land in it (the game reads ?lang=).
      const lang = langOf(request);
      const langPart = isLocale(lang) ? `&lang=${lang}` : '';
      const svg = await QRCode.toString(`${joinBaseOf(request)}/?join=${request.params.code}${langPart}`, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 1,
      });
      return reply.type('image/svg+xml').header('cache-control', 'no-cache').send(svg);
    },
  );
}
