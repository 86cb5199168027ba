/** Accuracy (= weighted accuracy, WA) and unweighted average recall (UAR), both in percent. */
export interface Accuracy {
  wa: number;
  uar: number;
  n: number;
}

export function accuracy(truth: ArrayLike<number>, pred: ArrayLike<number>, classes: number): Accuracy {
  const hit = new Float64Array(classes);
  const tot = new Float64Array(classes);
  let correct = 0;
  for (let i = 0; i < truth.length; i++) {
    tot[truth[i]]++;
    if (truth[i] === pred[i]) {
      hit[truth[i]]++;
      correct++;
    }
  }
  let sum = 0;
  let present = 0;
  for (let c = 0; c < classes; c++)
    if (tot[c] > 0) {
      sum += hit[c] / tot[c];
      present++;
    }
  return { wa: (100 * correct) / Math.max(1, truth.length), uar: present ? (100 * sum) / present : NaN, n: truth.length };
}
