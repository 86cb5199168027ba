import { rocAuc } from './auc.js';
import { stratifiedFolds } from '../../eval/index.js';
import { seededRandom } from '../../util/random.js';

export interface DetectionResult {
  classifier: string;
  folds: number;
  /** Out-of-fold ROC AUC of "is synthetic": 0.5 = indistinguishable from real, 1 = trivially detected. */
  auc: number;
}

/** Distance from row q to its k-th nearest row among `set` (q itself excluded). */
function kthDistance(d2: Float64Array, n: number, q: number, set: number[], k: number): number {
  const d = Float64Array.from(
    set.filter((j) => j !== q),
    (j) => d2[q * n + j],
  ).sort();
  return Math.sqrt(d[Math.min(k, d.length) - 1]);
}

/** The density-ratio score r / (r + s) of row q against real rows `re` and synthetic rows `sy`. */
function ratioScore(d2: Float64Array, n: number, q: number, re: number[], sy: number[], k: number): number {
  const dr = kthDistance(d2, n, q, re, k);
  const ds = kthDistance(d2, n, q, sy, k);
  return dr + ds > 0 ? dr / (dr + ds) : 0.5;
}

/**
 * Real-vs-synthetic detection (a classifier two-sample test, Lopez-Paz & Oquab 2017): a k-nearest-neighbour
 * density-ratio classifier tries to tell the groups apart: score = r / (r + s) with r and s the distances to the
 * k-th nearest real and synthetic training-fold rows (a monotone transform of the k-NN estimate of
 * p_syn / p_real; unlike the share of synthetic neighbours it is not fooled by hubs in high dimensions), its
 * direction learnt on each training fold; ROC AUC over stratified out-of-fold scores. k-NN rather than a linear
 * model because the typical failure, mode collapse (synthetic rows bunched inside the real cloud), is not linearly
 * separable; a linear detector misses it (and in n << d gives unstable, even inverted, cross-validated scores).
 * `d2` is the pooled squared-distance matrix (n x n).
 */
export function detectionAuc(
  d2: Float64Array,
  n: number,
  real: number[],
  synthetic: number[],
  folds = 5,
  seed = 1,
  k = 5,
): DetectionResult {
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
    const trReal = tr.filter((_, j) => ytr[j] === 0);
    const trSyn = tr.filter((_, j) => ytr[j] === 1);
    // The score's direction is learnt on the training fold (leave-one-out AUC there): in high dimensions a
    // synthetic set that is more spread out than the real one (e.g. noisy copies) scores *lower*, not higher.
    const flip =
      rocAuc(
        tr.map((q) => ratioScore(d2, n, q, trReal, trSyn, k)),
        ytr,
      ) < 0.5;
    teAt.forEach((i, t) => {
      const v = ratioScore(d2, n, te[t], trReal, trSyn, k);
      score[i] = flip ? 1 - v : v;
    });
  }
  return { classifier: `k-NN density ratio (k=${k})`, folds, auc: rocAuc(score, isSyn) };
}
