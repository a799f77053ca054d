/**
 * The Lab's right-hand views (branch lab) and the switch between them, under the run card: Training (the loss
 * chart and images), Settings (every hyperparameter), Generate (map, probe, samples, strip) and Compare (the
 * previous run beside this one). Each view draws inside `L.outputArea`; another view (e.g. a share panel) is
 * one more entry in LAB_VIEWS and one more branch in `show`. Test ids: lab:view:<name>.
 */
import type * as Phaser from 'phaser';
import { t, type MessageKey } from '../../../shared/messages';
import type { GameContext } from '../../context';
import type { LabLayout } from '../../layout/lab-layout';
import { watch } from '../../state';
import { SegmentedControl } from '../../ui/SegmentedControl';
import type { Focusable } from '../../ui/Widget';
import { LabCompareView } from './lab-compare-view';
import { LabGenerateView } from './lab-generate-view';
import type { LabOutput } from './lab-output';
import { LabSettingsView } from './lab-settings-view';

export const LAB_VIEWS = ['train', 'settings', 'generate', 'compare'] as const;
export type LabViewName = (typeof LAB_VIEWS)[number];

export interface LabViews {
  readonly tabs: SegmentedControl<LabViewName>;
  readonly settings: LabSettingsView;
  readonly generate: LabGenerateView;
  readonly compare: LabCompareView;
  focusables(): Focusable[];
  /** Store subscriptions (dropped on shutdown by the scene). */
  watchers(): (() => void)[];
  destroy(): void;
}

export function buildLabViews(
  scene: Phaser.Scene,
  L: LabLayout,
  context: GameContext,
  output: LabOutput,
  /** Re-applies the Training view's own visibility (which image rows show) after it comes back. */
  refreshTrain: () => void,
): LabViews {
  const { store, bridge } = context;
  const tabs = new SegmentedControl<LabViewName>(scene, {
    ...L.viewTabs,
    idPrefix: 'lab:view',
    options: LAB_VIEWS.map((value) => ({ value, label: t(`lab.view.${value}` as MessageKey) })),
    value: 'train',
  });
  const settings = new LabSettingsView(scene, L, store);
  const generate = new LabGenerateView(scene, L, bridge, store);
  const compare = new LabCompareView(scene, L);
  const trainWidgets = [output.chart, ...Object.values(output.grids)];

  const showCompare = (): void => {
    const lab = store.getState().lab;
    const current =
      lab.runConfig && lab.model
        ? {
            config: lab.runConfig,
            lossHistory: lab.lossHistory,
            preview: lab.preview,
            latentSize: lab.model.latentSize,
          }
        : null;
    compare.show(lab.previousRun, current);
  };
  const show = (view: LabViewName): void => {
    const train = view === 'train';
    for (const o of output.trainObjects) (o as unknown as Phaser.GameObjects.Components.Visible).setVisible(train);
    for (const w of trainWidgets) w.setVisible(train);
    if (train) refreshTrain();
    settings.setVisible(view === 'settings');
    if (view === 'settings') settings.sync(store.getState().lab.config);
    generate.setVisible(view === 'generate');
    compare.setVisible(view === 'compare');
    if (view === 'compare') showCompare();
  };
  tabs.events.on('change', show);
  show('train');

  return {
    tabs,
    settings,
    generate,
    compare,
    focusables: () => [tabs, ...settings.focusables(), ...generate.focusables()],
    watchers: () => [
      watch(
        store,
        (s) => s.lab.config,
        (c) => settings.sync(c),
      ),
      watch(
        store,
        (s) => [s.lab.model, s.lab.status] as const,
        ([model, status]) => generate.onModel(model, status === 'done'),
      ),
      watch(
        store,
        (s) => [s.lab.previousRun, s.lab.lossHistory, s.lab.preview, s.lab.runConfig] as const,
        () => {
          if (tabs.getValue() === 'compare') showCompare();
        },
      ),
    ],
    destroy: () => {
      tabs.destroy();
      settings.destroy();
      generate.destroy();
      compare.destroy();
    },
  };
}
