import type * as Phaser from 'phaser';
import type { ControlDefinition, ControlValue } from '../../shared/levels/types';
import { localize } from '../../shared/levels/text';
import { getLocale, t } from '../../shared/messages';
import { Label } from './Label';
import { SegmentedControl } from './SegmentedControl';
import { Slider } from './Slider';
import { CSS, type Rect } from './theme';
import type { Focusable } from './Widget';
import { registerId } from './widget-ids';

export interface ControlPanelConfig extends Rect {
  controls: readonly ControlDefinition[];
  values: Readonly<Record<string, ControlValue>>;
}

type Entry =
  | { def: ControlDefinition & { kind: 'slider' }; widget: Slider; rect: Rect; label: Label; value: Label }
  | {
      def: ControlDefinition & { kind: 'choice' | 'toggle' };
      widget: SegmentedControl<string>;
      rect: Rect;
      label: Label;
      value: null;
    };

interface Metrics {
  LABEL_H: number;
  GAP: number;
  SEGMENT_H: number;
  SEGMENT_GAP: number;
  SLIDER_H: number;
}
const REGULAR: Metrics = { LABEL_H: 22, GAP: 10, SEGMENT_H: 32, SEGMENT_GAP: 6, SLIDER_H: 28 };
/** For levels with many controls: still ≥ 28 px targets. */
const COMPACT: Metrics = { LABEL_H: 21, GAP: 6, SEGMENT_H: 29, SEGMENT_GAP: 5, SLIDER_H: 28 };
const NONE: ReadonlySet<string> = new Set();
/** Rough width of a 15 px bold character, to pick how many options fit on a row. */
const CHAR_W = 8.6;

function columnsFor(labels: readonly string[], width: number): number {
  const longest = Math.max(...labels.map((l) => l.length));
  for (let c = labels.length; c > 1; c--) {
    const cell = (width - 6 * (c - 1)) / c;
    if (cell >= longest * CHAR_W + 18) return c;
  }
  return 1;
}

function formatNumber(value: number, step: number): string {
  const decimals = step >= 1 ? 0 : Math.min(4, Math.ceil(-Math.log10(step) - 1e-9));
  return value.toLocaleString(getLocale(), { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/**
 * A level's controls, built from its control definitions: sliders (with their value), choices and toggles
 * (segmented controls). Emits 'change' (id, value). Test ids: `control:<id>` (the whole control) and, for
 * choices and toggles, `control:<id>:<value>` per option (toggles: `:true` / `:false`).
 */
export class ControlPanel {
  private readonly entries: Entry[] = [];
  private readonly listeners = new Set<(id: string, value: ControlValue) => void>();
  private readonly unregister: (() => void)[] = [];
  /** Height the controls actually use (so the scene can add things below). */
  readonly usedHeight: number;

  constructor(scene: Phaser.Scene, config: ControlPanelConfig) {
    const locale = getLocale();
    const { LABEL_H, GAP, SEGMENT_H, SEGMENT_GAP, SLIDER_H } =
      ControlPanel.heightFor(config.controls, config.width) > config.height ? COMPACT : REGULAR;
    let y = config.y;
    for (const def of config.controls) {
      const label = new Label(scene, { x: config.x, y, text: localize(def.label, locale), variant: 'section' });
      y += LABEL_H;
      if (def.kind === 'slider') {
        const rect = { x: config.x, y, width: config.width, height: SLIDER_H };
        const v = config.values[def.id];
        const widget = new Slider(scene, {
          ...rect,
          id: `control:${def.id}`,
          min: def.min,
          max: def.max,
          step: def.step,
          value: typeof v === 'number' ? v : def.default,
        });
        const value = new Label(scene, {
          x: config.x + config.width,
          y: y - LABEL_H - 2,
          text: formatNumber(widget.getValue(), def.step),
          variant: 'value',
          align: 1,
        });
        widget.events.on('change', (n) => {
          value.setText(formatNumber(n, def.step));
          this.emit(def.id, n);
        });
        this.entries.push({ def, widget, rect, label, value });
        y += SLIDER_H + GAP;
      } else {
        const options =
          def.kind === 'choice'
            ? def.options.map((o) => ({ value: o.value, label: localize(o.label, locale) }))
            : [
                { value: 'false', label: t('level.off') },
                { value: 'true', label: t('level.on') },
              ];
        const columns = columnsFor(
          options.map((o) => o.label),
          config.width,
        );
        const rows = Math.ceil(options.length / columns);
        const rect = { x: config.x, y, width: config.width, height: rows * SEGMENT_H + (rows - 1) * SEGMENT_GAP };
        const v = config.values[def.id];
        const widget = new SegmentedControl<string>(scene, {
          ...rect,
          idPrefix: `control:${def.id}`,
          options,
          value: String(v ?? def.default),
          columns,
          gap: SEGMENT_GAP,
        });
        widget.events.on('change', (s) => this.emit(def.id, def.kind === 'toggle' ? s === 'true' : s));
        // The options register themselves; `control:<id>` is the whole group (a slider's own id already is).
        this.unregister.push(registerId(scene, `control:${def.id}`, () => widget.getBounds()));
        this.entries.push({ def, widget, rect, label, value: null });
        y += rect.height + GAP;
      }
      y += 2;
    }
    this.usedHeight = y - config.y;
  }

  /** Total height these controls need (for layout decisions before building). */
  static heightFor(controls: readonly ControlDefinition[], width: number, m: Metrics = REGULAR): number {
    const { LABEL_H, GAP, SEGMENT_H, SEGMENT_GAP, SLIDER_H } = m;
    let h = 0;
    for (const def of controls) {
      h += LABEL_H + 2 + GAP;
      if (def.kind === 'slider') h += SLIDER_H;
      else {
        const n = def.kind === 'toggle' ? 2 : def.options.length;
        const labels =
          def.kind === 'toggle'
            ? [t('level.off'), t('level.on')]
            : def.options.map((o) => localize(o.label, getLocale()));
        const rows = Math.ceil(n / columnsFor(labels, width));
        h += rows * SEGMENT_H + (rows - 1) * SEGMENT_GAP;
      }
    }
    return h;
  }

  onChange(fn: (id: string, value: ControlValue) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  setValues(values: Readonly<Record<string, ControlValue>>): void {
    for (const e of this.entries) {
      const v = values[e.def.id];
      if (v === undefined) continue;
      if (e.def.kind === 'slider' && typeof v === 'number') {
        (e.widget as Slider).setValue(v);
        e.value?.setText(formatNumber(v, e.def.step));
      } else if (e.def.kind !== 'slider') (e.widget as SegmentedControl<string>).setValue(String(v));
    }
  }

  /** All controls on or off; `inactive` ids stay off either way (they would change nothing, e.g. width at depth 0). */
  setEnabled(enabled: boolean, inactive: ReadonlySet<string> = NONE): void {
    for (const e of this.entries) {
      const on = enabled && !inactive.has(e.def.id);
      if (e.widget.isEnabled() !== on) e.widget.setEnabled(on);
      e.label.setColor(on ? CSS.muted : CSS.disabled);
      e.value?.setColor(on ? CSS.accent : CSS.disabled);
    }
  }

  focusables(): Focusable[] {
    return this.entries.map((e) => e.widget);
  }

  private emit(id: string, value: ControlValue): void {
    for (const fn of this.listeners) fn(id, value);
  }

  destroy(): void {
    for (const off of this.unregister.splice(0)) off();
    this.listeners.clear();
    for (const e of this.entries) {
      e.widget.destroy();
      e.label.destroy();
      e.value?.destroy();
    }
    this.entries.length = 0;
  }
}
