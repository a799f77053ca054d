import type * as Phaser from 'phaser';
import { setupQuery } from '../../shared/links';
import { t } from '../../shared/messages';
import { getContext } from '../context';
import type { LevelSession } from '../level/shell/level-session';
import { Button } from '../ui/Button';
import { copyText } from './browser-files';
import { linkHidden, linkSeed } from './startup-link';

/**
 * The result card's "Copy link": a link that opens this level with this attempt's solution (and the classroom
 * seed it was played with, and a teacher's hidden controls). Clipboard first; where the page may not write it,
 * the browser's own text box shows the link selected, to copy by hand.
 */
export function levelLinkButton(scene: Phaser.Scene, session: LevelSession): Button {
  const button = new Button(scene, { x: 0, y: 0, width: 120, height: 48, id: 'level:link', label: t('link.copy') });
  button.events.on('press', () => {
    const result = session.result;
    if (!result) return;
    const id = session.level.id;
    const seed = linkSeed(id) ?? getContext(scene).classroom.seedFor(id);
    const query = setupQuery(
      { kind: 'level', levelId: id, ...(seed !== undefined && { seed }), payload: result.payload },
      [...linkHidden('level', id)],
    );
    const link = `${window.location.origin}${window.location.pathname}?${query}`;
    void copyText(link).then((copied) => {
      if (copied) button.setLabel(t('link.copiedShort'));
      else window.prompt(t('link.fallback'), link);
    });
  });
  return button;
}
