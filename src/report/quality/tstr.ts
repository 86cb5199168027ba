import { accuracy, type Accuracy } from './accuracy.js';
import { argmaxRows, fitDualLogistic, predictDualLogistic } from './logistic.js';
import { seededRandom, stratifiedFolds } from '../rng.js';

export interface TstrResult {
  classifier: string;
  /** Train on real, test on real: stratified k-fold cross-validation over the real rows. */
  trtr: Accuracy & { folds: number };
  /** Train on synthetic, test on real (all real rows). */
  tstr: Accuracy;
  /** Train on real, test on synthetic: are the synthetic samples recognisable as their class? */
  trts: Accuracy;
}

function trainTest(k: Float64Array, n: number, tr: number[], ytr: ArrayLike<number>, te: number[], classes: number): Int32Array {
  const model = fitDualLogistic(k, n, tr, ytr, classes);
  return argmaxRows(predictDualLogistic(model, k, n, te), classes);
}

/**
 * Train-on-synthetic-test-on-real against train-on-real (Esteban et al. 2017's TSTR/TRTR), with the same
 * logistic-regression classifier. `labels[i]` is the class of pooled row i.
 */
export function tstrScores(k: Float64Array, n: number, real: number[], synthetic: number[], labels: ArrayLike<number>, classes: number, folds = 5, seed = 1): TstrResult {
  const yReal = real.map((i) => labels[i]);
  const ySyn = synthetic.map((i) => labels[i]);
  const fold = stratifiedFolds(yReal, folds, seededRandom(seed));
  const pred = new Int32Array(real.length);
  for (let f = 0; f < folds; f++) {
    const tr: number[] = [];
    const ytr: number[] = [];
    const te: number[] = [];
    const at: number[] = [];
    real.forEach((r, i) => {
      if (fold[i] === f) {
        te.push(r);
        at.push(i);
      } else {
        tr.push(r);
        ytr.push(yReal[i]);
      }
    });
    if (te.length === 0) continue;
    const p = trainTest(k, n, tr, ytr, te, classes);
    at.forEach((i, t) => (pred[i] = p[t]));
  }
  return {
    classifier: 'logistic regression (L2, C=1)',
    trtr: { ...accuracy(yReal, pred, classes), folds },
    tstr: accuracy(yReal, trainTest(k, n, synthetic, ySyn, real, classes), classes),
    trts: accuracy(ySyn, trainTest(k, n, real, yReal, synthetic, classes), classes),
  };
}
