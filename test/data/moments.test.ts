import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moments } from '../../src/data/moments.js';
import { rowsByGroup } from '../../src/data/rows-by-group.js';

test('moments: per-column mean and population variance of the chosen rows; a constant column has variance exactly 0', () => {
  // 4 rows x 2 columns; rows 1..3 of column 0 are 2, 4, 9 (mean 5, variance (9 + 1 + 16) / 3).
  const x = Float32Array.from([100, 0.3, 2, 0.3, 4, 0.3, 9, 0.3]);
  const m = moments(x, 2, [1, 2, 3]);
  assert.deepEqual([...m.mean], [5, Math.fround(0.3)]);
  assert.deepEqual([...m.variance], [26 / 3, 0]);
  assert.equal(m.n, 3);
  // 0.3 seven times: summing 0.3 / 7 seven times would not give 0.3 back (a std of 5.6e-17, not 0).
  const seven = moments(new Float32Array(7).fill(0.3), 1, [0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual([...seven.mean, ...seven.variance], [Math.fround(0.3), 0]);
  const none = moments(x, 2, []);
  assert.deepEqual([...none.mean, ...none.variance, none.n], [0, 0, 0, 0, 0]);
});

test('rowsByGroup: each group its rows in order, groups in first-seen order', () => {
  assert.deepEqual(
    [...rowsByGroup(['b', 'a', 'b', 'c', 'a'])],
    [
      ['b', [0, 2]],
      ['a', [1, 4]],
      ['c', [3]],
    ],
  );
});
