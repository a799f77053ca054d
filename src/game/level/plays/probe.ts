/** The latent map's probe: the last 2-D code decoded, and how many decodes came back (tests read both). */
import type { MlPort } from '../../ml/ml-port';

export class ProbeDecoder {
  at: { x: number; y: number } | null = null;
  count = 0;

  /** `label`: a conditional model's class for the decode. */
  async decode(port: MlPort, modelId: string, x: number, y: number, label?: number): Promise<Float32Array> {
    this.at = { x, y };
    const code = new Float32Array([x, y]);
    const image =
      label === undefined ? await port.decode(modelId, code) : await port.decode(modelId, code, Uint8Array.of(label));
    this.count++;
    return image;
  }

  reset(): void {
    this.at = null;
  }
}
