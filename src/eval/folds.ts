/** Leave-one-group-out cross-validation (spec 4: EmoDB leave-one-speaker-out, IEMOCAP leave-one-session-out). */

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
