import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SvmClassifier } from '../../src/classify/svm.js';
import { loadEmodbIs11, losoEvaluate } from './emodb-loso.js';

test('SVM (C=10, gamma=1/n) on EmoDB IS11 leave-one-speaker-out reproduces scikit-learn: 77.38% WA / 74.72% UAR', () => {
  const d = loadEmodbIs11();
  assert.equal(d.rows, 535);
  assert.equal(d.cols, 4368);
  const r = losoEvaluate(d, () => new SvmClassifier({ C: 10, gamma: 'auto' }));
  // spec 5: scikit-learn's SVC on the same goldens, normalised per training fold, gives 77.38 / 74.72.
  // Same solver, so the pooled predictions agree to within rounding (measured: 77.383 / 74.722).
  assert.ok(Math.abs(r.wa - 77.38) < 0.2, `WA ${r.wa.toFixed(2)}`);
  assert.ok(Math.abs(r.uar - 74.72) < 0.2, `UAR ${r.uar.toFixed(2)}`);
});

test('SVM C=1 on EmoDB IS11 LOSO reproduces scikit-learn: 76.26% WA / 73.26% UAR', () => {
  const r = losoEvaluate(loadEmodbIs11(), () => new SvmClassifier({ C: 1 }));
  assert.ok(Math.abs(r.wa - 76.26) < 0.2, `WA ${r.wa.toFixed(2)}`);
  assert.ok(Math.abs(r.uar - 73.26) < 0.2, `UAR ${r.uar.toFixed(2)}`);
});
