import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNormalisation, isSpeakerMode, hasEnrolment } from '../../src/eval/speaker-norm.js';
import { speakerSplit } from '../../src/eval/speaker-split.js';
import { speakerOptionsFrom } from '../../src/eval/speaker-stats.js';
import { leaveOneGroupOut } from '../../src/eval/folds.js';
import { runEvaluation, type EvaluateConfig } from '../../src/eval/protocol.js';
import { formatResults } from '../../src/eval/format.js';
import { foldChoiceRows } from '../../src/eval/inner-choices.js';
import { mergeResults } from '../../src/eval/merge.js';
import { centroidDeps, emodbSpeakers } from './helpers.js';

const emodb = emodbSpeakers;

const base = { augment: ['none'], classifiers: ['centroid'], trainOn: ['real' as const], repeats: 1, seed: 3 };

test('speaker-neutral:K parses (K >= 1), is a speaker mode with an enrolment, and takes --neutral-label only there', () => {
  assert.equal(parseNormalisation('speaker-neutral:4'), 'speaker-neutral:4');
  assert.throws(() => parseNormalisation('speaker-neutral:0'), /--normalisation: expected/);
  assert.ok(isSpeakerMode('speaker-neutral:4') && hasEnrolment('speaker-neutral:4') && !hasEnrolment('speaker'));
  assert.deepEqual(speakerOptionsFrom({}, 'speaker-neutral:4'), { neutralLabel: 'neutral', enrolEstimator: 'shrunk', innerCheck: true });
  assert.deepEqual(speakerOptionsFrom({ neutralLabel: 'calm', enrolEstimator: 'plain' }, 'speaker-neutral:2').neutralLabel, 'calm');
  assert.throws(
    () => speakerOptionsFrom({ neutralLabel: 'calm' }, 'speaker'),
    /--neutral-label applies to --normalisation speaker-neutral:K only/,
  );
  assert.throws(() => speakerOptionsFrom({ speakerStats: 'em' }, 'speaker-neutral:4'), /--speaker-stats applies/);
});

test('speaker-neutral: training speakers are centred on their neutral utterances; the enrolment is neutral and unscored', () => {
  // EmoDB: speaker 10 has 4 neutral utterances, 03 has 11.
  const data = emodb(['03', '08', '10']);
  const neutral = { index: data.classes.indexOf('neutral'), label: 'neutral' };
  const fold = leaveOneGroupOut(data.groups).find((f) => f.group === '03')!;
  const yTrain = Int32Array.from(fold.train, (i) => data.y[i]);
  const groups = Array.from(fold.train, (i) => data.groups[i]);
  const testNeutral = Array.from(fold.test, (i) => data.y[i] === neutral.index);
  const cfg = { normalisation: 'speaker-neutral:5' as const, enrolEstimator: 'plain' as const, neutral, seed: 1 };
  const split = speakerSplit(data.x, data.cols, fold, groups, yTrain, data.classes.length, cfg, 0, 'speaker', testNeutral);
  // With the plain estimator each training speaker's neutral rows have mean 0 after normalisation.
  for (const g of ['08', '10']) {
    const rows = groups.map((_, i) => i).filter((i) => groups[i] === g && yTrain[i] === neutral.index);
    for (const j of [0, 100, 4000]) {
      const m = rows.reduce((s, r) => s + split.xTrain[r * data.cols + j], 0) / rows.length;
      assert.ok(Math.abs(m) < 1e-4, `speaker ${g} column ${j}: neutral mean ${m}`);
    }
  }
  assert.deepEqual([...split.enrolled!], [['03', 5]]);
  assert.equal(split.scored.length, fold.test.length - 5);
  const unscored = fold.test.filter((r) => !split.scored.includes(r));
  assert.equal(unscored.length, 5);
  assert.ok(
    unscored.every((r) => data.y[r] === neutral.index),
    'every enrolment utterance is neutral',
  );
  // The test speaker's emotional utterances are all scored.
  assert.ok(fold.test.filter((r) => data.y[r] !== neutral.index).every((r) => split.scored.includes(r)));
});

test('speaker-neutral on all of EmoDB: scores every row but min(K, neutral) per speaker, warns for short speakers', async () => {
  const data = emodb();
  const cfg: EvaluateConfig = {
    ...base,
    normalisation: 'speaker-neutral:5',
    ...speakerOptionsFrom({ innerCheck: false }, 'speaker-neutral:5'),
  };
  const res = await runEvaluation(data, cfg, centroidDeps);
  assert.match(
    formatResults(res).split('\n')[0],
    /normalisation speaker-neutral:5 \(neutral class 'neutral', enrolment estimator shrunk\)$/,
  );
  // EmoDB's neutral utterances per speaker (03 08 09 10 11 12 13 14 15 16): 11 10 9 4 9 4 9 7 11 5.
  const enrolled = [11, 10, 9, 4, 9, 4, 9, 7, 11, 5].reduce((s, n) => s + Math.min(n, 5), 0);
  const scored = res.results[0].predictions.reduce((s, p) => s + p.rows.length, 0);
  assert.equal(scored, 535 - enrolled);
  assert.equal(res.protocol, 'speaker-neutral:5');
  const short = res.warnings.filter((w) =>
    /^normalisation speaker-neutral:5: test speaker \d+ has only \d 'neutral' utterances?, all of which enrolled/.test(w),
  );
  assert.deepEqual(
    short.map((w) => w.split(' ')[4]),
    ['10', '12'],
    res.warnings.join('\n'),
  );
  assert.match(short[0], /has only 4 'neutral' utterances/);
  assert.ok(Number.isFinite(res.results[0].wa) && res.results[0].wa > 14, `${res.results[0].wa}`);
});

test('speaker-neutral refuses a corpus without the neutral class and a speaker without neutral speech, naming them', async () => {
  const data = emodb(['03', '08', '10']);
  await assert.rejects(
    runEvaluation(data, { ...base, normalisation: 'speaker-neutral:2', neutralLabel: 'calm' }, centroidDeps),
    /no class 'calm' to enrol with \(classes: .*neutral.*\); name it with --neutral-label/,
  );
  const neutral = data.classes.indexOf('neutral');
  const noNeutral10 = { ...data, y: Int32Array.from(data.y, (c, i) => (data.groups[i] === '10' && c === neutral ? (c + 1) % 7 : c)) };
  await assert.rejects(
    runEvaluation(noNeutral10, { ...base, normalisation: 'speaker-neutral:2' }, centroidDeps),
    /speaker '10' has no utterance labelled 'neutral'/,
  );
  await assert.rejects(
    runEvaluation(data, { ...base, normalisation: 'speaker-neutral:2', speakerStats: 'em' }, centroidDeps),
    /--speaker-stats em does not apply to speaker-neutral:2/,
  );
});

test('--enrol-estimator search: each fold takes the estimator with the best inner WA and predicts exactly as with it fixed', async () => {
  const data = emodb(['03', '08', '10', '11']);
  for (const normalisation of ['speaker-neutral:3', 'speaker-enrol:5'] as const) {
    const cfg: EvaluateConfig = { ...base, normalisation, enrolEstimator: 'search' };
    const res = await runEvaluation(data, cfg, centroidDeps);
    const choices = res.estimatorSearch!;
    assert.match(formatResults(res), /enrolment estimator chosen inside each training fold .*: (shrunk|plain|mean-only) in \d+ fold/);
    assert.equal(choices.length, 4);
    assert.deepEqual(
      foldChoiceRows(res).map((r) => [r.group, r.kind, r.chosen, r.innerWa, r.candidates.split('; ').length]),
      choices.map((c) => [c.group, 'enrolment estimator', c.chosen, c.innerWa, 3]),
    );
    for (const c of choices) {
      assert.deepEqual(
        c.candidates.map((k) => k.estimator),
        ['shrunk', 'plain', 'mean-only'],
      );
      const best = Math.max(...c.candidates.map((k) => k.wa));
      assert.equal(c.chosen, c.candidates.find((k) => k.wa === best)!.estimator, `${normalisation} fold ${c.fold}`);
      const fixed = await runEvaluation(data, { ...base, normalisation, enrolEstimator: c.chosen, fold: c.fold }, centroidDeps);
      const searched = res.results[0].predictions.find((p) => p.fold === c.fold)!;
      assert.deepEqual(searched.pred, fixed.results[0].predictions[0].pred, `${normalisation} fold ${c.fold}`);
    }
  }
  // One-fold pieces, merged (`adan merge`, `--jobs`), give the whole run's choices and predictions.
  const cfg: EvaluateConfig = { ...base, normalisation: 'speaker-neutral:3', enrolEstimator: 'search' };
  const whole = await runEvaluation(data, cfg, centroidDeps);
  const pieces = await Promise.all([0, 1, 2, 3].map((fold) => runEvaluation(data, { ...cfg, fold }, centroidDeps)));
  const merged = mergeResults(pieces);
  assert.deepEqual(merged.estimatorSearch, whole.estimatorSearch);
  assert.equal(merged.results[0].wa, whole.results[0].wa);
  await assert.rejects(
    runEvaluation(data, { ...base, normalisation: 'speaker', enrolEstimator: 'search' }, centroidDeps),
    /--enrol-estimator applies to --normalisation speaker-enrol:K and speaker-neutral:K only/,
  );
});
