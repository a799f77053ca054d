/**
 * The Lab's Settings view (branch lab): every hyperparameter the engine has, one labelled control each (two
 * columns on a wide screen, one on a phone). A control that does nothing for the chosen model kind is disabled
 * and says why where its value would be (lab-hyper.ts `inapplicable`).
 */
import { linkHidden } from '../../share/startup-link';
import type * as Phaser from 'phaser';
import { t, type MessageKey } from '../../../shared/messages';
import { SECTION_LABEL_OFFSET, type LabLayout } from '../../layout/lab-layout';
import {
  ACTIVATION_CHOICES,
  BATCH_SIZES,
  BETA_RANGE,
  CODEBOOK_SIZES,
  DEPTHS,
  HYPER_CONTROLS,
  LEARNING_RATES,
  LOSS_CHOICES,
  RHO_RANGE,
  SLOT_CHOICES,
  SPARSITY_WEIGHT_RANGE,
  STEP_CHOICES,
  inapplicable,
  type HyperControl,
} from '../../state/lab-hyper';
import type { GameStoreApi, LabConfig } from '../../state';
import type { Focusable } from '../../ui/Widget';
import { Label } from '../../ui/Label';
import { Panel } from '../../ui/Panel';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { Slider } from '../../ui/Slider';
import { CSS, type Rect } from '../../ui/theme';
import { formatLevel } from '../../view/format';

type Control = SegmentedControl<string> | Slider;

interface Row {
  control: Control;
  title: Label;
  value: Label;
  /** The value as the control and the caption show it. */
  show(c: LabConfig): void;
}

const ROW_H = 34;
const ROW_GAP = 10;

const choices = (values: readonly (number | string)[], label: (v: string) => string = (v) => v) =>
  values.map((v) => ({ value: String(v), label: label(String(v)) }));

export class LabSettingsView {
  private readonly panel: Panel;
  private readonly rows = new Map<HyperControl, Row>();
  private readonly labels: Label[] = [];
  /** A teacher's `&hide=` (link names → these controls): disabled whatever the model. */
  private readonly locked = lockedByLink(linkHidden('lab'));

  constructor(
    scene: Phaser.Scene,
    L: LabLayout,
    private readonly store: GameStoreApi,
  ) {
    const area = L.outputArea;
    this.panel = new Panel(scene, area);
    const columns = L.portrait ? 1 : 2;
    const perColumn = Math.ceil(HYPER_CONTROLS.length / columns);
    const colW = Math.floor((area.width - 32 - (columns - 1) * 24) / columns);
    const set = (patch: Partial<LabConfig>): void => store.getState().setHyper(patch);
    HYPER_CONTROLS.forEach((name, i) => {
      const col = Math.floor(i / perColumn);
      const rect: Rect = {
        x: area.x + 16 + col * (colW + 24),
        y: area.y + 14 + SECTION_LABEL_OFFSET + (i % perColumn) * (ROW_H + ROW_GAP + SECTION_LABEL_OFFSET),
        width: colW,
        height: ROW_H,
      };
      const title = new Label(scene, {
        x: rect.x,
        y: rect.y - SECTION_LABEL_OFFSET,
        text: upperLatin(t(`lab.hyper.${name}` as MessageKey)),
        variant: 'section',
        wrap: colW * 0.55,
      });
      const value = new Label(scene, {
        x: rect.x + rect.width,
        y: rect.y - SECTION_LABEL_OFFSET - 2,
        text: '',
        variant: 'small',
        align: 1,
        wrap: colW * 0.45,
      });
      this.labels.push(title, value);
      const row = this.buildRow(scene, name, rect, set);
      this.rows.set(name, { ...row, title, value });
    });
  }

  private buildRow(
    scene: Phaser.Scene,
    name: HyperControl,
    rect: Rect,
    set: (patch: Partial<LabConfig>) => void,
  ): Omit<Row, 'title' | 'value'> {
    const c0 = this.store.getState().lab.config;
    const segmented = (values: { value: string; label: string }[], value: string, onPick: (v: string) => void) => {
      const control = new SegmentedControl<string>(scene, {
        ...rect,
        idPrefix: `hyper:${name}`,
        options: values,
        value,
      });
      control.events.on('change', onPick);
      return control;
    };
    const slider = (range: { min: number; max: number; step: number }, value: number, onMove: (v: number) => void) => {
      const control = new Slider(scene, { ...rect, id: `hyper:${name}`, ...range, value });
      control.events.on('change', onMove);
      return control;
    };
    switch (name) {
      case 'learningRate': {
        const control = segmented(choices(LEARNING_RATES), String(c0.learningRate), (v) => set({ learningRate: +v }));
        return { control, show: (c) => void control.setValue(String(c.learningRate)) };
      }
      case 'steps': {
        const control = segmented(choices(STEP_CHOICES), String(c0.steps), (v) => set({ steps: +v }));
        return { control, show: (c) => void control.setValue(String(c.steps)) };
      }
      case 'batchSize': {
        const control = segmented(choices(BATCH_SIZES), String(c0.batchSize), (v) => set({ batchSize: +v }));
        return { control, show: (c) => void control.setValue(String(c.batchSize)) };
      }
      case 'loss': {
        const labels = choices(LOSS_CHOICES, (v) => t(`lab.loss.${v}` as MessageKey));
        const control = segmented(labels, c0.loss, (v) => set({ loss: v as LabConfig['loss'] }));
        return { control, show: (c) => void control.setValue(c.loss) };
      }
      case 'activation': {
        const labels = choices(ACTIVATION_CHOICES, (v) => t(`lab.activation.${v}` as MessageKey));
        const control = segmented(labels, c0.activation, (v) => set({ activation: v as LabConfig['activation'] }));
        return { control, show: (c) => void control.setValue(c.activation) };
      }
      case 'depth': {
        const control = segmented(choices(DEPTHS), String(c0.depth), (v) => set({ depth: +v }));
        return { control, show: (c) => void control.setValue(String(c.depth)) };
      }
      case 'codebookSize': {
        const control = segmented(choices(CODEBOOK_SIZES), String(c0.codebookSize), (v) => set({ codebookSize: +v }));
        return { control, show: (c) => void control.setValue(String(c.codebookSize)) };
      }
      case 'slots': {
        const control = segmented(choices(SLOT_CHOICES), String(c0.slots), (v) => set({ slots: +v }));
        return { control, show: (c) => void control.setValue(String(c.slots)) };
      }
      case 'beta': {
        const control = slider(BETA_RANGE, c0.beta, (v) => set({ beta: v }));
        return { control, show: (c) => void control.setValue(c.beta) };
      }
      case 'rho': {
        const control = slider(RHO_RANGE, c0.rho, (v) => set({ rho: v }));
        return { control, show: (c) => void control.setValue(c.rho) };
      }
      case 'sparsityWeight': {
        const control = slider(SPARSITY_WEIGHT_RANGE, c0.sparsityWeight, (v) => set({ sparsityWeight: v }));
        return { control, show: (c) => void control.setValue(c.sparsityWeight) };
      }
      case 'k': {
        const control = slider({ min: 1, max: 64, step: 1 }, c0.k, (v) => set({ k: v }));
        return { control, show: (c) => void control.setValue(c.k) };
      }
    }
  }

  /** Values, enabled states and the value-or-reason captions from the store's config. */
  sync(c: LabConfig): void {
    for (const [name, row] of this.rows) {
      row.show(c);
      const reason = inapplicable(name, c);
      row.control.setEnabled(reason === null && !this.locked.has(name));
      row.title.setColor(reason === null ? CSS.muted : CSS.disabled);
      row.value.setText(reason ? t(reason) : numericCaption(name, c));
      row.value.setColor(reason ? CSS.disabled : CSS.accent);
    }
  }

  focusables(): Focusable[] {
    return [...this.rows.values()].map((r) => r.control);
  }

  setVisible(visible: boolean): void {
    this.panel.setVisible(visible);
    for (const l of this.labels) l.setVisible(visible);
    for (const r of this.rows.values()) r.control.setVisible(visible);
  }

  destroy(): void {
    for (const r of this.rows.values()) r.control.destroy();
    for (const l of this.labels) l.destroy();
    this.panel.destroy();
  }
}

/** The Settings controls a link's `&hide=` names (LAB_HIDEABLE's field names; 'hidden' is the depth too). */
function lockedByLink(hidden: ReadonlySet<string>): Set<HyperControl> {
  const locked = new Set<HyperControl>();
  const same: HyperControl[] = ['learningRate', 'steps', 'batchSize', 'loss', 'activation', 'beta', 'k'];
  for (const name of same) if (hidden.has(name)) locked.add(name);
  if (hidden.has('hidden')) locked.add('depth');
  if (hidden.has('sparsity')) for (const name of ['rho', 'sparsityWeight'] as const) locked.add(name);
  return locked;
}

/** The sliders' values beside their titles (the segmented controls show theirs). */
function numericCaption(name: HyperControl, c: LabConfig): string {
  switch (name) {
    case 'beta':
      return formatLevel(c.beta);
    case 'rho':
      return formatLevel(c.rho);
    case 'sparsityWeight':
      return formatLevel(c.sparsityWeight);
    case 'k':
      return String(c.k);
    default:
      return '';
  }
}

/** Upper case for a section title, Greek letters kept (an upper-case β or ρ reads as B or P). */
function upperLatin(text: string): string {
  return [...text].map((ch) => (/[\u0370-\u03ff]/.test(ch) ? ch : ch.toUpperCase())).join('');
}
