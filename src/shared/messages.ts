/**
 * The one catalogue of player-facing text. English is the reference locale: its keys define `MessageKey`, and
 * every other locale must be a complete `Catalogue` (the type-checker and tests/unit/messages.test.ts say so).
 * Placeholders are `{name}`; `t()` fills them and leaves unknown ones visible so a missing param is noticed.
 */
const en = {
  'app.title': 'Latent Quest',
  'app.subtitle': 'Workbench',

  'boot.loading': 'Loading…',
  'preloader.title': 'Latent Quest',
  'preloader.tagline': 'Squeeze pictures through a bottleneck. See what survives.',
  'preloader.progress': 'Loading {percent}%',

  'section.dataset': 'Dataset',
  'section.model': 'Model',
  'section.bottleneck': 'Bottleneck (code size)',
  'section.hidden': 'Hidden width',
  'section.noise': 'Noise (denoising)',
  'section.noiseLevel': 'Noise level',
  'section.backend': 'Compute backend',
  'section.training': 'Training',
  'section.loss': 'Loss',
  'section.images': 'Images',

  'dataset.glyphs': 'Glyphs 5×7',
  'dataset.mnist': 'MNIST digits',

  'kind.dense': 'Dense',
  'kind.conv': 'Conv',
  'kind.denoising': 'Denoising',
  'kind.vae': 'VAE',
  'kind.cvae': 'CVAE',
  'kind.sparse': 'Sparse',
  'kind.ksparse': 'k-Sparse',

  'noise.gaussian': 'Gaussian',
  'noise.saltPepper': 'Salt & pepper',
  'noise.masking': 'Masking',
  'noise.block': 'Block',

  'backend.auto': 'Auto',
  'backend.webgl': 'WebGL',
  'backend.wasm': 'WASM',
  'backend.cpu': 'CPU',
  'backend.pending': 'Starting…',
  'backend.engine': 'Engine: {backend}',
  'backend.display': 'Display: {renderer}',
  'renderer.canvas': 'Canvas',
  'renderer.webgl': 'WebGL',

  'button.train': 'Train',
  'button.retrain': 'Train again',
  'button.pause': 'Pause',
  'button.resume': 'Resume',
  'button.cancel': 'Cancel',
  'button.dismiss': 'Dismiss',

  'status.idle': 'Ready to train',
  'status.idleHint': 'Pick data and a model, then press Train.',
  'status.initialising': 'Starting the ML engine…',
  'status.training': 'Training',
  'status.paused': 'Paused',
  'status.done': 'Done',
  'status.error': 'Stopped',
  'status.cancelled': 'Cancelled',
  'progress.steps': 'Step {step} / {total}',
  'progress.rate': '{rate} samples/s',
  'progress.eta': 'ETA {eta}',
  'progress.took': 'took {time}',
  'progress.model': '{params} weights · code size {latent}',

  'loss.total': 'Total',
  'loss.reconstruction': 'Reconstruction',
  'loss.reconstructionIsTotal': 'Reconstruction (= total)',
  'loss.kl': 'KL',
  'loss.empty': 'The loss curve appears here while the model trains.',
  'loss.axisStep': 'step',

  'images.original': 'Original',
  'images.noisy': 'Noisy input',
  'images.reconstructed': 'Reconstructed',
  'images.empty': 'Reconstructions appear here while the model trains.',

  'hint.keyboard': 'Tip: Tab moves between controls, arrows change them, Enter presses a button.',
  'hint.noiseDisabled': 'Pick the Denoising model to add noise.',
  'value.bottleneck': '{value}',
  'value.noiseLevel': '{value}',

  'notice.workerRestarted': 'The ML worker stopped unexpectedly. Restarted it on {backend} and restored the weights from step {step}.',
  'notice.workerRestartedFresh': 'The ML worker stopped unexpectedly. Restarted it on {backend}; the model starts again from fresh weights.',
  'notice.workerRestartedIdle': 'The ML worker stopped unexpectedly. Restarted it on {backend}.',
  'notice.workerFailed': 'The ML worker keeps stopping. Reload the page to try again. ({detail})',
  'notice.backendSwitched': '{detail}',
  'notice.trainingFailed': 'Training stopped: {detail}',
  'notice.diverged': 'Training stopped: {detail}',
  'notice.settingsReset': 'Your saved game (progress and settings) could not be read, so it was reset to a fresh start.',
  'notice.backendChanged': 'Compute backend set to {backend}: the ML engine restarted with it.',
  'notice.more': '+{count} more',

  // ── Meta screens: Title, WorldMap, Results, Settings, Lab (src/game/scenes/*, meta-screens engineer) ──────
  'title.tagline': 'Squeeze pictures through a bottleneck. See what survives.',
  'title.play': 'Play',
  'title.lab': 'Lab',
  'title.settings': 'Settings',
  'title.progress': '{stars} / {total} stars',
  'title.keys': 'Tab or arrows to move, Enter to choose.',
  'lab.title': 'Lab',
  'lab.subtitle': 'Free play: every model, dataset and control',
  'nav.back': 'Back',
  'nav.menu': 'Menu',
  'world.title': 'World map',
  'world.progress': '{stars} / {total} stars',
  'world.name.1': 'Bottleneck',
  'world.name.2': 'Denoise',
  'world.name.3': 'Latent map',
  'world.name.4': 'Latent arithmetic',
  'world.label': 'World {world}',
  'world.stars': '{stars} / {total}',
  'world.locked': 'Locked: win {stars} more stars in world {previous}.',
  'world.levelLocked': '“{title}” is locked: win the level before it first.',
  'world.worldLocked': '“{title}” is locked: win {stars} more stars in world {previous}.',
  'world.levelNumber': '{world}.{order}',
  'world.levelUnavailable': 'Levels open in the next version of the game.',
  'world.hint': 'Tab or arrows to pick a level, Enter to play.',
  'world.new': 'New',
  'world.best': 'Best {score} · tries: {attempts}',
  'results.goalMet': 'Goal met!',
  'results.goalMissed': 'Not quite yet',
  'results.score': 'Your score: {score}',
  'results.best': 'Best so far: {score}',
  'results.newBest': 'New best!',
  'results.learned': 'What you learned',
  'results.next': 'Next level',
  'results.retry': 'Retry',
  'results.map': 'World map',
  'results.starsLabel': '{stars} of 3 stars',
  'settings.title': 'Settings',
  'settings.backend': 'Compute backend',
  'settings.backendHelp': 'Auto picks the fastest engine this device runs well.',
  'settings.sound': 'Sound',
  'settings.motion': 'Reduced motion',
  'settings.on': 'On',
  'settings.off': 'Off',
  'settings.progress': 'Progress',
  'settings.reset': 'Reset progress',
  'settings.resetConfirm': 'Erase all stars? This cannot be undone.',
  'settings.resetYes': 'Yes, erase',
  'settings.resetNo': 'Keep them',
  'settings.resetDone': 'Progress reset: every level starts from zero stars.',
  'settings.back': 'Done',
  // ── end of the meta-screens block ──

  // ── Level scene + HUD (src/game/scenes/Level.ts, Hud.ts, src/game/level) ─────────────────────────────────
  'level.worldOrder': 'World {world} · Level {order}',
  'level.concept': 'Concept',
  'level.leave': 'Leave',
  'level.start': "Let's play",
  'level.backToLevel': 'Back to the level',
  'level.seed': 'From the seeds: “{idea}”',
  'level.seedFile': 'Seed {file}',
  'level.formula': 'The formula',
  'level.yourModel': 'Your model',
  'level.train': 'Train',
  'level.trainAgain': 'Train again',
  'level.stop': 'Stop',
  'level.training': 'Training',
  'level.preparing': 'Building the model…',
  'level.measuring': 'Measuring on held-out images…',
  'level.ready': 'Set the controls, then press Train.',
  'level.weights': '{params} weights',
  'level.on': 'On',
  'level.off': 'Off',
  'level.goal': 'Goal',
  'level.meterEmpty': 'No score yet',
  'level.meterValue': '{metric}: {value}',
  'level.starLine': '{stars}★ at {value}',
  'level.timer': 'Time {time}',
  'level.hint': 'Hint {n} of {total}',
  'level.hintLocked': 'Hint {n} unlocks in {time}',
  'level.hintAllShown': 'Tap to see the other hints',
  'level.hintNone': 'This level has no hints: trust your intuition.',
  'level.hintWaiting': 'Hints unlock as you play: stuck for a while? Help is on its way.',
  'level.resultWon': 'Goal met!',
  'level.resultMissed': 'Not yet',
  'level.resultScore': '{metric}: {value}',
  'level.doneWon': 'Done · {value} · {stars}',
  'level.doneMissed': 'Done · {value} · goal not met',
  'level.meterBest': 'Best: {value}',
  'level.resultCancelled': 'Training stopped.',
  'level.nextStar': 'Next star at {value}.',
  'level.allStars': 'All three stars: the top of this level.',
  'level.goalHint': 'Meet the goal first: {goal}',
  'level.continue': 'Continue',
  'level.retry': 'Try again',
  'level.images.input': 'Input',
  'level.images.corrupted': 'Corrupted',
  'level.images.output': 'Rebuilt',
  'level.images.heldOut': 'Held-out images after training',
  'level.images.training': 'Training images (live)',
  'level.error': 'Something went wrong: {detail}',
  'level.unknown': 'There is no level called "{id}".',
  'level.notPlayable': 'This level needs the pretrained models, which are not in this build yet.',
  'level.view.images': 'Images',
  'level.view.map': 'Latent map',
  'level.map.title': 'Where the held-out images land in the code space',
  'level.map.decoded': 'Decoded probe',
  'level.map.probe': 'z = ({x}, {y}). Drag or tap the map, or use the arrow keys.',
  'level.map.panel': 'Your probes',
  'level.map.targetImage': 'Target',
  'level.map.currentImage': 'Your probe',
  'level.map.place': 'Place probe',
  'level.map.score': 'Score my holes',
  'level.map.again': 'Play again',
  'level.map.loading': 'Loading the pretrained model and its map…',
  'level.map.progress': 'Probes placed: {n} / {max}',
  'level.map.live': 'Live match {match}%',
  'level.map.model': 'Pretrained model: {asset}',
  'level.map.navStatus': 'Probes used: {n} / {max} · best match {best}',
  'level.map.navHelp': 'Drag the probe and watch the match. Drop it (or press Enter) to place it.',
  'level.map.holesStatus': 'Holes found: {holes} · points placed: {n} / {max}',
  'level.map.judgeHole': 'Last point: the judge sees no digit. A hole!',
  'level.map.judgeDigit': 'Last point: the judge sees a {digit} ({confidence}% sure).',
  'level.map.holesHelp': 'Tap or drop the probe to place a point; press Score when you have found your holes.',
  'level.map.aeTitle': 'Plain AE',
  'level.map.vaeTitle': 'VAE (with KL term)',
  'level.map.vaeHole': 'VAE here: no clear digit ({confidence}% at most).',
  'level.map.vaeClean': 'VAE here: a clean {digit}, {confidence}% sure.',
  'level.map.vaeUnsure': 'VAE here: a {digit}, {confidence}% sure.',
  'level.map.tooClose': 'Too close to a point you placed: keep them at least {min} apart.',
  'level.arith.panel': 'Your expression',
  'level.arith.title': 'Cards: click one to add it, again to take it out',
  'level.arith.titleShort': 'Cards: tap to add or remove',
  'level.arith.yours': 'Your decode',
  'level.arith.clear': 'Clear',
  'level.arith.check': 'Check',
  'level.arith.empty': 'Pick cards on the right: each adds w·μ(card) to the code.',
  'level.arith.progress': 'Terms: {n} / {max}',
  'level.arith.live': 'Now: {value}',
  'level.arith.wrong': '{value} wrong pixels',
  'level.dream.sigma': 'σ: how far a dream may stray from μ',
  'level.dream.draw': 'Dream',
  'level.dream.progress': 'Draws: {n} / {max} · digits found: {found} / 10',
  'level.dream.found': 'Digits found: {digits}',
  'level.dream.clean': 'Last dream: a clean {digit}.',
  'level.dream.unclear': 'Last dream: the judge is not sure it is a digit.',
  'level.dream.help': 'Put μ on the map (drag, tap, arrows), then Dream (or Enter).',
  'level.path.check': 'Check path',
  'level.path.status': 'Path: {n} / {max} steps.',
  'level.path.help': 'Drag on the map to draw: start on a {start}, pass through a {via}, end on a {end}. Arrow keys extend it too.',
  // ── end of the Level block ──────────────────────────────────────────────────────────────────────────────
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

/** Locales with a complete catalogue. Polish, Czech and Spanish join here ('pl' | 'cs' | 'es'). */
export const CATALOGUES = { en } satisfies Record<string, Catalogue>;
export type Locale = keyof typeof CATALOGUES;
export const LOCALES = Object.keys(CATALOGUES) as Locale[];
export const DEFAULT_LOCALE: Locale = 'en';

export type MessageParams = Record<string, string | number>;

let currentLocale: Locale = DEFAULT_LOCALE;

export function setLocale(locale: Locale): void {
  currentLocale = locale;
}

export function getLocale(): Locale {
  return currentLocale;
}

/** Fills `{name}` placeholders; numbers are formatted for the locale (1,234). */
export function format(template: string, params?: MessageParams, locale: Locale = currentLocale): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(locale) : value;
  });
}

/** The text for `key` in the current locale (English when a locale lacks it). */
export function t(key: MessageKey, params?: MessageParams): string {
  const template = CATALOGUES[currentLocale][key] ?? CATALOGUES.en[key];
  return format(template, params);
}

/** The placeholder names a template uses (for the completeness test). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}
