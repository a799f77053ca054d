import * as Phaser from 'phaser';
import { goTo } from '../scene-loader';
import { PRELOAD_ASSETS } from '../assets';
import { getContext } from '../context';
import { levelDeepLink } from '../level/deep-link';
import { startupRoute } from '../share/startup-link';
import { readSetupLink } from '../../shared/links/setup-link';
import { t } from '../../shared/messages';
import { COLORS, TEXT } from '../ui/theme';

/** True when the Preloader's next screen is the Title (no level, Lab or shared-setup link). */
function goesToTitle(scene: string): boolean {
  const search = window.location.search;
  return scene === 'Title' && levelDeepLink(search) === null && readSetupLink(search).status === 'none';
}

/**
 * Shows the logo and a progress bar driven by the loader's real 'progress' events while the game's assets
 * load, and starts the ML worker meanwhile so the engine is warming up before the first screen (Title, or `?scene=`) appears.
 */
export class Preloader extends Phaser.Scene {
  constructor() {
    super('Preloader');
  }

  preload(): void {
    // Into a level, the Lab or a shared setup: the engine starts now, so it is warm when the first Train is pressed.
    // To the Title: it starts once the title has drawn (Title.create), so the worker's 2 MB script and WebAssembly
    // compile do not compete with the title for the CPU (issue 15: title interactive within 500 ms).
    if (!goesToTitle(getContext(this).url.scene)) void getContext(this).training.warmUp();

    const { width, height } = this.scale;
    const cx = width / 2;
    const cy = height / 2;
    this.add.image(cx, cy - 110, 'logo');
    this.add.text(cx, cy - 40, t('preloader.title'), { ...TEXT.title, fontSize: '40px' }).setOrigin(0.5, 0.5);
    this.add.text(cx, cy + 6, t('preloader.tagline'), TEXT.bodyMuted).setOrigin(0.5, 0.5);

    const barW = Math.min(480, width - 80);
    const barH = 14;
    const barX = cx - barW / 2;
    const barY = cy + 56;
    const bar = this.add.graphics();
    const caption = this.add
      .text(cx, barY + 34, t('preloader.progress', { percent: 0 }), TEXT.small)
      .setOrigin(0.5, 0.5);
    const draw = (f: number): void => {
      bar.clear();
      bar.fillStyle(COLORS.surface, 1).fillRoundedRect(barX, barY, barW, barH, barH / 2);
      if (f > 0) bar.fillStyle(COLORS.accent, 1).fillRoundedRect(barX, barY, Math.max(barH, barW * f), barH, barH / 2);
      caption.setText(t('preloader.progress', { percent: Math.round(f * 100) }));
    };
    draw(0);
    this.load.on(Phaser.Loader.Events.PROGRESS, draw);
    this.load.once(Phaser.Loader.Events.COMPLETE, () => this.load.off(Phaser.Loader.Events.PROGRESS, draw));

    for (const a of PRELOAD_ASSETS) this.load.svg(a.key, a.url, { width: a.width, height: a.height });
  }

  create(): void {
    // `?setup=…` (src/game/share/startup-link.ts): a shared Lab setup or level attempt; a bad one notes why.
    const route = startupRoute(getContext(this).store, window.location.search);
    if (route) {
      goTo(this, route.scene, route.scene === 'Level' ? route.data : undefined);
      return;
    }
    // `?level=<id>` deep link (src/game/level/deep-link.ts): straight into a level.
    const levelId = levelDeepLink(window.location.search);
    if (levelId) {
      goTo(this, 'Level', { levelId });
      return;
    }
    goTo(this, getContext(this).url.scene);
  }
}
