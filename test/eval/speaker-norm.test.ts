import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  clipToTrainingRange,
  drawEnrolment,
  labelMixDivergence,
  moments,
  normaliseEachSpeaker,
  parseNormalisation,
  shrunkEnrolmentMoments,
} from '../../src/eval/speaker-norm.js';
import { runEvaluation } from '../../src/eval/protocol.js';
import { fitStandardizer } from '../../src/eval/normaliser.js';
import { NoAugmenter } from '../../src/augment/simple.js';
import { evalDataFromTable } from '../../src/eval/dataset.js';
import { selectRows } from '../../src/data/table.js';
import { CentroidClassifier, emodbIs11 } from './helpers.js';

test('parseNormalisation accepts the four protocols and refuses the rest with one line', () => {
  assert.equal(parseNormalisation('speaker-enrol:20'), 'speaker-enrol:20');
  assert.equal(parseNormalisation('speaker'), 'speaker');
  assert.throws(() => parseNormalisation('speaker-enrol:1'), /--normalisation: expected/);
  assert.throws(() => parseNormalisation('speakers'), /--normalisation: expected/);
});

test('each speaker z-normed by its own rows has mean 0 and std 1 per speaker', () => {
  const x = Float32Array.from([1, 10, 3, 30, 100, 0, 300, 2]);
  const out = normaliseEachSpeaker(x, 2, ['a', 'a', 'b', 'b']);
  assert.deepEqual(Array.from(out), [-1, -1, 1, 1, -1, -1, 1, 1]);
});

test('enrolment shrinkage: large K keeps the enrolment statistics, tiny K falls back towards the training speakers', () => {
  // Two training speakers, one feature: means 0 and 2, within variances 1 and 4.
  const train = [moments(Float32Array.from([-1, 1]), 1, [0, 1]), moments(Float32Array.from([0, 4]), 1, [0, 1])];
  const enrolRows = (k: number) => Float32Array.from({ length: k }, (_, i) => 10 + (i % 2 === 0 ? 3 : -3));
  const big = shrunkEnrolmentMoments(moments(enrolRows(1000), 1, [...Array(1000).keys()]), train);
  assert.ok(Math.abs(big.mean[0] - 10) < 0.05 && Math.abs(big.variance[0] - 9) < 0.1, `${big.mean[0]} ${big.variance[0]}`);
  const small = shrunkEnrolmentMoments(moments(enrolRows(2), 1, [0, 1]), train);
  assert.ok(small.variance[0] > 1 && small.variance[0] < 9, `${small.variance[0]}`);
  assert.ok(small.mean[0] > 1 && small.mean[0] < 10, `${small.mean[0]}`);
  // Training speakers with equal stds: no between-speaker spread of log std, so the std is theirs whatever K.
  const equal = [moments(Float32Array.from([-1, 1]), 1, [0, 1]), moments(Float32Array.from([1, 3]), 1, [0, 1])];
  assert.ok(Math.abs(shrunkEnrolmentMoments(moments(enrolRows(2), 1, [0, 1]), equal).variance[0] - 1) < 1e-9);
});

test('enrolment draws are reproducible, distinct, and refuse K >= the speaker size', () => {
  const a = drawEnrolment([...Array(30).keys()], 10, 7);
  assert.deepEqual(a, drawEnrolment([...Array(30).keys()], 10, 7));
  assert.equal(new Set(a).size, 10);
  assert.throws(() => drawEnrolment([0, 1, 2], 3, 1), /only 3 utterances/);
});

test('clipToTrainingRange clips test values to the training columns range', () => {
  const x = Float32Array.from([5, -5]);
  clipToTrainingRange(x, 1, Float32Array.from([0, 0, 1, 2]), 2, 2);
  assert.deepEqual(Array.from(x), [1, 0]);
});

test("label-mix divergence: 0 for identical mixes, > 0.05 for the issue's 55 % / 14 % example", () => {
  assert.equal(labelMixDivergence([0, 1, 0, 1], ['a', 'a', 'b', 'b'], 2), 0);
  const y: number[] = [];
  const g: string[] = [];
  for (let i = 0; i < 100; i++) {
    y.push(i < 55 ? 0 : 1, i < 14 ? 0 : 1);
    g.push('a', 'b');
  }
  assert.ok(labelMixDivergence(y, g, 2) > 0.02);
});

test('speaker-enrol:K scores every test utterance except the K enrolment ones; the JSON names the protocol', async () => {
  const t = emodbIs11();
  const keep = t.ids.map((_, i) => i).filter((i) => ['03', '08', '09', '10'].includes(t.meta.speaker[i]));
  const data = evalDataFromTable(selectRows(t, keep), { name: 'emodb-subset', labelCol: 'label', groupCol: 'speaker' });
  const deps = {
    createClassifier: () => new CentroidClassifier(),
    fitNormaliser: fitStandardizer,
    createAugmenter: () => new NoAugmenter(),
  };
  const cfg = { augment: ['none'], classifiers: ['centroid'], trainOn: ['real' as const], repeats: 1, seed: 3 };
  const r = await runEvaluation(data, { ...cfg, normalisation: 'speaker-enrol:5' }, deps);
  assert.equal(r.protocol, 'speaker-enrol:5');
  const scored = r.results[0].predictions.reduce((s, p) => s + p.rows.length, 0);
  assert.equal(scored, data.rows - 4 * 5);
  const s = await runEvaluation(data, { ...cfg, normalisation: 'speaker' }, deps);
  assert.equal(
    s.results[0].predictions.reduce((a, p) => a + p.rows.length, 0),
    data.rows,
  );
  assert.ok(Number.isFinite(s.dataset.labelMixDivergence));
});
