import { join } from 'node:path';
import { readCsvTable } from '../../src/data/read-table.js';
import { withEmodbMeta } from '../../src/data/emodb-names.js';
import { sharedDir } from '../../src/util/paths.js';
import type { Classifier } from '../../src/classify/classifier.js';

/** EmoDB IS11 goldens with labels and speakers (shared, read-only). */
export interface EmodbData {
  x: Float32Array;
  rows: number;
  cols: number;
  y: Int32Array;
  classes: string[];
  speaker: string[];
}

export function loadEmodbIs11(): EmodbData {
  const t = withEmodbMeta(readCsvTable(join(sharedDir(), 'data', 'emodb', 'opensmile', 'IS11.csv')));
  const classes = [...new Set(t.meta.label)].sort();
  return {
    x: t.features,
    rows: t.ids.length,
    cols: t.featureNames.length,
    y: Int32Array.from(t.meta.label, (l) => classes.indexOf(l)),
    classes,
    speaker: t.meta.speaker,
  };
}

/**
 * Per-fold z-normalisation as the honest protocol (the paper, III-B, normalised over the whole corpus instead):
 * columns with zero variance on the training rows are dropped and the rest scaled with the training rows' mean and
 * population std (scikit-learn's StandardScaler).
 */
export function normaliseFold(
  x: Float32Array,
  cols: number,
  train: number[],
  test: number[],
): { train: Float32Array; test: Float32Array; cols: number } {
  const mean = new Float64Array(cols);
  const sq = new Float64Array(cols);
  for (const r of train) for (let c = 0; c < cols; c++) mean[c] += x[r * cols + c];
  for (let c = 0; c < cols; c++) mean[c] /= train.length;
  for (const r of train) for (let c = 0; c < cols; c++) sq[c] += (x[r * cols + c] - mean[c]) ** 2;
  const keep: number[] = [];
  for (let c = 0; c < cols; c++) if (sq[c] > 0) keep.push(c);
  const sd = keep.map((c) => Math.sqrt(sq[c] / train.length));
  const take = (rows: number[]): Float32Array => {
    const out = new Float32Array(rows.length * keep.length);
    rows.forEach((r, i) => keep.forEach((c, k) => (out[i * keep.length + k] = (x[r * cols + c] - mean[c]) / sd[k])));
    return out;
  };
  return { train: take(train), test: take(test), cols: keep.length };
}

export interface LosoResult {
  predictions: Int32Array;
  wa: number;
  uar: number;
}

/** Leave-one-speaker-out with predictions pooled over folds; WA and UAR in percent. */
export function losoEvaluate(d: EmodbData, make: (fold: number) => Classifier): LosoResult {
  const speakers = [...new Set(d.speaker)].sort();
  const pred = new Int32Array(d.rows);
  speakers.forEach((s, fold) => {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < d.rows; i++) (d.speaker[i] === s ? test : train).push(i);
    const n = normaliseFold(d.x, d.cols, train, test);
    const clf = make(fold).fit(
      n.train,
      train.length,
      n.cols,
      Int32Array.from(train, (i) => d.y[i]),
      d.classes.length,
    );
    const p = clf.predict(n.test, test.length);
    test.forEach((i, k) => (pred[i] = p[k]));
  });
  let correct = 0;
  const hit = new Float64Array(d.classes.length);
  const count = new Float64Array(d.classes.length);
  for (let i = 0; i < d.rows; i++) {
    count[d.y[i]]++;
    if (pred[i] === d.y[i]) {
      correct++;
      hit[d.y[i]]++;
    }
  }
  let recall = 0;
  for (let c = 0; c < d.classes.length; c++) recall += hit[c] / count[c];
  return { predictions: pred, wa: (100 * correct) / d.rows, uar: (100 * recall) / d.classes.length };
}
