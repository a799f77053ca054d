/**
 * The four map plays (Holes in the map, Navigator, Dream digits, The path) through the MlPort on a real engine
 * with the shipped pretrained models: each plays its level's example payload with the player's actions, and the
 * score is the one the shared harness (PretrainedLevel, what the solver bots and the classroom server use) gives.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DreamPlay } from '../../../src/game/level/plays/dream-play';
import { HOLES_GAP_RADIUS, HOLES_NON_DIGIT } from '../../../src/shared/levels/world3-latent-map';
import { HolesPlay } from '../../../src/game/level/plays/holes-play';
import type { MapPlay } from '../../../src/game/level/plays/map-play';
import { NavigatorPlay } from '../../../src/game/level/plays/navigator-play';
import { PathPlay, STRIP_SIZE, stripSteps } from '../../../src/game/level/plays/path-play';
import type { PlayHost } from '../../../src/game/level/plays/play';
import { LevelSession } from '../../../src/game/level/shell/level-session';
import type { Engine } from '../../../src/ml-worker/engine';
import { getLevel, type LevelDefinition } from '../../../src/shared/levels';
import { PretrainedLevel } from '../../../src/shared/levels/measure';
import { EnginePort } from '../support/engine-port';
import { testEngine } from '../support/engine';

const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};

describe('map plays through the MlPort', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await testEngine('cpu');
  });

  /** The level's session with its play loaded (concept card dismissed, map encoded). */
  async function opened<P extends MapPlay>(
    id: string,
    make: (h: PlayHost) => P,
  ): Promise<{ level: LevelDefinition; session: LevelSession; play: P }> {
    const level = getLevel(id)!;
    const session = new LevelSession(level, new EnginePort(engine), make);
    session.start();
    await until(() => session.status === 'idle' && session.play !== null && (session.play as P).map !== null);
    return { level, session, play: session.play as P };
  }

  async function expectHarnessScore(level: LevelDefinition, session: LevelSession): Promise<void> {
    expect(session.error).toBeNull();
    expect(session.status).toBe('done');
    const r = session.result!;
    const direct = await (await PretrainedLevel.load(engine, level)).play(r.payload);
    expect(r.evaluation).toEqual(direct.evaluation);
    expect({ score: r.score, stars: r.stars, goalMet: r.goalMet, detail: r.detail }).toEqual(direct.result);
    expect(session.best).toBe(r);
  }

  it('Holes in the map: the example points placed one by one, each measured and judged, the VAE asked too', async () => {
    const { level, session, play } = await opened('holes-in-the-map', (h) => new HolesPlay(h));
    const example = level.example;
    if (example.kind !== 'latentPoints') throw new Error('holes takes points');
    expect(play.compare).not.toBeNull();
    // Looking: both maps decode the probe and the judge reads each decode live (nothing is placed).
    const [lx, ly] = play.fromPayloadPoint(example.points[0]);
    expect(await play.decodeAt(lx, ly)).toHaveLength(784);
    expect(await play.decodeCompareAt(0, 0)).toHaveLength(784);
    for (const v of [play.live!, play.liveCompare!]) {
      expect(v.confidence).toBeGreaterThan(0);
      expect(v.hole).toBe(v.confidence < HOLES_NON_DIGIT);
      // The nearest dot's distance and digit, live: what the level scores.
      expect(v.nearest).toBeGreaterThanOrEqual(0);
      expect(v.nearest).toBeLessThan(3);
      expect(v.nearestDigit).toBeGreaterThanOrEqual(0);
      expect(v.gap).toBe(v.nearest >= HOLES_GAP_RADIUS);
    }
    // The VAE's centre is full of dots: no gap there.
    expect(play.liveCompare!.gap).toBe(false);
    expect(play.placed).toHaveLength(0);
    for (const point of example.points) {
      const [x, y] = play.fromPayloadPoint(point);
      await play.place(x, y);
    }
    expect(play.placed).toHaveLength(example.points.length);
    expect(play.compareVerdicts).toHaveLength(example.points.length);
    expect(play.distances).toHaveLength(example.points.length);
    play.placed.forEach((p, i) => expect(p.good).toBe(play.distances[i] >= HOLES_GAP_RADIUS));
    for (const v of play.compareVerdicts) expect(v.nearest).toBeGreaterThanOrEqual(0);
    if (session.status === 'idle') play.finish();
    await expectHarnessScore(level, session);
    // Payload points are the example's, through the data box and back.
    const points = (session.result!.payload as typeof example).points;
    expect(points).toHaveLength(example.points.length);
    points.forEach((p, i) => p.forEach((v, k) => expect(v).toBeCloseTo(example.points[i][k], 9)));
    expect(play.snapshot().mapPlay).toMatchObject({ mode: 'holes', pathPoints: 0 });
    // A new attempt forgets the points, keeps the best.
    await play.newAttempt();
    expect(session.status).toBe('idle');
    expect(play.placed).toHaveLength(0);
    expect(session.best).not.toBeNull();
    session.dispose();
  }, 120_000);

  it('Navigator: the example target comes up; looking shows no match, placed probes are matched and scored', async () => {
    const { level, session, play } = await opened('navigator', (h) => new NavigatorPlay(h));
    const example = level.example;
    if (example.kind !== 'latentPoints' || example.target === undefined) throw new Error('navigator has a target');
    for (let i = 0; i < 100 && play.target !== example.target; i++) await play.newAttempt();
    expect(play.target).toBe(example.target);
    const [x0, y0] = example.points[0];
    expect(await play.decodeAt(x0, y0)).toHaveLength(784);
    // No hot-cold meter follows the drag (issue 10): a decode is shown, the match only for placed probes.
    expect(play.live).toBeNull();
    expect(play.placed).toHaveLength(0);
    for (const point of example.points) {
      if (session.status !== 'idle') break;
      await play.place(point[0], point[1]);
    }
    // The encoder's μ ± σ of the last probe's picture (the target's once over): a region, narrower than the prior.
    const region = play.region;
    expect(region).not.toBeNull();
    expect(region!.of).toBe(session.status === 'idle' ? 'probe' : 'target');
    for (const r of [region!.rx, region!.ry]) {
      expect(r).toBeGreaterThan(0.005);
      expect(r).toBeLessThan(1);
    }
    if (session.status === 'idle') play.finish();
    await expectHarnessScore(level, session);
    expect(play.snapshot().mapPlay).toMatchObject({ mode: 'navigator', target: example.target });
    session.dispose();
  }, 120_000);

  it('Dream digits: the example draws dreamed with their σ, the clean digits collected', async () => {
    const { level, session, play } = await opened('dream-digits', (h) => new DreamPlay(h));
    const example = level.example;
    if (example.kind !== 'draws') throw new Error('dream takes draws');
    for (const draw of example.draws) {
      play.setSigma(draw.sigma);
      await play.dream(draw.mu[0], draw.mu[1]);
    }
    expect(play.draws.map((d) => d.seed)).toEqual(example.draws.map((_, i) => i + 1));
    expect(play.lastDream).toHaveLength(784);
    if (session.status === 'idle') play.finish();
    await expectHarnessScore(level, session);
    expect(session.result!.payload).toEqual(example);
    session.dispose();
  }, 120_000);

  it('The path: drawn in short steps, cleared, then the example path checked by the judge', async () => {
    const { level, session, play } = await opened('the-path', (h) => new PathPlay(h));
    const example = level.example;
    if (example.kind !== 'path') throw new Error('the path takes a path');
    play.extendPath(0, 0);
    play.extendPath(1, 0);
    const step = play.spec.maxStep;
    expect(play.path.length).toBeGreaterThan(3);
    for (let i = 1; i < play.path.length; i++)
      expect(
        Math.hypot(play.path[i][0] - play.path[i - 1][0], play.path[i][1] - play.path[i - 1][1]),
      ).toBeLessThanOrEqual(step);
    // The strip: decodes of up to STRIP_SIZE steps spread along the path, first and last included.
    expect(stripSteps(play.path.length)).toEqual(
      play.path.length <= STRIP_SIZE ? play.path.map((_, i) => i) : expect.arrayContaining([0, play.path.length - 1]),
    );
    await until(() => play.strip !== null && play.strip.length === 784 * Math.min(STRIP_SIZE, play.path.length));
    // A press near the end continues the path; a press far from it starts a new path there.
    const before = play.path.length;
    play.pressAt(1.05, 0);
    expect(play.path).toHaveLength(before);
    play.pressAt(-1.5, 1.5);
    expect(play.path).toEqual([[-1.5, 1.5]]);
    play.clearPath();
    expect(play.path).toHaveLength(0);
    play.path = example.points.map((p) => [...p]);
    await play.checkPath();
    await expectHarnessScore(level, session);
    expect(session.result!.payload).toEqual(example);
    expect(play.snapshot().mapPlay).toMatchObject({ mode: 'path', pathPoints: example.points.length });
    session.dispose();
  }, 120_000);
});
