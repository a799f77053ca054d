import type * as Phaser from 'phaser';
import { goTo } from '../../scene-loader';
import { t } from '../../../shared/messages';
import { ClassroomService } from '../../classroom/classroom-service';
import { problemText } from '../../classroom/problem-text';
import { Button } from '../../ui/Button';
import { Panel } from '../../ui/Panel';
import { TextField } from '../../ui/TextField';
import { CSS, TEXT, type Rect } from '../../ui/theme';
import { SCENES, type Screen } from '../screen-kit';

/**
 * The join form: code + nickname, checked with the server's own rules before sending; on success the scene
 * restarts into the class screen. Widget ids: class:code  class:nickname  class:join  class:back
 */
export function buildJoinForm(scene: Phaser.Scene, screen: Screen, code: string): void {
  const { width: W, height: H, portrait, context } = screen;
  const cx = W / 2;
  const pw = portrait ? W - 32 : 600;
  const px = cx - pw / 2;
  let y = portrait ? 40 : 70;
  scene.add
    .text(cx, y, t('class.joinTitle'), { ...TEXT.title, fontSize: portrait ? '32px' : '40px' })
    .setOrigin(0.5, 0);
  y += portrait ? 56 : 66;
  const intro = scene.add
    .text(cx, y, t('class.joinIntro'), {
      ...TEXT.bodyMuted,
      fontSize: portrait ? '16px' : '18px',
      align: 'center',
      wordWrap: { width: pw, useAdvancedWrap: true },
    })
    .setOrigin(0.5, 0);
  y += intro.height + 24;
  const panel: Rect = { x: px, y, width: pw, height: portrait ? 262 : 248 };
  new Panel(scene, panel);
  const inner = { x: px + 20, width: pw - 40 };
  let fy = panel.y + 20;
  scene.add.text(inner.x, fy, t('class.code'), TEXT.heading);
  fy += 28;
  const codeField = new TextField(scene, {
    ...inner,
    y: fy,
    height: 56,
    id: 'class:code',
    domId: 'lq-join-code',
    label: t('class.code'),
    value: code,
    maxLength: 9,
    autocapitalize: 'characters',
  });
  fy += 56 + 18;
  scene.add.text(inner.x, fy, t('class.nickname'), TEXT.heading);
  fy += 28;
  const nickField = new TextField(scene, {
    ...inner,
    y: fy,
    height: 56,
    id: 'class:nickname',
    domId: 'lq-join-nickname',
    label: t('class.nickname'),
    maxLength: 40,
    autocapitalize: 'words',
    autocomplete: 'nickname',
  });
  fy += 56 + 8;
  scene.add.text(inner.x, fy, t('class.nicknameHelp'), {
    ...TEXT.small,
    wordWrap: { width: inner.width, useAdvancedWrap: true },
  });
  const join = new Button(scene, {
    ...inner,
    y: panel.y + panel.height + 16,
    height: 56,
    id: 'class:join',
    label: t('class.join'),
    variant: 'primary',
  });
  const message = scene.add
    .text(cx, join.getBounds().y + 56 + 16, '', {
      ...TEXT.body,
      color: CSS.warning,
      align: 'center',
      wordWrap: { width: pw, useAdvancedWrap: true },
    })
    .setOrigin(0.5, 0);
  const back = new Button(scene, {
    x: portrait ? 16 : 40,
    y: H - 76,
    width: portrait ? 140 : 180,
    height: 52,
    id: 'class:back',
    label: t('class.back'),
  });
  screen.add<TextField | Button>(codeField, nickField, join, back);

  let busy = false;
  const submit = async (): Promise<void> => {
    if (busy) return;
    const problem = ClassroomService.checkForm(codeField.value, nickField.value);
    if (problem) {
      message.setText(problemText(problem));
      return;
    }
    busy = true;
    join.setEnabled(false).setLabel(t('class.joining'));
    message.setText('');
    const outcome = await context.classroom.join(codeField.value, nickField.value);
    busy = false;
    if (!scene.sys.isActive()) return;
    if (outcome.ok) {
      scene.scene.restart({});
      return;
    }
    join.setEnabled(true).setLabel(t('class.join'));
    // A 404 from a plain static server (npm start): there is no class server behind this game.
    const { code, params } = outcome.problem;
    message.setText(
      code === 'noRoute' || (code === 'httpStatus' && params?.status === 404)
        ? t('class.notServed')
        : problemText(outcome.problem),
    );
  };
  join.events.on('press', () => void submit());
  codeField.events.on('submit', () => (nickField.value ? void submit() : nickField.input.focus()));
  nickField.events.on('submit', () => void submit());
  back.events.on('press', () => goTo(scene, SCENES.title));
  screen.focus.focus(code ? nickField : codeField, false);
}
