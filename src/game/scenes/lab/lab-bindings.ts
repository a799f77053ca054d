import { t } from '../../../shared/messages';
import type { GameContext } from '../../context';
import type { LabLayout } from '../../layout/lab-layout';
import { watch } from '../../state';
import { inapplicable } from '../../state/lab-hyper';
import { CSS } from '../../ui/theme';
import { formatLevel } from '../../view/format';
import { engineLine, noticeView, runView } from '../../view/lab-view';
import type { LabChrome } from './lab-chrome';
import type { LabControls } from './lab-controls';
import { IMAGE_ROWS, placeImageRows, showImages, type ImageRow, type LabOutput } from './lab-output';

/**
 * The Lab's training-run glue, both directions: widget events → store actions and the training controller
 * (wired once, gone with the widgets on shutdown), and store → widgets (returns the unsubscribers).
 */
export function wireLabEvents(context: GameContext, controls: LabControls, output: LabOutput): void {
  const { store, training } = context;
  const actions = () => store.getState();
  const { dataset, kind, bottleneck, hidden, noise, noiseLevel, backend } = controls;
  const { train, pause, cancel, notice } = output;
  dataset.events.on('change', (v) => actions().setDataset(v));
  kind.events.on('change', (v) => actions().setKind(v));
  bottleneck.events.on('change', (v) => actions().setBottleneck(v));
  hidden.events.on('change', (v) => actions().setHiddenWidth(Number(v)));
  noise.events.on('change', (v) => actions().setNoiseType(v));
  noiseLevel.events.on('change', (v) => actions().setNoiseLevel(v));
  backend.events.on('change', (v) => {
    context.backendOverride = null;
    actions().setBackendPreference(v);
    actions().addNotice('info', 'notice.backendChanged', { backend: t(`backend.${v}`) });
    training.restartEngine();
  });
  train.events.on('press', () => void training.train());
  pause.events.on('press', () => void (actions().lab.status === 'paused' ? training.resume() : training.pause()));
  cancel.events.on('press', () => void training.cancel());
  notice.events.on('dismiss', (id) => actions().dismissNotice(id));
}

/** The Training view's image rows from the store: which rows show, their images, the empty caption. */
export function refreshTrainImages(context: GameContext, L: LabLayout, output: LabOutput): void {
  const { preview, config } = context.store.getState().lab;
  const { rowLabels, grids, imagesEmpty } = output;
  const visibleRows: ImageRow[] =
    config.kind === 'denoising' || preview?.corrupted ? [...IMAGE_ROWS] : ['original', 'reconstructed'];
  placeImageRows(L, visibleRows, rowLabels, grids, imagesEmpty);
  showImages(grids, preview);
  imagesEmpty.setVisible(!preview?.outputs);
}

export function watchLabStore(
  context: GameContext,
  L: LabLayout,
  chrome: LabChrome,
  controls: LabControls,
  output: LabOutput,
  /** False while another view (lab-views.ts) covers the Training view's chart and images. */
  trainShown: () => boolean = () => true,
): (() => void)[] {
  const { store } = context;
  const actions = () => store.getState();
  const { dataset, kind, bottleneck, hidden, noise, noiseLevel, backend } = controls;
  const { hiddenLabel, noiseLabel, noiseLevelLabel, bottleneckValue, noiseLevelValue, datasetValue } = controls;
  const { train, pause, cancel, progress, chart, notice } = output;
  const { engine, reason } = chrome;
  return [
    watch(
      store,
      (s) => s.progress.drawings,
      (d) =>
        datasetValue.setText(t('lab.own.count', { digits: d?.digits.length ?? 0, letters: d?.letters.length ?? 0 })),
    ),
    watch(
      store,
      (s) => s.lab.config,
      (c) => {
        dataset.setValue(c.dataset);
        kind.setValue(c.kind);
        bottleneck.setValue(c.bottleneck);
        hidden.setValue(String(c.hiddenWidth));
        noise.setValue(c.noiseType);
        noiseLevel.setValue(c.noiseLevel);
        bottleneckValue.setText(String(c.bottleneck));
        noiseLevelValue.setText(formatLevel(c.noiseLevel));
        const denoising = c.kind === 'denoising';
        noise.setEnabled(denoising);
        noiseLevel.setEnabled(denoising);
        noiseLevelValue.setColor(denoising ? CSS.accent : CSS.disabled);
        noiseLabel.setColor(denoising ? CSS.muted : CSS.disabled);
        noiseLevelLabel.setColor(denoising ? CSS.muted : CSS.disabled);
        // branch lab: the width does nothing at depth 0 (Settings view) or in the conv model.
        const widthApplies = inapplicable('hidden', c) === null;
        hidden.setEnabled(widthApplies);
        hiddenLabel.setColor(widthApplies ? CSS.muted : CSS.disabled);
      },
    ),
    watch(
      store,
      (s) => [s.lab.status, s.lab.progress, s.lab.model, s.lab.outcome, s.lab.workerStatus],
      () => {
        const view = runView(actions().lab);
        progress.set(view.progress);
        train.setLabel(view.train.label).setEnabled(view.train.enabled);
        pause.setLabel(view.pause.label).setIcon(view.pause.icon).setEnabled(view.pause.enabled);
        cancel.setEnabled(view.cancel.enabled);
      },
    ),
    watch(
      store,
      (s) => s.lab.lossHistory,
      (points) => chart.setData(points),
    ),
    watch(
      store,
      (s) => [s.lab.preview, s.lab.config.kind] as const,
      () => {
        if (trainShown()) refreshTrainImages(context, L, output);
      },
    ),
    watch(
      store,
      (s) => [s.lab.backendInfo, s.lab.display],
      () => {
        const line = engineLine(actions().lab);
        engine.setText(line.engine);
        reason.setText(line.reason);
      },
    ),
    watch(
      store,
      (s) => s.lab.notices,
      (notices) => {
        const view = noticeView(notices);
        notice.show(view.notice, view.more, t('hint.keyboard'));
      },
    ),
    watch(
      store,
      (s) => s.settings.backend,
      (b) => backend.setValue(context.backendOverride ?? b),
    ),
  ];
}
