import { test } from 'node:test';
import assert from 'node:assert/strict';
import { balancedMoments, enrolMoments, refineByPredictions, speakerOptionsFrom, parseSpeakerStats } from '../../src/eval/speaker-stats.js';
import { moments, shrunkEnrolmentMoments } from '../../src/eval/speaker-norm.js';
import { speakerSplit } from '../../src/eval/speaker-split.js';
import { leaveOneGroupOut } from '../../src/eval/folds.js';
import { runEvaluation, type EvaluateConfig } from '../../src/eval/protocol.js';
import { formatResults } from '../../src/eval/format.js';
import { centroidDeps, emodbSpeakers } from './helpers.js';

test('balanced moments: the mean of the class means and the variance of the equal-weight class mixture', () => {
  // One feature; class 0 = {0, 2} (mean 1, var 1), class 1 = {10} (mean 10, var 0), class 2 absent.
  const x = Float32Array.from([0, 10, 2]);
  const m = balancedMoments(x, 1, [0, 1, 2], [0, 1, 0], 3);
  assert.equal(m.mean[0], 5.5);
  assert.equal(m.variance[0], (1 + 4.5 ** 2 + 0 + 4.5 ** 2) / 2);
  assert.equal(m.n, 3);
  // The plain mean weighs class 0 twice.
  assert.equal(moments(x, 1, [0, 1, 2]).mean[0], 4);
});

test('enrolment estimators: plain keeps the K utterances statistics, mean-only has unit variance, shrunk is speaker-norm.ts', () => {
  const enrol = moments(Float32Array.from([1, 5, 3]), 1, [0, 1, 2]);
  const train = [moments(Float32Array.from([-1, 1]), 1, [0, 1]), moments(Float32Array.from([0, 4]), 1, [0, 1])];
  assert.equal(enrolMoments('plain', enrol, train), enrol);
  const mo = enrolMoments('mean-only', enrol, train);
  assert.deepEqual([mo.mean[0], mo.variance[0]], [3, 1]);
  assert.deepEqual(enrolMoments('shrunk', enrol, train).variance, shrunkEnrolmentMoments(enrol, train).variance);
});

test('EM refinement runs the fixed number of rounds and stops early once no predicted label changes', async () => {
  const seen: number[] = [];
  const init = moments(Float32Array.from([0]), 1, [0]);
  const est = (labels: ArrayLike<number>) => ({ mean: Float64Array.from([labels[0]]), variance: Float64Array.from([1]), n: 1 });
  // Labels follow the current mean + 1: they change every round, so all 3 rounds run.
  const m = await refineByPredictions(init, 3, async (cur) => (seen.push(cur.mean[0]), [cur.mean[0] + 1]), est);
  assert.deepEqual(seen, [0, 1, 2]);
  assert.equal(m.mean[0], 3);
  seen.length = 0;
  await refineByPredictions(init, 3, async (cur) => (seen.push(cur.mean[0]), [7]), est);
  assert.deepEqual(seen, [0, 7], 'the second round repeats the labels of the first: converged');
});

const subset = emodbSpeakers;
const base = { augment: ['none'], classifiers: ['centroid'], trainOn: ['real' as const], repeats: 1, seed: 3 };

test('balanced speaker statistics centre each training speaker on the mean of its class means', () => {
  const data = subset(['03', '08', '09']);
  const fold = leaveOneGroupOut(data.groups)[0];
  const yTrain = Int32Array.from(fold.train, (i) => data.y[i]);
  const groups = Array.from(fold.train, (i) => data.groups[i]);
  const cfg = { normalisation: 'speaker' as const, speakerStats: 'balanced' as const, seed: 1 };
  const split = speakerSplit(data.x, data.cols, fold, groups, yTrain, data.classes.length, cfg, 0);
  const rows = groups.map((g, i) => i).filter((i) => groups[i] === groups[0]);
  for (const j of [0, 100, 4000]) {
    const classMeans = data.classes
      .map((_, c) => rows.filter((r) => yTrain[r] === c))
      .filter((rs) => rs.length > 0)
      .map((rs) => rs.reduce((s, r) => s + split.xTrain[r * data.cols + j], 0) / rs.length);
    const balanced = classMeans.reduce((a, v) => a + v, 0) / classMeans.length;
    assert.ok(Math.abs(balanced) < 1e-4, `column ${j}: ${balanced}`);
  }
});

test('speaker-stats em never reads a test label: the test speaker with scrambled labels gets the same predictions', async () => {
  const data = subset(['03', '08', '09', '10']);
  const test0 = data.groups.map((g, i) => i).filter((i) => data.groups[i] === leaveOneGroupOut(data.groups)[0].group);
  const scrambled = Int32Array.from(data.y);
  // A derangement of the test speaker's labels (rotate by one) and a class-flip, so nothing stays aligned.
  test0.forEach((r, i) => (scrambled[r] = (data.y[test0[(i + 1) % test0.length]] + 1) % data.classes.length));
  for (const normalisation of ['speaker', 'speaker-enrol:5'] as const) {
    const cfg: EvaluateConfig = { ...base, normalisation, speakerStats: 'em', fold: 0 };
    const a = await runEvaluation(data, cfg, centroidDeps);
    const b = await runEvaluation({ ...data, y: scrambled }, cfg, centroidDeps);
    assert.deepEqual(a.results[0].predictions[0].pred, b.results[0].predictions[0].pred, normalisation);
    assert.deepEqual(a.results[0].predictions[0].rows, b.results[0].predictions[0].rows);
  }
  // EM does change the test speaker's statistics (and so some predictions) against balanced.
  const em = await runEvaluation(data, { ...base, normalisation: 'speaker', speakerStats: 'em' }, centroidDeps);
  const bal = await runEvaluation(data, { ...base, normalisation: 'speaker', speakerStats: 'balanced' }, centroidDeps);
  assert.notDeepEqual(
    em.results[0].predictions.map((p) => p.pred),
    bal.results[0].predictions.map((p) => p.pred),
  );
  assert.equal(em.config.speakerStats, 'em');
  assert.match(formatResults(em).split('\n')[0], /normalisation speaker \(speaker statistics em\)$/);
});

test('speaker options: defaults per mode, and flags that do not apply to the mode are refused', () => {
  assert.deepEqual(speakerOptionsFrom({}, 'per-fold'), {});
  // the inner check is on by default under the speaker modes (the tool measures whether the mode helps), off on request
  assert.deepEqual(speakerOptionsFrom({}, 'speaker'), { speakerStats: 'plain', innerCheck: true });
  assert.deepEqual(speakerOptionsFrom({ innerCheck: false }, 'speaker'), { speakerStats: 'plain', innerCheck: false });
  assert.deepEqual(speakerOptionsFrom({ speakerStats: 'em', innerCheck: true }, 'speaker-enrol:20'), {
    speakerStats: 'em',
    enrolEstimator: 'shrunk',
    innerCheck: true,
  });
  assert.throws(() => speakerOptionsFrom({ speakerStats: 'balanced' }, 'per-fold'), /--speaker-stats applies to --normalisation speaker/);
  assert.throws(
    () => speakerOptionsFrom({ enrolEstimator: 'plain' }, 'speaker'),
    /--enrol-estimator applies to --normalisation speaker-enrol:K/,
  );
  assert.throws(() => speakerOptionsFrom({ innerCheck: true }, 'corpus-leaky'), /--inner-check applies/);
  assert.throws(() => speakerOptionsFrom({ innerCheck: false }, 'per-fold'), /--no-inner-check applies/);
  assert.throws(() => speakerOptionsFrom({ enrolEstimator: 'median' }, 'speaker-enrol:5'), /--enrol-estimator: expected shrunk/);
  assert.throws(() => parseSpeakerStats('neutral'), /--speaker-stats: expected plain \| balanced \| em/);
});
