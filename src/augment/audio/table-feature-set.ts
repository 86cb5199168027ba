import { availableFeatureSets, featureNames, type FeatureSetName } from '../../features/index.js';
import { UserError } from '../../util/errors.js';

/** Which of adan's feature sets a table's feature columns come from, and where each column is in the set's output. */
export interface TableFeatureSet {
  set: FeatureSetName;
  /** For table column j, its index in featureNames(set). */
  columns: Int32Array;
}

/**
 * The feature set whose output names include every table column (the table may hold a subset, in any order),
 * so re-extracted features can be laid out exactly like the table's. None: a one-line error.
 */
export function tableFeatureSet(names: readonly string[]): TableFeatureSet {
  for (const set of availableFeatureSets()) {
    const index = new Map(featureNames(set).map((n, i) => [n, i]));
    if (names.every((n) => index.has(n))) return { set, columns: Int32Array.from(names, (n) => index.get(n)!) };
  }
  const shown = names.slice(0, 3).join(', ');
  throw new UserError(
    `perturb augmenter: the table's features (${names.length}: ${shown}, ...) are not columns of one of adan's feature sets ` +
      `(${availableFeatureSets().join(', ')}), so perturbed audio cannot be re-extracted into them`,
  );
}
