/**
 * Persistent weights: IndexedDB (through `idb`) where it exists (the browser worker), an in-memory Map
 * otherwise (Node tests, the server). Chosen by feature detection.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { ModelSpec } from '../shared/worker-api';
import type { StoredOptimizerState } from './optimizer-state';

/**
 * Stored format version. 1 (no `version` field; records written before optimizer state existed): weights only.
 * 2: may carry `optimizer` (training checkpoints). A reader takes the weights of any version and the optimizer
 * state only from a version it knows, so old records still restore (weights only, fresh optimizer).
 */
export const STORED_WEIGHTS_VERSION = 2;

export interface StoredWeights {
  version?: number;
  spec: ModelSpec;
  tensors: { name: string; shape: number[] }[];
  data: Float32Array;
  savedAt: number;
  /** Checkpoints only: the job's step these weights are from, and the optimizer's state at that step. */
  step?: number;
  /** Checkpoints (version 2) only. */
  optimizer?: StoredOptimizerState;
}

export interface WeightsStore {
  readonly kind: 'indexeddb' | 'memory';
  put(key: string, weights: StoredWeights): Promise<void>;
  get(key: string): Promise<StoredWeights | undefined>;
  delete(key: string): Promise<void>;
}

const copy = (w: StoredWeights): StoredWeights => ({
  ...w,
  tensors: w.tensors.map((t) => ({ name: t.name, shape: [...t.shape] })),
  data: w.data.slice(),
  ...(w.optimizer ? { optimizer: { ...w.optimizer, data: w.optimizer.data.slice() } } : {}),
});

export class MemoryWeightsStore implements WeightsStore {
  readonly kind = 'memory';
  private readonly map = new Map<string, StoredWeights>();

  async put(key: string, weights: StoredWeights): Promise<void> {
    this.map.set(key, copy(weights));
  }

  async get(key: string): Promise<StoredWeights | undefined> {
    const w = this.map.get(key);
    return w ? copy(w) : undefined;
  }

  async delete(key: string): Promise<void> {
    this.map.delete(key);
  }
}

const DB_NAME = 'latent-quest-weights';
const STORE = 'weights';

export class IdbWeightsStore implements WeightsStore {
  readonly kind = 'indexeddb';
  private db: Promise<IDBPDatabase> | null = null;

  private open(): Promise<IDBPDatabase> {
    this.db ??= openDB(DB_NAME, 1, { upgrade: (db) => void db.createObjectStore(STORE) });
    return this.db;
  }

  async put(key: string, weights: StoredWeights): Promise<void> {
    await (await this.open()).put(STORE, weights, key);
  }

  async get(key: string): Promise<StoredWeights | undefined> {
    return (await (await this.open()).get(STORE, key)) as StoredWeights | undefined;
  }

  async delete(key: string): Promise<void> {
    await (await this.open()).delete(STORE, key);
  }
}

export function createWeightsStore(): WeightsStore {
  return typeof indexedDB !== 'undefined' ? new IdbWeightsStore() : new MemoryWeightsStore();
}
