/**
 * Which Phaser renderer to use. A prototype measured Phaser's WebGL renderer starving to 0–6 fps on a software
 * GL (SwiftShader, llvmpipe) while the ML worker also used it, and the Canvas renderer holding 60 fps; so
 * software GL → Canvas, hardware GL → WebGL. `?renderer=` or the setting can force either.
 */
import type { RendererKind, RendererPreference } from './state';

const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

export interface GlProbe {
  /** '' when no WebGL context could be made. */
  renderer: string;
  software: boolean;
}

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_GL.test(renderer);
}

/** Reads the GL renderer string from a throwaway canvas, then releases the context. */
export function probeGl(): GlProbe {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return { renderer: '', software: true };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const unmasked = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL) ?? '') : '';
    const renderer = unmasked || String(gl.getParameter(gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { renderer, software: isSoftwareRenderer(renderer) };
  } catch {
    return { renderer: '', software: true };
  }
}

export interface RendererDecision {
  renderer: RendererKind;
  softwareGl: boolean;
  forced: boolean;
}

export function chooseRenderer(
  urlOverride: Exclude<RendererPreference, 'auto'> | null,
  setting: RendererPreference,
  probe: () => GlProbe = probeGl,
): RendererDecision {
  const forcedChoice = urlOverride ?? (setting !== 'auto' ? setting : null);
  const gl = probe();
  if (forcedChoice) return { renderer: forcedChoice, softwareGl: gl.software, forced: true };
  return { renderer: gl.software || !gl.renderer ? 'canvas' : 'webgl', softwareGl: gl.software, forced: false };
}
