import { describe, expect, it } from 'vitest';
import { Sfx, scheduleFor, type AudioContextLike, type SfxName } from '../../src/game/audio/sfx';

/** A minimal stand-in for the browser's AudioContext (absent in Node) that records what gets scheduled. */
function fakeContext(state = 'running') {
  const started: { frequency: number; start: number; stop: number; type: string }[] = [];
  const ramps: [string, number, number][] = [];
  let resumed = 0;
  const param = (record: (v: number, t: number, kind: string) => void) => ({
    setValueAtTime: (v: number, t: number) => record(v, t, 'set'),
    linearRampToValueAtTime: (v: number, t: number) => record(v, t, 'linear'),
    exponentialRampToValueAtTime: (v: number, t: number) => record(v, t, 'exp'),
  });
  const ctx: AudioContextLike = {
    currentTime: 10,
    destination: {},
    state,
    resume: async () => {
      resumed++;
    },
    createOscillator: () => {
      const osc = { type: 'sine', freq: 0, start: 0 };
      return {
        get type() {
          return osc.type;
        },
        set type(v: string) {
          osc.type = v;
        },
        frequency: param((v) => (osc.freq = v)),
        connect: () => undefined,
        start: (when: number) => (osc.start = when),
        stop: (when: number) => started.push({ frequency: osc.freq, start: osc.start, stop: when, type: osc.type }),
      };
    },
    createGain: () => ({ gain: param((v, t, kind) => ramps.push([kind, v, t])), connect: () => undefined }),
  };
  return { ctx, started, ramps, resumed: () => resumed };
}

const EFFECTS: SfxName[] = ['click', 'star', 'success', 'fail', 'tick'];

describe('sfx schedule (pure)', () => {
  it('every effect has short, quiet, audible notes', () => {
    for (const e of EFFECTS) {
      const notes = scheduleFor(e);
      expect(notes.length, e).toBeGreaterThan(0);
      for (const n of notes) {
        expect(n.frequency).toBeGreaterThanOrEqual(80);
        expect(n.frequency).toBeLessThanOrEqual(4000);
        expect(n.start).toBeGreaterThanOrEqual(0);
        expect(n.duration).toBeGreaterThan(0);
        expect(n.start + n.duration).toBeLessThanOrEqual(1);
        expect(n.gain).toBeGreaterThan(0);
        expect(n.gain).toBeLessThanOrEqual(0.2);
      }
    }
    // A click is a single blip shorter than 50 ms.
    expect(scheduleFor('click')).toHaveLength(1);
    expect(scheduleFor('click')[0].duration).toBeLessThan(0.05);
  });

  it('each star chimes higher than the one before; success rises, "not yet" falls and sits low', () => {
    const firstPitch = (i: number) => scheduleFor('star', { index: i })[0].frequency;
    expect(firstPitch(1)).toBeGreaterThan(firstPitch(0));
    expect(firstPitch(2)).toBeGreaterThan(firstPitch(1));
    const up = scheduleFor('success').map((n) => n.frequency);
    for (let i = 1; i < up.length; i++) expect(up[i]).toBeGreaterThan(up[i - 1]);
    const down = scheduleFor('fail').map((n) => n.frequency);
    expect(down[down.length - 1]).toBeLessThan(down[0]);
    expect(Math.max(...down)).toBeLessThan(Math.min(...up));
  });
});

describe('Sfx player', () => {
  it('schedules the notes of an effect on the context, at its current time', () => {
    const fake = fakeContext();
    const sfx = new Sfx({ enabled: () => true, createContext: () => fake.ctx });
    sfx.unlock();
    expect(sfx.play('success')).toBe(true);
    const notes = scheduleFor('success');
    expect(fake.started.map((s) => s.frequency)).toEqual(notes.map((n) => n.frequency));
    expect(fake.started.map((s) => s.start)).toEqual(notes.map((n) => 10 + n.start));
    for (const s of fake.started) expect(s.stop).toBeGreaterThan(s.start);
    // Envelope: peaks at the note's gain, fades out.
    expect(fake.ramps.filter(([k]) => k === 'linear').map(([, v]) => v)).toEqual(notes.map((n) => n.gain));
    expect(sfx.log()).toEqual(['success']);
  });

  it('muted ⇒ nothing scheduled and nothing logged; unmuting plays again', () => {
    const fake = fakeContext();
    let on = false;
    const sfx = new Sfx({ enabled: () => on, createContext: () => fake.ctx });
    sfx.unlock();
    for (const e of EFFECTS) expect(sfx.play(e)).toBe(false);
    expect(fake.started).toEqual([]);
    expect(fake.ramps).toEqual([]);
    expect(sfx.log()).toEqual([]);
    on = true;
    expect(sfx.play('click')).toBe(true);
    expect(fake.started).toHaveLength(1);
    expect(sfx.log()).toEqual(['click']);
  });

  it('is a no-op before the first gesture, without an AudioContext, or when the context throws', () => {
    const fake = fakeContext();
    let created = 0;
    const sfx = new Sfx({ enabled: () => true, createContext: () => (created++, fake.ctx) });
    expect(sfx.play('click')).toBe(false);
    expect(created).toBe(0);
    sfx.unlock();
    sfx.unlock();
    expect(created).toBe(1);

    const none = new Sfx({ enabled: () => true, createContext: () => null });
    none.unlock();
    expect(none.play('tick')).toBe(false);

    const throwing = new Sfx({
      enabled: () => true,
      createContext: () => {
        throw new Error('no audio device');
      },
    });
    expect(() => throwing.unlock()).not.toThrow();
    expect(throwing.play('tick')).toBe(false);

    const broken = fakeContext();
    broken.ctx.createOscillator = () => {
      throw new Error('closed');
    };
    const sfx2 = new Sfx({ enabled: () => true, createContext: () => broken.ctx });
    sfx2.unlock();
    expect(() => sfx2.play('fail')).not.toThrow();
    expect(sfx2.play('fail')).toBe(false);
    expect(sfx2.log()).toEqual([]);
  });

  it('resumes a suspended context on the gesture', async () => {
    const fake = fakeContext('suspended');
    const sfx = new Sfx({ enabled: () => true, createContext: () => fake.ctx });
    sfx.unlock();
    await Promise.resolve();
    expect(fake.resumed()).toBe(1);
  });
});
