import type * as Phaser from 'phaser';
import { lossHistoryCsv } from '../../../shared/export';
import type { LAB_HIDEABLE } from '../../../shared/links';
import { setupQuery } from '../../../shared/links';
import { t, type MessageKey, type MessageParams } from '../../../shared/messages';
import type { GameContext } from '../../context';
import type { LabLayout } from '../../layout/lab-layout';
import { copyText, downloadBlob, downloadText } from '../../share/browser-files';
import { exportLabModel, importLabModel } from '../../share/lab-model-files';
import { labSetupOf } from '../../share/lab-link';
import { snapshotPng } from '../../share/snapshot-png';
import { linkHidden } from '../../share/startup-link';
import { SHARE_BUTTON_PORTRAIT_WIDTH } from './lab-controls';
import { watch } from '../../state';
import { Button } from '../../ui/Button';
import { Label } from '../../ui/Label';
import { TextField } from '../../ui/TextField';
import { COLORS, type Rect } from '../../ui/theme';
import type { LabChrome } from './lab-chrome';
import type { LabControls } from './lab-controls';
import type { LabOutput } from './lab-output';

const ACTIONS = ['link', 'exportModel', 'importModel', 'lossCsv', 'chartPng', 'imagesPng'] as const;
type Action = (typeof ACTIONS)[number];
const LABELS: Record<Action, MessageKey> = {
  link: 'link.copy',
  exportModel: 'share.exportModel',
  importModel: 'share.importModel',
  lossCsv: 'share.lossCsv',
  chartPng: 'share.chartPng',
  imagesPng: 'share.imagesPng',
};

/**
 * The Lab's "Share" button and its sheet: copy a link to this setup (clipboard, or a visible text field to copy by
 * hand), save / load the trained model as a file, the loss history as CSV, the chart and the image rows as PNG.
 * Also keeps a teacher's `&hide=` controls disabled. Installed by one line in Lab.ts; returns the cleanup.
 * Widget ids: share:open, share:link … share:imagesPng, share:close; the link field is the <input id="lq-share-link">.
 */
export function installLabShare(
  scene: Phaser.Scene,
  context: GameContext,
  L: LabLayout,
  parts: { chrome: LabChrome; controls: LabControls; output: LabOutput },
): () => void {
  const { store } = context;
  // Landscape: in the top bar after "Draw a digit" (the engine line wraps in what is left). A phone's top bar has
  // no room left: the button sits at the right end of the controls card's first label row.
  const drawBox = parts.chrome.drawButton.getBounds();
  const first = L.rows.dataset;
  const rect: Rect = L.portrait
    ? {
        x: first.x + first.width - SHARE_BUTTON_PORTRAIT_WIDTH,
        y: first.y - 24 - 12,
        width: SHARE_BUTTON_PORTRAIT_WIDTH,
        height: 34,
      }
    : { x: drawBox.x + drawBox.width + 10, y: drawBox.y, width: 150, height: drawBox.height };
  const opener = new Button(scene, { ...rect, id: 'share:open', label: t('share.open') });
  if (!L.portrait) parts.chrome.reason.setWrap(Math.max(120, L.topBar.width - 20 - (rect.x + rect.width + 16)));
  let sheet: { destroy(): void } | null = null;
  const close = (): void => {
    sheet?.destroy();
    sheet = null;
  };
  opener.events.on('press', () => {
    close();
    sheet = openSheet(scene, context, L, close);
  });
  // A teacher's `&hide=`: those controls stay disabled whatever the model (after the Lab's own enabling).
  const hidden = linkHidden('lab');
  const { controls } = parts;
  const byName: Partial<Record<(typeof LAB_HIDEABLE)[number], { setEnabled(on: boolean): unknown }[]>> = {
    dataset: [controls.dataset],
    kind: [controls.kind],
    bottleneck: [controls.bottleneck],
    hidden: [controls.hidden],
    noise: [controls.noise, controls.noiseLevel],
  };
  const applyHidden = (): void => {
    for (const [name, widgets] of Object.entries(byName))
      if (hidden.has(name)) for (const w of widgets) w.setEnabled(false);
  };
  const off = hidden.size > 0 ? watch(store, (s) => s.lab.config, applyHidden) : () => {};
  applyHidden();
  return () => {
    off();
    close();
    opener.destroy();
  };
}

function openSheet(scene: Phaser.Scene, context: GameContext, L: LabLayout, close: () => void): { destroy(): void } {
  const { store } = context;
  const cam = scene.cameras.main;
  const W = scene.scale.width;
  const H = scene.scale.height;
  const top = cam.scrollY;
  const cardW = Math.min(560, W - 24);
  const cols = L.portrait ? 1 : 2;
  const rows = Math.ceil(ACTIONS.length / cols);
  const cardH = 64 + rows * 56 + 150;
  const card: Rect = {
    x: Math.round((W - cardW) / 2),
    y: top + Math.max(12, Math.round((H - cardH) / 2)),
    width: cardW,
    height: cardH,
  };
  const gfx = scene.add.graphics();
  gfx.fillStyle(0x000000, 0.55).fillRect(0, top, W, H);
  gfx.fillStyle(COLORS.panel, 1).fillRoundedRect(card.x, card.y, card.width, card.height, 12);
  gfx.lineStyle(2, COLORS.panelBorder, 1).strokeRoundedRect(card.x, card.y, card.width, card.height, 12);
  const blocker = scene.add.zone(0, top, W, H).setOrigin(0, 0).setInteractive();
  const title = new Label(scene, { x: card.x + 20, y: card.y + 18, text: t('share.title'), variant: 'title' });
  const closeButton = new Button(scene, {
    x: card.x + card.width - 16 - 110,
    y: card.y + 12,
    width: 110,
    height: 40,
    id: 'share:close',
    label: t('share.close'),
  });
  const bw = (card.width - 40 - (cols - 1) * 12) / cols;
  const buttons = ACTIONS.map(
    (action, i) =>
      new Button(scene, {
        x: card.x + 20 + (i % cols) * (bw + 12),
        y: card.y + 64 + Math.floor(i / cols) * 56,
        width: bw,
        height: 46,
        id: `share:${action}`,
        label: t(LABELS[action]),
      }),
  );
  const statusY = card.y + 64 + rows * 56 + 4;
  const status = new Label(scene, { x: card.x + 20, y: statusY, text: '', variant: 'body', wrap: card.width - 40 });
  status.text.setStyle({ maxLines: 3 });
  const say = (key: MessageKey, params?: MessageParams): void => {
    status.setText(t(key, params));
  };
  let field: TextField | null = null;
  const showLink = (link: string): void => {
    field?.destroy();
    field = new TextField(scene, {
      x: card.x + 20,
      y: statusY + 72,
      width: card.width - 40,
      height: 44,
      id: 'share:linkField',
      domId: 'lq-share-link',
      label: t('link.field'),
      value: link,
      maxLength: 30_000,
    });
    field.input.readOnly = true;
    field.input.focus();
    field.input.select();
  };
  const busy = (): boolean => ['training', 'paused', 'initialising'].includes(store.getState().lab.status);
  const run: Record<Action, () => Promise<void> | void> = {
    link: async () => {
      const query = setupQuery(labSetupOf(store.getState().lab.config), [...linkHidden('lab')]);
      const link = `${window.location.origin}${window.location.pathname}?${query}`;
      const copied = await copyText(link);
      showLink(link);
      say(copied ? 'link.copied' : 'link.fallback');
    },
    exportModel: async () => {
      const model = store.getState().lab.model;
      if (busy()) return say('share.busy');
      if (!model) return say('share.noModel');
      const file = await exportLabModel(context.bridge, model.modelId);
      downloadText(file.name, file.text, 'application/json');
      say('share.saved', { file: file.name });
    },
    importModel: async () => {
      if (busy()) return say('share.busy');
      const outcome = await importLabModel(context);
      if (outcome === null) return;
      if (outcome.ok) say('share.loaded', { file: outcome.file, kind: t(`kind.${outcome.kind}`), size: outcome.size });
      else say('share.loadFailed', { problem: outcome.problem });
    },
    lossCsv: () => {
      const points = store.getState().lab.lossHistory;
      if (points.length === 0) return say('share.noLoss');
      const name = 'latent-quest-loss.csv';
      downloadText(name, lossHistoryCsv(points), 'text/csv');
      say('share.saved', { file: name });
    },
    chartPng: () => savePng(L.chartCard, 'latent-quest-loss-chart.png'),
    imagesPng: () => savePng(L.imagesCard, 'latent-quest-images.png'),
  };
  const savePng = async (area: Rect, name: string): Promise<void> => {
    // The sheet covers the screen: hide it for the frame the picture is taken in.
    setVisible(false);
    const blob = await snapshotPng(scene, area, () => context.renderGate?.invalidate());
    setVisible(true);
    if (!blob) return;
    downloadBlob(name, blob);
    say('share.saved', { file: name });
  };
  const objects: { setVisible(v: boolean): unknown }[] = [gfx, title, closeButton, status, ...buttons];
  const setVisible = (v: boolean): void => {
    for (const o of objects) o.setVisible(v);
    field?.setVisible(v);
  };
  ACTIONS.forEach((action, i) => buttons[i].events.on('press', () => void run[action]()));
  closeButton.events.on('press', close);
  return {
    destroy: () => {
      for (const b of buttons) b.destroy();
      closeButton.destroy();
      field?.destroy();
      title.destroy();
      status.destroy();
      blocker.destroy();
      gfx.destroy();
    },
  };
}
