/**
 * The notice banner's view of the newest notice (every screen shows it: screen-kit.ts). Its own file so the
 * first screen's chunk does not carry the Lab's view code.
 */
import { t } from '../../shared/messages';
import type { Notice } from '../state';
import type { BannerNotice } from '../ui/NoticeBanner';
import { noticeText } from '../state/notice-text';

export function noticeView(notices: readonly Notice[]): { notice: BannerNotice | null; more: string } {
  const newest = notices[notices.length - 1];
  if (!newest) return { notice: null, more: '' };
  return {
    notice: { id: newest.id, tone: newest.level, text: noticeText(newest) },
    more: notices.length > 1 ? t('notice.more', { count: notices.length - 1 }) : '',
  };
}
