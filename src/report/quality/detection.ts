import { rocAuc } from './auc.js';
import { fitDualLogistic, predictDualLogistic } from './logistic.js';
import { seededRandom, stratifiedFolds } from '../rng.js';

export interface DetectionResult {
  classifier: string;
  folds: number;
  /** Out-of-fold ROC AUC of "is synthetic": 0.5 = indistinguishable from real, 1 = trivially detected. */
  auc: number;
  /** Out-of-fold accuracy at p = 0.5, percent. */
  accuracy: number;
}

/**
 * Real-vs-synthetic detection (a classifier two-sample test, Lopez-Paz & Oquab 2017): a logistic regression tries
 * to tell the groups apart; AUC over stratified out-of-fold predictions.
 */
export function detectionAuc(k: Float64Array, n: number, real: number[], synthetic: number[], folds = 5, seed = 1): DetectionResult {
  const rows = [...real, ...synthetic];
  const isSyn = Int32Array.from(rows, (_, i) => (i < real.length ? 0 : 1));
  const fold = stratifiedFolds(isSyn, folds, seededRandom(seed));
  const score = new Float64Array(rows.length);
  for (let f = 0; f < folds; f++) {
    const tr: number[] = [];
    const ytr: number[] = [];
    const te: number[] = [];
    const teAt: number[] = [];
    rows.forEach((r, i) => {
      if (fold[i] === f) {
        te.push(r);
        teAt.push(i);
      } else {
        tr.push(r);
        ytr.push(isSyn[i]);
      }
    });
    if (te.length === 0) continue;
    const model = fitDualLogistic(k, n, tr, ytr, 2);
    const p = predictDualLogistic(model, k, n, te);
    teAt.forEach((i, t) => (score[i] = p[t * 2 + 1]));
  }
  let correct = 0;
  for (let i = 0; i < rows.length; i++) if ((score[i] > 0.5 ? 1 : 0) === isSyn[i]) correct++;
  return { classifier: 'logistic regression (L2, C=1)', folds, auc: rocAuc(score, isSyn), accuracy: (100 * correct) / rows.length };
}
