/** Pretrained assets: fetched, checked and decoded once each, and loaded as read-only-named models. */
import { MlError } from '../shared/errors';
import { PRETRAINED_ASSETS } from '../shared/levels/assets';
import type { ModelInfo, ModelSpec, PretrainedAssetName, PretrainedModelInfo } from '../shared/worker-api';
import type { FetchAsset } from './datasets';
import { entryOf, input, modelInfo, type EngineContext } from './engine-context';
import { createModel } from './model-registry';
import { decodeTensors, manifestProblem, sha256Hex, type PretrainedManifest } from './pretrained-format';
import { flatten, unflatten, writeWeights } from './weights';

export interface PretrainedAsset {
  manifest: PretrainedManifest;
  arrays: Float32Array[];
}

export const JUDGE: PretrainedAssetName = 'mnist-judge';

export class PretrainedAssets {
  private readonly assets = new Map<PretrainedAssetName, Promise<PretrainedAsset>>();

  constructor(private readonly fetchAsset: FetchAsset) {}

  /** Fetches, checks (format, sha256) and decodes a pretrained asset once; a failed load is retried next time. */
  get(name: PretrainedAssetName): Promise<PretrainedAsset> {
    input(
      typeof name === 'string' && Object.hasOwn(PRETRAINED_ASSETS, name),
      `There is no pretrained model called "${String(name)}". Pick one of: ${Object.keys(PRETRAINED_ASSETS).join(', ')}.`,
    );
    let pending = this.assets.get(name);
    if (!pending) {
      pending = this.fetchChecked(name);
      this.assets.set(name, pending);
      pending.catch(() => this.assets.delete(name));
    }
    return pending;
  }

  private async fetchChecked(name: PretrainedAssetName): Promise<PretrainedAsset> {
    try {
      const [json, bin] = await Promise.all([
        this.fetchAsset(`pretrained/${name}.json`),
        this.fetchAsset(`pretrained/${name}.bin`),
      ]);
      const manifest = JSON.parse(new TextDecoder().decode(json)) as PretrainedManifest;
      const problem = manifestProblem(manifest, name);
      if (problem) throw new Error(problem);
      const bytes = new Uint8Array(bin);
      if (bytes.byteLength !== manifest.bin.bytes)
        throw new Error(`the weights file has ${bytes.byteLength} bytes, not ${manifest.bin.bytes}`);
      const digest = await sha256Hex(bytes);
      if (digest !== null && digest !== manifest.bin.sha256)
        throw new Error('the weights file does not match its description (damaged or out of date)');
      return { manifest, arrays: decodeTensors(manifest.tensors, bytes) };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new MlError(
        'WEIGHTS_NOT_FOUND',
        `The pretrained model "${name}" could not be loaded (${why}). Reload the page to try again.`,
      );
    }
  }
}

export async function loadPretrained(
  ctx: EngineContext,
  assets: PretrainedAssets,
  name: PretrainedAssetName,
): Promise<PretrainedModelInfo> {
  input(
    name !== JUDGE,
    'The judge is a classifier, not an autoencoder: use classify() instead of loading it as a model.',
  );
  const asset = await assets.get(name);
  const id = `pretrained:${name}`;
  const existing = ctx.models.get(id);
  let info: ModelInfo;
  if (existing && existing.pretrained === name) {
    info = modelInfo(existing);
  } else {
    input(!existing?.job, `Model "${id}" is training; stop it before loading the pretrained weights again.`);
    const spec = asset.manifest.spec as ModelSpec;
    info = await createModel(ctx, spec, { id });
    const entry = entryOf(ctx, id);
    const arrays = unflatten(entry.model, asset.manifest.tensors, flatten(asset.arrays));
    writeWeights(entry.model, arrays);
    entry.snapshot = { step: 0, arrays };
    entry.pretrained = name;
  }
  const { codeBox, classMeans } = asset.manifest;
  return {
    ...info,
    asset: name,
    ...(codeBox ? { codeBox: { min: [...codeBox.min], max: [...codeBox.max] } } : {}),
    ...(classMeans ? { classMeans: classMeans.map((m) => [...m]) } : {}),
  };
}
