import * as Phaser from 'phaser';
import { goTo } from '../scene-loader';
import { t } from '../../shared/messages';
import type { ClassroomView } from '../classroom/classroom-service';
import { problemText } from '../classroom/problem-text';
import { watch } from '../state';
import { Button } from '../ui/Button';
import { CSS, TEXT, type Rect } from '../ui/theme';
import { buildClassLevelList } from './classroom/class-level-list';
import { buildJoinForm } from './classroom/class-join-form';
import { buildClassStatusPanel } from './classroom/class-status-panel';
import { SCENES, beginScreen, type Screen } from './screen-kit';

export interface ClassroomSceneData {
  /** Prefill of the join code (the QR code's ?join=CODE). */
  code?: string;
}

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
    else buildJoinForm(this, screen, data?.code ?? context.url.join ?? '');
    screen.ready();
  }

  // ── the class: status panel (left / top) + level list (right / below) ──────────────────────────────────────

  private buildClass(screen: Screen): void {
    const { width: W, height: H, portrait, context } = screen;
    const { classroom, store } = context;
    const pad = portrait ? 16 : 40;
    const bottomY = H - 76;
    const left: Rect = portrait
      ? { x: pad, y: 16, width: W - 2 * pad, height: 372 }
      : { x: pad, y: 32, width: 500, height: bottomY - 32 - 16 };
    const right: Rect = portrait
      ? { x: pad, y: left.y + left.height + 12, width: W - 2 * pad, height: bottomY - (left.y + left.height + 12) - 12 }
      : { x: pad + 520, y: 32, width: W - 2 * pad - 520, height: bottomY - 32 - 16 };

    const status = buildClassStatusPanel(this, left, portrait);
    const levels = buildClassLevelList(this, right, portrait);
    const { retry, leave } = status;
    const { rows, prev, next } = levels;
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

    const render = (view: ClassroomView): void => {
      if (!view.membership) return;
      const { ended } = status.render(view);
      problemLine.setText(view.problem ? problemText(view.problem) : '');
      levels.render(view, ended);
    };

    levels.wire(() => render(store.getState().classroom));
    retry.events.on('press', () => classroom.retryNow());
    leave.events.on('press', () => {
      const out = classroom.leave();
      if (out.ok) this.scene.restart({});
      else problemLine.setText(problemText(out.problem));
    });
    back.events.on('press', () => goTo(this, SCENES.title));

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
