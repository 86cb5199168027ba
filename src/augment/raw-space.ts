/**
 * How an augmenter that makes rows from scratch (e.g. by re-extracting perturbed audio) puts them into the space
 * of the training rows it was given: the protocol may have normalised those rows before the augmenter sees them
 * (each speaker by its own statistics, or the whole corpus), and new raw rows must go through the same step.
 */
export interface RawFeatureSpace {
  /** The table's feature columns before any normalisation (the columns `toTrainingSpace` takes, in order). */
  readonly featureNames: readonly string[];
  /**
   * `rows` raw rows (row-major, featureNames.length columns) mapped into the training rows' columns and scale;
   * `sourceRows[i]` is the training row (fold order) raw row i was made from, whose speaker's statistics apply.
   */
  toTrainingSpace(raw: Float32Array, rows: number, sourceRows: readonly number[]): Float32Array;
}

/** The identity space: the training rows are the raw table rows (no normalisation before augmentation). */
export function rawIdentitySpace(featureNames: readonly string[]): RawFeatureSpace {
  return { featureNames, toTrainingSpace: (raw) => raw };
}
