/**
 * Named points on the way from navigation to the first screen (`performance.mark('lq:<phase>')`), so the bench
 * can say where a cold load's time goes (scripts/bench.ts: `titleInteractiveMs.phases`). Local to the page: nothing
 * is sent anywhere.
 */
export type StartupPhase =
  | 'shell' // the HTML title is up and its buttons work (shell/title-shell.ts)
  | 'modules' // the game's modules evaluated; startGame begins
  | 'game-new' // Phaser.Game constructed
  | 'boot-create' // Phaser booted, the Boot scene starts
  | 'textures' // the UI drawings painted (assets.ts)
  | 'pre-create' // the Preloader (deep links only)
  | 'title-create' // the Title scene starts building
  | 'ready'; // a screen is interactive (screen-kit's ready())

export function markStartup(phase: StartupPhase): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`lq:${phase}`);
}
