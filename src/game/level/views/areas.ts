/** Where a mode's big right-hand view goes: the images card, or the chart and images cards joined. */
import type * as Phaser from 'phaser';
import { t } from '../../../shared/messages';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { COLORS, type Rect } from '../../ui/theme';
import type { LevelLayout } from '../layout';

export interface ViewAreas {
  /** The layout keeps a chart card (trained levels and landscape). */
  hasChartCard: boolean;
  /** The chart card sits right above the images card: the map / cards view takes both. */
  joined: boolean;
  /** The map / cards view's card. */
  union: Rect;
  /** The images | map toggle (trained levels with a 2-D code). */
  toggle: Rect;
  /** Side of a square map that fits beside its decode (landscape) or alone. */
  mapSide: number;
}

export function viewAreas(L: LevelLayout): ViewAreas {
  const hasChartCard = L.chartCard.height > 0;
  const joined = hasChartCard && L.chartJoined;
  const union = joined
    ? {
        x: L.chartCard.x,
        y: L.chartCard.y,
        width: L.chartCard.width,
        height: L.imagesCard.y + L.imagesCard.height - L.chartCard.y,
      }
    : L.imagesCard;
  const toggle = joined
    ? { x: union.x + 16, y: union.y + 7, width: 240, height: 30 }
    : { x: union.x + union.width - 16 - 200, y: union.y + 7, width: 200, height: 30 };
  const mapSide = Math.min(union.width - 32 - (L.portrait ? 0 : 260), union.height - 56 - 32);
  return { hasChartCard, joined, union, toggle, mapSide };
}

/** A card's background (hidden until shown). */
export function cardGraphics(scene: Phaser.Scene, r: Rect): Phaser.GameObjects.Graphics {
  const g = scene.add.graphics().setVisible(false);
  g.fillStyle(COLORS.panel, 1).fillRoundedRect(r.x, r.y, r.width, r.height, 12);
  g.lineStyle(1, COLORS.panelBorder, 1).strokeRoundedRect(r.x + 0.5, r.y + 0.5, r.width - 1, r.height - 1, 12);
  return g;
}

/** The Images | Latent map switch above a trained level's view (hidden until a run has a map to show). */
export function imagesMapToggle(scene: Phaser.Scene, at: Rect): SegmentedControl<'images' | 'map'> {
  const toggle = new SegmentedControl<'images' | 'map'>(scene, {
    ...at,
    idPrefix: 'level:view',
    options: [
      { value: 'images', label: t('level.view.images') },
      { value: 'map', label: t('level.view.map') },
    ],
    value: 'images',
  });
  toggle.setVisible(false);
  return toggle;
}
