// Small stand-ins and shared loaders for the evaluation tests (not part of src/).
import { join } from 'node:path';
import { readCsvTable } from '../../src/data/read-table.js';
import { withEmodbMeta } from '../../src/data/emodb-names.js';
import type { FeatureTable } from '../../src/data/table.js';
import { sharedDir } from '../../src/util/paths.js';
import type { EvalClassifier, EvalData } from '../../src/eval/types.js';
import { evalDataFromTable } from '../../src/eval/dataset.js';
import { selectRows } from '../../src/data/table.js';
import { fitStandardizer } from '../../src/eval/normaliser.js';
import { NoAugmenter } from '../../src/augment/simple.js';
import type { ProtocolFlags } from '../../src/cli/commands/evaluate.js';

/** The protocol flags as commander gives them with the defaults, with some set. */
export const protocolFlags = (o: Partial<ProtocolFlags>): ProtocolFlags => ({
  augment: 'none',
  classifier: 'svm',
  trainOn: 'real+synthetic',
  adanPreset: 'paper',
  noiseStd: '0.1',
  smoteK: '5',
  normalisation: 'per-fold',
  repeats: '1',
  seed: '1',
  ...o,
});

let cached: FeatureTable | null = null;
/** The real EmoDB IS11 goldens (535 x 4368) with label/speaker columns. */
export function emodbIs11(): FeatureTable {
  if (!cached) cached = withEmodbMeta(readCsvTable(join(sharedDir(), 'data', 'emodb', 'opensmile', 'IS11.csv')));
  return cached;
}

/** Nearest class centroid: deterministic and fast, enough to exercise the protocol. */
export class CentroidClassifier implements EvalClassifier {
  private centroids: Float64Array = new Float64Array(0);
  private cols = 0;
  private classes = 0;
  fit(x: Float32Array, rows: number, cols: number, y: Int32Array, classes: number): void {
    this.cols = cols;
    this.classes = classes;
    const c = new Float64Array(classes * cols);
    const n = new Float64Array(classes);
    for (let i = 0; i < rows; i++) {
      n[y[i]]++;
      for (let j = 0; j < cols; j++) c[y[i] * cols + j] += x[i * cols + j];
    }
    for (let k = 0; k < classes; k++) for (let j = 0; j < cols; j++) c[k * cols + j] /= Math.max(n[k], 1);
    this.centroids = c;
  }
  predict(x: Float32Array, rows: number): Int32Array {
    const out = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      let best = -1;
      let bd = Infinity;
      for (let k = 0; k < this.classes; k++) {
        let d = 0;
        for (let j = 0; j < this.cols; j++) {
          const v = x[i * this.cols + j] - this.centroids[k * this.cols + j];
          d += v * v;
        }
        if (d < bd) {
          bd = d;
          best = k;
        }
      }
      out[i] = best;
    }
    return out;
  }
}

/** EmoDB IS11 as an evaluation dataset, of the given speakers only (all by default). */
export function emodbSpeakers(speakers?: readonly string[]): EvalData {
  const t = emodbIs11();
  const keep = t.ids.map((_, i) => i).filter((i) => !speakers || speakers.includes(t.meta.speaker[i]));
  return evalDataFromTable(selectRows(t, keep), { name: 'emodb-subset', labelCol: 'label', groupCol: 'speaker' });
}

/** The protocol's dependencies with the centroid classifier, the fold z-norm and no augmentation. */
export const centroidDeps = {
  createClassifier: (): EvalClassifier => new CentroidClassifier(),
  fitNormaliser: fitStandardizer,
  createAugmenter: () => new NoAugmenter(),
};
