import { checkXy, type Dataset } from '../data/dataset.js';

/** The training-data check of the classifiers' fit(): data/dataset.ts' checkXy, with rows and finite values required
 *  (programming errors, so plain Errors naming the estimator). */
export function checkTrainingData(d: Dataset, who: string): void {
  checkXy(d, who, { minRows: 1, finite: true });
}

/** scikit-learn's class_weight='balanced': n / (classes present * count); 0 for absent classes. */
export function classWeights(counts: Int32Array): Float64Array {
  let n = 0;
  let present = 0;
  for (const c of counts) {
    n += c;
    if (c > 0) present++;
  }
  return Float64Array.from(counts, (c) => (c > 0 ? n / (present * c) : 0));
}
