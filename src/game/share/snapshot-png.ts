import type * as Phaser from 'phaser';
import type { Rect } from '../ui/theme';

/**
 * A PNG of one screen area (a chart, an image grid) as the player sees it: Phaser's renderer snapshot of the
 * area (world coordinates; the camera's scroll is taken off), redrawn onto a canvas and encoded with toBlob.
 */
export function snapshotPng(scene: Phaser.Scene, area: Rect, onFrame?: () => void): Promise<Blob | null> {
  const cam = scene.cameras.main;
  const x = Math.max(0, Math.round(area.x - cam.scrollX));
  const y = Math.max(0, Math.round(area.y - cam.scrollY));
  const width = Math.max(1, Math.round(Math.min(area.width, scene.scale.width - x)));
  const height = Math.max(1, Math.round(Math.min(area.height, scene.scale.height - y)));
  return new Promise((resolve) => {
    scene.game.renderer.snapshotArea(x, y, width, height, (image) => {
      if (!(image instanceof HTMLImageElement)) return resolve(null);
      const draw = (): void => {
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth || width;
        canvas.height = image.naturalHeight || height;
        const ctx = canvas.getContext('2d');
        if (!ctx) return resolve(null);
        ctx.drawImage(image, 0, 0);
        canvas.toBlob((blob) => resolve(blob), 'image/png');
      };
      if (image.complete && image.naturalWidth > 0) draw();
      else {
        image.onload = draw;
        image.onerror = () => resolve(null);
      }
    });
    // Render-on-demand (Canvas renderer) draws only on change: ask for the frame the snapshot is taken in.
    onFrame?.();
  });
}
