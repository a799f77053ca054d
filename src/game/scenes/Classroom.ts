import * as Phaser from 'phaser';
import { formatMetricValue, getLevel, localize } from '../../shared/levels';
import { getLocale, t } from '../../shared/messages';
import { ClassroomService } from '../classroom/classroom-service';
import type { ClassroomView } from '../classroom/classroom-service';
import { watch } from '../state';
import { Button } from '../ui/Button';
import { Panel } from '../ui/Panel';
import { StarRow } from '../ui/StarRow';
import { TextField } from '../ui/TextField';
import { CSS, TEXT, type Rect } from '../ui/theme';
import { formatDuration } from '../view/format';
import { SCENES, beginScreen, type Screen } from './screen-kit';

export interface ClassroomSceneData {
  /** Prefill of the join code (the QR code's ?join=CODE). */
  code?: string;
}

const ROW_H = 58;

/**
 * "Join a class": the join form (code + nickname, checked with the server's own rules before sending), then the
 * class screen: the competition, its time left, your rank and stars, every competition level with your best and
 * a Play button, and the outbox (attempts waiting for the server, retried with backoff; Retry now).
 * Widget ids: class:code  class:nickname  class:join  class:back  class:leave  class:retry  class:play:<levelId>
 * (also class:row:<i>, the i-th row's Play)  class:page:prev  class:page:next
 */
export class Classroom extends Phaser.Scene {
  constructor() {
    super('Classroom');
  }

  create(data: ClassroomSceneData): void {
    const screen = beginScreen(this, data);
    const { context } = screen;
    if (context.classroom.membership) this.buildClass(screen);
    else this.buildJoin(screen, data?.code ?? context.url.join ?? '');
    screen.ready();
  }

  // ── join form ──────────────────────────────────────────────────────────────────────────────────────────────

  private buildJoin(screen: Screen, code: string): void {
    const { width: W, height: H, portrait, context } = screen;
    const cx = W / 2;
    const pw = portrait ? W - 32 : 600;
    const px = cx - pw / 2;
    let y = portrait ? 40 : 70;
    this.add
      .text(cx, y, t('class.joinTitle'), { ...TEXT.title, fontSize: portrait ? '32px' : '40px' })
      .setOrigin(0.5, 0);
    y += portrait ? 56 : 66;
    const intro = this.add
      .text(cx, y, t('class.joinIntro'), {
        ...TEXT.bodyMuted,
        fontSize: portrait ? '16px' : '18px',
        align: 'center',
        wordWrap: { width: pw, useAdvancedWrap: true },
      })
      .setOrigin(0.5, 0);
    y += intro.height + 24;
    const panel: Rect = { x: px, y, width: pw, height: portrait ? 262 : 248 };
    new Panel(this, panel);
    const inner = { x: px + 20, width: pw - 40 };
    let fy = panel.y + 20;
    this.add.text(inner.x, fy, t('class.code'), TEXT.heading);
    fy += 28;
    const codeField = new TextField(this, {
      ...inner,
      y: fy,
      height: 56,
      id: 'class:code',
      domId: 'lq-join-code',
      label: t('class.code'),
      value: code,
      maxLength: 9,
      autocapitalize: 'characters',
    });
    fy += 56 + 18;
    this.add.text(inner.x, fy, t('class.nickname'), TEXT.heading);
    fy += 28;
    const nickField = new TextField(this, {
      ...inner,
      y: fy,
      height: 56,
      id: 'class:nickname',
      domId: 'lq-join-nickname',
      label: t('class.nickname'),
      maxLength: 40,
      autocapitalize: 'words',
      autocomplete: 'nickname',
    });
    fy += 56 + 8;
    this.add.text(inner.x, fy, t('class.nicknameHelp'), {
      ...TEXT.small,
      wordWrap: { width: inner.width, useAdvancedWrap: true },
    });
    const join = new Button(this, {
      ...inner,
      y: panel.y + panel.height + 16,
      height: 56,
      id: 'class:join',
      label: t('class.join'),
      variant: 'primary',
    });
    const message = this.add
      .text(cx, join.getBounds().y + 56 + 16, '', {
        ...TEXT.body,
        color: CSS.warning,
        align: 'center',
        wordWrap: { width: pw, useAdvancedWrap: true },
      })
      .setOrigin(0.5, 0);
    const back = new Button(this, {
      x: portrait ? 16 : 40,
      y: H - 76,
      width: portrait ? 140 : 180,
      height: 52,
      id: 'class:back',
      label: t('class.back'),
    });
    screen.add<TextField | Button>(codeField, nickField, join, back);

    let busy = false;
    const submit = async (): Promise<void> => {
      if (busy) return;
      const problem = ClassroomService.checkForm(codeField.value, nickField.value);
      if (problem) {
        message.setText(problem);
        return;
      }
      busy = true;
      join.setEnabled(false).setLabel(t('class.joining'));
      message.setText('');
      const outcome = await context.classroom.join(codeField.value, nickField.value);
      busy = false;
      if (!this.sys.isActive()) return;
      if (outcome.ok) {
        this.scene.restart({});
        return;
      }
      join.setEnabled(true).setLabel(t('class.join'));
      // A 404 from a plain static server (npm start): there is no class server behind this game.
      message.setText(
        /No route POST/.test(outcome.message) || /answered 404/.test(outcome.message)
          ? t('class.notServed')
          : outcome.message,
      );
    };
    join.events.on('press', () => void submit());
    codeField.events.on('submit', () => (nickField.value ? void submit() : nickField.input.focus()));
    nickField.events.on('submit', () => void submit());
    back.events.on('press', () => this.scene.start(SCENES.title));
    screen.focus.focus(code ? nickField : codeField, false);
  }

  // ── the class ──────────────────────────────────────────────────────────────────────────────────────────────

  private buildClass(screen: Screen): void {
    const { width: W, height: H, portrait, context } = screen;
    const { classroom, store } = context;
    const locale = getLocale();
    const pad = portrait ? 16 : 40;
    const bottomY = H - 76;
    const left: Rect = portrait
      ? { x: pad, y: 16, width: W - 2 * pad, height: 372 }
      : { x: pad, y: 32, width: 500, height: bottomY - 32 - 16 };
    const right: Rect = portrait
      ? { x: pad, y: left.y + left.height + 12, width: W - 2 * pad, height: bottomY - (left.y + left.height + 12) - 12 }
      : { x: pad + 520, y: 32, width: W - 2 * pad - 520, height: bottomY - 32 - 16 };

    // ---- the competition and you ----
    new Panel(this, left);
    const lx = left.x + 20;
    const lw = left.width - 40;
    const title = this.add.text(lx, left.y + 18, '', {
      ...TEXT.title,
      fontSize: portrait ? '24px' : '30px',
      wordWrap: { width: lw, useAdvancedWrap: true },
    });
    const codeLine = this.add.text(lx, 0, '', { ...TEXT.value, fontSize: portrait ? '22px' : '26px' });
    const stateLine = this.add.text(lx, 0, '', { ...TEXT.heading, fontSize: portrait ? '20px' : '24px' });
    const you = this.add.text(lx, 0, '', { ...TEXT.body, fontSize: portrait ? '17px' : '19px' });
    const rank = this.add.text(lx, 0, '', { ...TEXT.title, fontSize: portrait ? '26px' : '34px', color: CSS.accent });
    const starsLine = this.add.text(lx, 0, '', TEXT.body);
    const mode = this.add.text(lx, 0, '', { ...TEXT.small, wordWrap: { width: lw, useAdvancedWrap: true } });
    const outbox = this.add.text(lx, 0, '', {
      ...TEXT.body,
      fontSize: portrait ? '15px' : '16px',
      wordWrap: { width: lw, useAdvancedWrap: true },
    });
    // Landscape: the latest attempts and what the server made of each.
    const recent = portrait
      ? null
      : this.add.text(lx, 0, '', { ...TEXT.small, lineSpacing: 6, wordWrap: { width: lw, useAdvancedWrap: true } });
    const buttonsY = left.y + left.height - 20 - 48;
    const retry = new Button(this, {
      x: lx,
      y: buttonsY,
      width: Math.floor(lw / 2) - 6,
      height: 48,
      id: 'class:retry',
      label: t('class.retryNow'),
    });
    const leave = new Button(this, {
      x: lx + Math.floor(lw / 2) + 6,
      y: buttonsY,
      width: Math.floor(lw / 2) - 6,
      height: 48,
      id: 'class:leave',
      label: t('class.leave'),
      variant: 'danger',
    });

    // ---- the levels ----
    new Panel(this, { ...right, title: t('class.levels') });
    const listTop = right.y + 44;
    const perPage = Math.max(1, Math.floor((right.height - 44 - 12 - 52) / ROW_H));
    let page = 0;
    const rows: { name: Phaser.GameObjects.Text; best: Phaser.GameObjects.Text; stars: StarRow; play: Button }[] = [];
    const playW = portrait ? 92 : 120;
    for (let i = 0; i < perPage; i++) {
      const ry = listTop + i * ROW_H;
      const name = this.add.text(right.x + 18, ry + 6, '', { ...TEXT.heading, fontSize: portrait ? '16px' : '18px' });
      const best = this.add.text(right.x + 18, ry + 30, '', TEXT.small);
      // Phones: the stars sit on the second line, clear of long titles.
      const stars = new StarRow(this, {
        x: right.x + right.width - playW - 24 - (portrait ? 40 : 54),
        y: portrait ? ry + 40 : ry + ROW_H / 2 - 4,
        size: portrait ? 7 : 10,
      });
      const play = new Button(this, {
        x: right.x + right.width - playW - 16,
        y: ry + 7,
        width: playW,
        height: ROW_H - 16,
        id: `class:row:${i}`,
        label: t('class.play'),
        variant: 'primary',
      });
      rows.push({ name, best, stars, play });
    }
    const prev = new Button(this, {
      x: right.x + 16,
      y: right.y + right.height - 12 - 44,
      width: 120,
      height: 44,
      id: 'class:page:prev',
      label: '‹',
    });
    const next = new Button(this, {
      x: right.x + right.width - 16 - 120,
      y: right.y + right.height - 12 - 44,
      width: 120,
      height: 44,
      id: 'class:page:next',
      label: '›',
    });
    const pageLabel = this.add
      .text(right.x + right.width / 2, right.y + right.height - 12 - 22, '', TEXT.small)
      .setOrigin(0.5, 0.5);
    const problemLine = this.add
      .text(portrait ? pad : pad + 220, bottomY + 4, '', {
        ...TEXT.small,
        color: CSS.warning,
        wordWrap: { width: portrait ? W - 2 * pad - 150 : W - 2 * pad - 220, useAdvancedWrap: true },
      })
      .setOrigin(0, 0)
      .setX(portrait ? pad + 150 : pad + 220);
    const back = new Button(this, {
      x: pad,
      y: bottomY,
      width: portrait ? 140 : 180,
      height: 52,
      id: 'class:back',
      label: t('class.back'),
    });
    screen.add(...rows.map((r) => r.play), prev, next, retry, leave, back);
    for (const r of rows) screen.onShutdown(() => r.stars.destroy());

    let rowLevels: string[] = [];
    let fetchedAt = performance.now();
    let lastStanding: ClassroomView['standing'] = null;
    const secondsLeft = (view: ClassroomView): number => {
      const c = view.standing?.competition ?? view.membership?.competition;
      if (!c) return 0;
      return Math.max(0, c.secondsLeft - (performance.now() - fetchedAt) / 1000);
    };

    const render = (view: ClassroomView): void => {
      const m = view.membership;
      if (!m) return;
      if (view.standing !== lastStanding) {
        lastStanding = view.standing;
        fetchedAt = performance.now();
      }
      const c = view.standing?.competition ?? m.competition;
      title.setText(c.title);
      let y = title.y + title.height + 10;
      codeLine.setText(t('class.codeLine', { code: c.code })).setY(y);
      y += codeLine.height + 8;
      const left = secondsLeft(view);
      const ended = c.state === 'ended' || (c.state === 'running' && left <= 0);
      stateLine
        .setText(
          c.state === 'draft'
            ? t('class.stateDraft')
            : ended
              ? t('class.stateEnded')
              : t('class.stateRunning', { time: formatDuration(left * 1000) }),
        )
        .setColor(c.state === 'draft' ? CSS.warning : ended ? CSS.muted : CSS.success)
        .setY(y);
      y += stateLine.height + 16;
      you.setText(t('class.you', { nickname: m.nickname })).setY(y);
      y += you.height + 6;
      const s = view.standing;
      // A rank means something once this student has a scored attempt.
      const ranked = !!s?.rank && (s.levels ? s.levels.some((l) => l.attempts > 0) : s.stars > 0);
      rank
        .setText(ranked ? t('class.rank', { rank: s!.rank!, players: s!.players }) : t('class.rankNone'))
        .setFontSize(ranked ? (portrait ? 26 : 34) : portrait ? 18 : 22)
        .setY(y);
      y += rank.height + 6;
      starsLine.setText(t('class.stars', { stars: s?.stars ?? 0 })).setY(y);
      y += starsLine.height + 12;
      mode
        .setText(
          c.variantMode === 'variant'
            ? t('class.variant', { seed: String(m.seed) })
            : t('class.same', { seed: String(m.seed) }),
        )
        .setY(y);
      y += mode.height + 12;
      const waiting = view.items.filter((i) => i.state === 'pending');
      const retryIn = view.nextRetryAt !== null ? Math.max(1, Math.ceil((view.nextRetryAt - Date.now()) / 1000)) : null;
      outbox
        .setText(
          waiting.length === 0
            ? t('class.outboxEmpty')
            : view.reachable === false && retryIn !== null
              ? t('class.outboxRetry', { count: waiting.length, seconds: retryIn })
              : t('class.outboxPending', { count: waiting.length }),
        )
        .setColor(waiting.length === 0 ? CSS.muted : view.reachable === false ? CSS.warning : CSS.text)
        .setY(y);
      if (recent) {
        const latest = view.items.slice(-5).reverse();
        recent
          .setText(
            latest
              .map((item) => {
                const lv = getLevel(item.levelId);
                const name = lv ? `${lv.world}.${lv.order} ${localize(lv.title, locale)}` : item.levelId;
                if (item.state === 'sent' && item.result && lv)
                  return `✓ ${name}: ${formatMetricValue(item.result.score, lv.metric.unit, locale)}, ${'★'.repeat(item.result.stars)}${'☆'.repeat(3 - item.result.stars)}`;
                if (item.state === 'refused')
                  return `✗ ${name}: ${t('class.refused', { message: item.message ?? '' })}`;
                return `… ${name}`;
              })
              .join('\n'),
          )
          .setY(outbox.y + outbox.height + 14);
      }
      retry.setEnabled(waiting.length > 0);
      leave.setEnabled(waiting.length === 0);
      problemLine.setText(view.problem ?? '');

      // Levels, paged.
      const ids = c.levels;
      const pages = Math.max(1, Math.ceil(ids.length / perPage));
      page = Math.min(page, pages - 1);
      rowLevels = ids.slice(page * perPage, page * perPage + perPage);
      rows.forEach((row, i) => {
        const id = rowLevels[i];
        const level = id ? getLevel(id) : undefined;
        const shown = id !== undefined;
        row.name.setVisible(shown);
        row.best.setVisible(shown);
        row.stars.setVisible(shown && !!level);
        row.play.setVisible(shown && !!level).setEnabled(shown && !!level && !ended);
        // Stable ids by level for the tests: class:play:<levelId> is the row showing that level.
        row.play.setAlias(shown ? `class:play:${id}` : null);
        if (!shown) return;
        if (!level) {
          row.name.setText(id);
          row.best.setText(t('class.unknownLevel', { id }));
          return;
        }
        row.name.setText(`${level.world}.${level.order}  ${localize(level.title, locale)}`);
        const mine = s?.levels?.find((l) => l.levelId === id);
        row.best.setText(
          mine && mine.attempts > 0 && mine.bestScore !== null
            ? t('class.best', {
                score: formatMetricValue(mine.bestScore, level.metric.unit, locale),
                attempts: mine.attempts,
              })
            : t('class.notPlayed'),
        );
        row.stars.set(mine?.stars ?? 0, false);
      });
      const paged = pages > 1;
      prev.setVisible(paged).setEnabled(paged && page > 0);
      next.setVisible(paged).setEnabled(paged && page < pages - 1);
      pageLabel.setText(paged ? `${page + 1} / ${pages}` : '');
    };

    rows.forEach((row, i) => {
      row.play.events.on('press', () => {
        const id = rowLevels[i];
        if (id && getLevel(id)) this.scene.start(SCENES.level, { levelId: id });
      });
    });
    prev.events.on('press', () => {
      page = Math.max(0, page - 1);
      render(store.getState().classroom);
    });
    next.events.on('press', () => {
      page += 1;
      render(store.getState().classroom);
    });
    retry.events.on('press', () => classroom.retryNow());
    leave.events.on('press', () => {
      const out = classroom.leave();
      if (out.ok) this.scene.restart({});
      else problemLine.setText(out.message);
    });
    back.events.on('press', () => this.scene.start(SCENES.title));

    screen.onShutdown(watch(store, (st) => st.classroom, render));
    render(store.getState().classroom);
    // The clock and the retry countdown tick once a second; the standing refreshes every 5 s while this is open.
    const tick = this.time.addEvent({ delay: 1000, loop: true, callback: () => render(store.getState().classroom) });
    classroom.startPolling(5000);
    screen.onShutdown(() => {
      tick.remove();
      classroom.stopPolling();
    });
    screen.focus.focus(rows[0].play.canFocus() ? rows[0].play : back, false);
  }
}
