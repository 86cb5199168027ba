import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';

/** A fold's training rows as a saved generative model saw them (so encode/generate can be recomputed later). */
export interface FoldTrainingRows {
  /** The model folder the augmenter saved. */
  dir: string;
  featureNames: readonly string[];
  x: Float32Array;
  rows: number;
  y: Int32Array;
  classNames: readonly string[];
  ids: readonly string[];
  /** Rows the model was fitted on (`--adan-train-where`), when not all. */
  fitMask?: Uint8Array;
}

/**
 * Writes `train.csv` into the model folder: `name`, the features, `label` and, with a fit mask, `adan_fit`
 * (yes/no). The protocol itself writes no files; callers that save models pass this as a hook.
 */
export function writeFoldTrainingRows(t: FoldTrainingRows): void {
  const cols = t.featureNames.length;
  const lines = [['name', ...t.featureNames, 'label', ...(t.fitMask ? ['adan_fit'] : [])].join(',')];
  for (let i = 0; i < t.rows; i++) {
    const v: string[] = [t.ids[i]];
    for (let j = 0; j < cols; j++) v.push(String(t.x[i * cols + j]));
    v.push(t.classNames[t.y[i]]);
    if (t.fitMask) v.push(t.fitMask[i] ? 'yes' : 'no');
    lines.push(v.join(','));
  }
  writeFileAtomic(join(t.dir, 'train.csv'), lines.join('\n') + '\n');
}
