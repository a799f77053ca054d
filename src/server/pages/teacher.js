// Teacher page: the password goes once to POST /api/teacher/session (in a JSON body, so spaces and any script work);
// the session token it answers stays in sessionStorage and every call sends it as a Bearer token. Every text comes
// from the catalogue block the server put in the page, and goes in with textContent (nicknames are user input).
/* global window */
const { $, t, refusal, locale, joinBase } = window.lqPage;
const el = (tag, text, props = {}) => Object.assign(document.createElement(tag), { textContent: text ?? '' }, props);
const clock = (seconds) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
const stars = (n) => '★'.repeat(n) + '☆'.repeat(Math.max(0, 3 - n));

let session = sessionStorage.getItem('lq-teacher-session') ?? '';
let current = null;
const levelTitles = new Map();

/** A refused request: its text is already in the page's language (refusal() in page-kit.ts). */
class Refused extends Error {}

async function api(method, path, body) {
  let res;
  try {
    res = await fetch(path, {
      method,
      headers: {
        ...(session ? { authorization: `Bearer ${session}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (e) {
    throw new Error(t('class.problem.unreachable', { detail: e.message }), { cause: e });
  }
  if (!res.ok) throw new Refused(await refusal(res));
  if (res.headers.get('content-type')?.startsWith('text/csv')) return res.blob();
  return res.json();
}

const say = (text) => ($('message').textContent = text);

async function login(event) {
  event?.preventDefault();
  try {
    if (event || !session) {
      session = '';
      ({ token: session } = await api('POST', '/api/teacher/session', { password: $('password').value }));
    }
    await api('GET', '/api/teacher/competitions');
    sessionStorage.setItem('lq-teacher-session', session);
    $('password').value = '';
    say('');
    $('login').hidden = true;
    $('main').hidden = false;
    await loadLevels();
    await list();
  } catch (e) {
    session = '';
    sessionStorage.removeItem('lq-teacher-session');
    say(e.message);
  }
}

// The catalogue's levels, one box per world; a world's own checkbox picks or clears all of its levels.
async function loadLevels() {
  const { levels } = await api('GET', `/api/levels?lang=${locale}`);
  const worlds = new Map();
  for (const l of levels) {
    levelTitles.set(l.id, l.title);
    if (!worlds.has(l.world)) worlds.set(l.world, []);
    worlds.get(l.world).push(l);
  }
  $('levels').replaceChildren(
    ...[...worlds].map(([world, list]) => {
      const box = el('fieldset');
      const all = el('input', '', { type: 'checkbox', className: 'world-toggle' });
      const legend = el('legend');
      legend.append(el('label', '', {}));
      legend.firstChild.append(all, ` ${t('classroom.teacher.world', { world, name: t(`world.name.${world}`) })}`);
      box.append(legend);
      const boxes = list
        .sort((a, b) => a.order - b.order)
        .map((l) => {
          const label = el('label');
          const input = el('input', '', { type: 'checkbox', name: 'level', value: l.id });
          label.append(input, el('span', `${world}.${l.order} ${l.title}`));
          if (l.trained) label.append(el('span', t('classroom.teacher.trains'), { className: 'trains' }));
          box.append(label);
          return input;
        });
      all.onchange = () => boxes.forEach((b) => (b.checked = all.checked));
      return box;
    }),
  );
}

async function list() {
  const { competitions } = await api('GET', '/api/teacher/competitions');
  $('competitions').replaceChildren(
    ...(competitions.length === 0
      ? [el('li', t('classroom.teacher.noCompetitions'), { className: 'empty-note' })]
      : competitions.map((c) => {
          const li = el('li');
          const b = el(
            'button',
            t('classroom.teacher.listItem', { code: c.code, title: c.title, state: t(`classroom.state.${c.state}`) }),
            { type: 'button' },
          );
          if (c.code === current) b.className = 'current';
          b.onclick = () => show(c.code);
          li.append(b);
          return li;
        })),
  );
}

async function create(event) {
  event.preventDefault();
  const levels = [...document.querySelectorAll('#levels input[name="level"]:checked')].map((i) => i.value);
  if (levels.length === 0) return say(t('classroom.teacher.pickLevel'));
  const seed = $('seed').value === '' ? undefined : Number($('seed').value);
  try {
    const { competition } = await api('POST', '/api/teacher/competitions', {
      title: $('title').value,
      levels,
      durationMinutes: Number($('minutes').value),
      variantMode: $('mode').value,
      language: $('language').value,
      maxPlayers: Number($('max-players').value),
      rankingHidden: $('hide-ranking').checked,
      ...(seed === undefined ? {} : { seed }),
    });
    say('');
    current = competition.code;
    await list();
    await show(competition.code);
  } catch (e) {
    say(e.message);
  }
}

function summary(c) {
  const time =
    c.state === 'running'
      ? t('classroom.teacher.timeLeft', { time: clock(c.secondsLeft) })
      : t('classroom.teacher.minutesPlanned', { minutes: Math.round(c.durationSeconds / 60) });
  return t('classroom.teacher.summary', {
    title: c.title,
    state: t(`classroom.state.${c.state}`),
    levels: c.levels.length,
    seed: String(c.seed),
    mode: t(`classroom.teacher.mode.${c.variantMode}`),
    time,
  });
}

async function show(code) {
  const switched = code !== current;
  current = code;
  try {
    const [data, { submissions }] = await Promise.all([
      api('GET', `/api/teacher/competitions/${code}`),
      api('GET', `/api/teacher/competitions/${code}/submissions`),
    ]);
    const c = data.competition;
    $('detail').hidden = false;
    $('code').textContent = c.code;
    $('join-hint').textContent = t('classroom.teacher.joinHint', { url: `${joinBase}/` });
    $('state').textContent = summary(c);
    // The competition's language: the QR code's join link carries it, the board speaks it (without ?lang=).
    const name = document.querySelector(`#language option[value="${c.language}"]`)?.textContent ?? c.language;
    $('competition-language').textContent = t('classroom.teacher.competitionLanguage', { language: name });
    // Set once per competition: a new src every 2 s would reload the image and flicker.
    if ($('qr').dataset.code !== c.code)
      Object.assign($('qr'), { src: `/api/competitions/${c.code}/qr.svg?lang=${c.language}` }).dataset.code = c.code;
    $('board').href = `/board/${c.code}`;
    $('start').disabled = c.state !== 'draft';
    $('stop').disabled = c.state === 'ended';
    $('extend').disabled = c.state === 'ended';
    $('ranking-toggle').textContent = t(
      c.rankingHidden ? 'classroom.teacher.showRanking' : 'classroom.teacher.hideRanking',
    );
    $('ranking-toggle').dataset.hidden = String(c.rankingHidden);
    $('close-late').disabled = c.lateClosed;
    $('close-late').title = c.lateClosed ? t('classroom.teacher.lateClosed') : '';
    const share = (x) => x.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 0 });
    $('level-stats').replaceChildren(
      ...(data.levels ?? []).map((l) =>
        el(
          'li',
          t('classroom.teacher.levelStat', {
            level: levelTitles.get(l.levelId) ?? l.levelId,
            attempts: l.attempts,
            players: l.players,
            one: share(l.starShares[0]),
            two: share(l.starShares[1]),
            three: share(l.starShares[2]),
          }),
        ),
      ),
    );
    $('players-heading').textContent = t('classroom.teacher.players', {
      count: data.players.filter((p) => !p.removed).length,
    });
    $('players-empty').hidden = data.players.length > 0;
    $('players').replaceChildren(
      ...data.players.map((p) => {
        const li = el('li', '', { className: p.removed ? 'removed' : '' });
        li.append(el('span', p.nickname));
        if (p.removed) {
          li.title = t('classroom.teacher.removed');
          const b = el('button', t('classroom.teacher.readmit'), { type: 'button' });
          b.onclick = () =>
            act(() => api('POST', `/api/teacher/competitions/${code}/readmit-player`, { nickname: p.nickname }));
          li.append(b);
        } else {
          const b = el('button', t('classroom.teacher.remove'), { type: 'button' });
          b.onclick = () =>
            act(() => api('POST', `/api/teacher/competitions/${code}/remove-player`, { nickname: p.nickname }));
          li.append(b);
        }
        return li;
      }),
    );
    $('feed-heading').textContent = t('classroom.teacher.feed', { count: data.submissions });
    $('feed').replaceChildren(
      ...submissions
        .slice(-50)
        .reverse()
        .map((s) => {
          const li = el('li');
          li.append(
            el('span', new Date(s.createdAt).toLocaleTimeString(locale)),
            el('span', s.nickname),
            el('span', levelTitles.get(s.levelId) ?? s.levelId),
            el('span', s.score.toLocaleString(locale, { maximumFractionDigits: 2 }), { className: 'score' }),
            el('span', stars(s.stars), { className: 'stars' }),
          );
          return li;
        }),
    );
    $('feed-empty').hidden = submissions.length > 0;
    if (switched) await list();
  } catch (e) {
    say(e instanceof Refused ? e.message : t('classroom.teacher.offline', { error: e.message }));
  }
}

async function act(fn) {
  try {
    await fn();
    say('');
    await list();
    if (current) await show(current);
  } catch (e) {
    say(e.message);
  }
}

async function csv() {
  const blob = await api('GET', `/api/teacher/competitions/${current}/results.csv`);
  const a = el('a', '', { href: URL.createObjectURL(blob), download: `latent-quest-${current}.csv` });
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

$('login').onsubmit = login;
$('create').onsubmit = create;
$('start').onclick = () => act(() => api('POST', `/api/teacher/competitions/${current}/start`));
$('stop').onclick = () => act(() => api('POST', `/api/teacher/competitions/${current}/stop`));
$('csv').onclick = () => csv().catch((e) => say(e.message));
$('extend').onclick = () => act(() => api('POST', `/api/teacher/competitions/${current}/extend`, { minutes: 5 }));
$('ranking-toggle').onclick = () =>
  act(() =>
    api('POST', `/api/teacher/competitions/${current}/settings`, {
      rankingHidden: $('ranking-toggle').dataset.hidden !== 'true',
    }),
  );
$('close-late').onclick = () => act(() => api('POST', `/api/teacher/competitions/${current}/close-late`));
if (session) login();
// Live: the selected competition (players, submissions, time left) every 2 s.
setInterval(() => current && !$('main').hidden && show(current), 2000);
