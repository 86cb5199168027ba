import { createClassifier } from '../../classify/index.js';
import { accuracy, type Accuracy } from './accuracy.js';
import { argmaxRows, fitDualLogistic, predictDualLogistic } from './logistic.js';
import { takeRows, type Samples } from './matrix.js';
import { stratifiedFolds } from '../../eval/index.js';
import { seededRandom } from '../../util/random.js';

/** Trains on pooled rows `train` (labels ytr) and predicts pooled rows `test`. */
export type TrainTest = (train: number[], ytr: number[], test: number[]) => Int32Array;

export type TstrClassifier = 'svm' | 'logistic';

export interface TstrResult {
  classifier: string;
  /** Train on real, test on real: stratified k-fold cross-validation over the real rows. */
  trtr: Accuracy & { folds: number };
  /** Train on synthetic, test on real (all real rows). */
  tstr: Accuracy;
  /** Train on real, test on synthetic: are the synthetic samples recognisable as their class? */
  trts: Accuracy;
}

/** L2 logistic regression (C = 1) on the pooled Gram matrix (see logistic.ts). */
export function logisticTrainTest(k: Float64Array, n: number, classes: number): TrainTest {
  return (tr, ytr, te) => argmaxRows(predictDualLogistic(fitDualLogistic(k, n, tr, ytr, classes), k, n, te), classes);
}

/** src/classify's RBF C-SVC (libsvm defaults: C = 1, gamma = 'scale') on the pooled z-normalised rows. */
export function svmTrainTest(pooled: Samples, classes: number, seed: number): TrainTest {
  return (tr, ytr, te) => {
    const a = takeRows(pooled, tr);
    const b = takeRows(pooled, te);
    return createClassifier('svm', undefined, seed).fit(a.x, a.rows, a.cols, Int32Array.from(ytr), classes).predict(b.x, b.rows);
  };
}

export const TSTR_CLASSIFIER_NAMES: Record<TstrClassifier, string> = {
  svm: 'SVM (RBF, C=1, gamma=scale; src/classify)',
  logistic: 'logistic regression (L2, C=1)',
};

/**
 * Train-on-synthetic-test-on-real against train-on-real (Esteban et al. 2017's TSTR/TRTR), with the same
 * classifier (`trainTest`: the SVM or the logistic regression above). `labels[i]` is the class of pooled row i.
 */
export function tstrScores(
  trainTest: TrainTest,
  classifier: string,
  real: number[],
  synthetic: number[],
  labels: ArrayLike<number>,
  classes: number,
  folds = 5,
  seed = 1,
): TstrResult {
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
    const p = trainTest(tr, ytr, te);
    at.forEach((i, t) => (pred[i] = p[t]));
  }
  return {
    classifier,
    trtr: { ...accuracy(yReal, pred, classes), folds },
    tstr: accuracy(yReal, trainTest(synthetic, ySyn, real), classes),
    trts: accuracy(ySyn, trainTest(real, yReal, synthetic), classes),
  };
}
