/** Functionals (spec 10) against hand-computed values. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFunctionalSet, type FunctionalConfig } from '../../src/features/functionals/index.js';

function run(cfg: FunctionalConfig[], x: number[], nonZero = false): Record<string, number> {
  const set = createFunctionalSet(cfg, { nonZero, period: 0.01 });
  const out = new Float32Array(set.names.length);
  set.apply(Float32Array.from(x), x.length, out, 0);
  return Object.fromEntries(set.names.map((n, i) => [n, out[i]]));
}

function near(actual: number, expected: number, tol = 1e-6): void {
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${actual} != ${expected}`);
}

test('extremes: first occurrence positions, range, mean', () => {
  const r = run([{ type: 'extremes', outputs: ['max', 'min', 'range', 'maxPos', 'minPos', 'amean'] }], [3, 1, 4, 1, 5, 5]);
  assert.deepEqual([r.max, r.min, r.range, r.maxPos, r.minPos], [5, 1, 4, 4, 1]);
  near(r.amean, 19 / 6);
});

test('percentiles: interpolated quartiles, percentiles, iqr and range, oS names', () => {
  const r = run([{ type: 'percentiles', quartiles: true, iqr: true, percentiles: [0.01, 0.99], ranges: [[0, 1]] }], [5, 3, 1, 4, 2]);
  assert.deepEqual(Object.keys(r), [
    'quartile1',
    'quartile2',
    'quartile3',
    'iqr1-2',
    'iqr2-3',
    'iqr1-3',
    'percentile1.0',
    'percentile99.0',
    'pctlrange0-1',
  ]);
  assert.deepEqual([r.quartile1, r.quartile2, r.quartile3, r['iqr1-3']], [2, 3, 4, 2]);
  near(r['percentile1.0'], 1.04);
  near(r['percentile99.0'], 4.96);
  near(r['pctlrange0-1'], 3.92);
});

test('moments: population stddev, skewness, non-excess kurtosis', () => {
  const r = run([{ type: 'moments', outputs: ['variance', 'stddev', 'skewness', 'kurtosis'] }], [1, 2, 3, 4]);
  near(r.variance, 1.25);
  near(r.stddev, Math.sqrt(1.25));
  near(r.skewness, 0);
  near(r.kurtosis, 1.64);
  const c = run([{ type: 'moments', outputs: ['stddev', 'skewness', 'kurtosis'] }], [2, 2, 2]);
  assert.deepEqual([c.stddev, c.skewness, c.kurtosis], [0, 0, 0]);
});

test('regression: exact line and parabola, segment-normalised centroid', () => {
  const lin = run(
    [
      {
        type: 'regression',
        outputs: ['linregc1', 'linregc2', 'linregerrA', 'linregerrQ', 'qregc1', 'qregc2', 'qregc3', 'qregerrQ', 'centroid'],
      },
    ],
    [1, 3, 5, 7, 9],
  );
  near(lin.linregc1, 2);
  near(lin.linregc2, 1);
  near(lin.linregerrQ, 0);
  near(lin.qregc1, 0);
  near(lin.qregc2, 2);
  near(lin.qregc3, 1);
  near(lin.centroid, 70 / 25 / 5);
  // y = i² - 2i + 3
  const q = run([{ type: 'regression', outputs: ['qregc1', 'qregc2', 'qregc3', 'qregerrQ', 'linregerrQ'] }], [3, 2, 3, 6, 11, 18]);
  near(q.qregc1, 1);
  near(q.qregc2, -2);
  near(q.qregc3, 3);
  near(q.qregerrQ, 0, 1e-5);
  assert.ok(q.linregerrQ > 1);
  // oldBuggyQerr: the error is a sum, not a mean
  const bug = run([{ type: 'regression', outputs: ['qregerrQ'], oldBuggyQerr: true }], [0, 1, 0, 1]);
  const ok = run([{ type: 'regression', outputs: ['qregerrQ'], oldBuggyQerr: false }], [0, 1, 0, 1]);
  near(bug.qregerrQ, 4 * ok.qregerrQ);
});

test('times: level times, rise/fall and curvature counters, duration', () => {
  const r = run([{ type: 'times', outputs: ['downleveltime25', 'upleveltime90', 'risetime', 'falltime'] }], [0, 1, 2, 3, 4]);
  near(r.downleveltime25, 0.4);
  near(r.upleveltime90, 0.2);
  near(r.risetime, 1);
  near(r.falltime, 0);
  const c = run([{ type: 'times', outputs: ['leftctime', 'rightctime'] }], [0, 1, 3, 4, 4]);
  // a1/a2 pairs: (1,2) left, (2,1) right, (1,0) right
  near(c.leftctime, 1 / 3);
  near(c.rightctime, 2 / 3);
  const d = run([{ type: 'times', outputs: ['duration'], norm: 'second' }], [1, 2, 3]);
  near(d.duration, 0.03);
});

test('onset: transitions into x > 0, rate per second', () => {
  const r = run([{ type: 'onset', outputs: ['numOnsets', 'numOffsets', 'onsetRate'] }], [1, 0, 1, 1, 0, 1]);
  assert.deepEqual([r.numOnsets, r.numOffsets], [2, 2]);
  near(r.onsetRate, 2 / 0.06);
});

test('peaks: the value after a local maximum is taken (oS quirk)', () => {
  const r = run(
    [{ type: 'peaks', outputs: ['numPeaks', 'meanPeakDist', 'peakMean', 'peakMeanMeanDist', 'peakDistStddev'], norm: 'second' }],
    [0, 5, 4, 0, 5, 4, 0, 0],
  );
  assert.equal(r.numPeaks, 1);
  near(r.peakMean, 4);
  near(r.meanPeakDist, 0.09); // no distance: N+1 = 9 frames
  near(r.peakMeanMeanDist, 4 - 18 / 8);
  assert.equal(r.peakDistStddev, 0);
});

test('segments relTh: boundaries where the 3-frame running mean crosses a threshold', () => {
  const x = [0, 0, 0, 0, 0, 0, 10, 10, 10, 10, 10, 10, 0, 0, 0, 0, 0, 0];
  const r = run(
    [
      {
        type: 'segments',
        algorithm: 'relTh',
        thresholds: [0.25],
        outputs: ['numSegments', 'meanSegLen', 'maxSegLen', 'minSegLen', 'segLenStddev'],
        norm: 'frame',
        maxNumSeg: 100,
      },
    ],
    x,
  );
  assert.deepEqual([r.numSegments, r.meanSegLen, r.maxSegLen, r.minSegLen, r.segLenStddev], [2, 7.5, 8, 7, 0.5]);
});

test('segments nonX: voiced runs, recorded one frame short (oS behaviour)', () => {
  const x = [0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1];
  const r = run(
    [
      {
        type: 'segments',
        algorithm: 'nonX',
        x: 0,
        outputs: ['meanSegLen', 'maxSegLen', 'minSegLen', 'segLenStddev'],
        norm: 'second',
        maxNumSeg: 100,
      },
    ],
    x,
  );
  near(r.meanSegLen, 0.035);
  near(r.maxSegLen, 0.04);
  near(r.minSegLen, 0.03);
  near(r.segLenStddev, 0.005);
});

test('lpc: Levinson-Durbin of the contour autocorrelation, gain / N', () => {
  const r = run([{ type: 'lpc', order: 1 }], [1, 1]);
  near(r.lpgain, 0.75);
  near(r.lpc0, -0.5);
});

test('means and nonZero handling: zeros removed first, empty contour gives zeros', () => {
  const r = run([{ type: 'means', outputs: ['amean', 'qmean', 'nnz'] }], [0, 2, 0, 4], true);
  assert.deepEqual([r.amean, r.qmean, r.nnz], [3, 10, 1]);
  const z = run(
    [
      { type: 'means', outputs: ['amean', 'qmean'] },
      { type: 'moments', outputs: ['stddev'] },
    ],
    [0, 0, 0],
    true,
  );
  assert.deepEqual(Object.values(z), [0, 0, 0]);
  const nnz = run([{ type: 'means', outputs: ['nnz'], norm: 'segment' }], [0, 2, 0, 4]);
  near(nnz.nnz, 0.5);
});

test('applyToLevel is contour-major and namesFor prefixes contour names', () => {
  const set = createFunctionalSet([{ type: 'extremes', outputs: ['max', 'min'] }]);
  const level = { frames: 3, dims: 2, data: Float32Array.from([1, 10, 2, 20, 3, 30]), names: ['a', 'b'] };
  const out = new Float32Array(4);
  assert.equal(set.applyToLevel(level, 2, out, 0), 4);
  assert.deepEqual([...out], [2, 1, 20, 10]);
  assert.deepEqual(set.namesFor(level.names), ['a_max', 'a_min', 'b_max', 'b_min']);
});

test('peaks2: small peaks merged, slopes per second including the slope to the last frame', () => {
  const r = run(
    [
      {
        type: 'peaks2',
        outputs: ['numPeaks', 'meanRisingSlope', 'stddevRisingSlope', 'meanFallingSlope', 'stddevFallingSlope'],
        relThresh: 0.1,
        norm: 'second',
      },
    ],
    [0, 0, 0, 10, 0, 0, 0, 10, 0, 0, 0],
  );
  // the second equal maximum is not 5% higher than the first and no minimum separates them: dropped
  near(r.numPeaks, 1 / 0.11);
  near(r.meanRisingSlope, 10 / 0.03);
  near(r.meanFallingSlope, -10 / 0.07);
  assert.equal(r.stddevRisingSlope, 0);
  assert.equal(r.stddevFallingSlope, 0);
});

test('moments: amean and stddevNorm (signed, eGeMAPS compatible mode)', () => {
  const r = run([{ type: 'moments', outputs: ['amean', 'stddevNorm'], stddevNorm: 'signed' }], [-1, -3]);
  near(r.amean, -2);
  near(r.stddevNorm, -0.5);
  const a = run([{ type: 'moments', outputs: ['stddevNorm'], stddevNorm: 'abs' }], [-1, -3]);
  near(a.stddevNorm, 0.5);
});

test('segments eqX: runs of value X (pauses), recorded one frame short like nonX', () => {
  const x = [1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0];
  const r = run([{ type: 'segments', algorithm: 'eqX', x: 0, outputs: ['numSegments', 'meanSegLen'], norm: 'frame', maxNumSeg: 1000 }], x);
  assert.equal(r.numSegments, 2);
  near(r.meanSegLen, 3.5);
});
