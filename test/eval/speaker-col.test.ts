// Folds that hold several speakers each (IEMOCAP's sessions, speaker-group folds): the speaker modes normalise each
// speaker by its own statistics, not each fold, when the rows name their speakers (EvalData.speakers, --speaker-col).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { speakerSplit } from '../../src/eval/speaker-split.js';
import { leaveOneGroupOut, distinctGroups, type Fold } from '../../src/eval/folds.js';
import { normaliseEachSpeaker } from '../../src/eval/speaker-norm.js';
import { runEvaluation, type EvaluateConfig } from '../../src/eval/protocol.js';
import type { EvalData } from '../../src/eval/types.js';
import { formatResults } from '../../src/eval/format.js';
import { centroidDeps, emodbSpeakers } from './helpers.js';

const emodb = emodbSpeakers();
const sorted = distinctGroups(emodb.groups);
/** EmoDB's 10 speakers dealt into 5 folds of two (03+08, 09+10, ...), each row keeping its speaker. */
const pairOf = (speaker: string): string => `pair${Math.floor(sorted.indexOf(speaker) / 2)}`;
const paired: EvalData = { ...emodb, groups: emodb.groups.map(pairOf), speakers: emodb.groups.slice() };
const pairedFolds = leaveOneGroupOut(paired.groups);
const yOf = (rows: ArrayLike<number>): Int32Array => Int32Array.from(rows, (i) => emodb.y[i]);
const speakersAt = (rows: ArrayLike<number>): string[] => Array.from(rows, (i) => emodb.groups[i]);
const K = emodb.classes.length;
const centroid = { augment: ['none'], classifiers: ['centroid'], trainOn: ['real' as const], repeats: 1, seed: 1 };
type SplitConfig = Parameters<typeof speakerSplit>[6];
/** The fold's split with every row's speaker named (test rows too). */
const splitBySpeaker = (fold: Fold, cfg: SplitConfig): ReturnType<typeof speakerSplit> =>
  speakerSplit(emodb.x, emodb.cols, fold, speakersAt(fold.train), yOf(fold.train), K, cfg, 0, 'speaker', undefined, speakersAt(fold.test));

test('speaker: in a fold of two speakers every row, training and test, is z-normed by its own speaker', () => {
  const reference = normaliseEachSpeaker(emodb.x, emodb.cols, emodb.groups);
  const fold = pairedFolds[0];
  const cfg = { normalisation: 'speaker' as const, seed: 1 };
  const split = splitBySpeaker(fold, cfg);
  assert.deepEqual(split.scored, Array.from(fold.test));
  assert.equal(new Set(speakersAt(fold.test)).size, 2);
  const cols = emodb.cols;
  let worst = 0;
  for (const [rows, got] of [
    [fold.train, split.xTrain],
    [fold.test, split.xTest],
  ] as const)
    rows.forEach((r, i) => {
      for (let j = 0; j < cols; j++) worst = Math.max(worst, Math.abs(got[i * cols + j] - reference[r * cols + j]));
    });
  assert.ok(worst < 1e-4, `largest difference from per-speaker z-norm ${worst}`);
});

test('speaker-enrol:K in a fold of two speakers: K enrolment utterances per speaker, drawn from its own, not scored', () => {
  const fold = pairedFolds[1];
  const testSpeakers = speakersAt(fold.test);
  const cfg = { normalisation: 'speaker-enrol:5' as const, seed: 1 };
  const split = splitBySpeaker(fold, cfg);
  const names = [...new Set(testSpeakers)];
  assert.deepEqual(
    [...split.enrolled!],
    names.map((n) => [n, 5]),
  );
  assert.equal(split.scored.length, fold.test.length - 10);
  const unscored = fold.test.filter((r) => !split.scored.includes(r));
  for (const n of names) assert.equal(unscored.filter((r) => emodb.groups[r] === n).length, 5, `speaker ${n}`);
  // Scored rows stay in fold order.
  assert.deepEqual(
    split.scored,
    [...split.scored].sort((a, b) => a - b),
  );
});

test('a fold of one named speaker splits exactly as before (same enrolment draw, same rows)', () => {
  const fold = leaveOneGroupOut(emodb.groups)[3];
  const cfg = { normalisation: 'speaker-enrol:10' as const, seed: 4 };
  const args = [emodb.x, emodb.cols, fold, speakersAt(fold.train), yOf(fold.train), K, cfg, 2, 'speaker', undefined] as const;
  const before = speakerSplit(...args);
  const named = speakerSplit(...args, speakersAt(fold.test));
  assert.deepEqual(named.scored, before.scored);
  assert.deepEqual(named.xTest, before.xTest);
  assert.deepEqual(named.xTrain, before.xTrain);
});

test('runEvaluation with speakers: `speaker` equals per-fold on rows z-normed by their speakers; per-fold z-norm otherwise', async () => {
  const config: EvaluateConfig = { ...centroid, normalisation: 'speaker', innerCheck: false };
  const bySpeaker = await runEvaluation(paired, config, centroidDeps);
  // The transductive speaker step is each row's own speaker's z-norm, whatever the fold: the reference does it first.
  const reference = await runEvaluation(
    { ...emodb, groups: paired.groups, x: normaliseEachSpeaker(emodb.x, emodb.cols, emodb.groups) },
    { ...config, normalisation: 'per-fold' },
    centroidDeps,
  );
  const preds = (r: typeof bySpeaker): number[] => r.results[0].predictions.flatMap((p) => p.pred);
  assert.deepEqual(preds(bySpeaker), preds(reference));
  assert.deepEqual(bySpeaker.dataset.groups, ['pair0', 'pair1', 'pair2', 'pair3', 'pair4']);
  assert.equal(bySpeaker.dataset.speakers, 10);
  assert.match(formatResults(bySpeaker), /\(5 folds, 10 speakers\), normalisation speaker/);
  // Without the speakers each pair would be normalised as one speaker: other predictions.
  const byFold = await runEvaluation({ ...paired, speakers: undefined }, config, centroidDeps);
  assert.notDeepEqual(preds(byFold), preds(bySpeaker));
  assert.ok(!bySpeaker.warnings.some((w) => /more than one group/.test(w)), bySpeaker.warnings.join('\n'));
});

test('a speaker found in two groups is named in a warning: the folds are not speaker-independent', async () => {
  const data = emodbSpeakers(['03', '08', '09']);
  // Speaker 03's utterances split over two groups.
  let seen = 0;
  const groups = data.groups.map((g) => (g === '03' ? (seen++ % 2 === 0 ? 'A' : 'B') : g));
  const config: EvaluateConfig = { ...centroid, normalisation: 'per-fold' };
  const r = await runEvaluation({ ...data, groups, speakers: data.groups.slice() }, config, centroidDeps);
  assert.ok(
    r.warnings.some((w) => w === 'speaker 03 (A, B) in more than one group: the folds are not speaker-independent'),
    r.warnings.join('\n'),
  );
});

test('--speaker-stats em with named speakers: one speaker per fold refines exactly as before; two are refined each', async () => {
  const data = emodbSpeakers(['03', '08', '09', '10']);
  const config: EvaluateConfig = { ...centroid, normalisation: 'speaker', speakerStats: 'em', innerCheck: false };
  const preds = (r: Awaited<ReturnType<typeof runEvaluation>>): number[] => r.results[0].predictions.flatMap((p) => p.pred);
  const before = await runEvaluation(data, config, centroidDeps);
  const named = await runEvaluation({ ...data, speakers: data.groups.slice() }, config, centroidDeps);
  assert.deepEqual(preds(named), preds(before));
  // Two folds of two speakers: each test speaker's statistics re-estimated from its own predicted labels.
  const sorted4 = distinctGroups(data.groups);
  const pairs = { ...data, groups: data.groups.map((s) => `pair${Math.floor(sorted4.indexOf(s) / 2)}`), speakers: data.groups.slice() };
  const em = await runEvaluation(pairs, config, centroidDeps);
  const plain = await runEvaluation(pairs, { ...config, speakerStats: 'plain' }, centroidDeps);
  assert.equal(preds(em).length, data.rows);
  assert.notDeepEqual(preds(em), preds(plain));
});
