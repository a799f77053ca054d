import type * as Phaser from 'phaser';
import { goTo } from '../../scene-loader';
import { formatMetricValue, getLevel, localize } from '../../../shared/levels';
import { getLocale, t } from '../../../shared/messages';
import type { ClassroomView } from '../../classroom/classroom-service';
import { Button } from '../../ui/Button';
import { Panel } from '../../ui/Panel';
import { StarRow } from '../../ui/StarRow';
import { TEXT, type Rect } from '../../ui/theme';
import { SCENES } from '../screen-kit';

const ROW_H = 58;

interface LevelRow {
  name: Phaser.GameObjects.Text;
  best: Phaser.GameObjects.Text;
  stars: StarRow;
  play: Button;
}

/**
 * The class screen's level list: every competition level with your best, stars and a Play button, paged.
 * Widget ids: class:play:<levelId> (also class:row:<i>, the i-th row's Play)  class:page:prev  class:page:next
 */
export interface ClassLevelList {
  readonly rows: readonly LevelRow[];
  readonly prev: Button;
  readonly next: Button;
  /** Redraws the current page from the store's view; Play is off once the competition has ended. */
  render(view: ClassroomView, ended: boolean): void;
  /** Wires Play and paging; `rerender` redraws the whole screen after a page turn. */
  wire(rerender: () => void): void;
}

export function buildClassLevelList(scene: Phaser.Scene, right: Rect, portrait: boolean): ClassLevelList {
  const locale = getLocale();
  new Panel(scene, { ...right, title: t('class.levels') });
  const listTop = right.y + 44;
  const perPage = Math.max(1, Math.floor((right.height - 44 - 12 - 52) / ROW_H));
  let page = 0;
  const rows: LevelRow[] = [];
  const playW = portrait ? 92 : 120;
  for (let i = 0; i < perPage; i++) {
    const ry = listTop + i * ROW_H;
    const name = scene.add.text(right.x + 18, ry + 6, '', { ...TEXT.heading, fontSize: portrait ? '16px' : '18px' });
    const best = scene.add.text(right.x + 18, ry + 30, '', TEXT.small);
    // Phones: the stars sit on the second line, clear of long titles.
    const stars = new StarRow(scene, {
      x: right.x + right.width - playW - 24 - (portrait ? 40 : 54),
      y: portrait ? ry + 40 : ry + ROW_H / 2 - 4,
      size: portrait ? 7 : 10,
    });
    const play = new Button(scene, {
      x: right.x + right.width - playW - 16,
      y: ry + 7,
      width: playW,
      height: ROW_H - 16,
      id: `class:row:${i}`,
      label: t('class.play'),
      variant: 'primary',
    });
    rows.push({ name, best, stars, play });
  }
  const prev = new Button(scene, {
    x: right.x + 16,
    y: right.y + right.height - 12 - 44,
    width: 120,
    height: 44,
    id: 'class:page:prev',
    label: '‹',
  });
  const next = new Button(scene, {
    x: right.x + right.width - 16 - 120,
    y: right.y + right.height - 12 - 44,
    width: 120,
    height: 44,
    id: 'class:page:next',
    label: '›',
  });
  const pageLabel = scene.add
    .text(right.x + right.width / 2, right.y + right.height - 12 - 22, '', TEXT.small)
    .setOrigin(0.5, 0.5);

  let rowLevels: string[] = [];
  const render = (view: ClassroomView, ended: boolean): void => {
    const c = view.standing?.competition ?? view.membership!.competition;
    const s = view.standing;
    const ids = c.levels;
    const pages = Math.max(1, Math.ceil(ids.length / perPage));
    page = Math.min(page, pages - 1);
    rowLevels = ids.slice(page * perPage, page * perPage + perPage);
    rows.forEach((row, i) => {
      const id = rowLevels[i];
      const level = id ? getLevel(id) : undefined;
      const shown = id !== undefined;
      row.name.setVisible(shown);
      row.best.setVisible(shown);
      row.stars.setVisible(shown && !!level);
      row.play.setVisible(shown && !!level).setEnabled(shown && !!level && !ended);
      // Stable ids by level for the tests: class:play:<levelId> is the row showing that level.
      row.play.setAlias(shown ? `class:play:${id}` : null);
      if (!shown) return;
      if (!level) {
        row.name.setText(id);
        row.best.setText(t('class.unknownLevel', { id }));
        return;
      }
      row.name.setText(`${level.world}.${level.order}  ${localize(level.title, locale)}`);
      const mine = s?.levels?.find((l) => l.levelId === id);
      row.best.setText(
        mine && mine.attempts > 0 && mine.bestScore !== null
          ? t('class.best', {
              score: formatMetricValue(mine.bestScore, level.metric.unit, locale),
              attempts: mine.attempts,
            })
          : t('class.notPlayed'),
      );
      row.stars.set(mine?.stars ?? 0, false);
    });
    const paged = pages > 1;
    prev.setVisible(paged).setEnabled(paged && page > 0);
    next.setVisible(paged).setEnabled(paged && page < pages - 1);
    pageLabel.setText(paged ? `${page + 1} / ${pages}` : '');
  };

  const wire = (rerender: () => void): void => {
    rows.forEach((row, i) => {
      row.play.events.on('press', () => {
        const id = rowLevels[i];
        if (id && getLevel(id)) goTo(scene, SCENES.level, { levelId: id });
      });
    });
    prev.events.on('press', () => {
      page = Math.max(0, page - 1);
      rerender();
    });
    next.events.on('press', () => {
      page += 1;
      rerender();
    });
  };
  return { rows, prev, next, render, wire };
}
