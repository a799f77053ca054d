/**
 * The Lab's Compare view (branch lab): the previous run and this run side by side (stacked on phones), each with
 * its key settings, its loss curve and its reconstructions, so a student sees what one change did.
 * Test ids: lab:compare:previous:chart, lab:compare:current:chart, lab:compare:<side>:images.
 */
import type * as Phaser from 'phaser';
import { t, type MessageKey } from '../../../shared/messages';
import type { LabLayout } from '../../layout/lab-layout';
import type { LabConfig, LossPoint, PreviewImages } from '../../state/types';
import { ImageGrid } from '../../ui/ImageGrid';
import { Label } from '../../ui/Label';
import { LossChart } from '../../ui/LossChart';
import { Panel } from '../../ui/Panel';
import { CSS, type Rect } from '../../ui/theme';
import { formatLevel } from '../../view/format';

const SIDES = ['previous', 'current'] as const;
type Side = (typeof SIDES)[number];

export interface ComparedRun {
  config: LabConfig;
  lossHistory: readonly LossPoint[];
  preview: PreviewImages | null;
  latentSize: number;
}

interface Column {
  title: Label;
  settings: Label;
  chart: LossChart;
  inputs: ImageGrid;
  outputs: ImageGrid;
}

/** "Dense · code 32 · lr 0.001 · steps 2000 · batch 64" and the kind's own knob (β, ρ, k, K × slots). */
export function runSettingsLine(c: LabConfig, latentSize: number): string {
  const base = t('lab.compare.settings', {
    kind: t(`kind.${c.kind}` as MessageKey),
    code: latentSize,
    lr: c.learningRate,
    steps: c.steps,
    batch: c.batchSize,
  });
  const extra =
    c.kind === 'vae' || c.kind === 'cvae'
      ? `β ${formatLevel(c.beta)}`
      : c.kind === 'sparse'
        ? `ρ ${formatLevel(c.rho)}`
        : c.kind === 'ksparse'
          ? `k ${c.k}`
          : c.kind === 'vqvae'
            ? `K ${c.codebookSize} × ${c.slots}`
            : '';
  return extra ? `${base} · ${extra}` : base;
}

export class LabCompareView {
  private readonly panel: Panel;
  private readonly none: Label;
  private readonly columns: Record<Side, Column>;
  private visible = false;

  constructor(scene: Phaser.Scene, L: LabLayout) {
    const area = L.outputArea;
    this.panel = new Panel(scene, area);
    const half = (i: number): Rect =>
      L.portrait
        ? { x: area.x + 12, y: area.y + 12 + i * 300, width: area.width - 24, height: 288 }
        : {
            x: area.x + 12 + i * Math.floor((area.width - 12) / 2),
            y: area.y + 12,
            width: Math.floor((area.width - 36) / 2),
            height: area.height - 24,
          };
    const build = (side: Side, r: Rect): Column => {
      const title = new Label(scene, {
        x: r.x + 4,
        y: r.y,
        text: t(side === 'previous' ? 'lab.compare.previous' : 'lab.compare.current').toUpperCase(),
        variant: 'section',
      });
      const settings = new Label(scene, { x: r.x + 4, y: r.y + 22, text: '', variant: 'small', wrap: r.width - 8 });
      const imagesH = L.portrait ? 40 : Math.min(48, Math.floor((r.width - 7 * 4) / 8));
      const chartH = r.height - 62 - 2 * (imagesH + 6);
      const chart = new LossChart(
        scene,
        `lab:compare:${side}:chart`,
        { x: r.x, y: r.y + 58, width: r.width, height: chartH },
        {
          total: t('loss.total'),
          reconstruction: t('loss.reconstruction'),
          reconstructionIsTotal: t('loss.reconstructionIsTotal'),
          kl: t('loss.kl'),
          empty: t('loss.empty'),
          step: t('loss.axisStep'),
        },
      );
      const imagesY = r.y + 58 + chartH + 6;
      const grid = (id: string, y: number) =>
        new ImageGrid(scene, {
          x: r.x,
          y,
          width: Math.min(r.width, 8 * (imagesH + 4)),
          height: imagesH,
          id,
          columns: 8,
          gap: 4,
        });
      return {
        title,
        settings,
        chart,
        inputs: grid(`lab:compare:${side}:inputs`, imagesY),
        outputs: grid(`lab:compare:${side}:images`, imagesY + imagesH + 6),
      };
    };
    this.columns = { previous: build('previous', half(0)), current: build('current', half(1)) };
    this.none = new Label(scene, {
      x: half(0).x + 4,
      y: half(0).y + 90,
      text: t('lab.compare.none'),
      variant: 'bodyMuted',
      wrap: half(0).width - 8,
    });
    this.setVisible(false);
  }

  /** Both runs from the store (null: not there yet). */
  show(previous: ComparedRun | null, current: ComparedRun | null): void {
    this.fill('previous', previous);
    this.fill('current', current);
    this.none.setVisible(this.visible && previous === null);
  }

  private fill(side: Side, run: ComparedRun | null): void {
    const col = this.columns[side];
    col.settings.setText(run ? runSettingsLine(run.config, run.latentSize) : '').setColor(CSS.muted);
    col.chart.setData(run ? run.lossHistory : []);
    const p = run?.preview;
    const as = (pixels: Float32Array | undefined) =>
      p && pixels ? { pixels, count: p.count, width: p.width, height: p.height } : null;
    col.inputs.setImages(as(p?.inputs));
    col.outputs.setImages(as(p?.outputs));
    if (side === 'previous')
      for (const w of [col.chart, col.inputs, col.outputs]) w.setVisible(this.visible && run !== null);
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.panel.setVisible(visible);
    this.none.setVisible(false);
    for (const side of SIDES) {
      const c = this.columns[side];
      for (const w of [c.title, c.settings]) w.setVisible(visible);
      for (const w of [c.chart, c.inputs, c.outputs]) w.setVisible(visible);
    }
  }

  destroy(): void {
    for (const side of SIDES) {
      const c = this.columns[side];
      for (const w of [c.title, c.settings]) w.destroy();
      for (const w of [c.chart, c.inputs, c.outputs]) w.destroy();
    }
    this.none.destroy();
    this.panel.destroy();
  }
}
