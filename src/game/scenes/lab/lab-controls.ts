import type * as Phaser from 'phaser';
import { t } from '../../../shared/messages';
import { BACKEND_PREFERENCES, MODEL_KINDS, type BackendPreference, type ModelKind } from '../../../shared/worker-api';
import { SECTION_LABEL_OFFSET, type LabLayout } from '../../layout/lab-layout';
import {
  BOTTLENECK_MAX,
  BOTTLENECK_MIN,
  HIDDEN_WIDTHS,
  type DatasetChoice,
  type LabConfig,
  type NoiseType,
} from '../../state';
import { Label } from '../../ui/Label';
import { Panel } from '../../ui/Panel';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { Slider } from '../../ui/Slider';
import type { Rect } from '../../ui/theme';

const DATASETS: readonly DatasetChoice[] = ['glyphs', 'myGlyphs', 'mnist', 'mnistMine'];
/** Every model kind (the VQ-VAE's codebook size and slots are in the Settings view). */
const KINDS: readonly ModelKind[] = MODEL_KINDS;
const NOISES: readonly NoiseType[] = ['gaussian', 'saltPepper', 'masking', 'block'];

/** The Lab's controls panel: one labelled row per setting (data, model, sizes, noise, engine). */
export interface LabControls {
  readonly dataset: SegmentedControl<DatasetChoice>;
  readonly kind: SegmentedControl<ModelKind>;
  readonly bottleneck: Slider;
  readonly hidden: SegmentedControl<string>;
  readonly noise: SegmentedControl<NoiseType>;
  readonly noiseLevel: Slider;
  readonly backend: SegmentedControl<BackendPreference>;
  readonly hiddenLabel: Label;
  readonly noiseLabel: Label;
  readonly noiseLevelLabel: Label;
  readonly bottleneckValue: Label;
  readonly noiseLevelValue: Label;
  /** My kept drawings' counts (my alphabet, MNIST + mine), right of the dataset row's title. */
  readonly datasetValue: Label;
}

/** The Share button's width on a phone, at the right end of the dataset row. */
export const SHARE_BUTTON_PORTRAIT_WIDTH = 132;

export function buildLabControls(
  scene: Phaser.Scene,
  L: LabLayout,
  initial: LabConfig,
  backendValue: BackendPreference,
): LabControls {
  new Panel(scene, L.controls);
  const section = (rect: Rect, text: string): Label =>
    new Label(scene, { x: rect.x, y: rect.y - SECTION_LABEL_OFFSET, text: text.toUpperCase(), variant: 'section' });
  const valueLabel = (rect: Rect, rightInset = 0, maxWidth?: number): Label =>
    new Label(scene, {
      x: rect.x + rect.width - rightInset,
      y: rect.y - SECTION_LABEL_OFFSET - 2,
      text: '',
      variant: 'value',
      align: 1,
      ...(maxWidth ? { maxWidth } : {}),
    });
  section(L.rows.dataset, t('section.dataset'));
  section(L.rows.kind, t('section.model'));
  section(L.rows.bottleneck, t('section.bottleneck'));
  const hiddenLabel = section(L.rows.hidden, t('section.hidden'));
  const noiseLabel = section(L.rows.noise, t('section.noise'));
  const noiseLevelLabel = section(L.rows.noiseLevel, t('section.noiseLevel'));
  section(L.rows.backend, t('section.backend'));
  const bottleneckValue = valueLabel(L.rows.bottleneck);
  const noiseLevelValue = valueLabel(L.rows.noiseLevel);
  // On a phone the Share button takes the right end of the dataset row (lab-share-panel.ts): the count sits left of
  // it, between the section label and the button.
  const datasetValue = L.portrait
    ? valueLabel(
        L.rows.dataset,
        SHARE_BUTTON_PORTRAIT_WIDTH + 10,
        L.rows.dataset.width - SHARE_BUTTON_PORTRAIT_WIDTH - 80,
      )
    : valueLabel(L.rows.dataset);

  const dataset = new SegmentedControl(scene, {
    ...L.rows.dataset,
    idPrefix: 'dataset',
    options: DATASETS.map((value) => ({ value, label: t(`dataset.${value}`) })),
    value: initial.dataset,
  });
  const kind = new SegmentedControl(scene, {
    ...L.rows.kind,
    idPrefix: 'kind',
    options: KINDS.map((value) => ({ value, label: t(`kind.${value}`) })),
    value: initial.kind,
    columns: 4,
  });
  const bottleneck = new Slider(scene, {
    ...L.rows.bottleneck,
    id: 'bottleneck',
    min: BOTTLENECK_MIN,
    max: BOTTLENECK_MAX,
    step: 1,
    value: initial.bottleneck,
  });
  const hidden = new SegmentedControl(scene, {
    ...L.rows.hidden,
    idPrefix: 'hidden',
    options: HIDDEN_WIDTHS.map((w) => ({ value: String(w), label: String(w) })),
    value: String(initial.hiddenWidth),
  });
  const noise = new SegmentedControl(scene, {
    ...L.rows.noise,
    idPrefix: 'noise',
    options: NOISES.map((value) => ({ value, label: t(`noise.${value}`) })),
    value: initial.noiseType,
    columns: 2,
  });
  const noiseLevel = new Slider(scene, {
    ...L.rows.noiseLevel,
    id: 'noiseLevel',
    min: 0,
    max: 1,
    step: 0.05,
    value: initial.noiseLevel,
  });
  const backend = new SegmentedControl(scene, {
    ...L.rows.backend,
    idPrefix: 'backend',
    options: BACKEND_PREFERENCES.map((value) => ({ value, label: t(`backend.${value}`) })),
    value: backendValue,
  });
  return {
    dataset,
    kind,
    bottleneck,
    hidden,
    noise,
    noiseLevel,
    backend,
    hiddenLabel,
    noiseLabel,
    noiseLevelLabel,
    bottleneckValue,
    noiseLevelValue,
    datasetValue,
  };
}
