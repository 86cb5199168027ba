import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leaveOneGroupOut } from '../../src/eval/folds.js';
import { evalDataFromTable } from '../../src/eval/dataset.js';
import { fitStandardizer } from '../../src/eval/normaliser.js';
import { emodbIs11 } from './helpers.js';

test('EmoDB leave-one-speaker-out: 10 folds, no speaker in both train and test, every row tested once', () => {
  const t = emodbIs11();
  const speakers = t.meta.speaker;
  const folds = leaveOneGroupOut(speakers);
  assert.equal(folds.length, 10);
  assert.deepEqual(
    folds.map((f) => f.group),
    ['03', '08', '09', '10', '11', '12', '13', '14', '15', '16'],
  );
  const tested = new Array<number>(speakers.length).fill(0);
  for (const f of folds) {
    const trainSpk = new Set(Array.from(f.train, (i) => speakers[i]));
    const testSpk = new Set(Array.from(f.test, (i) => speakers[i]));
    assert.deepEqual([...testSpk], [f.group]);
    assert.ok(!trainSpk.has(f.group));
    assert.equal(f.train.length + f.test.length, 535);
    for (const i of f.test) tested[i]++;
  }
  assert.ok(tested.every((c) => c === 1));
});

test('per-fold normalisation uses training rows only: changing the test speaker leaves the transform unchanged', () => {
  const data = evalDataFromTable(emodbIs11(), { labelCol: 'label', groupCol: 'speaker' });
  const fold = leaveOneGroupOut(data.groups)[0];
  const cols = data.cols;
  const gather = (x: Float32Array, idx: Int32Array) => {
    const o = new Float32Array(idx.length * cols);
    idx.forEach((r, i) => o.set(x.subarray(r * cols, (r + 1) * cols), i * cols));
    return o;
  };
  const probe = gather(data.x, fold.train.subarray(0, 5));
  const a = fitStandardizer(gather(data.x, fold.train), fold.train.length, cols).transform(probe, 5);
  // Perturb every test row heavily: a leaky pipeline (statistics over all rows) would change its transform.
  const x2 = data.x.slice();
  for (const r of fold.test) for (let j = 0; j < cols; j++) x2[r * cols + j] = x2[r * cols + j] * 7 + 100;
  const b = fitStandardizer(gather(x2, fold.train), fold.train.length, cols).transform(probe, 5);
  assert.deepEqual(a, b);
  // ...whereas statistics over the whole corpus do move (the check above can fail).
  const all = fitStandardizer(data.x, data.rows, cols).transform(probe, 5);
  const all2 = fitStandardizer(x2, data.rows, cols).transform(probe, 5);
  assert.notDeepEqual(all, all2);
});
