import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeQuality, samples, type Samples } from '../../src/report/quality/index.js';
import { rocAuc } from '../../src/report/quality/auc.js';
import { mmdUnbiased } from '../../src/report/quality/mmd.js';
import { gaussian, seededRandom } from '../../src/util/random.js';

/** Three Gaussian classes in d dims with means 4 apart along different axes (well separated). */
function blobs(perClass: number, d: number, seed: number, shift = 0): { s: Samples; y: Int32Array } {
  const g = gaussian(seededRandom(seed));
  const n = perClass * 3;
  const x = new Float32Array(n * d);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(i / perClass);
    y[i] = c;
    for (let j = 0; j < d; j++) x[i * d + j] = g() + (j === c ? 4 : 0) + shift;
  }
  return { s: samples(x, n, d), y };
}

const names = ['a', 'b', 'c'];

test('rocAuc: exact values incl. ties', () => {
  assert.equal(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]), 1);
  assert.equal(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]), 0);
  assert.equal(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1]), 0.5);
  // positives {0.3, 0.7} vs negatives {0.1, 0.5}: pairs won 1 + 2 = 3 of 4
  assert.equal(rocAuc([0.1, 0.3, 0.5, 0.7], [0, 1, 0, 1]), 0.75);
});

test('mmdUnbiased: matches the formula on a hand-computed 1-D case', () => {
  // points a = {0, 1}, b = {0, 2} on a line; sigma = 1
  const pts = [0, 1, 0, 2];
  const n = 4;
  const d2 = new Float64Array(16);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) d2[i * n + j] = (pts[i] - pts[j]) ** 2;
  const k = (t: number): number => Math.exp(-(t * t) / 2);
  const expected = k(1) + k(2) - 2 * ((k(0) + k(2) + k(1) + k(1)) / 4);
  const r = mmdUnbiased(d2, n, [0, 1], [2, 3], 1);
  assert.ok(Math.abs(r.mmd2 - expected) < 1e-12, `${r.mmd2} vs ${expected}`);
});

test('identical distributions: AUC ~0.5, MMD ~0, high precision/recall, TSTR ~ TRTR, no copies', () => {
  const real = blobs(60, 12, 1);
  const syn = blobs(60, 12, 2);
  const q = computeQuality({ real: real.s, realLabels: real.y, synthetic: syn.s, syntheticLabels: syn.y, classNames: names });
  assert.ok(Math.abs(q.feature.detection.auc - 0.5) < 0.12, `auc ${q.feature.detection.auc}`);
  assert.ok(Math.abs(q.feature.mmd.overall.mmd2) < 0.02, `mmd ${q.feature.mmd.overall.mmd2}`);
  for (const c of q.feature.mmd.perClass) assert.ok(Math.abs(c.mmd2) < 0.05, `${c.class} mmd ${c.mmd2}`);
  assert.ok(q.feature.coverage.precision > 0.7 && q.feature.coverage.recall > 0.7, JSON.stringify(q.feature.coverage));
  assert.ok(q.tstr.trtr.wa > 95 && q.tstr.tstr.wa > 95 && q.tstr.trts.wa > 95, JSON.stringify(q.tstr));
  assert.equal(q.feature.nnDistance.copies, 0);
  assert.ok(q.feature.nnDistance.ratio > 0.7 && q.feature.nnDistance.ratio < 1.5, `ratio ${q.feature.nnDistance.ratio}`);
  assert.deepEqual(q.rows.realPerClass, [60, 60, 60]);
});

test('disjoint distributions: AUC ~1, large MMD, zero precision and recall', () => {
  const real = blobs(40, 12, 3);
  const syn = blobs(40, 12, 4, 10);
  const q = computeQuality({ real: real.s, realLabels: real.y, synthetic: syn.s, syntheticLabels: syn.y, classNames: names });
  assert.ok(q.feature.detection.auc > 0.99, `auc ${q.feature.detection.auc}`);
  assert.ok(q.feature.mmd.overall.mmd2 > 0.5, `mmd ${q.feature.mmd.overall.mmd2}`);
  assert.equal(q.feature.coverage.precision, 0);
  assert.equal(q.feature.coverage.recall, 0);
  assert.ok(q.feature.nnDistance.ratio > 3, `ratio ${q.feature.nnDistance.ratio}`);
});

test('copies of the training rows: NN distance 0, every sample a copy, precision = recall = 1', () => {
  const real = blobs(30, 8, 5);
  const q = computeQuality({ real: real.s, realLabels: real.y, synthetic: real.s, syntheticLabels: real.y, classNames: names });
  assert.equal(q.feature.nnDistance.syntheticToReal.median, 0);
  assert.equal(q.feature.nnDistance.copies, 90);
  assert.equal(q.feature.nnDistance.ratio, 0);
  assert.equal(q.feature.coverage.precision, 1);
  assert.equal(q.feature.coverage.recall, 1);
});

test('wrongly labelled synthetic data: TSTR collapses while TRTR stays high', () => {
  const real = blobs(40, 10, 6);
  const syn = blobs(40, 10, 7);
  const wrong = Int32Array.from(syn.y, (c) => (c + 1) % 3);
  const q = computeQuality({ real: real.s, realLabels: real.y, synthetic: syn.s, syntheticLabels: wrong, classNames: names });
  assert.ok(q.tstr.trtr.wa > 95, `trtr ${q.tstr.trtr.wa}`);
  assert.ok(q.tstr.tstr.wa < 5, `tstr ${q.tstr.tstr.wa}`);
  assert.ok(q.tstr.trts.uar < 5, `trts ${q.tstr.trts.uar}`);
});

test('latent space metrics are computed when codes are given, and results are seeded', () => {
  const real = blobs(20, 6, 8);
  const syn = blobs(20, 6, 9);
  const lr = blobs(20, 3, 10);
  const ls = blobs(20, 3, 11, 8);
  const input = {
    real: real.s,
    realLabels: real.y,
    synthetic: syn.s,
    syntheticLabels: syn.y,
    classNames: names,
    realLatent: lr.s,
    syntheticLatent: ls.s,
  };
  const a = computeQuality(input, { seed: 3 });
  const b = computeQuality(input, { seed: 3 });
  assert.ok(a.latent !== null);
  assert.ok(a.latent.detection.auc > 0.99);
  assert.equal(a.latent.dims, 3);
  assert.deepEqual({ ...a, created: '' }, { ...b, created: '' });
});

test('detection AUC stays near 0.5 for identical distributions with far more dimensions than rows (no held-out leakage)', () => {
  // n << d as with openSMILE features: centring on all rows would make held-out real rows look synthetic (AUC << 0.5).
  const real = blobs(20, 400, 12);
  const syn = blobs(20, 400, 13);
  const q = computeQuality({ real: real.s, realLabels: real.y, synthetic: syn.s, syntheticLabels: syn.y, classNames: names });
  assert.ok(Math.abs(q.feature.detection.auc - 0.5) < 0.15, `auc ${q.feature.detection.auc}`);
  assert.ok(q.tstr.trtr.wa > 45, `trtr ${q.tstr.trtr.wa} (chance 33)`);
});

test('TSTR with the built-in logistic regression instead of the SVM gives the same verdicts', () => {
  const real = blobs(40, 10, 6);
  const syn = blobs(40, 10, 7);
  const wrong = Int32Array.from(syn.y, (c) => (c + 1) % 3);
  const good = computeQuality(
    { real: real.s, realLabels: real.y, synthetic: syn.s, syntheticLabels: syn.y, classNames: names },
    { classifier: 'logistic' },
  );
  const bad = computeQuality(
    { real: real.s, realLabels: real.y, synthetic: syn.s, syntheticLabels: wrong, classNames: names },
    { classifier: 'logistic' },
  );
  assert.match(good.tstr.classifier, /logistic/);
  assert.ok(good.tstr.trtr.wa > 95 && good.tstr.tstr.wa > 95, JSON.stringify(good.tstr));
  assert.ok(bad.tstr.tstr.wa < 5, `tstr ${bad.tstr.tstr.wa}`);
});

test('noisy copies in high dimensions (more spread than the real rows) are detected, not scored below chance', () => {
  const real = blobs(30, 200, 14);
  const g = gaussian(seededRandom(15));
  const noisy = samples(
    real.s.x.map((v) => v + g()),
    real.s.rows,
    real.s.cols,
  );
  const q = computeQuality({ real: real.s, realLabels: real.y, synthetic: noisy, syntheticLabels: real.y, classNames: names });
  assert.ok(q.feature.detection.auc > 0.8, `auc ${q.feature.detection.auc}`);
  assert.ok(q.feature.nnDistance.ratio < 0.8, `ratio ${q.feature.nnDistance.ratio}`);
});
