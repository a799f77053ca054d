/**
 * Saving the Lab's trained model as a file and loading one back: the worker's export in the engine's format
 * (src/shared/export/model-file.ts), the browser's download and file picker, and putting a loaded model on the
 * Lab's screen (its controls, its reconstructions of the first test images).
 */
import { encodeModelFile, modelFileName, readModelFile } from '../../shared/export';
import type { ModelKind } from '../../shared/worker-api';
import type { GameContext } from '../context';
import type { MlBridge } from '../ml/bridge';
import { PREVIEW_COUNT } from '../ml/run-plan';
import { clampBottleneck, clampHiddenWidth } from '../state/lab-rules';
import { pickTextFile } from './browser-files';

/** The id a loaded model has in the worker: loading another replaces it. */
export const IMPORTED_MODEL_ID = 'lab:imported';

export async function exportLabModel(bridge: MlBridge, modelId: string): Promise<{ name: string; text: string }> {
  const w = await bridge.exportWeights(modelId);
  return { name: modelFileName(w.spec), text: encodeModelFile(w) };
}

export type ImportOutcome = { ok: true; file: string; kind: ModelKind; size: number } | { ok: false; problem: string };

/** Asks for a file and loads it; null when the player cancels the picker. */
export async function importLabModel(context: GameContext): Promise<ImportOutcome | null> {
  const picked = await pickTextFile('model', '.json,application/json');
  if (!picked) return null;
  return loadModelText(context, picked.name, picked.text);
}

export async function loadModelText(context: GameContext, file: string, text: string): Promise<ImportOutcome> {
  const read = readModelFile(text);
  if (!read.ok) return { ok: false, problem: read.problem };
  const { spec } = read.weights;
  if (spec.dataset !== 'glyphs' && spec.dataset !== 'mnist')
    return { ok: false, problem: `${spec.dataset}: not a Lab data set` };
  const { store, bridge } = context;
  try {
    await bridge.start();
    await bridge.loadDataset(spec.dataset);
    const info = await bridge.importWeights({ modelId: IMPORTED_MODEL_ID, ...read.weights });
    const s = store.getState();
    // The controls show the loaded model (what the Lab can show of it); a new Train trains those controls.
    s.setDataset(spec.dataset);
    s.setKind(spec.kind);
    s.setBottleneck(clampBottleneck(spec.bottleneck));
    if (spec.hidden[0] !== undefined) s.setHiddenWidth(clampHiddenWidth(spec.hidden[0]));
    const summary = {
      modelId: info.modelId,
      kind: spec.kind,
      dataset: spec.dataset,
      paramCount: info.paramCount,
      latentSize: info.latentSize,
    };
    s.beginRun(summary, 0);
    s.finishRun({ reason: 'completed', message: '', steps: 0 });
    const batch = await bridge.getImages(spec.dataset, 'test', 0, PREVIEW_COUNT);
    const inputs = batch.images.slice();
    const labels = spec.kind === 'cvae' ? batch.labels : undefined;
    const outputs = await bridge.reconstruct(info.modelId, batch.images, labels);
    store.getState().setPreview({ width: batch.width, height: batch.height, count: batch.count, inputs, outputs });
    return { ok: true, file, kind: spec.kind, size: spec.bottleneck };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}
