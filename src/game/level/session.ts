/**
 * The level session as the in-page bench (src/game/bench/bench-level.ts) drives it: one object with every mode's
 * actions, as before the split into a shell and mode plays. It only forwards to the shell (shell/level-session.ts)
 * and the level's play; nothing in the game uses it. Remove it once the bench plays payloads through the plays.
 */
import type { ControlValue } from '../../shared/levels/types';
import { ArithmeticPlay } from './plays/arithmetic-play';
import { DreamPlay } from './plays/dream-play';
import { HolesPlay } from './plays/holes-play';
import { MapPlay } from './plays/map-play';
import { NavigatorPlay } from './plays/navigator-play';
import { PathPlay } from './plays/path-play';
import { TrainedPlay } from './plays/trained-play';
import type { LevelSession as Shell } from './shell/level-session';

export class LevelSession {
  constructor(private readonly shell: Shell) {}

  get level() {
    return this.shell.level;
  }
  get status() {
    return this.shell.status;
  }
  get result() {
    return this.shell.result;
  }
  get error() {
    return this.shell.error;
  }
  get message() {
    return this.shell.message;
  }
  get trained() {
    return this.shell.play instanceof TrainedPlay ? this.shell.play.setup : null;
  }
  get values(): Record<string, ControlValue> {
    return this.shell.play instanceof TrainedPlay ? this.shell.play.values : {};
  }
  get progress() {
    return this.shell.play instanceof TrainedPlay ? this.shell.play.progress : null;
  }
  /** The map play's state (Navigator's target, the path's points). */
  get mapPlay(): { target: number | null; path: number[][] } | null {
    const p = this.shell.play;
    if (!(p instanceof MapPlay)) return null;
    return {
      target: p instanceof NavigatorPlay ? p.target : null,
      get path() {
        return p instanceof PathPlay ? p.path : [];
      },
      set path(points: number[][]) {
        if (p instanceof PathPlay) p.path = points;
      },
    };
  }

  start(): void {
    this.shell.start();
  }
  setValue(id: string, value: ControlValue): void {
    this.as(TrainedPlay)?.setValue(id, value);
  }
  async train(): Promise<void> {
    await this.as(TrainedPlay)?.train();
  }
  toggleCard(card: string): void {
    this.as(ArithmeticPlay)?.toggleCard(card);
  }
  setWeight(index: number, weight: number): void {
    this.as(ArithmeticPlay)?.setWeight(index, weight);
  }
  async submitExpression(): Promise<void> {
    await this.as(ArithmeticPlay)?.submit();
  }
  async newMapAttempt(): Promise<void> {
    await this.as(MapPlay)?.newAttempt();
  }
  fromPayloadPoint(point: readonly number[]): number[] {
    return this.as(MapPlay)?.fromPayloadPoint(point) ?? [...point];
  }
  async placeProbe(x: number, y: number): Promise<void> {
    await (this.as(NavigatorPlay) ?? this.as(HolesPlay))?.place(x, y);
  }
  finishMap(): void {
    this.as(MapPlay)?.finish();
  }
  clearPath(): void {
    this.as(PathPlay)?.clearPath();
  }
  async checkPath(): Promise<void> {
    await this.as(PathPlay)?.checkPath();
  }
  setSigma(sigma: number): void {
    this.as(DreamPlay)?.setSigma(sigma);
  }
  async dream(x: number, y: number): Promise<void> {
    await this.as(DreamPlay)?.dream(x, y);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any play class
  private as<P>(kind: abstract new (...args: any[]) => P): P | null {
    const p = this.shell.play;
    return p instanceof kind ? p : null;
  }
}
