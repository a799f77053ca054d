import * as Phaser from 'phaser';
import { goTo } from '../scene-loader';
import {
  formatMetricValue,
  isWorldUnlocked,
  levelsOfWorld,
  localize,
  previousInWorld,
  starsToUnlockWorld,
  triesLeftToGoOn,
  WORLDS,
  worldStars,
} from '../../shared/levels';
import type { LevelDefinition, WorldId } from '../../shared/levels';
import { getLocale, t, type MessageKey } from '../../shared/messages';
import {
  isLevelOpen,
  MAX_STARS_PER_LEVEL,
  TOTAL_STARS,
  starsByLevel,
  totalStars,
  triesWithoutStar,
  type LevelProgress,
} from '../state';
import { Button } from '../ui/Button';
import { LevelTile, drawLock } from '../ui/LevelTile';
import { fitText } from '../ui/fit-text';
import { Label } from '../ui/Label';
import { StarRow } from '../ui/StarRow';
import { COLORS, CSS, RADIUS, TEXT, type Rect } from '../ui/theme';
import { withId } from '../ui/widget-ids';
import { SCENES, beginScreen } from './screen-kit';

/** Phones: the world's name row above its tiles. */
const PORTRAIT_HEADER_H = 30;

interface WorldBox {
  world: WorldId;
  panel: Rect;
  tiles: Rect[];
}

/**
 * The worlds side by side (landscape) or stacked with two tiles a row (portrait). Phones: five worlds of four
 * levels fit 844 px only with one-line tiles (LevelTile's compact form below 60 px), tight headers and gaps.
 */
function layoutWorlds(W: number, portrait: boolean, top: number, bottom: number): WorldBox[] {
  const counts = WORLDS.map((w) => levelsOfWorld(w).length);
  const n = WORLDS.length;
  if (!portrait) {
    const gap = n > 4 ? 12 : 16;
    const colW = Math.floor((W - 40 - (n - 1) * gap) / n);
    const headerH = 96;
    const maxTiles = Math.max(...counts);
    const tileGap = 10;
    const tileH = Math.min(96, Math.floor((bottom - top - headerH - 12 - (maxTiles - 1) * tileGap) / maxTiles));
    return WORLDS.map((world, i) => {
      const x = 20 + i * (colW + gap);
      const panel = { x, y: top, width: colW, height: bottom - top };
      const tiles = Array.from({ length: counts[i] }, (_, k) => ({
        x: x + 12,
        y: top + headerH + k * (tileH + tileGap),
        width: colW - 24,
        height: tileH,
      }));
      return { world, panel, tiles };
    });
  }
  const headerH = PORTRAIT_HEADER_H;
  const worldGap = 5;
  const tileGap = 5;
  const rows = counts.map((c) => Math.ceil(c / 2));
  const totalRows = rows.reduce((a, b) => a + b, 0);
  const free = bottom - top - n * (headerH + 2) - (n - 1) * worldGap - totalRows * tileGap;
  const tileH = Math.max(44, Math.min(76, Math.floor(free / totalRows)));
  const colW = Math.floor((W - 32 - 24 - tileGap) / 2);
  let y = top;
  return WORLDS.map((world, i) => {
    const h = headerH + rows[i] * (tileH + tileGap) + 2;
    const panel = { x: 16, y, width: W - 32, height: h };
    const tiles = Array.from({ length: counts[i] }, (_, k) => ({
      x: 16 + 12 + (k % 2) * (colW + tileGap),
      y: y + headerH + Math.floor(k / 2) * (tileH + tileGap),
      width: colW,
      height: tileH,
    }));
    y += h + worldGap;
    return { world, panel, tiles };
  });
}

/** "Best 2.1% · 3 tries", "New", or nothing for a locked level. */
function tileDetail(level: LevelDefinition, entry: LevelProgress | undefined, locked: boolean, locale: string): string {
  if (locked) return '';
  if (!entry) return t('world.new');
  return t('world.best', {
    score: formatMetricValue(entry.bestScore, level.metric.unit, locale),
    attempts: entry.attempts,
  });
}

/**
 * The world map: the worlds (WORLDS), each with its levels as tiles (best stars, padlock when locked), the world's
 * stars and what opens it, and the total "n / (3 × levels) stars". An unlocked tile starts the Level scene with
 * { levelId }; a locked one says why it is closed.
 * Widget ids: world:back  world:1 … world:5 (world panels)  level:<levelId> (tiles)  world:status
 */
export class WorldMap extends Phaser.Scene {
  constructor() {
    super('WorldMap');
  }

  create(): void {
    const screen = beginScreen(this);
    const { width: W, height: H, portrait, context } = screen;
    const locale = getLocale();
    const progress = context.store.getState().progress;
    const stars = starsByLevel(progress);

    // ---- top bar ----
    const barH = portrait ? 56 : 72;
    const bar = this.add.graphics();
    bar.fillStyle(COLORS.panel, 0.92).fillRect(0, 0, W, barH);
    bar.lineStyle(1, COLORS.panelBorder, 1).lineBetween(0, barH - 0.5, W, barH - 0.5);
    const back = new Button(this, {
      x: portrait ? 12 : 20,
      y: (barH - 44) / 2,
      width: portrait ? 88 : 110,
      height: 44,
      id: 'world:back',
      label: t('nav.back'),
    });
    screen.add(back);
    this.add
      .text(portrait ? 112 : 150, barH / 2, t('world.title'), { ...TEXT.title, fontSize: portrait ? '22px' : '26px' })
      .setOrigin(0, 0.5);
    const total = totalStars(progress);
    const totalText = this.add
      .text(W - (portrait ? 14 : 20), barH / 2, t('world.progress', { stars: total, total: TOTAL_STARS }), {
        ...TEXT.heading,
        fontSize: portrait ? '17px' : '20px',
      })
      .setOrigin(1, 0.5);
    new StarRow(this, {
      x: totalText.x - totalText.width - (portrait ? 14 : 18),
      y: barH / 2,
      size: portrait ? 9 : 11,
      count: 1,
    }).set(1, false);

    // ---- worlds ----
    const statusH = portrait ? 42 : 44;
    const boxes = layoutWorlds(W, portrait, barH + (portrait ? 8 : 14), H - statusH - (portrait ? 4 : 8));
    const tiles: LevelTile[] = [];
    const levelsById = new Map<string, LevelDefinition>();
    const g = this.add.graphics();
    for (const box of boxes) {
      const { world, panel } = box;
      const open = isWorldUnlocked(world, stars);
      const levels = levelsOfWorld(world);
      g.fillStyle(COLORS.panel, 0.95).fillRoundedRect(panel.x, panel.y, panel.width, panel.height, RADIUS + 4);
      g.lineStyle(1, COLORS.panelBorder, 1).strokeRoundedRect(
        panel.x + 0.5,
        panel.y + 0.5,
        panel.width - 1,
        panel.height - 1,
        RADIUS + 4,
      );
      const ws = worldStars(world, stars);
      const max = levels.length * MAX_STARS_PER_LEVEL;
      const nameKey = `world.name.${world}` as MessageKey;
      if (portrait) {
        new Label(this, {
          x: panel.x + 12,
          y: panel.y + 6,
          text: `${world}  ${t(nameKey)}`,
          variant: 'heading',
          color: open ? CSS.text : CSS.muted,
          // The world's stars (and padlock) sit at the row's right end.
          maxWidth: panel.width - 130,
        });
      } else {
        new Label(this, {
          x: panel.x + 14,
          y: panel.y + 12,
          text: t('world.label', { world }).toUpperCase(),
          variant: 'section',
        });
        const name = new Label(this, {
          x: panel.x + 14,
          y: panel.y + 32,
          text: t(nameKey),
          variant: 'heading',
          color: open ? CSS.text : CSS.muted,
        }).text.setFontSize(21);
        // Five columns leave about 210 px for a name ("Arytmetyka latentna").
        fitText(name, { width: panel.width - 28 });
      }
      const starY = portrait ? panel.y + PORTRAIT_HEADER_H / 2 : panel.y + 20;
      const sText = this.add
        .text(panel.x + panel.width - 12, starY, t('world.stars', { stars: ws, total: max }), {
          ...TEXT.value,
          color: open ? CSS.accent : CSS.disabled,
        })
        .setOrigin(1, 0.5);
      new StarRow(this, { x: sText.x - sText.width - 12, y: starY, size: 8, count: 1 }).set(ws > 0 ? 1 : 0, false);
      if (!open) {
        const prev = (world - 1) as WorldId;
        const need = Math.max(0, starsToUnlockWorld(world) - worldStars(prev, stars));
        if (portrait) {
          drawLock(g, sText.x - sText.width - 34, starY, 16, COLORS.axis);
        } else {
          drawLock(g, panel.x + 22, panel.y + 70, 16, COLORS.warning);
          new Label(this, {
            x: panel.x + 36,
            y: panel.y + 61,
            text: t('world.locked', { stars: need, previous: prev }),
            variant: 'small',
            wrap: panel.width - 48,
            color: CSS.warning,
          });
        }
      }
      levels.forEach((level, k) => {
        const locked = !isLevelOpen(progress, level.id);
        levelsById.set(level.id, level);
        const tile = new LevelTile(this, {
          ...box.tiles[k],
          id: `level:${level.id}`,
          number: t('world.levelNumber', { world, order: level.order }),
          title: localize(level.title, locale),
          stars: stars[level.id] ?? 0,
          locked,
          fontSize: portrait ? 15 : 17,
          detail: tileDetail(level, progress.levels[level.id], locked, locale),
        });
        tiles.push(tile);
      });
      withId(`world:${world}`, this.add.zone(panel.x, panel.y, panel.width, panel.height).setOrigin(0, 0));
    }
    screen.add(...tiles);

    // ---- status line ----
    const status = withId(
      'world:status',
      this.add
        .text(W / 2, H - statusH / 2 - 4, t('world.hint'), {
          ...TEXT.bodyMuted,
          align: 'center',
          wordWrap: { width: W - 32, useAdvancedWrap: true },
        })
        .setOrigin(0.5, 0.5),
    );
    const say = (text: string, color: string): void => {
      status.setText(text).setColor(color);
      fitText(status, { width: W - 32, height: statusH }, true);
    };
    fitText(status, { width: W - 32, height: statusH }, true);

    for (const tile of tiles) {
      const levelId = tile.id.slice('level:'.length);
      const level = levelsById.get(levelId)!;
      tile.events.on('press', () => {
        const title = localize(level.title, locale);
        if (tile.isLocked()) {
          if (!isWorldUnlocked(level.world, stars)) {
            const prev = (level.world - 1) as WorldId;
            const need = Math.max(0, starsToUnlockWorld(level.world) - worldStars(prev, stars));
            say(t('world.worldLocked', { title, stars: need, previous: prev }), CSS.warning);
          } else {
            // The campaign rule: the level before opens this one after TRIES_TO_GO_ON tries without a star.
            const previous = previousInWorld(level.id);
            const left = previous ? triesLeftToGoOn(previous.id, stars, triesWithoutStar(progress)) : 0;
            const open = previous && !tiles.find((tl) => tl.id === `level:${previous.id}`)?.isLocked();
            say(
              open && left > 0
                ? t('world.levelLockedTries', { previous: localize(previous.title, locale), tries: left })
                : t('world.levelLocked', { title }),
              CSS.warning,
            );
          }
          return;
        }
        goTo(this, SCENES.level, { levelId });
      });
    }
    back.events.on('press', () => goTo(this, SCENES.title));
    this.input.keyboard?.on('keydown-ESC', () => goTo(this, SCENES.title));

    // Focus (without a ring until the keyboard is used) the first open level still short of three stars.
    const next = tiles.find((tl) => !tl.isLocked() && tl.starCount() < 3) ?? tiles.find((tl) => !tl.isLocked());
    if (next) screen.focus.focus(next, false);
    screen.ready();
  }
}
