// Teacher page: the password stays in sessionStorage; every call sends it as a Bearer token.
const $ = (id) => document.getElementById(id);
const el = (tag, text, attrs = {}) => Object.assign(document.createElement(tag), { textContent: text ?? '' }, attrs);
let password = sessionStorage.getItem('lq-teacher') ?? '';
let current = null;

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${password}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (res.headers.get('content-type')?.startsWith('text/csv')) return res.blob();
  const data = await res.json();
  if (!res.ok) throw new Error(data.message + (data.problems ? ` ${data.problems.join(' ')}` : ''));
  return data;
}

const say = (text) => ($('message').textContent = text);

async function login(event) {
  event?.preventDefault();
  password = $('password').value || password;
  try {
    await api('GET', '/api/teacher/competitions');
    sessionStorage.setItem('lq-teacher', password);
    $('login').hidden = true;
    $('main').hidden = false;
    await loadLevels();
    await list();
  } catch (e) {
    say(e.message);
  }
}

async function loadLevels() {
  const { levels } = await api('GET', '/api/levels');
  $('levels').replaceChildren(
    ...levels.map((l) => {
      const label = el('label');
      label.append(el('input', '', { type: 'checkbox', value: l.id }), ` ${l.world}.${l.order} ${l.title}${l.trained ? ' (trains)' : ''}`);
      return label;
    }),
  );
}

async function list() {
  const { competitions } = await api('GET', '/api/teacher/competitions');
  $('competitions').replaceChildren(
    ...competitions.map((c) => {
      const b = el('button', `${c.code} · ${c.title} · ${c.state}`);
      b.onclick = () => show(c.code);
      return el('li', '', {}).appendChild(b).parentNode;
    }),
  );
}

async function create(event) {
  event.preventDefault();
  const levels = [...document.querySelectorAll('#levels input:checked')].map((i) => i.value);
  const seed = $('seed').value === '' ? undefined : Number($('seed').value);
  try {
    const { competition } = await api('POST', '/api/teacher/competitions', { title: $('title').value, levels, durationMinutes: Number($('minutes').value), variantMode: $('mode').value, ...(seed === undefined ? {} : { seed }) });
    await list();
    await show(competition.code);
  } catch (e) {
    say(e.message);
  }
}

async function show(code) {
  current = code;
  try {
    const data = await api('GET', `/api/teacher/competitions/${code}`);
    const { submissions } = await api('GET', `/api/teacher/competitions/${code}/submissions`);
    const c = data.competition;
    $('detail').hidden = false;
    $('code').textContent = c.code;
    $('state').textContent = `${c.title} · ${c.state} · ${c.levels.join(', ')} · seed ${c.seed} (${c.variantMode}) · ${Math.round(c.secondsLeft / 60)} min left`;
    $('qr').src = `/api/competitions/${c.code}/qr.svg`;
    $('board').href = `/board/${c.code}`;
    $('players').replaceChildren(
      ...data.players.map((p) => {
        const li = el('li', `${p.nickname}${p.removed ? ' (removed)' : ''} `);
        if (!p.removed) {
          const b = el('button', 'Remove');
          b.onclick = () => act(() => api('POST', `/api/teacher/competitions/${code}/remove-player`, { nickname: p.nickname }));
          li.append(b);
        }
        return li;
      }),
    );
    $('feed').replaceChildren(...submissions.slice(-30).reverse().map((s) => el('li', `${s.createdAt.slice(11, 19)} ${s.nickname} · ${s.levelId} · ${Math.round(s.score * 100) / 100} · ${'★'.repeat(s.stars)}`)));
  } catch (e) {
    say(e.message);
  }
}

async function act(fn) {
  try {
    await fn();
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
  URL.revokeObjectURL(a.href);
}

$('login').onsubmit = login;
$('create').onsubmit = create;
$('start').onclick = () => act(() => api('POST', `/api/teacher/competitions/${current}/start`));
$('stop').onclick = () => act(() => api('POST', `/api/teacher/competitions/${current}/stop`));
$('csv').onclick = () => csv().catch((e) => say(e.message));
if (password) login();
setInterval(() => current && !$('main').hidden && show(current), 3000);
