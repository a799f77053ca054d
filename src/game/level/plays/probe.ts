/** The latent map's probe: the last 2-D code decoded, and how many decodes came back (tests read both). */
import type { MlPort } from '../../ml/ml-port';

export class ProbeDecoder {
  at: { x: number; y: number } | null = null;
  count = 0;

  async decode(port: MlPort, modelId: string, x: number, y: number): Promise<Float32Array> {
    this.at = { x, y };
    const image = await port.decode(modelId, new Float32Array([x, y]));
    this.count++;
    return image;
  }

  reset(): void {
    this.at = null;
  }
}
