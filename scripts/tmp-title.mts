import { preview } from 'vite';
import { chromium } from 'playwright-core';
const server = await preview({ mode: 'test', preview: { host: '127.0.0.1', port: 8199 }, logLevel: 'warn' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--enable-unsafe-swiftshader','--use-angle=swiftshader'] });
for (let i = 0; i < 3; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as any).__lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('http://127.0.0.1:8199/');
  await page.waitForFunction(() => (window as any).__latentQuest?.ready === true && (window as any).__latentQuest.scene() === 'Title', undefined, { timeout: 60000, polling: 'raf' });
  const r = await page.evaluate(() => ({
    now: Math.round(performance.now()),
    nav: performance.getEntriesByType('navigation').map((e: any) => ({ resp: Math.round(e.responseEnd), dcl: Math.round(e.domContentLoadedEventEnd), load: Math.round(e.loadEventEnd) })),
    res: performance.getEntriesByType('resource').map((e: any) => [e.name.replace(/.*\//, ''), Math.round(e.startTime), Math.round(e.responseEnd), e.encodedBodySize]),
    lt: (window as any).__lt,
  }));
  console.log(JSON.stringify(r));
  await context.close();
}
await browser.close(); await server.close();
