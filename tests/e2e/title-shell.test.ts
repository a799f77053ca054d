/**
 * The HTML title (src/game/shell/title-shell.ts): up while the game's own chunk is still on its way, its buttons
 * and language picker work by mouse and keyboard, the game takes over what the player chose, the two titles line
 * up, and a game that cannot load says so. The game's chunks are held back by routing, so "before the game has
 * loaded" is certain rather than a race.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CATALOGUES } from '../../src/shared/messages';
import { gameReady, launchChromium, widgetBounds } from './browser';

const baseUrl = inject('baseUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Held {
  page: Page;
  errors: string[];
  /** Lets the held game chunks through. */
  release(): Promise<void>;
}

/** The page's entry script (index.html's one <script src>): the HTML title; every other script is the game's. */
async function entryScript(): Promise<string> {
  const html = await (await fetch(new URL('/', baseUrl))).text();
  const entry = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in index.html');
  return entry;
}

/** Opens the page with every script but the entry held until release() (or failed, with `fail`). */
async function openHeld(query: string, viewport = { width: 1280, height: 720 }, fail = false): Promise<Held> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const entry = await entryScript();
  const held: Route[] = [];
  let released = false;
  await page.route('**/assets/*.js', async (route) => {
    if (route.request().url().endsWith(`/${entry}`) || released) return route.continue();
    if (fail) return route.abort('connectionrefused');
    held.push(route);
  });
  await page.goto(new URL(query, baseUrl).toString());
  await page.waitForSelector('#lq-title-shell [data-id="title:play"]');
  return {
    page,
    errors,
    release: async () => {
      released = true;
      for (const r of held.splice(0)) await r.continue();
    },
  };
}

const shellText = (page: Page, id: string) =>
  page.locator(`#lq-title-shell [data-id="${id}"]`).innerText({ timeout: 5_000 });

describe('the HTML title while the game loads', () => {
  it('shows the title in the link’s language at once; a language and a button pressed there are taken over', async () => {
    const { page, errors, release } = await openHeld('?lang=pl');
    // The game itself has not started: only the HTML title is there.
    expect(await page.evaluate(() => window.__latentQuest === undefined)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    expect(await shellText(page, 'title:play')).toBe(CATALOGUES.pl['title.play']);
    expect(await page.locator('#lq-title-shell h1').innerText()).toBe(CATALOGUES.pl['app.title']);
    // A first visit: the progress line counts no stars yet.
    expect(await page.locator('#lq-title-shell .lq-progress').innerText()).toContain('0 / ');
    await page.screenshot({ path: 'test-results/title-shell-pl-1280x720.png' });

    // Pick Czech with the mouse: every text follows at once.
    await page.click('#lq-title-shell [data-id="title:lang:cs"]');
    expect(await shellText(page, 'title:lab')).toBe(CATALOGUES.cs['title.lab']);
    expect(await page.getAttribute('#lq-title-shell [data-id="title:lang:cs"]', 'aria-pressed')).toBe('true');
    // The keyboard: right moves along the languages, down from them reaches Play, down again the column, Enter
    // presses Lab; Tab goes on from there as on any page.
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement).dataset.id);
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('title:lang:es');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('title:play');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('title:lab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('title:settings');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await shellText(page, 'title:lab')).toBe(CATALOGUES.cs['title.starting']);
    expect(await page.getAttribute('#lq-title-shell', 'aria-busy')).toBe('true');

    // The game arrives: it opens the Lab in Czech, and the HTML title is gone.
    await release();
    await page.waitForFunction(() => window.__latentQuest?.scene() === 'Lab' && window.__latentQuest.ready, undefined, {
      timeout: 60_000,
    });
    await page.waitForFunction(() => document.getElementById('lq-title-shell') === null);
    const state = await page.evaluate(() => window.__latentQuest!.getState());
    expect(state.settings.locale).toBe('cs');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cs');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a language picked after the game has started is switched to when its title is ready', async () => {
    const { page, errors, release } = await openHeld('');
    expect(await shellText(page, 'title:play')).toBe(CATALOGUES.en['title.play']);
    // A real mouse click, sent the moment the game's chunks are let through: like a player's, it waits in the
    // page's input queue while the game's code loads, and the HTML title answers it (the game's title is not up
    // yet). page.click would first wait for two still animation frames, which the loading game does not give.
    const es = (await page.locator('#lq-title-shell [data-id="title:lang:es"]').boundingBox())!;
    await release();
    await page.mouse.click(es.x + es.width / 2, es.y + es.height / 2);
    await gameReady(page);
    await page.waitForFunction(() => document.getElementById('lq-title-shell') === null, undefined, {
      timeout: 30_000,
    });
    expect(await page.evaluate(() => window.__latentQuest!.scene())).toBe('Title');
    expect((await page.evaluate(() => window.__latentQuest!.getState())).settings.locale).toBe('es');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lines up with the game’s own title at 1280x720 and 390x844, and shows the last progress on the next visit', async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 390, height: 844 },
    ]) {
      const { page, release } = await openHeld('', viewport);
      const ids = ['title:play', 'title:join', 'title:lab', 'title:settings', 'title:lang:en', 'title:lang:es'];
      const html: Record<string, { x: number; y: number; width: number; height: number }> = {};
      for (const id of ids) html[id] = (await page.locator(`#lq-title-shell [data-id="${id}"]`).boundingBox())!;
      await page.screenshot({ path: `test-results/title-shell-en-${viewport.width}x${viewport.height}.png` });
      await release();
      await gameReady(page);
      await page.waitForFunction(() => document.getElementById('lq-title-shell') === null);
      await page.screenshot({ path: `test-results/title-game-en-${viewport.width}x${viewport.height}.png` });
      for (const id of ids) {
        const game = (await widgetBounds(page, id))!;
        for (const k of ['x', 'y', 'width', 'height'] as const)
          expect([id, k, Math.abs(game[k] - html[id][k]) <= 2]).toEqual([id, k, true]);
      }
      // The Title scene wrote what the HTML title shows next time: reload with the game held back again.
      await page.context().close();
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(new URL('?lang=es', baseUrl).toString());
    await gameReady(page);
    const progress = await page.evaluate(() => localStorage.getItem('latent-quest:title'));
    expect(JSON.parse(progress!)).toMatchObject({ locale: 'es', stars: 0 });
    const entry = await entryScript();
    // The game's chunks are held (never answered) so the HTML title stays.
    await page.route('**/assets/*.js', async (route) =>
      route.request().url().endsWith(`/${entry}`) ? route.continue() : undefined,
    );
    await page.reload();
    await page.waitForSelector('#lq-title-shell .lq-progress');
    expect(await page.locator('#lq-title-shell .lq-progress').innerText()).toBe(JSON.parse(progress!).progress);
    await context.close();
  });

  it('a game that cannot load says so on the title instead of a blank page', async () => {
    const { page, errors } = await openHeld('?lang=es', { width: 390, height: 844 }, true);
    const alert = page.locator('#lq-title-shell [role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    const text = await alert.innerText();
    expect(text.startsWith(CATALOGUES.es['title.loadFailed'].split('(')[0].trim())).toBe(true);
    expect(errors.some((e) => e.includes('could not load'))).toBe(true);
    // The buttons no longer promise anything.
    expect(await page.getAttribute('#lq-title-shell [data-id="title:play"]', 'aria-disabled')).toBe('true');
    await page.screenshot({ path: 'test-results/title-shell-failed-es-390x844.png' });
    await page.context().close();
  });

  it('a link into the Lab never shows it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (document.getElementById('lq-title-shell')) (window as { sawShell?: boolean }).sawShell = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(new URL('?scene=lab', baseUrl).toString());
    await gameReady(page);
    expect(await page.evaluate(() => window.__latentQuest!.scene())).toBe('Lab');
    expect(await page.evaluate(() => (window as { sawShell?: boolean }).sawShell ?? false)).toBe(false);
    await context.close();
  });
});
