import type * as Phaser from 'phaser';
import { Button } from './Button';
import { COLORS, CSS, RADIUS, TEXT, type Rect } from './theme';

export interface ConceptCardContent {
  /** "World 1 · Level 1" */
  kicker: string;
  levelTitle: string;
  cardTitle: string;
  lines: readonly string[];
  formula: string;
  formulaLegend: string;
  /** "From the seeds: “…”" */
  seed: string;
  goalLabel: string;
  goal: string;
  buttonLabel: string;
}

/** Serif faces with good coverage of ½ Σ σ² ‖ ρ̂ⱼ (DejaVu Serif ships with most Linux browsers). */
const FORMULA_FONT = '"Cambria Math", "STIX Two Math", "DejaVu Serif", "Times New Roman", serif';

/**
 * The concept card, a modal over the level: the idea in a few lines, its formula large, where it comes from in
 * the seeds, the goal, and one button ('level:start'). A full-screen blocker swallows pointer input beneath.
 */
export class ConceptCard {
  readonly button: Button;
  private readonly objects: Phaser.GameObjects.GameObject[] = [];
  private readonly blocker: Phaser.GameObjects.Zone;
  private visible = true;

  constructor(scene: Phaser.Scene, rect: Rect, content: ConceptCardContent, screen: { width: number; height: number }) {
    const add = <T extends Phaser.GameObjects.GameObject>(o: T): T => {
      this.objects.push(o);
      return o;
    };
    const narrow = rect.width < 600;
    const pad = narrow ? 18 : 32;
    const innerW = rect.width - 2 * pad;
    const x = rect.x + pad;
    const wrap = { width: innerW, useAdvancedWrap: true };
    this.blocker = add(scene.add.zone(0, 0, screen.width, screen.height).setOrigin(0, 0).setInteractive());
    const g = add(scene.add.graphics());

    // First pass: every text at its offset from the card's top; then the card is sized to fit and centred.
    const placed: { text: Phaser.GameObjects.Text; dy: number }[] = [];
    let dy = narrow ? 16 : 24;
    const put = (text: Phaser.GameObjects.Text, gapAfter: number): Phaser.GameObjects.Text => {
      add(text);
      placed.push({ text, dy });
      dy += text.height + gapAfter;
      return text;
    };
    put(
      scene.add.text(x, 0, `${content.kicker} · ${content.levelTitle}`.toUpperCase(), {
        ...TEXT.section,
        color: CSS.accent,
        wordWrap: wrap,
      }),
      6,
    );
    put(
      scene.add.text(x, 0, content.cardTitle, { ...TEXT.title, fontSize: narrow ? '26px' : '30px', wordWrap: wrap }),
      10,
    );
    put(
      scene.add.text(x, 0, content.lines.map((l) => `•  ${l}`).join('\n'), {
        ...TEXT.body,
        fontSize: narrow ? '16px' : '18px',
        lineSpacing: narrow ? 4 : 6,
        wordWrap: wrap,
      }),
      narrow ? 12 : 16,
    );
    // The formula: large, on its own band, centred. Wide gaps between its parts survive wrapping as em spaces.
    const formula = add(
      scene.add
        .text(rect.x + rect.width / 2, 0, content.formula.replace(/ {2,}/g, '\u2003'), {
          fontFamily: FORMULA_FONT,
          fontSize: `${narrow ? 24 : 34}px`,
          color: '#ffffff',
          align: 'center',
        })
        .setOrigin(0.5, 0),
    );
    // Large, but on one line when it can be: shrink to fit before wrapping.
    for (let size = narrow ? 24 : 34; formula.width > innerW - 24 && size > 18; size -= 2)
      formula.setFontSize(size - 2);
    if (formula.width > innerW - 24) formula.setWordWrapWidth(innerW - 24, true);
    const bandH = formula.height + 22;
    const bandDy = dy;
    placed.push({ text: formula, dy: dy + 11 });
    dy += bandH + 6;
    put(scene.add.text(x, 0, content.formulaLegend, { ...TEXT.small, fontSize: '15px', wordWrap: wrap }), 10);
    put(
      scene.add.text(x, 0, content.seed, { ...TEXT.small, fontStyle: 'italic', color: CSS.faint, wordWrap: wrap }),
      14,
    );
    put(scene.add.text(x, 0, content.goalLabel.toUpperCase(), { ...TEXT.section, color: CSS.success }), 4);
    put(scene.add.text(x, 0, content.goal, { ...TEXT.body, fontSize: '17px', wordWrap: wrap }), 18);

    const height = Math.min(rect.height, dy + 48 + pad);
    const top = rect.y + Math.max(0, (rect.height - height) / 2);
    for (const p of placed) p.text.setY(Math.round(top + p.dy));
    g.fillStyle(0x05080f, 0.78).fillRect(0, 0, screen.width, screen.height);
    g.fillStyle(COLORS.panel, 1).fillRoundedRect(rect.x, top, rect.width, height, RADIUS + 8);
    g.lineStyle(2, COLORS.accent, 0.7).strokeRoundedRect(rect.x + 1, top + 1, rect.width - 2, height - 2, RADIUS + 8);
    g.fillStyle(COLORS.bg, 1).fillRoundedRect(x, top + bandDy, innerW, bandH, RADIUS);
    g.lineStyle(1, COLORS.panelBorder, 1).strokeRoundedRect(x + 0.5, top + bandDy + 0.5, innerW - 1, bandH - 1, RADIUS);

    const bw = narrow ? innerW : 220;
    this.button = new Button(scene, {
      x: narrow ? x : rect.x + rect.width - pad - bw,
      y: top + height - pad - 48 + 8,
      width: bw,
      height: 48,
      id: 'level:start',
      label: content.buttonLabel,
      variant: 'primary',
      icon: 'icon-play',
    });
  }

  isVisible(): boolean {
    return this.visible;
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    for (const o of this.objects) (o as unknown as Phaser.GameObjects.Components.Visible).setVisible(visible);
    if (visible) this.blocker.setInteractive();
    else this.blocker.disableInteractive();
    this.button.setVisible(visible);
    this.button.setEnabled(visible);
  }

  destroy(): void {
    for (const o of this.objects.splice(0)) o.destroy();
    this.button.destroy();
  }
}
