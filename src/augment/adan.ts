import { AdanModel, type AdanOptions } from '../adan/index.js';
import type { EpochLog } from '../adan/index.js';
import type { Augmenter, Resampled, SampleCount } from './types.js';
import { stackResampled } from './counts.js';

export interface AdanAugmenterOptions {
  adan: AdanOptions;
  /** Synthetic rows, counted from the labels of the whole training fold (the classifier's training set). */
  count: SampleCount;
  /** Per training row: 1 if ADAN may fit on it (IEMOCAP: improvised turns only, spec 4); undefined = all rows. */
  fitMask?: Uint8Array;
  classNames: string[];
  featureNames: string[];
  /** Save the fitted model folder here (as `adan train` writes it). */
  saveDir?: string;
  provenance?: Record<string, unknown>;
  onEpoch?: (log: EpochLog) => void;
  name?: string;
}

/**
 * ADAN as an augmenter: fits an AdanModel on the fold's training rows (or the masked subset), then generates
 * synthetic rows with the training fold's class proportions (paper III-D: 10 sets the size of the training set).
 * Inputs and outputs are raw features; the model normalises internally with statistics of its training rows.
 */
export class AdanAugmenter implements Augmenter {
  readonly name: string;
  model: AdanModel | null = null;

  constructor(private readonly o: AdanAugmenterOptions) {
    this.name = o.name ?? 'adan';
  }

  fitResample(x: Float32Array, rows: number, cols: number, y: Int32Array, classes: number, seed: number): Resampled {
    if (this.o.classNames.length !== classes) throw new Error(`adan: ${classes} classes but ${this.o.classNames.length} class names`);
    let fx = x.subarray(0, rows * cols);
    let fy = y.subarray(0, rows);
    let n = rows;
    const mask = this.o.fitMask;
    if (mask) {
      if (mask.length !== rows) throw new Error(`adan: fit mask has ${mask.length} entries for ${rows} rows`);
      const idx: number[] = [];
      for (let i = 0; i < rows; i++) if (mask[i]) idx.push(i);
      if (idx.length < 2) throw new Error('adan: fewer than 2 training rows match --adan-train-where in this fold');
      const sx = new Float32Array(idx.length * cols);
      idx.forEach((r, i) => sx.set(x.subarray(r * cols, (r + 1) * cols), i * cols));
      fx = sx;
      fy = Int32Array.from(idx, (r) => y[r]);
      n = idx.length;
    }
    const model = AdanModel.create(this.o.adan, seed);
    const names = this.o.classNames;
    const present = [...new Set(Array.from(fy, (k) => names[k]))].sort();
    if (this.o.featureNames.length === cols && present.length === names.length && present.every((c, i) => c === names[i])) {
      // fitTable keeps the real feature names in the saved model (report and `adan generate` read them).
      const table = { ids: Array.from({ length: n }, (_, i) => String(i + 1)), featureNames: this.o.featureNames, features: fx, meta: { label: Array.from(fy, (k) => names[k]) } };
      model.fitTable(table, 'label', { onEpoch: this.o.onEpoch });
    } else {
      model.fit(fx, n, cols, fy, names, { onEpoch: this.o.onEpoch });
    }
    this.model = model;
    if (this.o.saveDir) model.save(this.o.saveDir, this.o.provenance);
    const labels = model.sampleCounts(y.subarray(0, rows), this.o.count);
    // A different stream from the training seed: the generator's z must not replay training noise.
    const gen = model.generate(labels, (seed ^ 0x5bd1e995) >>> 0);
    return stackResampled(x, rows, cols, y, gen.features, labels);
  }
}
