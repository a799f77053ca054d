import * as Phaser from 'phaser';
import { goTo } from '../scene-loader';
import { getLevel } from '../../shared/levels/catalogue';
import { levelVariant } from '../../shared/levels/variants';
import type { GoalCheck } from '../../shared/levels/shortfall';
import { t } from '../../shared/messages';
import { getContext } from '../context';
import { noteLevelRedraw, setCurrentSession, setRedrawPending } from '../level/current';
import { FrameBudget, LEVEL_REDRAW_BUDGET_MS } from '../level/frame-budget';
import { layoutLevel, type LevelLayout } from '../level/layout';
import { modeOf } from '../level/modes';
import { LevelSession } from '../level/shell/level-session';
import { timed } from '../render-timing';
import { settingsOfPayload, type LevelLink } from '../share/startup-link';
import { addBackdrop } from '../ui/backdrop';
import { Button } from '../ui/Button';
import { installCameraScroll, ScrolledRegistry } from '../ui/camera-scroll';
import { FocusManager } from '../ui/FocusManager';
import { Label } from '../ui/Label';
import { Panel } from '../ui/Panel';
import { ProgressBar } from '../ui/ProgressBar';
import { COLORS } from '../ui/theme';
import { bindWidgetIds } from '../ui/widget-ids';
import { attemptChecks } from '../view/attempt-checks';
import type { HudData } from './Hud';
import { ownDigitCards } from '../../shared/drawing/own-card';

export interface LevelSceneData {
  levelId: string;
  /** Internal: a rebuild after a resize keeps the attempt going (same session, same training job). */
  session?: LevelSession;
  /** A setup link (`?setup=`): the seed the attempt was played with and its solution. */
  link?: LevelLink;
}

/** What the Level scene sends to 'Results' when a level is finished. */
export interface ResultsSceneData {
  levelId: string;
  score: number;
  stars: 0 | 1 | 2 | 3;
  goalMet: boolean;
  detail: Readonly<Record<string, number>>;
  /** The attempt's goal checks: the Results screen repeats the card's "Not yet" lines and words a takeaway. */
  checks: GoalCheck[];
  /** The attempt's control values (trained levels). */
  values?: Readonly<Record<string, unknown>>;
}

/**
 * The level shell's scene: plays one level from its data (src/shared/levels) whatever its mode. The concept card
 * comes first (drawn by the HUD, on top); the run card holds the mode's primary action (Train / Stop, Check,
 * Place…) and the progress bar; everything else is the mode's view (src/game/level/views, looked up in the mode
 * registry src/game/level/modes.ts). The HUD scene runs in parallel for the goal, meter, stars, hints, timer and
 * the Leave/Concept buttons. Start it with `goTo(scene, 'Level', { levelId })` (scene-loader.ts); `?level=<id>` opens it directly.
 */
export class Level extends Phaser.Scene {
  private session: LevelSession | null = null;
  /** Set while rebuilding for a new size: the shutdown keeps the session alive. */
  private rebuilding = false;
  /** Per-frame work (the latent map's probe decode, at most one in flight). */
  private frame: (() => void) | null = null;

  constructor() {
    super('Level');
  }

  create(data: LevelSceneData): void {
    const context = getContext(this);
    // In a class competition, its levels are played as the class plays them (its seed, this student's variant).
    const catalogued = getLevel(data?.levelId ?? '');
    const linkSeed = data?.link?.seed;
    const level = catalogued
      ? linkSeed !== undefined
        ? levelVariant(catalogued, linkSeed)
        : context.classroom.levelFor(catalogued)
      : undefined;
    const entry = level ? modeOf(level) : null;
    if (!level || !entry) {
      this.showMissing(level ? t('level.notPlayable') : t('level.unknown', { id: String(data?.levelId) }));
      return;
    }
    // Portrait stacks the left column: the mode's view says how tall it is.
    const leftHeight = entry.view.leftHeight(level, this.scale.width - 2 * 16 - 32);
    const L = layoutLevel(this.scale.width, this.scale.height, leftHeight, entry.view.liveChart);
    const registry = new ScrolledRegistry(this.cameras.main);
    bindWidgetIds(this, registry);
    const focus = new FocusManager(this);
    const cleanup: (() => void)[] = [];
    this.cameras.main.setBackgroundColor(COLORS.bg);
    addBackdrop(this, 0.25)?.setScrollFactor(0);

    const session =
      data.session && data.session.level.id === level.id
        ? data.session
        : new LevelSession(level, context.bridge, entry.createPlay);
    // A new visit starts from what the player last set on this level (kept in the save).
    if (session !== data.session) {
      const remembered = data.link
        ? settingsOfPayload(data.link.payload)
        : context.store.getState().progress.lastSettings?.[level.id];
      if (remembered) session.play?.restoreSettings?.(remembered);
      // World 4, once won: the player's kept digits join the deck ("try with your own", never scored).
      const { progress } = context.store.getState();
      const won = (progress.levels[level.id]?.stars ?? 0) > 0;
      if (!data.link) session.play?.offerOwnCards?.(ownDigitCards(level, progress.drawings, won));
    }
    session.uploadsModel = context.classroom.playsLevel(level.id);
    this.session = session;
    this.rebuilding = false;
    setCurrentSession(session);

    // ---- run card: the mode's primary action and the progress bar ----
    new Panel(this, L.runCard);
    const train = new Button(this, {
      ...L.train,
      id: 'level:train',
      label: t('level.train'),
      variant: 'primary',
      icon: 'icon-play',
    });
    const progress = new ProgressBar(this, 'level:progress', L.progress);

    // ---- the mode's view ----
    const play = session.play;
    if (!play) throw new Error(`Level "${level.id}" has no play.`);
    const view = entry.view.create(
      { scene: this, L, session, focus, registry, trainBounds: () => train.getBounds() },
      play,
    );
    train.events.on('press', () => view.press());

    // ---- HUD (parallel scene, on top) ----
    const hudData: HudData = {
      session,
      registry,
      levelFocus: focus,
      setLevelInput: (on) => {
        this.input.enabled = on;
      },
      leave: () => this.leave(),
      results: () => this.toResults(),
    };
    this.scene.launch('Hud', hudData);

    // ---- session → widgets ----
    /** Redraws the view and the run card; false: the view left parts for the next frame (its budget was spent). */
    const render = (budget?: FrameBudget): boolean => {
      const complete = timed('view', () => view.render(budget)) !== false;
      timed('runCard', () => {
        const action = view.primary();
        train.setLabel(action.label).setVariant(action.variant).setIcon(action.icon).setEnabled(action.enabled);
        progress.set(view.progress(L.portrait));
      });
      return complete;
    };
    let recorded: unknown = null;
    // Progress events arrive ~10 times a second while training: the widgets are redrawn once per frame at most
    // (in update()), not once per event; the Canvas renderer draws only after a change while the level is busy:
    // a change asks for the next frame, whose update redraws the widgets before it is drawn (one drawn frame per
    // progress event, not the gate's default two).
    let dirty = false;
    const gate = context.renderGate;
    let gatedBusy = false;
    const syncGate = (): void => {
      if (!gate || session.busy === gatedBusy) return;
      gatedBusy = session.busy;
      gate.setContinuous(!gatedBusy);
    };
    this.frame = () => {
      if (dirty) {
        // A redraw that leaves parts for the next frame keeps the scene dirty (and that frame drawn).
        dirty = !render(new FrameBudget(LEVEL_REDRAW_BUDGET_MS));
        noteLevelRedraw(this.game.loop.frame);
        if (dirty) gate?.invalidate(1);
        setRedrawPending(dirty);
        syncGate();
      }
      view.update?.();
    };
    cleanup.push(
      session.events.on('change', () => {
        dirty = true;
        setRedrawPending(true);
        gate?.invalidate(1);
        // What the player sets is remembered for the next visit (the store skips unchanged settings).
        const set = session.play?.settings?.();
        const st0 = context.store.getState();
        if (set && typeof st0.rememberLevelSettings === 'function') st0.rememberLevelSettings(level.id, set);
        // Every scored attempt goes to the progress store (it keeps the best).
        const r = session.result;
        if (session.status === 'done' && r && recorded !== r) {
          recorded = r;
          const st = context.store.getState();
          if (typeof st.recordLevelResult === 'function')
            st.recordLevelResult(level.id, { score: r.score, stars: r.stars, payload: r.payload });
          // A competition level: the attempt goes to the class outbox (stored, then sent; the server re-scores it).
          context.classroom.submitAttempt(level.id, r.payload, r.model);
        }
      }),
    );
    render();
    setRedrawPending(false);
    focus.register(train);

    // The phone turned (or the window changed shape): rebuild at the new base size, keeping the attempt.
    const builtAt = { width: this.scale.width, height: this.scale.height };
    // Phones with a tall column: the camera scrolls between the HUD's top bar and hint strip.
    if (L.contentHeight > this.scale.height) {
      const band = { top: L.topBar.height, bottom: L.hint.y };
      cleanup.push(installCameraScroll(this, { contentHeight: L.contentHeight, band, focused: () => focus.focused() }));
    }
    const onResize = (size: Phaser.Structs.Size): void => {
      if (size.width === builtAt.width && size.height === builtAt.height) return;
      this.rebuilding = true;
      this.scene.restart({ levelId: level.id, session });
    };
    this.scale.on(Phaser.Scale.Events.RESIZE, onResize);

    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.scale.off(Phaser.Scale.Events.RESIZE, onResize);
      for (const off of cleanup.splice(0)) off();
      this.scene.stop('Hud');
      if (!this.rebuilding) {
        session.dispose();
        setCurrentSession(null);
      }
      this.session = null;
      focus.destroy();
      view.destroy();
      train.destroy();
      progress.destroy();
      this.frame = null;
      registry.clear();
      context.widgets = null;
      context.ready = false;
      context.renderGate?.setContinuous(true);
      this.input.enabled = true;
    });

    // The HUD's clock ticks every frame, so keep drawing continuously on the Canvas renderer.
    context.renderGate?.setContinuous(true);
    context.widgets = registry;
    context.ready = true;
  }

  /** A level this build does not have (or cannot play): say so, with a way back. */
  private showMissing(text: string): void {
    const context = getContext(this);
    const registry = new ScrolledRegistry(this.cameras.main);
    bindWidgetIds(this, registry);
    const focus = new FocusManager(this);
    this.cameras.main.setBackgroundColor(COLORS.bg);
    new Label(this, { x: this.scale.width / 2, y: this.scale.height / 2 - 60, text, variant: 'heading', align: 0.5 });
    const back = new Button(this, {
      x: this.scale.width / 2 - 80,
      y: this.scale.height / 2,
      width: 160,
      height: 44,
      id: 'level:leave',
      label: t('level.leave'),
    });
    back.events.on('press', () => this.leave());
    focus.register(back);
    context.widgets = registry;
    context.ready = true;
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      focus.destroy();
      back.destroy();
      context.widgets = null;
      context.ready = false;
    });
  }

  override update(): void {
    this.frame?.();
  }

  /** Back to the world map (or the classroom, for a level played in class): cancels any job. */
  leave(): void {
    this.session?.dispose();
    this.scene.stop('Hud');
    const inClass = this.session ? getContext(this).classroom.playsLevel(this.session.level.id) : false;
    goTo(this, inClass ? 'Classroom' : 'WorldMap');
  }

  /** The level's result to the Results scene. */
  toResults(): void {
    const session = this.session;
    const r = session?.result;
    if (!session || !r) return;
    const payload: ResultsSceneData = {
      levelId: session.level.id,
      score: r.score,
      stars: r.stars,
      goalMet: r.goalMet,
      detail: r.detail,
      checks: attemptChecks(session.level, r),
      values: r.payload.kind === 'hyperparameters' ? { ...r.payload.values } : undefined,
    };
    session.dispose();
    this.scene.stop('Hud');
    goTo(this, 'Results', payload);
  }
}

export type { LevelLayout };
