// Projector board: polls the public board API every 2 s. Every text comes from the catalogue block the server
// put in the page and goes in with textContent. When the class does not fit on the screen, the ranking pages
// through it (a few seconds per page) rather than shrinking the text below what the back row can read.
/* global window */
const { $, t, refusal, locale, joinBase } = window.lqPage;
const code = location.pathname.split('/').filter(Boolean).pop();
$('code').textContent = code;
$('join-at').textContent = t('classroom.board.join', { url: joinBase.replace(/^https?:\/\//, '') });
// The QR code sends students into the competition's language (this page's until the first answer says it).
const qrFor = (lang) => `/api/competitions/${encodeURIComponent(code)}/qr.svg?lang=${lang}`;
$('qr').src = qrFor(locale);

let endsAt = null;
let state = null;
let rows = [];
let levelCount = 0;
let hidden = false;
let playerCount = 0;
let page = 0;
let shownAt = 0;
const PAGE_MS = 8000;

function clock() {
  const time = $('time');
  if (state === 'running' && endsAt) {
    const s = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
    // "{time} left": the number large, the words around it smaller; textContent stays "12:34 left".
    const [before, after] = t('classroom.board.timeLeft', { time: '\u0000' }).split('\u0000');
    time.replaceChildren(
      ...(before ? [Object.assign(document.createElement('small'), { textContent: before })] : []),
      `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`,
      Object.assign(document.createElement('small'), { textContent: after ?? '' }),
    );
  } else
    time.textContent =
      state === 'draft' ? t('classroom.board.draft') : state === 'ended' ? t('classroom.board.ended') : '';
}

function row(r) {
  const tr = document.createElement('tr');
  if (r.rank <= 3) tr.className = `podium-${r.rank}`;
  for (const v of [
    r.rank,
    r.nickname,
    `★ ${r.stars.toLocaleString(locale)}`,
    t('classroom.board.levelsDone', { done: r.levelsCompleted, total: levelCount }),
  ]) {
    const td = document.createElement('td');
    td.textContent = String(v);
    tr.append(td);
  }
  return tr;
}

/** Rows that fit between the table's header and the bottom of its box, measured on the screen as it is. */
function rowsThatFit() {
  const body = $('rows');
  const first = body.rows[0];
  // +1: with collapsed borders a row's box leaves out its bottom border line.
  const rowHeight = (first ? first.getBoundingClientRect().height : window.innerHeight * 0.08) + 1;
  const room = $('ranking').getBoundingClientRect().bottom - body.getBoundingClientRect().top - 2;
  return Math.max(3, Math.floor(room / rowHeight));
}

function draw() {
  const body = $('rows');
  if (body.rows.length === 0 && rows.length > 0) body.append(row(rows[0]));
  const perPage = rowsThatFit();
  const pages = Math.max(1, Math.ceil(rows.length / perPage));
  if (Date.now() - shownAt >= PAGE_MS) {
    page = shownAt === 0 ? 0 : (page + 1) % pages;
    shownAt = Date.now();
  }
  page = Math.min(page, pages - 1);
  body.replaceChildren(...rows.slice(page * perPage, (page + 1) * perPage).map(row));
  // Hidden by the teacher: no names, only how many play (each student sees their own rank in the game).
  $('empty').hidden = rows.length > 0;
  $('empty').textContent = hidden
    ? t('classroom.board.rankingHidden', { players: playerCount })
    : t('classroom.board.empty');
  const players = t('classroom.board.players', { count: hidden ? playerCount : rows.length });
  $('status').textContent = pages > 1 ? t('classroom.board.page', { players, page: page + 1, pages }) : players;
}

async function refresh() {
  try {
    const res = await fetch(`/api/competitions/${encodeURIComponent(code)}/board`);
    if (!res.ok) {
      $('status').textContent = await refusal(res);
      return clock();
    }
    const data = await res.json();
    const c = data.competition;
    $('title').textContent = c.title;
    if (c.language && $('qr').getAttribute('src') !== qrFor(c.language)) $('qr').src = qrFor(c.language);
    state = c.state;
    document.body.classList.toggle('draft', state === 'draft');
    document.body.classList.toggle('ended', state === 'ended');
    $('phase').textContent = t(
      state === 'draft'
        ? 'classroom.board.draftHint'
        : state === 'ended'
          ? 'classroom.board.endedHint'
          : 'classroom.board.running',
    );
    endsAt = c.endsAt ? Date.parse(c.endsAt) : null;
    levelCount = c.levels.length;
    rows = data.rows;
    hidden = c.rankingHidden === true;
    playerCount = data.players ?? rows.length;
    draw();
  } catch (e) {
    $('status').textContent = t('classroom.board.offline', { error: e.message });
  }
  clock();
}
refresh();
setInterval(refresh, 2000);
setInterval(clock, 1000);
