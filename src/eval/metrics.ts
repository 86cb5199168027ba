/** Classification metrics as the paper reports them (WA and UAR on predictions pooled over folds). */

/** rows = true class, cols = predicted class, counts. */
export type Confusion = number[][];

export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classes: number): Confusion {
  if (yTrue.length !== yPred.length) throw new Error(`confusionMatrix: ${yTrue.length} labels but ${yPred.length} predictions`);
  const m: Confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i];
    const p = yPred[i];
    if (t < 0 || t >= classes || p < 0 || p >= classes) throw new Error(`confusionMatrix: class index out of range at ${i}`);
    m[t][p]++;
  }
  return m;
}

export function addConfusion(a: Confusion, b: Confusion): Confusion {
  return a.map((row, i) => row.map((v, j) => v + b[i][j]));
}

/** Weighted accuracy (plain accuracy), percent. */
export function weightedAccuracy(m: Confusion): number {
  let hit = 0;
  let all = 0;
  m.forEach((row, i) => row.forEach((v, j) => ((all += v), i === j && (hit += v))));
  return all === 0 ? NaN : (100 * hit) / all;
}

/** Recall of each class, percent; NaN for a class absent from the true labels. */
export function perClassRecall(m: Confusion): number[] {
  return m.map((row, i) => {
    const n = row.reduce((s, v) => s + v, 0);
    return n === 0 ? NaN : (100 * row[i]) / n;
  });
}

/** Unweighted average recall: mean recall over the classes present in the true labels, percent. */
export function unweightedAverageRecall(m: Confusion): number {
  const r = perClassRecall(m).filter((v) => !Number.isNaN(v));
  return r.length === 0 ? NaN : r.reduce((s, v) => s + v, 0) / r.length;
}

export function mean(v: readonly number[]): number {
  return v.length === 0 ? NaN : v.reduce((s, x) => s + x, 0) / v.length;
}

/** Sample standard deviation (n - 1); 0 for a single value. */
export function std(v: readonly number[]): number {
  if (v.length < 2) return 0;
  const m = mean(v);
  return Math.sqrt(v.reduce((s, x) => s + (x - m) * (x - m), 0) / (v.length - 1));
}
