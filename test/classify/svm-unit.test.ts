import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/util/paths.js';
import {
  SvmClassifier,
  createClassifier,
  resolveGamma,
  DnnClassifier,
  DNN_DEFAULTS,
  CLASSIFIERS,
  CLASSIFIER_NAMES,
  type ClassifierName,
  type SvmOptions,
} from '../../src/classify/index.js';
import { UserError } from '../../src/util/errors.js';
import { topK } from '../../src/classify/smo.js';

const fixture = JSON.parse(readFileSync(join(packageRoot(), 'test', 'fixtures', 'svm-sklearn.json'), 'utf8')) as {
  cases: { rows: number; cols: number; classes: number; testRows: number; x: number[]; y: number[]; xTest: number[]; predict: number[] }[];
};
const c0 = fixture.cases[0];
const x = Float32Array.from(c0.x);
const y = Int32Array.from(c0.y);
const xt = Float32Array.from(c0.xTest);

// Pairs of this fixture hold 80 of its 120 samples: 4 and 40 cached pair rows (LRU; block prefetch with 40), and
// 40,000 bytes, too small for the 120 x 120 kernel but enough for each 80 x 80 pair kernel (one shared buffer).
for (const [label, bytes, precomputed] of [
  ['an LRU cache of 4 pair rows', 4 * 80 * 4, false],
  ['an LRU cache of 40 pair rows (block prefetch)', 40 * 80 * 4, false],
  ['per-pair precomputed kernels', 40_000, true],
] as const) {
  test(`SVM: ${label} gives the model of the shared precomputed kernel`, () => {
    const full = new SvmClassifier({ C: 10 }).fit(x, c0.rows, c0.cols, y, c0.classes);
    const other = new SvmClassifier({ C: 10, cacheMB: bytes / (1024 * 1024) }).fit(x, c0.rows, c0.cols, y, c0.classes);
    assert.equal(full.info?.fullKernel, true);
    assert.equal(other.info?.fullKernel, precomputed);
    if (!precomputed) assert.ok((other.info?.kernelRowsComputed ?? 0) > c0.rows, 'rows were evicted and recomputed');
    assert.deepEqual(other.supportIndices, full.supportIndices);
    assert.deepEqual(other.info?.pairIterations, full.info?.pairIterations);
    const a = full.decisionFunction(xt, c0.testRows);
    const b = other.decisionFunction(xt, c0.testRows);
    for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i] - b[i]) < 1e-5);
    assert.deepEqual([...other.predict(xt, c0.testRows)], c0.predict);
  });
}

test('topK returns the indices of the largest finite scores, largest first', () => {
  const s = Float64Array.from([3, -Infinity, 7, 1, 7, 5, 0]);
  assert.deepEqual([...topK(s, 3)], [2, 4, 5]);
  assert.deepEqual([...topK(s, 10)], [2, 4, 5, 0, 3, 6]);
  assert.deepEqual([...topK(s, 0)], []);
});

test('SVM: classes absent from training are never predicted; a single class is predicted for every row', () => {
  // Relabel 0,1,2 -> 0,2,4 with classes = 6: pairs only among present classes (libsvm never sees absent ones).
  const y2 = Int32Array.from(y, (v) => 2 * v);
  const svm = new SvmClassifier().fit(x, c0.rows, c0.cols, y2, 6);
  assert.deepEqual(
    [...svm.predict(xt, c0.testRows)],
    c0.predict.map((v) => 2 * v),
  );
  assert.equal(svm.decisionFunction(xt, c0.testRows).length, c0.testRows * 3);
  const one = new SvmClassifier().fit(x, c0.rows, c0.cols, new Int32Array(c0.rows).fill(3), 5);
  assert.deepEqual([...one.predict(xt, 4)], [3, 3, 3, 3]);
});

test('SVM gamma rules as scikit-learn: auto = 1/n_features, scale = 1/(n_features var(X))', () => {
  const m = Float32Array.from([0, 1, 2, 3, 4, 5]); // 3 x 2, var = 35/12
  assert.equal(resolveGamma('auto', m, 3, 2), 0.5);
  assert.ok(Math.abs(resolveGamma('scale', m, 3, 2) - 1 / (2 * (35 / 12))) < 1e-12);
  assert.equal(resolveGamma(0.25, m, 3, 2), 0.25);
});

test('createClassifier validates options once and reports bad values as UserError', () => {
  assert.ok(createClassifier('svm', undefined, 0) instanceof SvmClassifier);
  const s = createClassifier('svm', { C: 1, gamma: 'scale', classWeight: 'balanced' }, 0) as SvmClassifier;
  assert.equal(s.C, 1);
  assert.equal(s.gamma, 'scale');
  assert.equal(s.classWeight, 'balanced');
  const d = createClassifier('dnn', { hidden: [50], activation: 'relu' }, 3) as DnnClassifier;
  assert.deepEqual(d.options.hidden, [50]);
  assert.equal(d.options.dropout, 0.5);
  assert.equal(d.seed, 3);
  assert.throws(
    () => createClassifier('svm', { C: -1 }, 0),
    (e: unknown) => e instanceof UserError && /C/.test(e.message),
  );
  assert.throws(() => createClassifier('svm', { gamma: 'wide' }, 0), UserError);
  assert.throws(() => createClassifier('svm', { Cc: 1 }, 0), UserError);
  assert.throws(() => createClassifier('dnn', { dropout: 1 }, 0), UserError);
  assert.throws(() => createClassifier('dnn', { activation: 'sigmoid' }, 0), UserError);
  assert.throws(() => createClassifier('knn' as 'svm', {}, 0), UserError);
});

test('fit rejects mismatched shapes, out-of-range labels and non-finite values', () => {
  const svm = new SvmClassifier();
  assert.throws(() => svm.fit(x, c0.rows, c0.cols + 1, y, 3), /^Error: SvmClassifier.fit: .* needs/);
  assert.throws(
    () =>
      svm.fit(
        x,
        c0.rows,
        c0.cols,
        Int32Array.from(y, (v) => v + 1),
        3,
      ),
    /outside/,
  );
  const bad = x.slice();
  bad[5] = NaN;
  assert.throws(() => svm.fit(bad, c0.rows, c0.cols, y, 3), /^Error: SvmClassifier.fit: non-finite feature value NaN at row 0, column 5$/);
  assert.throws(() => new DnnClassifier({ epochs: 1 }).fit(bad, c0.rows, c0.cols, y, 3), /^Error: DnnClassifier.fit: non-finite/);
  assert.throws(() => svm.fit(x.subarray(0, 0), 0, c0.cols, y.subarray(0, 0), 3), /^Error: SvmClassifier.fit: bad shape 0 x/);
});

test('classifiers validate their own options in the constructor (one schema each, defaults filled in)', () => {
  assert.throws(() => new SvmClassifier({ C: -1 }), /invalid svm classifier options: C: /);
  assert.throws(() => new SvmClassifier({ kernel: 'linear' } as unknown as SvmOptions), /invalid svm classifier options/);
  assert.throws(() => new DnnClassifier({ dropout: 1 }), /invalid dnn classifier options: dropout: /);
  const svm = new SvmClassifier({ C: 2 });
  assert.deepEqual([svm.C, svm.gamma, svm.tol, svm.cacheMB, svm.classWeight, svm.shrinking], [2, 'auto', 1e-3, 3072, null, true]);
  assert.deepEqual(new DnnClassifier({}).options, DNN_DEFAULTS);
  assert.deepEqual(Object.keys(CLASSIFIERS), [...CLASSIFIER_NAMES]);
  assert.ok(createClassifier('dnn', { epochs: 3 }, 1) instanceof DnnClassifier);
  assert.throws(() => createClassifier('knn' as ClassifierName, {}, 1), /unknown classifier 'knn' \(expected one of: svm, dnn\)/);
});

test('fit takes the shared Dataset; the five-argument form is the same fit', () => {
  const rows = 60,
    cols = 3,
    classes = 3;
  const x = Float32Array.from({ length: rows * cols }, (_, i) => Math.sin(i * 1.7) + (Math.floor(i / cols) % classes));
  const y = Int32Array.from({ length: rows }, (_, i) => i % classes);
  const a = new SvmClassifier({}).fit({ x, rows, cols, y, classes }).decisionFunction(x, rows);
  const b = new SvmClassifier({}).fit(x, rows, cols, y, classes).decisionFunction(x, rows);
  assert.deepEqual(a, b);
  const p = new DnnClassifier({ epochs: 2 }, 3).fit({ x, rows, cols, y, classes }).predict(x, rows);
  assert.deepEqual(p, new DnnClassifier({ epochs: 2 }, 3).fit(x, rows, cols, y, classes).predict(x, rows));
});
