import * as Phaser from 'phaser';
import { goTo } from '../scene-loader';
import { switchLocale } from '../locale-sync';
import { LOCALE_NAMES, LOCALES } from '../../shared/i18n/locales';
import { t } from '../../shared/messages';
import { BACKEND_PREFERENCES } from '../../shared/worker-api';
import { watch } from '../state';
import { Button } from '../ui/Button';
import { Label } from '../ui/Label';
import { Panel } from '../ui/Panel';
import { SegmentedControl } from '../ui/SegmentedControl';
import { CSS, TEXT } from '../ui/theme';
import { SCENES, addNoticeBanner, beginScreen, type SceneKey } from './screen-kit';

type OnOff = 'on' | 'off';

export interface SettingsData {
  /** The scene to return to (default Title). */
  from?: SceneKey;
  /** After a language change: keep the focus on the language picker. */
  focusLanguage?: boolean;
}

/**
 * Settings: language (the scene draws itself again in it), compute backend (restarts the ML worker with it), sound,
 * reduced motion, and reset progress with a confirm step. Every change is saved at once (the store persists
 * settings and progress).
 * Widget ids: settings:lang:en|pl|cs|es  settings:backend:auto|webgl|wasm|cpu  settings:sound:on|off  settings:motion:on|off
 *   settings:reset  settings:reset:yes  settings:reset:no  settings:back  notice:dismiss
 */
export class Settings extends Phaser.Scene {
  constructor() {
    super('Settings');
  }

  create(data: SettingsData): void {
    const screen = beginScreen(this, data);
    const { width: W, height: H, portrait, context } = screen;
    const { store, training } = context;
    const actions = () => store.getState();
    const from = data?.from ?? SCENES.title;

    const pw = portrait ? W - 24 : 720;
    const px = (W - pw) / 2;
    const top = portrait ? 16 : 28;
    const bannerH = portrait ? 84 : 48;
    const panel = { x: px, y: top, width: pw, height: H - top - bannerH - (portrait ? 28 : 32) };
    const card = new Panel(this, panel);
    this.add.text(px + 20, top + 18, t('settings.title'), { ...TEXT.title, fontSize: portrait ? '26px' : '28px' });
    const inner = { x: px + 20, width: pw - 40 };
    const rowGap = portrait ? 24 : 26;
    let y = top + (portrait ? 78 : 84);
    const section = (text: string): void => {
      new Label(this, { x: inner.x, y, text: text.toUpperCase(), variant: 'section' });
      y += 24;
    };
    const onOff = (v: boolean): OnOff => (v ? 'on' : 'off');
    const onOffOptions = [
      { value: 'on' as OnOff, label: t('settings.on') },
      { value: 'off' as OnOff, label: t('settings.off') },
    ];
    const controlH = portrait ? 48 : 44;

    section(t('settings.language'));
    const language = new SegmentedControl(this, {
      x: inner.x,
      y,
      width: inner.width,
      height: controlH,
      idPrefix: 'settings:lang',
      options: LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] })),
      value: actions().settings.locale,
    });
    y += controlH + rowGap;

    section(t('settings.backend'));
    const backend = new SegmentedControl(this, {
      x: inner.x,
      y,
      width: inner.width,
      height: controlH,
      idPrefix: 'settings:backend',
      options: BACKEND_PREFERENCES.map((value) => ({ value, label: t(`backend.${value}`) })),
      value: context.backendOverride ?? actions().settings.backend,
    });
    y += controlH + 8;
    const help = new Label(this, {
      x: inner.x,
      y,
      // Software WebGL (no graphics card: a VM, a remote desktop) trains many times slower: say so where it is.
      text:
        actions().lab.display.softwareGl || actions().lab.backendInfo?.isSoftwareGl
          ? `${t('settings.backendHelp')} ${t('settings.backendSoftware')}`
          : t('settings.backendHelp'),
      variant: 'small',
      wrap: inner.width,
    });
    y += help.text.height + rowGap;

    const half = portrait ? inner.width : Math.floor((inner.width - 24) / 2);
    section(t('settings.sound'));
    const sound = new SegmentedControl(this, {
      x: inner.x,
      y,
      width: half,
      height: controlH,
      idPrefix: 'settings:sound',
      options: onOffOptions,
      value: onOff(actions().settings.sound),
    });
    let motionY = y;
    let motionX = inner.x + half + 24;
    if (portrait) {
      y += controlH + rowGap;
      new Label(this, { x: inner.x, y, text: t('settings.motion').toUpperCase(), variant: 'section' });
      y += 24;
      motionY = y;
      motionX = inner.x;
    } else {
      new Label(this, { x: motionX, y: y - 24, text: t('settings.motion').toUpperCase(), variant: 'section' });
    }
    const motion = new SegmentedControl(this, {
      x: motionX,
      y: motionY,
      width: half,
      height: controlH,
      idPrefix: 'settings:motion',
      options: onOffOptions,
      value: onOff(actions().settings.reducedMotion),
    });
    y += controlH + rowGap;

    section(t('settings.progress'));
    const resetW = portrait ? inner.width : 240;
    const reset = new Button(this, {
      x: inner.x,
      y,
      width: resetW,
      height: controlH,
      id: 'settings:reset',
      label: t('settings.reset'),
      variant: 'danger',
    });
    const confirmText = this.add
      .text(inner.x, y + controlH / 2, t('settings.resetConfirm'), {
        ...TEXT.body,
        color: CSS.warning,
        wordWrap: { width: inner.width },
      })
      .setOrigin(0, 0.5);
    const yesY = portrait ? y + 40 : y;
    const yesX = portrait ? inner.x : inner.x + Math.min(360, confirmText.width + 20);
    const bw = portrait ? Math.floor((inner.width - 12) / 2) : 150;
    const yes = new Button(this, {
      x: yesX,
      y: yesY,
      width: bw,
      height: controlH,
      id: 'settings:reset:yes',
      label: t('settings.resetYes'),
      variant: 'danger',
    });
    const no = new Button(this, {
      x: yesX + bw + 12,
      y: yesY,
      width: bw,
      height: controlH,
      id: 'settings:reset:no',
      label: t('settings.resetNo'),
    });
    const done = this.add.text(inner.x, y + controlH + (portrait ? 52 : 10), '', {
      ...TEXT.small,
      color: CSS.success,
      wordWrap: { width: inner.width },
    });

    // Landscape: the card ends under its content instead of leaving a gap above Done.
    if (!portrait) {
      panel.height = Math.min(panel.height, y + controlH + 48 + 52 + 20 - top);
      card.layout(panel);
    }
    const back = new Button(this, {
      x: portrait ? inner.x : px + pw - 20 - 180,
      y: panel.y + panel.height - 20 - 52,
      width: portrait ? inner.width : 180,
      height: 52,
      id: 'settings:back',
      label: t('settings.back'),
      variant: 'primary',
    });

    const confirming = (on: boolean): void => {
      reset.setVisible(!on).setEnabled(!on);
      confirmText.setVisible(on);
      if (portrait && on) confirmText.setY(y + 14);
      yes.setVisible(on).setEnabled(on);
      no.setVisible(on).setEnabled(on);
    };
    confirming(false);

    screen.add(
      language as SegmentedControl<string>,
      backend as unknown as SegmentedControl<string>,
      sound as SegmentedControl<string>,
      motion as SegmentedControl<string>,
    );
    screen.add(reset, yes, no, back);

    language.events.on('change', (v) =>
      switchLocale(this, v, () => this.scene.restart({ ...data, focusLanguage: true })),
    );
    backend.events.on('change', (v) => {
      context.backendOverride = null;
      actions().setBackendPreference(v);
      actions().addNotice('info', 'notice.backendChanged', { backend: t(`backend.${v}`) });
      training.restartEngine();
    });
    sound.events.on('change', (v) => actions().setSound(v === 'on'));
    motion.events.on('change', (v) => actions().setReducedMotion(v === 'on'));
    reset.events.on('press', () => {
      done.setText('');
      confirming(true);
      screen.focus.focus(no, false);
    });
    no.events.on('press', () => {
      confirming(false);
      screen.focus.focus(reset, false);
    });
    yes.events.on('press', () => {
      actions().resetProgress();
      confirming(false);
      done.setText(t('settings.resetDone'));
      screen.focus.focus(reset, false);
    });
    const leave = (): void => goTo(this, from);
    back.events.on('press', leave);
    this.input.keyboard?.on('keydown-ESC', leave);

    screen.onShutdown(
      watch(
        store,
        (s) => s.settings,
        (s) => {
          backend.setValue(context.backendOverride ?? s.backend);
          sound.setValue(onOff(s.sound));
          motion.setValue(onOff(s.reducedMotion));
        },
      ),
    );
    addNoticeBanner(
      this,
      screen,
      { x: portrait ? 12 : px, y: H - bannerH - 16, width: portrait ? W - 24 : pw, height: bannerH },
      t('title.keys'),
    );
    screen.focus.focus(data?.focusLanguage ? language : backend, false);
    screen.ready();
  }
}
