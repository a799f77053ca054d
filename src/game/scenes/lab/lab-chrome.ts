import type * as Phaser from 'phaser';
import { t } from '../../../shared/messages';
import type { LabLayout } from '../../layout/lab-layout';
import { LOGO_PAINT_SCALE } from '../../assets';
import { addBackdrop } from '../../ui/backdrop';
import { Button } from '../../ui/Button';
import { Label } from '../../ui/Label';
import { COLORS } from '../../ui/theme';

/** The Lab's top bar: backdrop, Back button, logo and title, and the engine line (engine + fallback reason). */
export interface LabChrome {
  readonly backButton: Button;
  /** Opens the drawing screen (your own digit through a pretrained model). */
  readonly drawButton: Button;
  readonly engine: Label;
  readonly reason: Label;
}

export function buildLabChrome(scene: Phaser.Scene, L: LabLayout): LabChrome {
  scene.cameras.main.setBackgroundColor(COLORS.bg);
  addBackdrop(scene, 0.35);
  const bar = scene.add.graphics();
  bar.fillStyle(COLORS.panel, 0.92).fillRect(L.topBar.x, L.topBar.y, L.topBar.width, L.topBar.height);
  bar.lineStyle(1, COLORS.panelBorder, 1).lineBetween(0, L.topBar.height - 0.5, L.topBar.width, L.topBar.height - 0.5);
  const backButton = new Button(scene, { ...L.back, id: 'lab:back', label: t('nav.back') });
  const logoX = L.back.x + L.back.width + 16;
  if (!L.portrait)
    scene.add
      .image(logoX, L.topBar.height / 2, 'logo')
      .setOrigin(0, 0.5)
      .setScale(0.5 / LOGO_PAINT_SCALE);
  const title = new Label(scene, {
    x: L.portrait ? logoX : logoX + 68,
    y: L.topBar.height / 2 - 17,
    text: L.portrait ? t('lab.title') : t('app.title'),
    variant: 'title',
  });
  const subtitle = new Label(scene, {
    x: title.text.x + title.text.width + 12,
    y: L.topBar.height / 2 - 8,
    text: t('lab.title'),
    variant: 'bodyMuted',
  });
  subtitle.setVisible(!L.portrait);
  // A phone's top bar has no room for the title, the Draw button and the engine line: the button takes the title's
  // place (Back and the controls say which screen this is) and the engine line wraps beside it.
  title.setVisible(!L.portrait);
  const drawX = L.portrait ? logoX : subtitle.text.x + subtitle.text.width + 20;
  const drawButton = new Button(scene, {
    x: drawX,
    y: L.back.y,
    width: L.portrait ? 124 : 168,
    height: L.back.height,
    id: 'lab:draw',
    label: t('draw.open'),
  });
  const engine = new Label(scene, { x: L.topBar.width - 20, y: 9, text: '', variant: 'body', align: 1 });
  const reasonWidth = Math.max(120, L.topBar.width - 20 - (drawX + drawButton.getBounds().width + 16));
  const reason = new Label(scene, {
    x: L.topBar.width - 20,
    y: 31,
    text: '',
    variant: 'small',
    align: 1,
    wrap: reasonWidth,
  });
  reason.text.setStyle({ maxLines: 2, align: 'right' });
  if (L.portrait) {
    engine.text.setFontSize(13).setOrigin(1, 0.5).setStyle({ align: 'right' });
    engine.setPosition(L.topBar.width - 12, L.topBar.height / 2);
    engine.setWrap(L.topBar.width - 12 - (drawX + drawButton.getBounds().width + 10));
    reason.setVisible(false);
  }
  return { backButton, drawButton, engine, reason };
}
