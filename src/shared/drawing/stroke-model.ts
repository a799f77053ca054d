/**
 * What the drawing pad holds: finished strokes, the stroke being drawn, and an undo/redo history where both a
 * stroke and a "clear" are one step. Pure state with no rendering, so it is tested in Node; the pad widget only
 * forwards pointer input here and draws `strokes()`.
 */
import type { Point, Stroke } from './types';

export interface StrokeModelOptions {
  /** The drawing area, in the units of the points (points outside are clamped onto it). */
  width: number;
  height: number;
  /** A move shorter than this from the stroke's last point is not recorded (pointer jitter). Default 1. */
  minSpacing?: number;
  /** Points over all strokes; further input is ignored so a scribbling child cannot grow memory. Default 5000. */
  maxPoints?: number;
}

type Step = { kind: 'stroke'; stroke: Stroke } | { kind: 'clear'; removed: readonly Stroke[] };

export const BRUSH_MIN = 1;

export class StrokeModel {
  private done: Stroke[] = [];
  private current: { points: Point[]; thickness: number } | null = null;
  private readonly undoStack: Step[] = [];
  private redoStack: Step[] = [];
  private pointCount = 0;
  private changes = 0;
  readonly width: number;
  readonly height: number;
  private readonly minSpacing: number;
  private readonly maxPoints: number;

  constructor(options: StrokeModelOptions) {
    if (!(options.width > 0 && options.height > 0)) throw new RangeError('A drawing area needs a positive size.');
    this.width = options.width;
    this.height = options.height;
    this.minSpacing = options.minSpacing ?? 1;
    this.maxPoints = options.maxPoints ?? 5000;
  }

  /** Increases on every visible change: the widget redraws when it differs from what it last drew. */
  get version(): number {
    return this.changes;
  }

  /** Finished strokes, then the one being drawn. */
  strokes(): readonly Stroke[] {
    return this.current ? [...this.done, this.current] : this.done;
  }

  isEmpty(): boolean {
    return this.done.length === 0 && this.current === null;
  }

  isDrawing(): boolean {
    return this.current !== null;
  }

  canUndo(): boolean {
    return this.current === null && this.undoStack.length > 0;
  }

  canRedo(): boolean {
    return this.current === null && this.redoStack.length > 0;
  }

  private clamp(p: Point): Point | null {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return null;
    return { x: Math.min(this.width, Math.max(0, p.x)), y: Math.min(this.height, Math.max(0, p.y)) };
  }

  /** Pen down. A stroke already in progress is finished first. Returns false when the input is ignored. */
  begin(point: Point, thickness: number): boolean {
    if (this.current) this.end();
    const p = this.clamp(point);
    if (!p || !(thickness > 0) || this.pointCount >= this.maxPoints) return false;
    const brush = Math.min(Math.max(BRUSH_MIN, thickness), Math.min(this.width, this.height) / 2);
    this.current = { points: [p], thickness: brush };
    this.pointCount++;
    this.changes++;
    return true;
  }

  /** Pen moved while down; returns whether a point was added. */
  extend(point: Point): boolean {
    if (!this.current || this.pointCount >= this.maxPoints) return false;
    const p = this.clamp(point);
    if (!p) return false;
    const last = this.current.points[this.current.points.length - 1];
    if (Math.hypot(p.x - last.x, p.y - last.y) < this.minSpacing) return false;
    this.current.points.push(p);
    this.pointCount++;
    this.changes++;
    return true;
  }

  /** Pen up: the stroke becomes one undo step (a tap is a dot). */
  end(): void {
    if (!this.current) return;
    const stroke: Stroke = { points: this.current.points, thickness: this.current.thickness };
    this.current = null;
    this.done = [...this.done, stroke];
    this.undoStack.push({ kind: 'stroke', stroke });
    this.redoStack = [];
    this.changes++;
  }

  /** The pointer was lost (cancelled touch, window blur): the stroke in progress is dropped. */
  cancel(): void {
    if (!this.current) return;
    this.pointCount -= this.current.points.length;
    this.current = null;
    this.changes++;
  }

  /** Removes everything drawn, as one undoable step. Returns false when there was nothing to clear. */
  clear(): boolean {
    this.cancel();
    if (this.done.length === 0) return false;
    this.undoStack.push({ kind: 'clear', removed: this.done });
    this.redoStack = [];
    this.done = [];
    this.changes++;
    return true;
  }

  undo(): boolean {
    if (!this.canUndo()) return false;
    const step = this.undoStack.pop() as Step;
    this.done = step.kind === 'stroke' ? this.done.slice(0, -1) : [...step.removed];
    this.redoStack.push(step);
    this.recount();
    return true;
  }

  redo(): boolean {
    if (!this.canRedo()) return false;
    const step = this.redoStack.pop() as Step;
    this.done = step.kind === 'stroke' ? [...this.done, step.stroke] : [];
    this.undoStack.push(step);
    this.recount();
    return true;
  }

  private recount(): void {
    // The point budget covers what is on the pad, so undoing frees room to draw again.
    this.pointCount = this.done.reduce((n, s) => n + s.points.length, 0);
    this.changes++;
  }
}
