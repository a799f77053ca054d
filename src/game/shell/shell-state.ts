/**
 * The HTML title's hand-over to the game (title-shell.ts shows it; scenes/shell-handover.ts ends it). While the
 * game loads the player may pick a language or press a button; the game takes both when its first screen is up.
 */
import type { Locale } from '../../shared/i18n/locales';

/** The screens the shell's buttons lead to (scene keys, as scenes/screen-kit.ts's SCENES). */
export type ShellIntent = 'WorldMap' | 'Classroom' | 'Lab' | 'Settings';

interface ShellHandle {
  locale: Locale;
  intent: ShellIntent | null;
  end(): void;
}

let active: ShellHandle | null = null;

export function setActiveShell(handle: ShellHandle | null): void {
  active = handle;
}

/** True while the HTML title covers the game. */
export function shellActive(): boolean {
  return active !== null;
}

/** The language the shell shows (the player may have picked one), or null without a shell. */
export function shellLocale(): Locale | null {
  return active?.locale ?? null;
}

/** The screen the player pressed for on the shell, once (null when none or no shell). */
export function takeShellIntent(): ShellIntent | null {
  const intent = active?.intent ?? null;
  if (active) active.intent = null;
  return intent;
}

/** True when the player pressed a button on the shell and the game has not taken it yet. */
export function shellIntentPending(): boolean {
  return (active?.intent ?? null) !== null;
}

/** Removes the HTML title (the game's screen under it is ready). */
export function endShell(): void {
  const handle = active;
  active = null;
  handle?.end();
}
