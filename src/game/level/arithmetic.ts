/**
 * Arithmetic levels (world 4): image cards, their codes μ from the pretrained model, a linear expression over
 * them, and the measurements the level's scorer asks for (matchPercent for decode and applyVector targets,
 * forgedWrongPixels for a glyph target), computed exactly as src/shared/levels documents them.
 */
import { glyphBitmap } from '../../shared/glyphs';
import { combineCodes } from '../../shared/levels/harness';
import type { Evaluation } from '../../shared/levels/measurements';
import type { ArithmeticSetup, ImageCard, LinearTerm } from '../../shared/levels/types';
import { matchPercent } from '../../shared/scoring/match';
import { wrongPixels } from '../../shared/scoring/pixels';
import type { MlBridge } from '../ml/bridge';

export interface CardView {
  card: ImageCard;
  image: Float32Array;
}

export interface ArithmeticOutcome {
  evaluation: Evaluation;
  /** The decodes of the expression (one per base for applyVector, else one). */
  results: Float32Array[];
  /** The headline number shown live: match % (mean over bases) or wrong pixels. */
  headline: number;
}

export class ArithmeticPlay {
  readonly cards: CardView[];
  readonly targets: Float32Array[];
  readonly width: number;
  readonly height: number;
  private constructor(
    private readonly bridge: MlBridge,
    private readonly modelId: string,
    private readonly setup: ArithmeticSetup,
    private readonly codes: Map<string, Float32Array>,
    cards: CardView[],
    targets: Float32Array[],
    size: { width: number; height: number },
  ) {
    this.cards = cards;
    this.targets = targets;
    this.width = size.width;
    this.height = size.height;
  }

  /** Loads the pretrained model, the card images and their codes, and the target images. */
  static async load(bridge: MlBridge, setup: ArithmeticSetup): Promise<ArithmeticPlay> {
    const info = await bridge.call((api) => api.loadPretrained(setup.asset));
    const all = [...setup.deck, ...setup.hidden];
    const glyphs = all.every((c) => c.image.kind === 'glyph');
    const size = glyphs ? { width: 5, height: 7 } : { width: 28, height: 28 };
    const pixels = size.width * size.height;
    if (!glyphs) await bridge.loadDataset('mnist');
    const images: Float32Array[] = [];
    for (const c of all) {
      if (c.image.kind === 'glyph') images.push(glyphBitmap(c.image.char));
      else images.push((await bridge.getImages('mnist', 'test', c.image.index, 1)).images.slice(0, pixels));
    }
    const batch = new Float32Array(all.length * pixels);
    images.forEach((img, i) => batch.set(img, i * pixels));
    const encoded = await bridge.encode(info.modelId, batch);
    const dims = info.latentSize;
    const codes = new Map<string, Float32Array>();
    all.forEach((c, i) => codes.set(c.id, encoded.slice(i * dims, (i + 1) * dims)));
    const codeOf = (id: string): Float32Array => {
      const code = codes.get(id);
      if (!code) throw new Error(`No card "${id}".`);
      return code;
    };
    const t = setup.target;
    let targets: Float32Array[];
    if (t.kind === 'decode') targets = [await bridge.decode(info.modelId, combineCodes(t.terms, codeOf))];
    else if (t.kind === 'applyVector') {
      const reference = combineCodes(t.reference, codeOf);
      targets = [];
      for (const base of t.bases) targets.push(await bridge.decode(info.modelId, add(codeOf(base), reference)));
    } else targets = [glyphBitmap(t.char)];
    const cards = setup.deck.map((card) => ({ card, image: images[all.indexOf(card)] }));
    return new ArithmeticPlay(bridge, info.modelId, setup, codes, cards, targets, size);
  }

  /** Decodes the expression and measures it as the level's scorer expects. */
  async evaluate(terms: readonly LinearTerm[]): Promise<ArithmeticOutcome> {
    const codeOf = (id: string): Float32Array => {
      const code = this.codes.get(id);
      if (!code) throw new Error(`No card "${id}".`);
      return code;
    };
    const z = combineCodes(terms, codeOf);
    const t = this.setup.target;
    if (t.kind === 'applyVector') {
      const results: Float32Array[] = [];
      const matches: number[] = [];
      for (let i = 0; i < t.bases.length; i++) {
        const out = await this.bridge.decode(this.modelId, add(codeOf(t.bases[i]), z));
        results.push(out);
        matches.push(matchPercent(this.targets[i], out));
      }
      return { evaluation: { matchPercent: matches }, results, headline: matches.reduce((a, b) => a + b, 0) / matches.length };
    }
    const out = await this.bridge.decode(this.modelId, z);
    if (t.kind === 'glyph') {
      const wrong = wrongPixels(this.targets[0], out);
      return { evaluation: { forgedWrongPixels: wrong }, results: [out], headline: wrong };
    }
    const m = matchPercent(this.targets[0], out);
    return { evaluation: { matchPercent: [m] }, results: [out], headline: m };
  }
}

function add(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] + b[i];
  return out;
}
