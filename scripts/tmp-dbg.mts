import { preview } from 'vite';
import { chromium } from 'playwright-core';
const server = await preview({ mode: 'test', preview: { host: '127.0.0.1', port: 8190 }, logLevel: 'warn' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('CONSOLE', m.type(), m.text()); });
page.on('pageerror', (e) => console.log('PAGEERROR', e.message, e.stack?.split('\n').slice(0, 4).join(' | ')));
await page.goto('http://127.0.0.1:8190/');
await page.waitForFunction(() => (window as any).__latentQuest?.ready, null, { timeout: 60000 });
for (const [key, data] of process.argv.slice(2).map((k) => [k, { levelId: 'squeeze-the-alphabet' }] as const)) {
  const ok = await page.evaluate(([k, d]) => (window as any).__latentQuest.debug.startScene(k, d), [key, data]);
  await page.waitForTimeout(4000);
  console.log('after wait');
  console.log(key, ok, await page.evaluate(() => (window as any).__latentQuest.scene()), await page.evaluate(() => (window as any).__latentQuest.ready));
}
await browser.close(); await server.close();
