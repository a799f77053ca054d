import { describe, expect, it } from 'vitest';
import { chooseBackend, type BackendDeps, type GlInfo } from '../../src/ml-worker/backend';
import { BACKEND_NAMES, type BackendName } from '../../src/shared/worker-api';

/** Fake GL probe and backend switcher: `working` lists the backends that start. */
function deps(gl: GlInfo | null, working: BackendName[]): BackendDeps & { tried: BackendName[] } {
  const tried: BackendName[] = [];
  return {
    tried,
    probeGl: () => gl,
    setBackend: async (name) => {
      tried.push(name);
      return working.includes(name);
    },
  };
}

const hardware: GlInfo = { renderer: 'ANGLE (NVIDIA GeForce RTX 3060)', isSoftware: false };
const swiftshader: GlInfo = {
  renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)',
  isSoftware: true,
};
const all: BackendName[] = [...BACKEND_NAMES];

describe('backend choice', () => {
  it('auto: WebGL on hardware GL', async () => {
    const c = await chooseBackend('auto', deps(hardware, all));
    expect(c.backend).toBe('webgl');
    expect(c.isSoftwareGl).toBe(false);
    expect(c.reason).toMatch(/WebGL.*hardware-accelerated/);
  });

  it('auto: WASM on software GL (SwiftShader), without even trying WebGL', async () => {
    const d = deps(swiftshader, all);
    const c = await chooseBackend('auto', d);
    expect(c.backend).toBe('wasm');
    expect(c.isSoftwareGl).toBe(true);
    expect(c.renderer).toMatch(/SwiftShader/);
    expect(c.reason).toMatch(/software-rendered/);
    expect(d.tried).toEqual(['wasm']);
  });

  it('auto: WASM without WebGL, CPU when WASM cannot start', async () => {
    expect((await chooseBackend('auto', deps(null, all))).reason).toMatch(/WASM: WebGL is not available/);
    const c = await chooseBackend('auto', deps(null, ['cpu']));
    expect(c.backend).toBe('cpu');
    expect(c.reason).toMatch(/CPU.*WebAssembly could not start/);
  });

  it('a forced backend is honoured, even software WebGL', async () => {
    const c = await chooseBackend('webgl', deps(swiftshader, all));
    expect(c.backend).toBe('webgl');
    expect(c.reason).toMatch(/chosen in the settings.*software-rendered/);
    expect((await chooseBackend('cpu', deps(hardware, all))).backend).toBe('cpu');
  });

  it('a forced backend that cannot start falls back, and says so', async () => {
    const c = await chooseBackend('webgl', deps(null, all));
    expect(c.backend).toBe('wasm');
    expect(c.reason).toBe('WebGL could not start here, so using WASM instead.');
    const d = await chooseBackend('wasm', deps(null, ['cpu']));
    expect(d.backend).toBe('cpu');
    expect(d.reason).toMatch(/WASM could not start/);
  });

  it('after a lost context, auto never picks WebGL again', async () => {
    const c = await chooseBackend('auto', deps(hardware, all), true);
    expect(c.backend).toBe('wasm');
    expect(c.reason).toMatch(/context was lost/);
  });

  it('renderer strings: SwiftShader, llvmpipe and softpipe are software', async () => {
    const { SOFTWARE_GL } = await import('../../src/ml-worker/backend');
    for (const r of ['SwiftShader', 'llvmpipe (LLVM 15.0.6, 256 bits)', 'softpipe', 'Software Adapter'])
      expect(SOFTWARE_GL.test(r)).toBe(true);
    for (const r of ['ANGLE (Intel, Mesa Intel(R) UHD Graphics 620)', 'Apple M1'])
      expect(SOFTWARE_GL.test(r)).toBe(false);
  });
});

describe('reasons stay short', () => {
  it('names a software renderer by its short name', async () => {
    const c = await chooseBackend('auto', deps(swiftshader, all));
    expect(c.reason).toBe(
      'Using WASM: WebGL here is software-rendered (SwiftShader), slower than WASM and it would make the game stutter.',
    );
  });
});
