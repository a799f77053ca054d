/**
 * A notice's text in the language shown now. A partly dropped save's notice is created while the save is read,
 * before a lazily loaded catalogue (src/game/locale-load.ts) is there, so its list of dropped parts is worded
 * again here, when it is shown, in the current language.
 */
import { getLocale, t } from '../../shared/messages';
import { describeDropped } from './save-salvage';
import type { Notice } from './types';

export function noticeText(notice: Pick<Notice, 'key' | 'params' | 'dropped'>): string {
  const params = notice.dropped
    ? { ...notice.params, parts: describeDropped(notice.dropped, getLocale()) }
    : notice.params;
  return t(notice.key, params);
}
