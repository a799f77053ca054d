import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { wasmThreads } from '../../src/ml-worker/backend';
import { unwrapScriptDir } from '../../scripts/tfjs-threads-build';

describe('threaded WASM', () => {
  it('runs threaded only when asked for 2 or more threads on a cross-origin isolated page', () => {
    expect(wasmThreads(undefined, true)).toBe(0);
    expect(wasmThreads(2, false)).toBe(0);
    expect(wasmThreads(1, true)).toBe(0);
    expect(wasmThreads(2.5, true)).toBe(0);
    expect(wasmThreads(3, true)).toBe(3);
    expect(wasmThreads(64, true)).toBe(16);
  });

  it("leaves tfjs's threaded factory reading nothing outside itself but what its wrapper declares", () => {
    const require = createRequire(import.meta.url);
    const dir = require.resolve('@tensorflow/tfjs-backend-wasm/package.json').replace(/package\.json$/, '');
    const source = readFileSync(`${dir}wasm-out/tfjs-backend-wasm-threaded-simd.js`, 'utf8');
    const out = unwrapScriptDir(source);
    // The factory is the wrapper's returned function: after the edit it never names `_scriptDir`.
    const factory = out.slice(out.indexOf('return (\nfunction(WasmBackendModuleThreadedSimd)'));
    expect(factory.length).toBeGreaterThan(10_000);
    expect(factory).not.toContain('_scriptDir');
    expect(source.slice(source.indexOf('return (\nfunction(WasmBackendModuleThreadedSimd)'))).toContain('_scriptDir');
    expect(() => unwrapScriptDir('var x = 1;')).toThrow(/not found/);
  });
});
