import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS } from '../tools/chromium';
import { LEVELS } from '../src/shared/levels';
import { trainedLadder } from './bench-level-figures';
const id = process.argv[2] ?? 'through-the-dice';
const level = LEVELS.find((l) => l.id === id)!;
const server = await preview({ mode: 'test', preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const base = server.resolvedUrls!.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
const page = await context.newPage();
await page.goto(base + `?level=${id}&backend=auto`);
await page.waitForFunction(() => (window as any).__latentQuest?.ready === true && (window as any).__latentQuest.scene() === 'Level');
await page.evaluate(`(() => { const w = window; w.__frames = []; const f = () => { w.__frames.push(performance.now()); requestAnimationFrame(f); }; requestAnimationFrame(f); })()`);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const t0 = await page.evaluate(() => performance.now());
const ladder = trainedLadder(level).slice(0, 1);
const r: any = await page.evaluate((o) => (window as any).__latentQuest.debug.benchTrainedLevel(o), { ladder, idleMs: 500 });
const { profile } = await cdp.send('Profiler.stop');
const frames: number[] = await page.evaluate(() => (window as any).__frames);
console.log('attempt gap', r.attempts?.[0]?.maxGapMs);
// Long frames (page ms)
const long: [number, number][] = [];
for (let i = 1; i < frames.length; i++) if (frames[i] - frames[i - 1] > 30) long.push([frames[i - 1], frames[i]]);
console.log('long frames', long.map(([a, b]) => `${(a - t0).toFixed(0)}+${(b - a).toFixed(0)}`).join(' '));
// Profile: samples → time; align profile.startTime to t0
const nodes = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const perFrame: Map<string, number>[] = [];
let t = 0; const selfIn = new Map<string, number>(); const totalIn = new Map<string, number>();
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i];
  const ms = t / 1000 + t0; // approx page time
  const li = long.findIndex(([a, b]) => ms >= a && ms <= b && a > t0);
  if (li < 0) continue;
  perFrame[li] ??= new Map(); const pf = perFrame[li];
  const n = nodes.get(profile.samples[i]);
  const key = (x: any) => `${x.callFrame.functionName || '(anon)'} ${x.callFrame.url.split('/').pop()}:${x.callFrame.lineNumber}`;
  selfIn.set(key(n), (selfIn.get(key(n)) ?? 0) + profile.timeDeltas[i] / 1000);
  { let id2: number | undefined = n.id; let top = key(n); while (id2 !== undefined) { const nn = nodes.get(id2); const k = key(nn); if (/Level|render|step|changed|sync|update/.test(nn.callFrame.functionName) && nn.callFrame.url) { top = k; break; } id2 = parent.get(id2); } pf.set(key(n), (pf.get(key(n)) ?? 0) + profile.timeDeltas[i] / 1000); }
  const seen = new Set<string>(); let id: number | undefined = n.id;
  while (id !== undefined) { const k = key(nodes.get(id)); if (!seen.has(k)) { seen.add(k); totalIn.set(k, (totalIn.get(k) ?? 0) + profile.timeDeltas[i] / 1000); } id = parent.get(id); }
}
const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1).padStart(6)} ${k}`).join('\n');
long.forEach(([a, b], i) => { const m = perFrame[i]; if (!m) return; console.log(`frame ${(a - t0).toFixed(0)}+${(b - a).toFixed(0)}:`, [...m].sort((x, y) => y[1] - x[1]).slice(0, 8).map(([k, v]) => `${k.split(' ')[0]} ${v.toFixed(1)}`).join(', ')); });
console.log('SELF\n' + top(selfIn)); console.log('TOTAL\n' + top(totalIn));
writeFileSync('/tmp/prof.cpuprofile', JSON.stringify(profile));
await browser.close(); await server.close();
// Top-down tree of non-idle samples in the window around the last long frame
{
  const [a, b] = long[long.length - 1];
  const W0 = a - 150, W1 = b + 50;
  const tot = new Map<number, number>();
  let tt = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    tt += profile.timeDeltas[i];
    const ms = tt / 1000 + t0;
    if (ms < W0 || ms > W1) continue;
    let id: number | undefined = profile.samples[i];
    if (nodes.get(id!).callFrame.functionName === '(idle)') continue;
    while (id !== undefined) { tot.set(id, (tot.get(id) ?? 0) + profile.timeDeltas[i] / 1000); id = parent.get(id); }
  }
  const print = (id: number, depth: number) => {
    const v = tot.get(id) ?? 0; if (v < 1.5 || depth > 40) return;
    const n = nodes.get(id); const cf = n.callFrame;
    console.log(`${' '.repeat(depth)}${v.toFixed(1)} ${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}:${cf.columnNumber}`);
    for (const c of n.children ?? []) print(c, depth + 1);
  };
  console.log(`TREE window ${(W0 - t0).toFixed(0)}..${(W1 - t0).toFixed(0)}`);
  print(profile.nodes[0].id, 0);
}
{
  const focus = process.argv[3] ?? 'reset';
  const leafUnder = new Map<string, number>(); let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    let id: number | undefined = profile.samples[i]; const leaf = nodes.get(id!);
    let hit = false; const chain: string[] = [];
    while (id !== undefined) { const n = nodes.get(id); if (n.callFrame.functionName === focus) { hit = true; break; } chain.push(n.callFrame.functionName || '(anon)'); id = parent.get(id); }
    if (!hit) continue;
    const k = chain.reverse().slice(0, 4).join(' > ') + ` [${leaf.callFrame.functionName}]`;
    leafUnder.set(k, (leafUnder.get(k) ?? 0) + profile.timeDeltas[i] / 1000); total += profile.timeDeltas[i] / 1000;
  }
  console.log(`UNDER ${focus}: ${total.toFixed(1)} ms`);
  console.log([...leafUnder].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1).padStart(6)} ${k}`).join('\n'));
}
