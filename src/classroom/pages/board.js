// Projector board: polls the public board API every 2 s; all text goes in with textContent.
const code = location.pathname.split('/').filter(Boolean).pop();
const $ = (id) => document.getElementById(id);
$('code').textContent = code;
$('qr').src = `/api/competitions/${encodeURIComponent(code)}/qr.svg`;
let endsAt = null;
let state = 'draft';

function clock() {
  if (state === 'running' && endsAt) {
    const s = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
    $('time').textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} left`;
  } else $('time').textContent = state === 'draft' ? 'Starting soon' : 'Finished';
}

async function refresh() {
  try {
    const res = await fetch(`/api/competitions/${encodeURIComponent(code)}/board`);
    const data = await res.json();
    if (!res.ok) throw new Error(data.message);
    $('title').textContent = data.competition.title;
    state = data.competition.state;
    endsAt = data.competition.endsAt ? Date.parse(data.competition.endsAt) : null;
    const body = $('rows');
    body.replaceChildren(
      ...data.rows.map((r) => {
        const tr = document.createElement('tr');
        for (const v of [r.rank, r.nickname, '★'.repeat(Math.min(r.stars, 60)) || '–', r.levelsCompleted]) {
          const td = document.createElement('td');
          td.textContent = String(v);
          tr.append(td);
        }
        return tr;
      }),
    );
    $('status').textContent = `${data.rows.length} players`;
  } catch (e) {
    $('status').textContent = `Cannot reach the server (${e.message}); retrying…`;
  }
  clock();
}
refresh();
setInterval(refresh, 2000);
setInterval(clock, 1000);
