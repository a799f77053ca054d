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

/** A refusal's body as the server sends it (src/shared/classroom/api.ts ErrorReplySchema); anything else is possible. */
interface ReplyLike {
  code?: unknown;
  params?: unknown;
  message?: unknown;
}

/**
 * A refused request's text in the page's language, as the game shows it (src/game/classroom/problem-text.ts): the
 * catalogue's `class.problem.<code>` with its params; a code this page does not know gives a generic sentence with
 * the code; a reply that is not JSON names its HTTP status. The server's English `message` is for logs and API users.
 */
async function refusal(res: Response): Promise<string> {
  let reply: ReplyLike;
  try {
    reply = (await res.json()) as ReplyLike;
  } catch {
    return t('class.problem.httpStatus', { status: res.status });
  }
  const code = typeof reply?.code === 'string' ? reply.code.slice(0, 64) : '';
  const params = typeof reply?.params === 'object' && reply.params !== null ? (reply.params as MessageParams) : {};
  if (code && data.messages[`class.problem.${code}`] !== undefined) return t(`class.problem.${code}`, params);
  return t('class.problem.unknown', { code: code || String(res.status) });
}

(window as unknown as { lqPage: unknown }).lqPage = { $, t, refusal, locale: data.locale, joinBase: data.joinBase };
