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
  'notice.settingsReset': 'Your saved settings could not be read, so they were reset to the defaults.',
  'notice.backendChanged': 'Compute backend set to {backend}: the ML engine restarted with it.',
  'notice.more': '+{count} more',
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
