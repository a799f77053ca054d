/**
 * What a mode's view is: Phaser widgets that draw its play's state and forward input to it. The Level scene (the
 * shell's view) owns the run card (the primary button and the progress bar), the HUD, scrolling and resizing; it
 * asks the view what the button says and does and what the progress bar shows.
 */
import type * as Phaser from 'phaser';
import type { LevelDefinition } from '../../../shared/levels/types';
import type { ScrolledRegistry } from '../../ui/camera-scroll';
import type { ButtonVariant } from '../../ui/Button';
import type { FocusManager } from '../../ui/FocusManager';
import type { ProgressBarState } from '../../ui/ProgressBar';
import type { Rect } from '../../ui/theme';
import type { LevelLayout } from '../layout';
import type { LevelPlay } from '../plays/play';
import type { LevelSession } from '../shell/level-session';
import type { FrameBudget } from '../frame-budget';

export interface ViewContext {
  scene: Phaser.Scene;
  L: LevelLayout;
  session: LevelSession;
  focus: FocusManager;
  registry: ScrolledRegistry;
  /** Where the run card's primary button is (map levels also name it map:place). */
  trainBounds(): Rect;
}

/** The run card's primary button (Train / Stop, Check, Place…). */
export interface PrimaryAction {
  label: string;
  variant: ButtonVariant;
  icon: string;
  enabled: boolean;
}

export interface LevelView {
  /**
   * Redraw from the play's and the shell's state (after every change). With a `budget` a view may stop once it is
   * spent and return false: the rest is redrawn next frame (frame-budget.ts).
   */
  render(budget?: FrameBudget): boolean | void;
  primary(): PrimaryAction;
  /** The primary button was pressed. */
  press(): void;
  /** `compact`: phones, where the progress bar's lines are about 55 characters wide. */
  progress(compact: boolean): ProgressBarState;
  /** Per frame (e.g. the latent map's probe decode, at most one in flight). */
  update?(): void;
  destroy(): void;
}

export interface ModeView<P extends LevelPlay = LevelPlay> {
  /** Portrait height of the left column for this level at `width` (landscape gives it the whole column). */
  leftHeight(level: LevelDefinition, width: number): number;
  /** The level trains (the layout keeps room for the live loss chart). */
  liveChart: boolean;
  create(ctx: ViewContext, play: P): LevelView;
}

export function primary(label: string, enabled: boolean): PrimaryAction {
  return { label, variant: 'primary', icon: 'icon-play', enabled };
}
