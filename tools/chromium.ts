/** Debian's headless Chromium, as the e2e tests and `npm run bench` drive it. */
import { chromium, type Browser } from 'playwright-core';

/** With these flags WebGL2 (SwiftShader) works in a worker's OffscreenCanvas. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
