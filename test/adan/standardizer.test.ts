import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readCsvTable } from '../../src/data/read-table.js';
import { MaxAbsScaler, Standardizer } from '../../src/data/standardizer.js';
import { sharedDir } from '../../src/util/paths.js';

const table = readCsvTable(join(sharedDir(), 'data/emodb/opensmile/IS11.csv'));
const n = table.ids.length;
const d = table.featureNames.length;

test('Standardizer: fitted on training rows only gives zero mean / unit std there, and other statistics elsewhere', () => {
  const train = table.features.subarray(0, 400 * d);
  const s = new Standardizer().fit(train, 400, d);
  const z = s.transform(train, 400);
  const k = s.outputCols;
  for (const c of [0, 17, k - 1]) {
    let m = 0;
    let v = 0;
    for (let i = 0; i < 400; i++) m += z[i * k + c] / 400;
    for (let i = 0; i < 400; i++) v += (z[i * k + c] - m) ** 2 / 400;
    assert.ok(Math.abs(m) < 1e-4, `column ${c} mean ${m}`);
    assert.ok(Math.abs(Math.sqrt(v) - 1) < 1e-3, `column ${c} std ${Math.sqrt(v)}`);
  }
  // Held-out rows are transformed with the training statistics (not re-centred).
  const zt = s.transform(table.features.subarray(400 * d), n - 400);
  let m0 = 0;
  for (let i = 0; i < n - 400; i++) m0 += zt[i * k] / (n - 400);
  assert.ok(Math.abs(m0) > 1e-3);
  // By hand for one column: (x - mean) / population std.
  const col = s.keptColumns[3];
  let mean = 0;
  for (let i = 0; i < 400; i++) mean += train[i * d + col] / 400;
  let ss = 0;
  for (let i = 0; i < 400; i++) ss += (train[i * d + col] - mean) ** 2;
  const std = Math.sqrt(ss / 400);
  assert.ok(Math.abs(z[5 * k + 3] - (train[5 * d + col] - mean) / std) < 1e-4);
});

test('Standardizer drops zero-variance columns and restores them as constants on inverseTransform', () => {
  const rows = 6;
  const x = new Float32Array(rows * 4);
  for (let i = 0; i < rows; i++) x.set([i, 3.5, -i * 2 + 1, 0], i * 4);
  const s = new Standardizer().fit(x, rows, 4);
  assert.deepEqual([...s.keptColumns], [0, 2]);
  const z = s.transform(x, rows);
  assert.equal(z.length, rows * 2);
  const back = s.inverseTransform(z, rows);
  for (let i = 0; i < x.length; i++) assert.ok(Math.abs(back[i] - x[i]) < 1e-5, `value ${i}: ${back[i]} vs ${x[i]}`);
  assert.equal(back[1], 3.5);
  assert.equal(back[3], 0);
});

test('Standardizer on IS11: inverse of transform recovers the features; JSON state round-trips exactly', () => {
  const s = new Standardizer().fit(table.features, n, d);
  const z = s.transform(table.features, n);
  const back = s.inverseTransform(z, n);
  // float32 round trip: error within a small fraction of the column's spread (plus float32 rounding of x itself).
  const st = s.toJSON();
  const spread = new Float64Array(d);
  st.keep.forEach((c, i) => (spread[c] = st.std[i]));
  let worst = 0;
  for (let i = 0; i < back.length; i++) {
    const x = table.features[i];
    worst = Math.max(worst, Math.abs(back[i] - x) / (1e-4 * spread[i % d] + 1e-6 * Math.abs(x) + 1e-30));
  }
  assert.ok(worst <= 1, `worst scaled error ${worst}`);
  const copy = Standardizer.fromJSON(JSON.parse(JSON.stringify(s.toJSON())));
  assert.deepEqual(copy.toJSON(), s.toJSON());
  assert.deepEqual(copy.transform(table.features, n), z);
});

test('Standardizer rejects non-finite values', () => {
  const x = new Float32Array([1, 2, NaN, 4]);
  assert.throws(() => new Standardizer().fit(x, 2, 2), /non-finite value at row 2, column 1/);
});

test('MaxAbsScaler scales each column into [-1, 1] and back', () => {
  const x = new Float32Array([1, -4, 0, -2, 2, 0, 0.5, 1, 0]);
  const m = new MaxAbsScaler().fit(x, 3, 3);
  const y = m.transform(x, 3);
  assert.deepEqual([...y], [0.5, -1, 0, -1, 0.5, 0, 0.25, 0.25, 0]);
  assert.deepEqual([...m.inverseTransform(y, 3)], [...x]);
  assert.deepEqual(MaxAbsScaler.fromJSON(JSON.parse(JSON.stringify(m.toJSON()))).toJSON(), m.toJSON());
});
