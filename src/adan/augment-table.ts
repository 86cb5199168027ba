import type { FeatureTable } from '../data/table.js';
import type { AdanModel } from './model.js';
import type { SampleMode } from './sample-counts.js';

/**
 * Synthetic rows as a feature table with the model's feature columns, metadata `label` (class name) and
 * `synthetic` = '1'; ids `synthetic-<n>`. Counts follow `mode` from `trainLabels` (or the model's stored training
 * class counts). Same seed, same table.
 */
export function augmentTable(model: AdanModel, mode: SampleMode, seed: number, trainLabels: Int32Array | null = null): FeatureTable {
  const labels = model.sampleCounts(trainLabels, mode);
  const { features } = model.generate(labels, seed);
  const n = labels.length;
  const ids = Array.from({ length: n }, (_, i) => `synthetic-${i + 1}`);
  return {
    ids,
    featureNames: [...model.featureNames],
    features,
    meta: { label: Array.from(labels, (k) => model.classNames[k]), synthetic: new Array<string>(n).fill('1') },
  };
}
