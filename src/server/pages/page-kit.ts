/**
 * Shared by the teacher page and the projector board (loaded before either): the catalogue block the server put
 * in the page, and `t()`, which formats with the game's own ICU formatter (src/shared/i18n/icu.ts), plurals and
 * locale numbers included. The server bundles this file for the browser (src/server/page-kit-bundle.ts), so the
 * pages and the game share one formatter rather than two copies.
 */
import { formatMessage, type MessageParams } from '../../shared/i18n/icu';

interface PageData {
  locale: string;
  messages: Record<string, string>;
  joinBase: string;
}

const $ = (id: string): HTMLElement | null => document.getElementById(id);
const data = JSON.parse($('messages')?.textContent ?? '{}') as PageData;
const t = (key: string, params?: MessageParams): string => {
  const message = data.messages[key];
  return message === undefined ? key : formatMessage(message, params, data.locale);
};
(window as unknown as { lqPage: unknown }).lqPage = { $, t, locale: data.locale, joinBase: data.joinBase };
