/**
 * The worked example of "How to add a level mode" (src/game/level/README.md): a tiny mode, "Three clean digits",
 * written as a real one would be — a measure (decode + judge, the shape of src/shared/levels/measure), a play (state
 * and actions over the MlPort, no Phaser), a view (here a Phaser-free stub: the ModeView type only asks for
 * functions) and the registry entry binding them with the payload kind — then played through the real level shell
 * on a real engine with the shipped 2-D VAE.
 *
 * The registry itself (src/game/level/modes.ts) imports the game's Phaser views, so Node cannot load it; the entry
 * below has its exact type, and adding the mode to the game is that entry as one line of MODES plus the mode's
 * name in LEVEL_MODES (src/shared/levels/modes.ts), which validateLevels checks the level data against.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModeEntry } from '../../../src/game/level/modes';
import type { LevelPlay, PlayHost, PlaySnapshot } from '../../../src/game/level/plays/play';
import { LevelSession } from '../../../src/game/level/shell/level-session';
import type { ModeView, ViewContext } from '../../../src/game/level/views/view';
import { abortable } from '../../../src/game/ml/abortable';
import type { Engine } from '../../../src/ml-worker/engine';
import { getLevel, modeProblems, type LevelMode } from '../../../src/shared/levels';
import { defineLevel } from '../../../src/shared/levels/define';
import { PretrainedLevel } from '../../../src/shared/levels/measure';
import type { Evaluation } from '../../../src/shared/levels/measurements';
import { isCleanDigit } from '../../../src/shared/scoring/judge';
import { EnginePort } from '../support/engine-port';
import { testEngine } from '../support/engine';

// ---- level data: a map level that names the new mode ----
const base = getLevel('dream-digits')!;
const threeClean = defineLevel({
  ...base,
  id: 'three-clean-digits',
  // A real mode adds 'threeClean' to LEVEL_MODES; this test shows the shell does not need it there.
  mode: 'threeClean' as LevelMode,
  setup: { kind: 'map', asset: 'mnist-vae-2d' },
  solution: { kind: 'latentPoints', dims: 2, maxPoints: 3, bound: 3, minSeparation: 0, space: 'latent' },
  measures: ['judgeProbabilities'],
  example: { kind: 'latentPoints', points: [[0, 0]] },
  metric: { label: { en: 'Clean digits' }, direction: 'higher', unit: 'count' },
  stars: [1, 2, 3],
  scorer: (_payload, m) => {
    const clean = m.judgeProbabilities.filter((p) => isCleanDigit(p)).length;
    return { score: clean, goalMet: clean >= 1 };
  },
});

// ---- measure: what the scorer needs, taken with the level's pretrained model ----
async function measureThreeClean(pretrained: PretrainedLevel, points: number[][]): Promise<Evaluation> {
  return { judgeProbabilities: await pretrained.judge(await pretrained.decode(Float32Array.from(points.flat()))) };
}

// ---- play: state and actions over the MlPort and the shell's PlayHost ----
class ThreeCleanPlay implements LevelPlay {
  points: number[][] = [];
  private pretrained: PretrainedLevel | null = null;

  constructor(private readonly host: PlayHost) {}

  open(): void {
    void this.host.run(async (signal) => {
      this.host.setStatus('preparing');
      this.pretrained = await abortable(signal, PretrainedLevel.load(this.host.port, this.host.level));
      this.host.setStatus('idle');
      this.host.changed();
    });
  }

  /** Picks a latent point; the third one is measured and scored. */
  async pick(x: number, y: number): Promise<void> {
    if (!this.pretrained || this.host.status !== 'idle') return;
    this.points = [...this.points, [x, y]];
    this.host.changed();
    if (this.points.length < 3) return;
    const evaluation = await measureThreeClean(this.pretrained, this.points);
    this.host.finish({ kind: 'latentPoints', points: this.points.map((p) => [...p]) }, evaluation);
  }

  dispose(): void {
    // The pretrained model is shared.
  }

  snapshot(): PlaySnapshot {
    return {};
  }
}

// ---- view: the ModeView contract (a Phaser view draws widgets here; this stub only reports) ----
const threeCleanView: ModeView<ThreeCleanPlay> = {
  leftHeight: () => 120,
  liveChart: false,
  create: (ctx, play) => ({
    render: () => undefined,
    primary: () => ({ label: `Pick (${play.points.length}/3)`, variant: 'primary', icon: 'icon-play', enabled: true }),
    press: () => void play.pick(0, 0),
    progress: () => ({ fraction: play.points.length / 3, title: ctx.session.status, right: '', detail: '' }),
    destroy: () => undefined,
  }),
};

// ---- the registry entry (one line in MODES) ----
const entry: ModeEntry<ThreeCleanPlay> = {
  payload: 'latentPoints',
  createPlay: (h) => new ThreeCleanPlay(h),
  view: threeCleanView,
};

describe('a tiny level mode, registered and played', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await testEngine('cpu');
  });

  it('plays through the shell: three picks, measured, scored by the level, best kept', async () => {
    const session = new LevelSession(threeClean, new EnginePort(engine), entry.createPlay);
    const play = session.play as ThreeCleanPlay;
    const view = entry.view.create({ session } as ViewContext, play);
    session.start();
    while (session.status !== 'idle') await new Promise((r) => setTimeout(r, 10));
    view.press();
    await play.pick(0.5, -0.5);
    expect(view.primary().label).toBe('Pick (2/3)');
    await play.pick(-1, 1);
    expect(session.status).toBe('done');
    expect(view.progress(false)).toMatchObject({ fraction: 1, title: 'done' });
    const r = session.result!;
    const direct = await (await PretrainedLevel.load(engine, threeClean)).measure(r.payload);
    expect(r.evaluation).toEqual(direct);
    expect(threeClean.score(r.payload, direct)).toEqual({
      score: r.score,
      stars: r.stars,
      goalMet: r.goalMet,
      detail: r.detail,
    });
    expect(session.best).toBe(r);
    session.dispose();
  }, 120_000);

  it('level data must name a known mode that fits its setup and payload', () => {
    expect(modeProblems('threeClean', threeClean.setup, 'latentPoints')).toEqual([
      expect.stringMatching(/"threeClean" is not one of trained, holes, navigator, dream, path, arithmetic/),
    ]);
    expect(modeProblems('navigator', threeClean.setup, 'latentPoints')).toEqual([
      'mode: a navigator level needs target codes.',
    ]);
    expect(modeProblems('holes', threeClean.setup, 'latentPoints')).toEqual([]);
    expect(modeProblems('trained', threeClean.setup, 'draws')).toHaveLength(2);
    expect(modeProblems(getLevel('blend')!.mode, getLevel('blend')!.setup, 'expression')).toEqual([]);
  });
});
