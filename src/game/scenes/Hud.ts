import * as Phaser from 'phaser';
import { formatMetricValue, goalText } from '../../shared/levels/format';
import { localize } from '../../shared/levels/text';
import { SEEDS } from '../../shared/levels/seeds';
import { getLocale, t } from '../../shared/messages';
import { playSfx } from '../audio/sfx';
import { getContext } from '../context';
import { timed } from '../render-timing';
import { levelLinkButton } from '../share/level-link';
import { levelSettled, resultPending, setResultPending } from '../level/current';
import { layoutLevel } from '../level/layout';
import type { LevelSession } from '../level/shell/level-session';
import { Button } from '../ui/Button';
import type { ScrolledRegistry } from '../ui/camera-scroll';
import { ConceptCard } from '../ui/ConceptCard';
import { FocusManager } from '../ui/FocusManager';
import { GoalMeter } from '../ui/GoalMeter';
import { HintBox } from '../ui/HintBox';
import { fitText } from '../ui/fit-text';
import { drawStar } from '../ui/stars';
import { COLORS, CSS, RADIUS, TEXT } from '../ui/theme';
import { bindWidgetIds, registerId } from '../ui/widget-ids';
import { attemptShortfall } from '../view/attempt-checks';
import { formatDuration } from '../view/format';

/** Most frames a result card waits for the level's widgets to be drawn before it shows anyway. */
const RESULT_WAIT_FRAMES = 4;
/** Width kept for the timer ("Czas 1:02:03"). */
const TIMER_ROOM = 110;

/** What the Level scene hands the HUD when it launches it. */
export interface HudData {
  session: LevelSession;
  /** The Level scene's registry: HUD ids (level:concept, level:leave, level:start, hud:hint…) go in it too, unscrolled. */
  registry: ScrolledRegistry;
  /** The Level scene's focus order: the HUD's always-on buttons join it. */
  levelFocus: FocusManager;
  /** Modal cards switch the Level scene's input off beneath them. */
  setLevelInput(on: boolean): void;
  leave(): void;
  results(): void;
}

/**
 * The level's HUD, a scene running on top of Level: title and goal sentence, the goal meter with the star
 * lines, the timer, Concept and Leave, the hint strip (hints unlock over time), and the modal cards (the concept
 * card before play and on demand; the result card after a scored attempt).
 */
export class Hud extends Phaser.Scene {
  private tick: (() => void) | null = null;

  constructor() {
    super('Hud');
  }

  create(data: HudData): void {
    const { session, registry, levelFocus } = data;
    // HUD widgets register their own ids in the Level's registry, unscrolled.
    bindWidgetIds(this, registry, { fixed: true });
    const level = session.level;
    const locale = getLocale();
    const L = layoutLevel(this.scale.width, this.scale.height);
    const screen = { width: this.scale.width, height: this.scale.height };
    const cleanup: (() => void)[] = [];

    // ---- top bar (and, on phones, a bottom dock under the hint strip) ----
    // Opaque: on phones the level's column scrolls beneath both, and anything see-through lets its text ghost
    // through the title, the goal and the hint.
    const bar = this.add.graphics();
    bar.fillStyle(COLORS.panel, 1).fillRect(L.topBar.x, L.topBar.y, L.topBar.width, L.topBar.height);
    bar
      .lineStyle(1, COLORS.panelBorder, 1)
      .lineBetween(0, L.topBar.height - 0.5, L.topBar.width, L.topBar.height - 0.5);
    if (L.portrait) {
      // From where the column's last card ends when scrolled to the end (8 px above the strip) to the bottom,
      // so nothing shows around the strip's rounded corners or in the margin beneath it.
      const dockTop = L.hint.y - 8;
      bar.fillStyle(COLORS.panel, 1).fillRect(0, dockTop, screen.width, screen.height - dockTop);
      bar.lineStyle(1, COLORS.panelBorder, 1).lineBetween(0, dockTop + 0.5, screen.width, dockTop + 0.5);
    }
    // The title's row is shared with Concept and Leave (landscape: the meter): kicker, title and goal each fit
    // their box by rule (fit-text.ts), so a long Polish or Czech title shrinks rather than running under them.
    const titleRoom = (L.portrait ? L.concept.x : L.meter.x) - 12 - L.title.x;
    const kicker = this.add.text(
      L.title.x,
      L.title.y,
      t('level.worldOrder', { world: level.world, order: level.order }).toUpperCase(),
      { ...TEXT.section, color: CSS.accent },
    );
    fitText(kicker, { width: titleRoom });
    const title = this.add.text(L.title.x, L.title.y + kicker.height + 2, localize(level.title, locale), {
      ...TEXT.title,
      fontSize: L.portrait ? '22px' : '24px',
    });
    fitText(title, { width: titleRoom, height: L.goal.y - 2 - title.y });
    // Two lines at most, down to the meter (portrait) or the bar's bottom (landscape).
    const goal = this.add.text(L.goal.x, L.goal.y, `${t('level.goal')}: ${goalText(level, locale)}`, {
      ...TEXT.bodyMuted,
      fontSize: L.portrait ? '14px' : '15px',
      wordWrap: { width: L.goal.wrap, useAdvancedWrap: true },
    });
    fitText(goal, { width: L.goal.wrap, height: (L.portrait ? L.meter.y : L.topBar.height) - 4 - L.goal.y }, true);
    const meter = new GoalMeter(this, 'hud:meter', L.meter);
    const concept = new Button(this, {
      ...L.concept,
      id: 'level:concept',
      label: `? ${t('level.concept')}`,
    });
    const leave = new Button(this, { ...L.leave, id: 'level:leave', label: t('level.leave'), variant: 'danger' });
    const timer = this.add.text(L.timer.x, L.timer.y, '', { ...TEXT.value, color: CSS.muted }).setOrigin(1, 0);
    const hint = new HintBox(this, 'hud:hint', L.hint);
    let hintShown = -1;

    const metric = localize(level.metric.label, locale);
    const cmp = level.metric.direction === 'lower' ? '≤' : '≥';
    const starLabels = level.stars.map(
      (s) => `${cmp} ${formatMetricValue(s, level.metric.unit, locale)}`,
    ) as unknown as [string, string, string];

    // ---- concept card (modal) ----
    const card = new ConceptCard(
      this,
      L.card,
      {
        kicker: t('level.worldOrder', { world: level.world, order: level.order }),
        levelTitle: localize(level.title, locale),
        cardTitle: localize(level.card.title, locale),
        lines: level.card.lines.map((l) => localize(l, locale)),
        formula: level.card.formula,
        formulaLegend: localize(level.card.formulaLegend, locale),
        seed: t('level.seed', { ...SEEDS[level.card.seed.file], idea: level.card.seed.idea }),
        goalLabel: t('level.goal'),
        goal: goalText(level, locale),
        buttonLabel: t('level.start'),
      },
      screen,
    );

    // ---- result card (modal) ----
    const resultObjects: Phaser.GameObjects.GameObject[] = [];
    const R = L.result;
    const resultBlocker = this.add.zone(0, 0, screen.width, screen.height).setOrigin(0, 0);
    const resultGfx = this.add.graphics();
    const resultTitle = this.add
      .text(R.x + R.width / 2, R.y + 86, '', {
        ...TEXT.title,
        fontSize: '28px',
        align: 'center',
        wordWrap: { width: R.width - 40, useAdvancedWrap: true },
      })
      .setOrigin(0.5, 0);
    const resultBody = this.add
      .text(R.x + R.width / 2, R.y + 126, '', {
        ...TEXT.bodyMuted,
        lineSpacing: 4,
        align: 'center',
        wordWrap: { width: R.width - 40, useAdvancedWrap: true },
      })
      .setOrigin(0.5, 0);
    // What failed, in the level's own numbers (Not yet only), between the title and the score.
    const resultMisses = this.add
      .text(R.x + R.width / 2, R.y + 126, '', {
        ...TEXT.body,
        color: CSS.warning,
        lineSpacing: 4,
        align: 'center',
        wordWrap: { width: R.width - 40, useAdvancedWrap: true },
      })
      .setOrigin(0.5, 0);
    resultObjects.push(resultBlocker, resultGfx, resultTitle, resultMisses, resultBody);
    const bw = (R.width - 32 - 24) / 3;
    const retry = new Button(this, {
      x: R.x + 16,
      y: R.y + R.height - 64,
      width: bw,
      height: 48,
      id: 'level:retry',
      label: t('level.retry'),
    });
    const cont = new Button(this, {
      x: R.x + 16 + bw + 12,
      y: R.y + R.height - 64,
      width: bw,
      height: 48,
      id: 'level:continue',
      label: t('level.continue'),
      variant: 'primary',
    });
    const link = levelLinkButton(this, data.session);

    // ---- modal focus: while a card shows, only its buttons take keys and pointers ----
    let modalFocus: FocusManager | null = null;
    let resultFor: unknown = null;
    /** The game frame in which the latest result came (its card waits for the level's redraw, a few frames at most). */
    let resultDueFrame = 0;
    const setModal = (buttons: Button[] | null): void => {
      modalFocus?.destroy();
      modalFocus = null;
      data.setLevelInput(buttons === null);
      for (const b of [concept, leave]) b.setEnabled(buttons === null);
      if (buttons) {
        modalFocus = new FocusManager(this).register(...buttons);
        modalFocus.focus(buttons[buttons.length - 1], false);
      }
    };
    /** The card shows because the level has not started (not opened with Concept): starting it closes the card. */
    let cardBeforeStart = false;
    const showCard = (visible: boolean): void => {
      cardBeforeStart = visible && session.status === 'card';
      card.setVisible(visible);
      card.button.setLabel(session.started ? t('level.backToLevel') : t('level.start'));
      setModal(visible ? [card.button] : null);
    };
    const showResult = (visible: boolean): void => {
      for (const o of resultObjects) (o as unknown as Phaser.GameObjects.Components.Visible).setVisible(visible);
      if (visible) resultBlocker.setInteractive();
      else resultBlocker.disableInteractive();
      for (const b of [retry, link, cont]) b.setVisible(visible).setEnabled(visible);
      if (visible) link.setLabel(t('link.copy'));
      if (visible) drawResult();
      setModal(visible ? [retry, link, cont] : null);
    };
    const drawResult = (): void => {
      const r = session.result;
      if (!r) return;
      const value = formatMetricValue(r.score, level.metric.unit, locale);
      const next = r.stars < 3 ? (starLabels as readonly string[])[r.stars] : null;
      const advice = !r.goalMet
        ? t('level.goalHint', { goal: goalText(level, locale) })
        : next
          ? t('level.nextStar', { value: next })
          : t('level.allStars');
      const lines = starLabels.map((s, i) => t('level.starLine', { stars: i + 1, value: s })).join('   ·   ');
      resultTitle.setText(r.goalMet ? t('level.resultWon') : t('level.resultMissed'));
      const misses = attemptShortfall(level, r, locale);
      resultMisses.setText(misses.join('\n')).setVisible(misses.length > 0);
      resultBody.setText(`${t('level.resultScore', { metric, value })}\n${advice}\n${lines}`);
      // All fit the card's width, and together the screen's height (fit-text.ts); the card is sized to them.
      fitText(resultTitle, { width: R.width - 40, height: 80 }, true);
      const fixed = 84 + resultTitle.displayHeight + 8 + 20 + 48 + 18;
      const room = Math.max(80, screen.height - 32 - fixed);
      if (misses.length > 0) fitText(resultMisses, { width: R.width - 40, height: room / 2 }, true);
      const missesH = misses.length > 0 ? resultMisses.displayHeight + 8 : 0;
      fitText(resultBody, { width: R.width - 40, height: Math.max(40, room - missesH) }, true);
      // Sized to its text, centred on the screen.
      const height = fixed + missesH + resultBody.displayHeight;
      const top = Math.round((screen.height - height) / 2);
      resultTitle.setY(top + 84);
      resultMisses.setY(top + 84 + resultTitle.displayHeight + 8);
      resultBody.setY(top + 84 + resultTitle.displayHeight + 8 + missesH);
      const by = top + height - 48 - 18;
      retry.layout({ x: R.x + 16, y: by, width: bw, height: 48 });
      link.layout({ x: R.x + 16 + bw + 12, y: by, width: bw, height: 48 });
      cont.layout({ x: R.x + 16 + 2 * (bw + 12), y: by, width: bw, height: 48 });
      const g = resultGfx.clear();
      g.fillStyle(0x05080f, 0.6).fillRect(0, 0, screen.width, screen.height);
      g.fillStyle(COLORS.panel, 1).fillRoundedRect(R.x, top, R.width, height, RADIUS + 8);
      g.lineStyle(2, r.goalMet ? COLORS.success : COLORS.warning, 0.8).strokeRoundedRect(
        R.x + 1,
        top + 1,
        R.width - 2,
        height - 2,
        RADIUS + 8,
      );
      for (let i = 0; i < 3; i++) drawStar(g, R.x + R.width / 2 + (i - 1) * 64, top + 46, 26, r.stars > i);
    };
    showResult(false);

    card.button.events.on('press', () => {
      session.start();
      showCard(false);
    });
    concept.events.on('press', () => showCard(true));
    leave.events.on('press', () => data.leave());
    retry.events.on('press', () => showResult(false));
    cont.events.on('press', () => data.results());
    hint.events.on('press', () => {
      const n = session.hintsUnlocked();
      if (n > 0) hintShown = (hintShown + 1) % n;
      updateHint(true);
    });

    // ---- live parts ----
    const updateMeter = (): void => {
      const best = session.best;
      meter.set({
        fraction: session.meter(),
        caption: best
          ? t('level.meterValue', { metric, value: formatMetricValue(best.score, level.metric.unit, locale) })
          : t('level.meterEmpty'),
        shortCaption: best
          ? t('level.meterBest', { value: formatMetricValue(best.score, level.metric.unit, locale) })
          : t('level.meterEmpty'),
        starLabels,
        stars: best?.stars ?? 0,
        // Phones: the timer sits at the right end of the caption's row.
        captionWidth: L.portrait ? L.meter.width - TIMER_ROOM - 8 : undefined,
      });
    };
    let lastUnlocked = -1;
    const updateHint = (force = false): void => {
      const n = session.hintsUnlocked();
      const total = level.hints.length;
      if (n !== lastUnlocked) {
        lastUnlocked = n;
        hintShown = n - 1;
      } else if (!force && n === 0) {
        // Only the countdown changes.
      }
      const nextIn = session.nextHintInMs();
      if (total === 0)
        hint.set({ title: t('level.hint', { n: 0, total: 0 }), text: t('level.hintNone'), pressable: false });
      else if (n === 0)
        hint.set({
          title: t('level.hintLocked', { n: 1, time: formatDuration(nextIn ?? 0) }),
          text: t('level.hintWaiting'),
          pressable: false,
        });
      else {
        const i = Math.max(0, Math.min(n - 1, hintShown));
        const more =
          nextIn !== null
            ? `  ·  ${t('level.hintLocked', { n: n + 1, time: formatDuration(nextIn) })}`
            : n > 1
              ? `  ·  ${t('level.hintAllShown')}`
              : '';
        hint.set({
          title: `${t('level.hint', { n: i + 1, total })}${more}`,
          text: localize(level.hints[i].text, locale),
          pressable: n > 1,
        });
      }
    };
    cleanup.push(
      session.events.on('change', () => {
        timed('hud:meter', updateMeter);
        // Started from elsewhere than the card's button (the bench, a test driving the session): the card goes.
        if (cardBeforeStart && session.status !== 'card') showCard(false);
        if (session.status === 'done' && session.result && resultFor !== session.result) {
          resultFor = session.result;
          // Shown in a frame of its own once the level's widgets are drawn (the run's last frame is busy enough);
          // a level that redraws every frame (a live decode) waits a few frames at most.
          setResultPending(true);
          resultDueFrame = this.game.loop.frame;
        }
      }),
    );
    const showDueResult = (): void => {
      const r = session.result;
      setResultPending(false);
      // A new run started (or the level was left) before the frame came: that result has no card.
      if (session.status !== 'done' || !r || r !== resultFor) return;
      timed('hud:result', () => showResult(true));
      getContext(this).renderGate?.invalidate();
      playSfx(r.goalMet ? 'success' : 'fail');
    };
    let lastSecond = -1;
    this.tick = () => {
      const frame = this.game.loop.frame;
      if (resultPending() && (levelSettled(frame) || frame - resultDueFrame >= RESULT_WAIT_FRAMES)) showDueResult();
      const s = Math.floor(session.elapsedMs() / 1000);
      if (s === lastSecond) return;
      lastSecond = s;
      timer.setText(t('level.timer', { time: formatDuration(session.elapsedMs()) }));
      fitText(timer, { width: TIMER_ROOM, height: 24 });
      updateHint();
      // While a level trains the Canvas renderer draws only after a change (Level.ts): the clock is one.
      getContext(this).renderGate?.invalidate();
    };
    updateMeter();
    this.tick();
    showCard(session.status === 'card');

    // ---- focus and test ids (the widgets register their own; these two also vanish while a modal disables them) ----
    levelFocus.register(hint, concept, leave);
    registerId(this, 'level:concept', () => (concept.isEnabled() ? concept.getBounds() : null));
    registerId(this, 'level:leave', () => (leave.isEnabled() ? leave.getBounds() : null));
    registerId(this, 'level:shortfall', () =>
      resultMisses.visible && resultMisses.text !== '' ? resultMisses.getBounds() : null,
    );

    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      for (const off of cleanup.splice(0)) off();
      this.tick = null;
      setResultPending(false);
      modalFocus?.destroy();
      modalFocus = null;
      card.destroy();
      for (const w of [meter, concept, leave, hint, retry, link, cont]) w.destroy();
    });
  }

  override update(): void {
    this.tick?.();
  }
}
