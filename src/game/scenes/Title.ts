import * as Phaser from 'phaser';
import { LOGO_PAINT_SCALE } from '../assets';
import { goTo, prefetchScenes } from '../scene-loader';
import { switchLocale } from '../locale-sync';
import { LOCALE_NAMES, LOCALES } from '../../shared/i18n/locales';
import { t } from '../../shared/messages';
import { stack } from '../layout/screen';
import { TOTAL_STARS, totalStars } from '../state';
import { Button } from '../ui/Button';
import { SegmentedControl } from '../ui/SegmentedControl';
import { StarRow } from '../ui/StarRow';
import { CSS, TEXT } from '../ui/theme';
import { SCENES, addNoticeBanner, beginScreen } from './screen-kit';
import { markStartup } from '../startup-marks';

/** Games whose engine warm-up the title has started (once per game; a level or the Lab may have done it). */
const warmed = new WeakSet<Phaser.Game>();

/**
 * The title screen: logo, Play (→ world map), Join a class, Lab (free play), Settings, and the total stars so far. Shows the
 * store's notices (e.g. "your save could not be read and was reset"), and the language picker (names, not flags).
 * Widget ids: title:play  title:join  title:lab  title:settings  title:lang:en|pl|cs|es  notice:dismiss
 */

export class Title extends Phaser.Scene {
  constructor() {
    super('Title');
  }

  create(data?: { focusLanguage?: boolean }): void {
    markStartup('title-create');
    const screen = beginScreen(this);
    const { width: W, height: H, portrait, context } = screen;
    const cx = W / 2;

    const langW = portrait ? W - 32 : 380;
    const language = new SegmentedControl(this, {
      x: portrait ? 16 : W - langW - 20,
      y: portrait ? 12 : 18,
      width: langW,
      height: portrait ? 40 : 36,
      idPrefix: 'title:lang',
      options: LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] })),
      value: context.store.getState().settings.locale,
    });
    language.events.on('change', (locale) =>
      switchLocale(this, locale, () => this.scene.restart({ focusLanguage: true })),
    );

    const top = portrait ? H * 0.14 : 118;
    this.add.image(cx, top, 'logo').setScale((portrait ? 1.3 : 1.5) / LOGO_PAINT_SCALE);
    const titleY = top + (portrait ? 84 : 96);
    this.add
      .text(cx, titleY, t('app.title'), { ...TEXT.title, fontSize: portrait ? '44px' : '60px' })
      .setOrigin(0.5, 0.5);
    this.add
      .text(cx, titleY + (portrait ? 52 : 58), t('title.tagline'), {
        ...TEXT.bodyMuted,
        fontSize: portrait ? '18px' : '20px',
        align: 'center',
        wordWrap: { width: W - 48, useAdvancedWrap: true },
      })
      .setOrigin(0.5, 0.5);

    const bw = portrait ? W - 64 : 340;
    const bh = portrait ? 60 : 56;
    const rects = stack(4, cx - bw / 2, titleY + (portrait ? 112 : 100), bw, bh, portrait ? 16 : 12);
    const play = new Button(this, {
      ...rects[0],
      id: 'title:play',
      label: t('title.play'),
      variant: 'primary',
      icon: 'icon-play',
    });
    const membership = context.classroom.membership;
    const join = new Button(this, {
      ...rects[1],
      id: 'title:join',
      label: membership
        ? t('title.inClass', { code: membership.code, nickname: membership.nickname })
        : t('title.join'),
    });
    const lab = new Button(this, { ...rects[2], id: 'title:lab', label: t('title.lab') });
    const settings = new Button(this, { ...rects[3], id: 'title:settings', label: t('title.settings') });
    screen.add(play, join, lab, settings);
    screen.add(language as SegmentedControl<string>);
    if (data?.focusLanguage) screen.focus.focus(language, false);

    const stars = totalStars(context.store.getState().progress);
    const py = rects[3].y + bh + (portrait ? 40 : 30);
    new StarRow(this, { x: cx - 70, y: py, size: 11, count: 1 }).set(stars > 0 ? 1 : 0, false);
    this.add
      .text(cx - 52, py, t('title.progress', { stars, total: TOTAL_STARS }), {
        ...TEXT.body,
        color: stars > 0 ? CSS.text : CSS.muted,
      })
      .setOrigin(0, 0.5);

    const bannerH = portrait ? 84 : 48;
    addNoticeBanner(
      this,
      screen,
      { x: portrait ? 16 : cx - 420, y: H - bannerH - 16, width: portrait ? W - 32 : 840, height: bannerH },
      t('title.keys'),
    );

    play.events.on('press', () => goTo(this, SCENES.map));
    join.events.on('press', () => goTo(this, SCENES.classroom));
    lab.events.on('press', () => goTo(this, SCENES.lab));
    settings.events.on('press', () => goTo(this, SCENES.settings, { from: SCENES.title }));
    screen.ready();
    // The other screens load in the background once the title is up (scene-loader.ts). Not on a deep link into a
    // level or the Lab: their chunks load when asked, so nothing is parsed while a first training runs.
    prefetchScenes(this.game);
    // The engine warms up once the title has drawn (Preloader leaves it to us when the title comes first).
    if (!warmed.has(this.game)) {
      warmed.add(this.game);
      this.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
        window.setTimeout(() => void screen.context.training.warmUp(), 0);
      });
    }
  }
}
