import * as Phaser from 'phaser';
import { LOGO_PAINT_SCALE } from '../assets';
import { goTo, prefetchScenes } from '../scene-loader';
import { switchLocale } from '../locale-sync';
import { LOCALE_NAMES, LOCALES } from '../../shared/i18n/locales';
import { getLocale, t } from '../../shared/messages';
import { TITLE_LANGUAGE_GAP, titleLayout } from '../layout/title-layout';
import { rememberTitleData } from '../shell/title-data';
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
    const { width: W, height: H, context } = screen;

    const layout = titleLayout(W, H);
    const language = new SegmentedControl(this, {
      ...layout.language,
      idPrefix: 'title:lang',
      options: LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] })),
      value: context.store.getState().settings.locale,
      gap: TITLE_LANGUAGE_GAP,
    });
    language.events.on('change', (locale) =>
      switchLocale(this, locale, () => this.scene.restart({ focusLanguage: true })),
    );

    this.add.image(layout.logo.x, layout.logo.y, 'logo').setScale(layout.logo.scale / LOGO_PAINT_SCALE);
    this.add
      .text(layout.name.x, layout.name.y, t('app.title'), { ...TEXT.title, fontSize: `${layout.name.fontSize}px` })
      .setOrigin(0.5, 0.5);
    this.add
      .text(layout.tagline.x, layout.tagline.y, t('title.tagline'), {
        ...TEXT.bodyMuted,
        fontSize: `${layout.tagline.fontSize}px`,
        align: 'center',
        wordWrap: { width: layout.tagline.wrap, useAdvancedWrap: true },
      })
      .setOrigin(0.5, 0.5);

    const rects = layout.buttons;
    const play = new Button(this, {
      ...rects[0],
      id: 'title:play',
      label: t('title.play'),
      variant: 'primary',
      icon: 'icon-play',
    });
    const membership = context.classroom.membership;
    const joinLabel = membership
      ? t('title.inClass', { code: membership.code, nickname: membership.nickname })
      : t('title.join');
    const join = new Button(this, { ...rects[1], id: 'title:join', label: joinLabel });
    const lab = new Button(this, { ...rects[2], id: 'title:lab', label: t('title.lab') });
    const settings = new Button(this, { ...rects[3], id: 'title:settings', label: t('title.settings') });
    screen.add(play, join, lab, settings);
    screen.add(language as SegmentedControl<string>);
    if (data?.focusLanguage) screen.focus.focus(language, false);

    const stars = totalStars(context.store.getState().progress);
    const progressText = t('title.progress', { stars, total: TOTAL_STARS });
    const { progress } = layout;
    new StarRow(this, { x: progress.starX, y: progress.y, size: 11, count: 1 }).set(stars > 0 ? 1 : 0, false);
    this.add
      .text(progress.textX, progress.y, progressText, { ...TEXT.body, color: stars > 0 ? CSS.text : CSS.muted })
      .setOrigin(0, 0.5);
    addNoticeBanner(this, screen, layout.banner, t('title.keys'));
    // What the HTML title shows on the next load before the game is up (shell/title-shell.ts).
    rememberTitleData({ locale: getLocale(), progress: progressText, stars, join: joinLabel });

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
