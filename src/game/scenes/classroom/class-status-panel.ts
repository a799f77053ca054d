import type * as Phaser from 'phaser';
import { formatMetricValue, getLevel, localize } from '../../../shared/levels';
import { getLocale, t } from '../../../shared/messages';
import type { ClassroomView } from '../../classroom/classroom-service';
import { problemText } from '../../classroom/problem-text';
import { Button } from '../../ui/Button';
import { Panel } from '../../ui/Panel';
import { CSS, TEXT, type Rect } from '../../ui/theme';
import { formatDuration } from '../../view/format';

/**
 * The class screen's status panel: the competition and its time left, you, your rank and stars, the variant
 * mode, the outbox (attempts waiting for the server; Retry now) and, in landscape, the latest attempts.
 * Widget ids: class:retry  class:leave
 */
export interface ClassStatusPanel {
  readonly retry: Button;
  readonly leave: Button;
  /** Redraws from the store's view; returns whether the competition is over (no more Play). */
  render(view: ClassroomView): { ended: boolean };
}

export function buildClassStatusPanel(scene: Phaser.Scene, left: Rect, portrait: boolean): ClassStatusPanel {
  const locale = getLocale();
  new Panel(scene, left);
  const lx = left.x + 20;
  const lw = left.width - 40;
  const title = scene.add.text(lx, left.y + 18, '', {
    ...TEXT.title,
    fontSize: portrait ? '24px' : '30px',
    wordWrap: { width: lw, useAdvancedWrap: true },
  });
  const codeLine = scene.add.text(lx, 0, '', { ...TEXT.value, fontSize: portrait ? '22px' : '26px' });
  const stateLine = scene.add.text(lx, 0, '', { ...TEXT.heading, fontSize: portrait ? '20px' : '24px' });
  const you = scene.add.text(lx, 0, '', { ...TEXT.body, fontSize: portrait ? '17px' : '19px' });
  const rank = scene.add.text(lx, 0, '', { ...TEXT.title, fontSize: portrait ? '26px' : '34px', color: CSS.accent });
  const starsLine = scene.add.text(lx, 0, '', TEXT.body);
  const mode = scene.add.text(lx, 0, '', { ...TEXT.small, wordWrap: { width: lw, useAdvancedWrap: true } });
  const outbox = scene.add.text(lx, 0, '', {
    ...TEXT.body,
    fontSize: portrait ? '15px' : '16px',
    wordWrap: { width: lw, useAdvancedWrap: true },
  });
  // Landscape: the latest attempts and what the server made of each.
  const recent = portrait
    ? null
    : scene.add.text(lx, 0, '', { ...TEXT.small, lineSpacing: 6, wordWrap: { width: lw, useAdvancedWrap: true } });
  const buttonsY = left.y + left.height - 20 - 48;
  const retry = new Button(scene, {
    x: lx,
    y: buttonsY,
    width: Math.floor(lw / 2) - 6,
    height: 48,
    id: 'class:retry',
    label: t('class.retryNow'),
  });
  const leave = new Button(scene, {
    x: lx + Math.floor(lw / 2) + 6,
    y: buttonsY,
    width: Math.floor(lw / 2) - 6,
    height: 48,
    id: 'class:leave',
    label: t('class.leave'),
    variant: 'danger',
  });

  let fetchedAt = performance.now();
  let lastStanding: ClassroomView['standing'] = null;
  const secondsLeft = (view: ClassroomView): number => {
    const c = view.standing?.competition ?? view.membership?.competition;
    if (!c) return 0;
    return Math.max(0, c.secondsLeft - (performance.now() - fetchedAt) / 1000);
  };

  const render = (view: ClassroomView): { ended: boolean } => {
    const m = view.membership!;
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
              if (item.state === 'sent' && item.result && lv) {
                // Where the score stands: scored (from the uploaded model), verified, or corrected and why.
                const v = item.result.verification;
                const value = (x: number): string => formatMetricValue(x, lv.metric.unit, locale);
                const state =
                  v === 'corrected'
                    ? t('class.attemptCorrected', { uploaded: value(item.result.evaluatedScore ?? item.result.score) })
                    : v === 'pending' || v === 'unchecked' || v === 'failed'
                      ? t('class.attemptScored')
                      : t('class.attemptVerified');
                return `✓ ${name}: ${value(item.result.score)}, ${'★'.repeat(item.result.stars)}${'☆'.repeat(3 - item.result.stars)} · ${state}`;
              }
              if (item.state === 'refused') return `✗ ${name}: ${t('class.refused', { message: problemText(item) })}`;
              // The device had no room to keep the model: after a reload the server re-trains the settings.
              if (item.modelNotKept) return `… ${name}: ${t('class.attemptSent')} · ${t('class.modelNotKept')}`;
              return `… ${name}: ${t('class.attemptSent')}`;
            })
            .join('\n'),
        )
        .setY(outbox.y + outbox.height + 14);
    }
    retry.setEnabled(waiting.length > 0);
    leave.setEnabled(waiting.length === 0);
    return { ended };
  };
  return { retry, leave, render };
}
