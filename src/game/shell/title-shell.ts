/**
 * The title screen in HTML, up within a few hundred milliseconds while the game itself (Phaser and the screens,
 * ~350 kB gzip) is still loading (issue 15: title interactive within 500 ms). It is laid out by the same
 * titleLayout() as the Title scene and painted in the same colours, so when the game's title is ready underneath
 * the swap moves nothing (scenes/shell-handover.ts). Its buttons work at once: a language is shown right away
 * and kept; Play, Join a class, Lab or Settings say "Starting…" and the game opens that screen as soon as it can.
 * Real buttons: Tab, the arrows and Enter work, and a screen reader reads them. No Phaser, no catalogue: its texts
 * come from the catalogues at build time (scripts/title-shell-texts.ts).
 */
import texts from 'virtual:title-shell-texts';
import logoSvg from '../ui/art/logo.svg?raw';
import playSvg from '../ui/art/icon-play.svg?raw';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../shared/i18n/locales';
import { baseSizeFor } from '../layout/screen';
import { TITLE_LANGUAGE_GAP, titleLayout } from '../layout/title-layout';
import { markStartup } from '../startup-marks';
import { BACKDROP_SIZE, paintBackdrop } from '../ui/backdrop-art';
import { COLORS, CSS, cssHex, FONT_FAMILY, RADIUS } from '../ui/theme';
import { setActiveShell, type ShellIntent } from './shell-state';
import { readTitleData } from './title-data';
import { shellStylesheet } from './title-shell-style';

const svgUrl = (svg: string): string => `data:image/svg+xml,${encodeURIComponent(svg)}`;

const BUTTONS: readonly {
  id: string;
  key: 'title.play' | 'title.join' | 'title.lab' | 'title.settings';
  to: ShellIntent;
}[] = [
  { id: 'title:play', key: 'title.play', to: 'WorldMap' },
  { id: 'title:join', key: 'title.join', to: 'Classroom' },
  { id: 'title:lab', key: 'title.lab', to: 'Lab' },
  { id: 'title:settings', key: 'title.settings', to: 'Settings' },
];

function box<E extends HTMLElement>(el: E, r: { x: number; y: number; width: number; height: number }): E {
  Object.assign(el.style, { left: `${r.x}px`, top: `${r.y}px`, width: `${r.width}px`, height: `${r.height}px` });
  return el;
}

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text) el.textContent = text;
  return el;
}

/** A five-pointed star like ui/StarRow.ts's, `size` px from centre to tip. */
function starSvg(size: number, on: boolean): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const side = 2 * size + 2;
  svg.setAttribute('width', String(side));
  svg.setAttribute('height', String(side));
  svg.setAttribute('viewBox', `${-size - 1} ${-size - 1} ${side} ${side}`);
  svg.setAttribute('aria-hidden', 'true');
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? size : size * 0.45;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${(r * Math.cos(a)).toFixed(2)},${(r * Math.sin(a)).toFixed(2)}`);
  }
  const poly = document.createElementNS(ns, 'polygon');
  poly.setAttribute('points', points.join(' '));
  poly.setAttribute('fill', cssHex(on ? COLORS.focus : COLORS.surface));
  poly.setAttribute('stroke', on ? '#ffe29a' : cssHex(COLORS.axis));
  poly.setAttribute('stroke-width', String(Math.max(1, size / 10)));
  svg.append(poly);
  return svg;
}

export interface TitleShell {
  /** Shows why the game could not load (the chunk failed to arrive), instead of a blank page. */
  showLoadFailed(detail: string): void;
}

/** Builds the HTML title over `parent`'s game; the game ends it through shell-state.ts's endShell(). */
export function showTitleShell(locale: Locale, firstVisit: boolean): TitleShell {
  const root = make('div', 'lq-shell');
  root.id = 'lq-title-shell';
  const style = document.createElement('style');
  style.textContent = shellStylesheet({ hex: cssHex, CSS, COLORS, FONT_FAMILY, RADIUS });
  // The faint backdrop is painted just after the first frame (a first 2D canvas costs 25–40 ms here).
  let backdrop: HTMLCanvasElement | null = null;
  const placeBackdrop = (frame: HTMLElement, W: number, H: number): void => {
    if (!backdrop) return;
    const cover = Math.max(W / BACKDROP_SIZE.width, H / BACKDROP_SIZE.height);
    box(backdrop, {
      x: (W - BACKDROP_SIZE.width * cover) / 2,
      y: (H - BACKDROP_SIZE.height * cover) / 2,
      width: BACKDROP_SIZE.width * cover,
      height: BACKDROP_SIZE.height * cover,
    });
    frame.prepend(backdrop);
  };
  const data = readTitleData();
  const handle = { locale, intent: null as ShellIntent | null, end: () => undefined as void };
  let failure: string | null = null;

  const render = (): void => {
    const focusedId = (document.activeElement as HTMLElement | null)?.dataset?.id ?? null;
    const T = texts[handle.locale];
    const { width: W, height: H } = baseSizeFor(window.innerWidth, window.innerHeight);
    const L = titleLayout(W, H);
    const scale = Math.min(window.innerWidth / W, window.innerHeight / H);
    const frame = make('div', 'lq-frame');
    Object.assign(frame.style, {
      width: `${W}px`,
      height: `${H}px`,
      left: `${(window.innerWidth - W * scale) / 2}px`,
      top: `${(window.innerHeight - H * scale) / 2}px`,
      transform: `scale(${scale})`,
    });
    placeBackdrop(frame, W, H);

    const logo = make('img', 'lq-centred');
    logo.src = svgUrl(logoSvg);
    logo.alt = '';
    Object.assign(logo.style, {
      left: `${L.logo.x}px`,
      top: `${L.logo.y}px`,
      width: `${120 * L.logo.scale}px`,
      height: `${72 * L.logo.scale}px`,
    });
    const name = make('h1', 'lq-centred lq-name', T['app.title']);
    Object.assign(name.style, { left: `${L.name.x}px`, top: `${L.name.y}px`, fontSize: `${L.name.fontSize}px` });
    const tagline = make('p', 'lq-centred lq-tagline', T['title.tagline']);
    Object.assign(tagline.style, {
      left: `${L.tagline.x}px`,
      top: `${L.tagline.y}px`,
      width: `${L.tagline.wrap}px`,
      fontSize: `${L.tagline.fontSize}px`,
    });
    frame.append(logo, name, tagline);

    const busy = handle.intent !== null || failure !== null;
    BUTTONS.forEach((b, i) => {
      const classes = `lq-button${i === 0 ? ' lq-primary' : ''}${handle.intent === b.to ? ' lq-starting' : ''}`;
      const button = box(make('button', classes), L.buttons[i]);
      button.type = 'button';
      button.dataset.id = b.id;
      if (i === 0) {
        const icon = make('img', 'lq-icon');
        icon.src = svgUrl(playSvg);
        icon.alt = '';
        button.append(icon);
      }
      const sameLocale = data !== null && data.locale === handle.locale;
      const label = b.key === 'title.join' && sameLocale ? data.join : T[b.key];
      button.append(make('span', 'lq-label', handle.intent === b.to ? T['title.starting'] : label));
      if (busy) button.setAttribute('aria-disabled', 'true');
      button.addEventListener('click', () => {
        if (handle.intent !== null || failure !== null) return;
        handle.intent = b.to;
        root.setAttribute('aria-busy', 'true');
        render();
      });
      frame.append(button);
    });

    const lang = box(make('div', 'lq-languages'), L.language);
    lang.setAttribute('role', 'group');
    lang.style.gap = `${TITLE_LANGUAGE_GAP}px`;
    for (const l of LOCALES) {
      const seg = make('button', l === handle.locale ? 'lq-segment lq-selected' : 'lq-segment', LOCALE_NAMES[l]);
      seg.type = 'button';
      seg.lang = l;
      seg.dataset.id = `title:lang:${l}`;
      seg.setAttribute('aria-pressed', String(l === handle.locale));
      if (busy) seg.setAttribute('aria-disabled', 'true');
      seg.addEventListener('click', () => {
        if (busy || handle.locale === l) return;
        handle.locale = l;
        document.documentElement.lang = l;
        render();
      });
      lang.append(seg);
    }
    frame.append(lang);

    // The progress line as the game's title last drew it; on a first visit (no save yet) none of the stars.
    const progress =
      data && data.locale === handle.locale
        ? { text: data.progress, stars: data.stars }
        : firstVisit
          ? { text: T['title.progressNone'], stars: 0 }
          : null;
    if (progress) {
      const star = starSvg(11, progress.stars > 0);
      star.classList.add('lq-centred');
      Object.assign(star.style, { left: `${L.progress.starX}px`, top: `${L.progress.y}px` });
      const line = make('p', 'lq-progress', progress.text);
      Object.assign(line.style, {
        left: `${L.progress.textX}px`,
        top: `${L.progress.y}px`,
        color: progress.stars > 0 ? CSS.text : CSS.muted,
      });
      frame.append(star, line);
    }
    const banner = box(make('p', failure ? 'lq-banner lq-failed' : 'lq-banner'), L.banner);
    banner.textContent = failure ? T['title.loadFailed'].replace('{detail}', failure) : T['title.keys'];
    if (failure) banner.setAttribute('role', 'alert');
    frame.append(banner);

    root.replaceChildren(style, frame);
    if (focusedId) root.querySelector<HTMLElement>(`[data-id="${focusedId}"]`)?.focus();
  };

  // As on the game's title: up and down move along the buttons (up from the first reaches the languages), left
  // and right along the languages (down from them reaches Play). The game's own keys wait meanwhile.
  const onKey = (event: KeyboardEvent): void => {
    event.stopPropagation();
    const move = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const column = [...root.querySelectorAll<HTMLButtonElement>('.lq-button')];
    const row = [...root.querySelectorAll<HTMLButtonElement>('.lq-segment')];
    const focused = document.activeElement as HTMLButtonElement;
    const vertical = event.key === 'ArrowDown' || event.key === 'ArrowUp';
    let next: HTMLButtonElement | undefined = column[0];
    if (column.includes(focused)) {
      const i = column.indexOf(focused);
      next = !vertical
        ? focused
        : i + move < 0
          ? (row.find((b) => b.getAttribute('aria-pressed') === 'true') ?? row[0])
          : column[Math.min(column.length - 1, i + move)];
    } else if (row.includes(focused)) {
      const i = row.indexOf(focused);
      next = vertical ? (move > 0 ? column[0] : focused) : row[Math.max(0, Math.min(row.length - 1, i + move))];
    }
    next?.focus();
  };
  const onResize = (): void => render();

  handle.end = () => {
    window.removeEventListener('keydown', onKey, true);
    window.removeEventListener('resize', onResize);
    root.remove();
  };
  window.addEventListener('keydown', onKey, true);
  window.addEventListener('resize', onResize);
  render();
  document.documentElement.lang = locale;
  document.body.append(root);
  setActiveShell(handle);
  markStartup('shell');
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (!root.isConnected) return;
      backdrop = paintBackdrop();
      backdrop.className = 'lq-backdrop';
      const frame = root.querySelector<HTMLElement>('.lq-frame');
      if (frame) placeBackdrop(frame, frame.offsetWidth, frame.offsetHeight);
    }, 0),
  );
  return {
    showLoadFailed(detail) {
      failure = detail;
      render();
    },
  };
}

/** A link that skipped the HTML title, and the game could not load: say so on the page rather than stay blank. */
export function showLoadFailed(locale: Locale, detail: string): void {
  const message = make('p', '', texts[locale]['title.loadFailed'].replace('{detail}', detail));
  message.setAttribute('role', 'alert');
  Object.assign(message.style, {
    position: 'fixed',
    inset: '0',
    margin: '0',
    padding: '24px',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    textAlign: 'center',
    font: `16px ${FONT_FAMILY}`,
    color: CSS.danger,
    background: cssHex(COLORS.bg),
  });
  document.body.append(message);
}
