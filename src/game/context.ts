/** What every scene needs besides Phaser: the store, the ML bridge and the run controller. */
import type * as Phaser from 'phaser';
import type { ClassroomService } from './classroom/classroom-service';
import type { MlBridge } from './ml/bridge';
import type { TrainingController } from './ml/training-controller';
import type { RenderGate } from './render-on-demand';
import type { GameStoreApi } from './state';
import type { WidgetRegistry } from './ui/WidgetRegistry';
import type { UrlOptions } from './url-options';

export interface GameContext {
  store: GameStoreApi;
  bridge: MlBridge;
  training: TrainingController;
  /** The class the player joined (if any): outbox, standing, competition variants. */
  classroom: ClassroomService;
  url: UrlOptions;
  /** `?backend=` wins over the saved setting until the player picks a backend in the game. */
  backendOverride: UrlOptions['backend'];
  /** The interactive scene's widgets, for the test hook's uiBounds (null between scenes). */
  widgets: WidgetRegistry | null;
  /** True once the current screen is interactive (its widgets registered); false between screens. */
  ready: boolean;
  /** Canvas renderer only: draws frames on change (see render-on-demand.ts); null on WebGL. */
  renderGate: RenderGate | null;
}

const contexts = new WeakMap<Phaser.Game, GameContext>();

export function setContext(game: Phaser.Game, context: GameContext): void {
  contexts.set(game, context);
}

export function getContext(scene: Phaser.Scene): GameContext {
  const context = contexts.get(scene.game);
  if (!context) throw new Error('Game context missing: start the game with startGame().');
  return context;
}
