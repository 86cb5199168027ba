import { confusionMatrix, unweightedAverageRecall, weightedAccuracy } from '../../eval/index.js';

/** Accuracy (= weighted accuracy, WA) and unweighted average recall (UAR), both in percent, with eval's metrics. */
export interface Accuracy {
  wa: number;
  uar: number;
  n: number;
}

export function accuracy(truth: ArrayLike<number>, pred: ArrayLike<number>, classes: number): Accuracy {
  const m = confusionMatrix(truth, pred, classes);
  return { wa: weightedAccuracy(m), uar: unweightedAverageRecall(m), n: truth.length };
}
