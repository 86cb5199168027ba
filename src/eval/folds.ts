/** Leave-one-group-out cross-validation (EmoDB: leave-one-speaker-out, 10 folds; IEMOCAP: leave-one-session-out, 5 folds). */
import { permutation } from '../util/random.js';

export interface Fold {
  /** Index of the fold (order of first appearance is NOT used: groups are sorted so fold k is stable). */
  index: number;
  /** The held-out group. */
  group: string;
  train: Int32Array;
  test: Int32Array;
}

/** Sorted distinct groups (numeric-aware, so '3' < '10'). */
export function distinctGroups(groups: readonly string[]): string[] {
  return [...new Set(groups)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** One fold per distinct group: that group's rows are the test set, every other row is training data. */
export function leaveOneGroupOut(groups: readonly string[]): Fold[] {
  const names = distinctGroups(groups);
  if (names.length < 2) throw new Error(`leave-one-group-out needs at least 2 groups (found ${names.length})`);
  return names.map((group, index) => {
    const train: number[] = [];
    const test: number[] = [];
    groups.forEach((g, i) => (g === group ? test : train).push(i));
    return { index, group, train: Int32Array.from(train), test: Int32Array.from(test) };
  });
}

/** Stratified k-fold assignment: each label's (shuffled) rows are dealt round-robin to the folds. */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, rand: () => number): Int32Array {
  const fold = new Int32Array(labels.length);
  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (!byLabel.has(l)) byLabel.set(l, []);
    byLabel.get(l)!.push(i);
  }
  let next = 0;
  for (const key of [...byLabel.keys()].sort((a, b) => a - b)) {
    const rows = byLabel.get(key)!;
    const order = permutation(rows.length, rand);
    for (const o of order) fold[rows[o]] = next++ % k;
  }
  return fold;
}
