/** Device tensors of training splits, cached per backend; callers hold a use while training on them. */
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from './datasets';
import { oneHotLabels } from './models/cvae';
import type { DeviceData } from './train';
import type { SelectedData } from './train-data';

interface DeviceEntry {
  backend: string;
  data: DeviceData;
  users: number;
}

const DEVICE_CACHE_SIZE = 3;

export class DeviceCache {
  private readonly device = new Map<string, DeviceEntry>();

  acquire(ds: Dataset, selected: SelectedData, conditional: boolean): { data: DeviceData; release: () => void } {
    const key = `${selected.key}|${conditional}`;
    let entry = this.device.get(key);
    if (!entry || entry.backend !== tf.getBackend()) {
      if (entry) this.disposeEntry(key, entry);
      const cpu = selected.data;
      const data: DeviceData = {
        x: tf.tensor2d(cpu.images, [cpu.count, ds.info.size]),
        oneHot: conditional ? tf.tidy(() => oneHotLabels(tf.tensor1d(cpu.labels, 'int32'), ds.info.classes)) : null,
        input: cpu.inputs ? tf.tensor2d(cpu.inputs, [cpu.count, ds.info.size]) : null,
      };
      entry = { backend: tf.getBackend(), data, users: 0 };
      this.device.set(key, entry);
      this.evict();
    }
    const held = entry;
    held.users++;
    return { data: held.data, release: () => void held.users-- };
  }

  /** Disposes every cached split (after a backend change). */
  drop(): void {
    for (const [key, entry] of [...this.device]) this.disposeEntry(key, entry);
  }

  private evict(): void {
    for (const [key, entry] of this.device) {
      if (this.device.size <= DEVICE_CACHE_SIZE) break;
      if (entry.users === 0) this.disposeEntry(key, entry);
    }
  }

  private disposeEntry(key: string, entry: DeviceEntry): void {
    this.device.delete(key);
    try {
      tf.dispose([
        entry.data.x,
        ...(entry.data.oneHot ? [entry.data.oneHot] : []),
        ...(entry.data.input ? [entry.data.input] : []),
      ]);
    } catch {
      // Tensors of a lost WebGL context.
    }
  }
}
