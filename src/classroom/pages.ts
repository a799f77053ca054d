/**
 * The teacher page (/teacher) and the projector board (/board/CODE): small static pages with their own
 * scripts (no inline script, so a strict Content-Security-Policy holds), talking to the same JSON API, plus
 * the join QR code (an SVG of <join base>/?join=CODE). English only for now; the game's catalogue later.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import QRCode from 'qrcode';
import { JOIN_CODE_PATTERN } from './identity';

const script = (name: string): string => readFileSync(new URL(`./pages/${name}`, import.meta.url), 'utf8');
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 0; background: #101522; color: #eef; }
main, form, section { padding: 1rem 2rem; }
button, input, select { font-size: 1rem; margin: .2rem; }
table { border-collapse: collapse; width: 100%; }
td { padding: .3em .6em; border-bottom: 1px solid #334; }
#levels label { display: block; }
.qr { background: #fff; padding: 8px; width: 180px; height: 180px; }
.big { font-size: 4vw; } .huge { font-size: 7vw; letter-spacing: .15em; font-weight: bold; }
.board td { font-size: 3.2vw; }
`;

const BOARD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Latent Quest · board</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head><body>
<main><div style="display:flex;gap:2rem;align-items:center;justify-content:space-between">
<div><div id="title" class="big"></div><div>Join at this address with the code</div><div id="code" class="huge"></div></div>
<div id="time" class="huge"></div><img id="qr" class="qr" alt="QR code to join"></div>
<table class="board"><tbody id="rows"></tbody></table><p id="status"></p></main>
<script src="/classroom/board.js"></script></body></html>`;

const TEACHER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Latent Quest · teacher</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head><body>
<p id="message" role="status"></p>
<form id="login"><label>Teacher password <input id="password" type="password" autocomplete="current-password"></label><button>Sign in</button></form>
<div id="main" hidden>
<section><h2>Competitions</h2><ul id="competitions"></ul></section>
<form id="create"><h2>New competition</h2>
<label>Title <input id="title" required maxlength="80" value="Latent Quest"></label>
<label>Minutes <input id="minutes" type="number" min="1" max="1440" value="30"></label>
<label>Seed <input id="seed" type="number" min="0" max="2147483647" placeholder="random"></label>
<label>Targets <select id="mode"><option value="same">the same for everyone</option><option value="variant">an equally hard variant each</option></select></label>
<div id="levels"></div><button>Create</button></form>
<section id="detail" hidden><h2>Code <span id="code" class="huge"></span></h2><p id="state"></p>
<img id="qr" class="qr" alt="QR code to join"><p><button id="start">Start</button><button id="stop">Stop</button>
<button id="csv">Download CSV</button><a id="board" target="_blank">Projector board</a></p>
<h3>Players</h3><ul id="players"></ul><h3>Latest submissions</h3><ul id="feed"></ul></section>
</div><script src="/classroom/teacher.js"></script></body></html>`;

export interface PagesOptions {
  /** Base of the join URL in the QR code (e.g. http://192.168.1.20:8787); default: the request's Host. */
  joinBaseUrl?: string;
}

export function registerPages(app: FastifyInstance, options: PagesOptions = {}): void {
  const scripts = { 'board.js': script('board.js'), 'teacher.js': script('teacher.js') };
  const html = (body: string) => async (_request: unknown, reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('content-security-policy', CSP).header('cache-control', 'no-cache').send(body);
  app.get('/teacher', html(TEACHER));
  app.get<{ Params: { code: string } }>('/board/:code', { schema: { params: { type: 'object', properties: { code: { type: 'string', pattern: JOIN_CODE_PATTERN } } } } }, html(BOARD));
  app.get<{ Params: { name: 'board.js' | 'teacher.js' } }>('/classroom/:name', { schema: { params: { type: 'object', properties: { name: { type: 'string', enum: Object.keys(scripts) } } } } }, async (request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(scripts[request.params.name]),
  );
  app.get<{ Params: { code: string } }>('/api/competitions/:code/qr.svg', { schema: { params: { type: 'object', properties: { code: { type: 'string', pattern: JOIN_CODE_PATTERN } } } } }, async (request, reply) => {
    // The Host header is the client's word: only a plain host[:port] goes into the code.
    const host = /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$|^\[[0-9A-Fa-f:.]{2,45}\](:\d{1,5})?$/.test(request.headers.host ?? '') ? request.headers.host! : 'localhost';
    const base = options.joinBaseUrl ?? `http://${host}`;
    const svg = await QRCode.toString(`${base.replace(/\/$/, '')}/?join=${request.params.code}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    return reply.type('image/svg+xml').header('cache-control', 'no-cache').send(svg);
  });
}
