import * as Phaser from 'phaser';
import { goTo } from '../scene-loader';
import { formatMetricValue, getLevel, localize, nextLevel } from '../../shared/levels';
import { tryOwnFor } from '../../shared/drawing';
import { getLocale, t } from '../../shared/messages';
import { playSfx } from '../audio/sfx';
import { problemText } from '../classroom/problem-text';
import { isLevelOpen, watch } from '../state';
import { Button } from '../ui/Button';
import { Panel } from '../ui/Panel';
import { StarRow } from '../ui/StarRow';
import { CSS, TEXT, type Rect } from '../ui/theme';
import { withId } from '../ui/widget-ids';
import { resultDetailLines } from '../view/results-detail';
import type { GoalCheck } from '../../shared/levels/shortfall';
import { shortfallLines, takeaway } from '../../shared/levels/shortfall-text';
import { SCENES, beginScreen } from './screen-kit';

/** What the Level scene passes when an attempt ends (after `recordLevelResult`). */
export interface ResultsData {
  levelId: string;
  score: number;
  stars: number;
  goalMet: boolean;
  /** Extra numbers of the scorer, shown under the score when the Results screen has words for them. */
  detail?: Readonly<Record<string, number>>;
  /** Lines to show under "What you learned" instead of the concept card's. */
  learned?: readonly string[];
  /** The attempt's goal checks (the HUD card's "Not yet" lines, and the takeaway). */
  checks?: readonly GoalCheck[];
  /** The attempt's control values (trained levels). */
  values?: Readonly<Record<string, unknown>>;
}

/**
 * The end of an attempt: stars (popping in one by one unless reduced motion is on), the score and the best so
 * far, "what you learned" (the level's concept card), and Next level / Retry / World map.
 * Widget ids: results:next  results:retry  results:map  results:stars  results:detail  results:class
 */
export class Results extends Phaser.Scene {
  constructor() {
    super('Results');
  }

  create(data: ResultsData): void {
    const screen = beginScreen(this, data);
    const { width: W, height: H, portrait, context } = screen;
    const locale = getLocale();
    const level = getLevel(data?.levelId ?? '');
    const state = context.store.getState();
    const stars = Math.max(0, Math.min(3, Math.round(Number(data?.stars) || 0)));
    const reduced = state.settings.reducedMotion;
    const inClass = !!level && context.classroom.playsLevel(level.id);

    // The scorer's numbers in words (unknown keys are left out); phones get shorter lines for the narrow panel.
    // After a miss, the result card's lines come first (what failed, in numbers), then one line of detail.
    const checks = data?.checks ?? [];
    const misses = level && !data?.goalMet ? shortfallLines(level, checks, locale).slice(0, 2) : [];
    const detailLines = [
      ...misses,
      ...resultDetailLines(data?.detail, locale, portrait ? 44 : 60).slice(0, misses.length > 0 ? 1 : 2),
    ];
    const detailLineH = portrait ? 19 : 21;
    // Rows once wrapped (a failure line can run past one row on a phone).
    const detailRows = detailLines.reduce((n, l) => n + Math.max(1, Math.ceil(l.length / (portrait ? 42 : 58))), 0);

    // ---- layout ----
    const pad = portrait ? 16 : 40;
    const buttonsH = 56;
    let buttonsY = H - buttonsH - (portrait ? 20 : 28);
    let left: Rect;
    let right: Rect;
    if (portrait) {
      left = { x: pad, y: 20, width: W - 2 * pad, height: (inClass ? 400 : 330) + detailRows * detailLineH };
      right = {
        x: pad,
        y: left.y + left.height + 12,
        width: W - 2 * pad,
        height: buttonsY - 16 - (left.y + left.height + 12),
      };
    } else {
      // Panels and buttons as one group, centred vertically.
      const h = Math.min(H - 2 * 28 - 24 - buttonsH, 460);
      const top = Math.max(28, Math.round((H - (h + 24 + buttonsH)) / 2));
      buttonsY = top + h + 24;
      left = { x: pad, y: top, width: 500, height: h };
      right = { x: pad + 520, y: top, width: W - 2 * pad - 520, height: h };
    }

    // ---- score side ----
    new Panel(this, left);
    const cx = left.x + left.width / 2;
    let y = left.y + (portrait ? 22 : 40);
    if (level) {
      this.add
        .text(
          cx,
          y,
          t('world.label', { world: level.world }).toUpperCase() + ` · ${level.world}.${level.order}`,
          TEXT.section,
        )
        .setOrigin(0.5, 0);
      y += 26;
      this.add
        .text(cx, y, localize(level.title, locale), {
          ...TEXT.title,
          fontSize: portrait ? '26px' : '30px',
          align: 'center',
          wordWrap: { width: left.width - 32, useAdvancedWrap: true },
        })
        .setOrigin(0.5, 0);
      y += portrait ? 44 : 54;
    }
    this.add
      .text(cx, y, data?.goalMet ? t('results.goalMet') : t('results.goalMissed'), {
        ...TEXT.heading,
        fontSize: portrait ? '22px' : '26px',
        color: data?.goalMet ? CSS.success : CSS.warning,
      })
      .setOrigin(0.5, 0);
    y += portrait ? 70 : 96;
    const starSize = portrait ? 30 : 40;
    const starRow = new StarRow(this, { x: cx, y, size: starSize, gap: starSize * 0.5, id: 'results:stars' });
    starRow.set(stars, !reduced);
    for (let i = 0; i < stars; i++) playSfx('star', { index: i }, reduced ? i * 0.12 : 0.25 + i * 0.32 + 0.2);
    if (!reduced) {
      context.renderGate?.setContinuous(true);
      this.time.delayedCall(1800, () => context.renderGate?.setContinuous(false));
    }
    this.add.text(cx, y + starSize + 8, t('results.starsLabel', { stars }), TEXT.small).setOrigin(0.5, 0);
    // Landscape has no height to spare: the detail lines take their room from the gap under the stars.
    y += starSize + (portrait ? 44 : detailLines.length > 0 ? 56 : 70);
    const fmt = (v: number): string => (level ? formatMetricValue(v, level.metric.unit, locale) : String(v));
    const metric = level ? `${localize(level.metric.label, locale)} · ` : '';
    this.add
      .text(cx, y, t('results.score', { score: fmt(Number(data?.score)) }), {
        ...TEXT.heading,
        fontSize: portrait ? '20px' : '22px',
      })
      .setOrigin(0.5, 0);
    y += 32;
    if (detailLines.length > 0) {
      const detailText = withId(
        'results:detail',
        this.add
          .text(cx, y, detailLines.join('\n'), {
            ...TEXT.small,
            fontSize: portrait ? '14px' : '15px',
            color: CSS.text,
            align: 'center',
            lineSpacing: portrait ? 2 : 4,
            wordWrap: { width: left.width - 32, useAdvancedWrap: true },
          })
          .setOrigin(0.5, 0),
      );
      y += Math.max(detailText.height, detailLines.length * detailLineH) + 8;
    }
    const best = level ? state.progress.levels[level.id] : undefined;
    if (best)
      this.add
        .text(cx, y, metric + t('results.best', { score: fmt(best.bestScore) }), {
          ...TEXT.bodyMuted,
          align: 'center',
          wordWrap: { width: left.width - 32 },
        })
        .setOrigin(0.5, 0);
    if (inClass && level) {
      // The class's verdict on this attempt: the server's own score once it has re-scored it, and the rank.
      const classLine = withId(
        'results:class',
        this.add
          .text(cx, y + 30, '', {
            ...TEXT.body,
            align: 'center',
            wordWrap: { width: left.width - 32, useAdvancedWrap: true },
          })
          .setOrigin(0.5, 0),
      );
      // The rank moves as classmates finish: refresh the standing while this screen is open.
      context.classroom.startPolling(5000);
      screen.onShutdown(() => context.classroom.stopPolling());
      screen.onShutdown(
        watch(
          context.store,
          (s) => s.classroom,
          (view) => {
            const code = view.membership?.code ?? '';
            const item = context.classroom.latestFor(level.id);
            const lines: string[] = [];
            if (item?.state === 'sent' && item.result)
              lines.push(t('results.class.sent', { code, score: fmt(item.result.score), stars: item.result.stars }));
            else if (item?.state === 'refused')
              lines.push(t('results.class.refused', { code, message: problemText(item) }));
            else if (item) lines.push(t('results.class.pending', { code }));
            if (view.standing?.rank)
              lines.push(t('results.class.rank', { rank: view.standing.rank, players: view.standing.players }));
            classLine
              .setText(lines.join('\n'))
              .setColor(item?.state === 'refused' ? CSS.warning : item?.state === 'sent' ? CSS.text : CSS.muted);
          },
        ),
      );
    }

    // ---- what you learned ----
    new Panel(this, { ...right, title: t('results.learned') });
    if (level) {
      const card = level.card;
      const inner = right.width - 32;
      let ly = right.y + 42;
      const heading = this.add.text(right.x + 16, ly, localize(card.title, locale), {
        ...TEXT.heading,
        fontSize: portrait ? '19px' : '21px',
        wordWrap: { width: inner },
      });
      ly += heading.height + 10;
      // The player's own numbers first (their score against the next line, or what missed), then the card.
      const own = takeaway(
        level,
        { score: Number(data?.score), stars, goalMet: !!data?.goalMet, checks, values: data?.values },
        locale,
      );
      const lines = [own, ...(data?.learned?.length ? data.learned : card.lines.map((l) => localize(l, locale)))];
      const body = this.add.text(right.x + 16, ly, lines.map((l) => `•  ${l}`).join('\n'), {
        ...TEXT.body,
        fontSize: portrait ? '15px' : '17px',
        lineSpacing: portrait ? 4 : 7,
        wordWrap: { width: inner, useAdvancedWrap: true },
      });
      ly += body.height + 14;
      const formula = this.add.text(right.x + 16, ly, card.formula, {
        ...TEXT.value,
        fontSize: portrait ? '17px' : '20px',
        wordWrap: { width: inner, useAdvancedWrap: true },
      });
      ly += formula.height + 6;
      const legend = this.add.text(right.x + 16, ly, localize(card.formulaLegend, locale), {
        ...TEXT.small,
        wordWrap: { width: inner, useAdvancedWrap: true },
      });
      // Short screens: shrink the card text rather than spill out of the panel.
      const overflow = ly + legend.height - (right.y + right.height - 12);
      if (overflow > 0) body.setFontSize(portrait ? 13 : 15);
      if (overflow > 0) {
        formula.setY(body.y + body.height + 10);
        legend.setY(formula.y + formula.height + 4);
        if (legend.y + legend.height > right.y + right.height - 8) legend.setVisible(false);
      }
    }

    // ---- buttons ----
    const next = level ? nextLevel(level.id) : undefined;
    const nextOpen = !!next && isLevelOpen(context.store.getState().progress, next.id);
    // A won map or arithmetic level offers a fourth button: your own drawing through its model (#14).
    const own = level ? tryOwnFor(level, data.goalMet) : null;
    const n = own ? 4 : 3;
    const gap = portrait ? (own ? 6 : 10) : 16;
    const bw = portrait ? Math.floor((W - 2 * pad - (n - 1) * gap) / n) : 220;
    const bx = portrait ? pad : W / 2 - (n * bw + (n - 1) * gap) / 2;
    const nextB = new Button(this, {
      x: bx,
      y: buttonsY,
      width: bw,
      height: buttonsH,
      id: 'results:next',
      label: t('results.next'),
      variant: 'primary',
    });
    const retry = new Button(this, {
      x: bx + bw + gap,
      y: buttonsY,
      width: bw,
      height: buttonsH,
      id: 'results:retry',
      label: t('results.retry'),
    });
    const map = new Button(this, {
      x: bx + 2 * (bw + gap),
      y: buttonsY,
      width: bw,
      height: buttonsH,
      id: 'results:map',
      label: inClass ? t('results.class') : t('results.map'),
    });
    nextB.setEnabled(nextOpen);
    retry.setEnabled(!!level);
    screen.add(nextB, retry, map);
    nextB.events.on('press', () => next && goTo(this, SCENES.level, { levelId: next.id }));
    retry.events.on('press', () => level && goTo(this, SCENES.level, { levelId: level.id }));
    map.events.on('press', () => goTo(this, inClass ? SCENES.classroom : SCENES.map));
    if (own) {
      const tryOwn = new Button(this, {
        x: bx + 3 * (bw + gap),
        y: buttonsY,
        width: bw,
        height: buttonsH,
        id: 'results:tryOwn',
        label: t('results.tryOwn'),
      });
      screen.add(tryOwn);
      tryOwn.events.on('press', () =>
        goTo(this, SCENES.draw, { mode: own.mode, model: own.model, back: { scene: SCENES.results, data } }),
      );
    }
    screen.focus.focus(nextB.canFocus() ? nextB : retry.canFocus() ? retry : map, false);
    screen.ready();
  }
}
