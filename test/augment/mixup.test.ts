import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MixupAugmenter } from '../../src/augment/mixup.js';
import { crossSpeakerPairs, mixRows } from '../../src/augment/cross-speaker-pairs.js';
import { betaSample } from '../../src/augment/beta.js';
import { SeededRandom } from '../../src/util/random.js';
import { createAugmenter } from '../../src/augment/registry.js';

/** 24 rows, 3 classes, 4 speakers; class 2 comes from speaker 's0' only. Row i is the i-th unit vector. */
function unitRows() {
  const rows = 24;
  const x = new Float32Array(rows * rows);
  for (let i = 0; i < rows; i++) x[i * rows + i] = 1;
  const y = Int32Array.from({ length: rows }, (_, i) => (i < 10 ? 0 : i < 20 ? 1 : 2));
  const groups = Array.from({ length: rows }, (_, i) => (i >= 20 ? 's0' : `s${i % 4}`));
  return { x, rows, cols: rows, y, classes: 3, groups };
}

test('Beta(0.4, 0.4) draws have the distribution mean 0.5 and variance ab / ((a + b)^2 (a + b + 1))', () => {
  const rng = new SeededRandom(3);
  const n = 40000;
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const v = betaSample(rng, 0.4, 0.4);
    assert.ok(v >= 0 && v <= 1);
    s += v;
    s2 += v * v;
  }
  const mean = s / n;
  const variance = s2 / n - mean * mean;
  assert.ok(Math.abs(mean - 0.5) < 0.01, `mean ${mean}`);
  assert.ok(Math.abs(variance - 0.16 / (0.64 * 1.8)) < 0.005, `variance ${variance}`);
  // An asymmetric shape: Beta(2, 0.5) has mean 0.8.
  let t = 0;
  for (let i = 0; i < n; i++) t += betaSample(rng, 2, 0.5);
  assert.ok(Math.abs(t / n - 0.8) < 0.01);
});

test('mixup pairs rows of the same class and different speakers only; a one-speaker class gets no pairs', () => {
  const d = unitRows();
  const p = crossSpeakerPairs(d.y, d.groups, 3, [30, 20, 8], 0.4, 5);
  assert.equal(p.y.length, 50);
  for (let i = 0; i < p.y.length; i++) {
    assert.notEqual(d.groups[p.a[i]], d.groups[p.b[i]], `pair ${i} mixes one speaker`);
    assert.equal(d.y[p.a[i]], p.y[i]);
    assert.equal(d.y[p.b[i]], p.y[i]);
    assert.ok(p.lambda[i] >= 0 && p.lambda[i] <= 1);
  }
  // Every class-0 row is a base row 3 times (30 wanted, 10 rows).
  const uses = new Array<number>(24).fill(0);
  for (const a of p.a) uses[a]++;
  assert.deepEqual(uses.slice(0, 10), new Array<number>(10).fill(3));
  assert.ok(!p.y.includes(2));
});

test('mixup rows are l * a + (1 - l) * b of two same-class rows of different speakers, labelled with their class', () => {
  const d = unitRows();
  const r = new MixupAugmenter({}, 7).fitResample(d);
  // times 1 by default; class 2 (one speaker) has no partner and no synthetic rows.
  assert.equal(r.rows, 24 + 20);
  assert.deepEqual(r.x.subarray(0, 24 * 24), d.x);
  for (let i = 24; i < r.rows; i++) {
    const row = r.x.subarray(i * 24, (i + 1) * 24);
    const parts = [...row.keys()].filter((j) => row[j] > 0);
    assert.ok(parts.length === 1 || parts.length === 2, `row ${i} mixes ${parts.length} rows`);
    assert.ok(Math.abs(row.reduce((s, v) => s + v, 0) - 1) < 1e-6, 'weights sum to 1');
    for (const j of parts) assert.equal(d.y[j], r.y[i]);
    if (parts.length === 2) assert.notEqual(d.groups[parts[0]], d.groups[parts[1]]);
  }
  // The augmenter draws exactly the pairs crossSpeakerPairs draws with its seed.
  const p = crossSpeakerPairs(d.y, d.groups, 3, [10, 10, 4], 0.4, 7);
  assert.deepEqual(r.x.subarray(24 * 24), mixRows(d.x, 24, p));
  assert.deepEqual(r.y.subarray(24), p.y);
});

test('mixup is reproducible by seed, validates alpha and needs speakers', () => {
  const d = unitRows();
  const a = new MixupAugmenter({ count: { times: 2 } }, 1).fitResample(d);
  const b = new MixupAugmenter({ count: { times: 2 } }, 1).fitResample(d);
  const c = new MixupAugmenter({ count: { times: 2 } }, 2).fitResample(d);
  assert.deepEqual(a.x, b.x);
  assert.notDeepEqual(a.x, c.x);
  assert.throws(() => new MixupAugmenter({ alpha: 0 }), /mixup augmenter: alpha/);
  assert.throws(() => new MixupAugmenter().fitResample({ ...d, groups: undefined }), /no speaker/);
  assert.throws(() => new MixupAugmenter().fitResample({ ...d, groups: d.groups.map(() => 'one') }), /at least 2 training speakers/);
  const viaRegistry = createAugmenter('mixup', { count: { times: 2 } }, { featureNames: [], classNames: [] }, 1);
  assert.deepEqual(viaRegistry.fitResample(d).x, a.x);
});
