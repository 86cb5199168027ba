import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confusionMatrix, perClassRecall, std, unweightedAverageRecall, weightedAccuracy } from '../../src/eval/metrics.js';
import { incompleteBeta, mcnemarExact, pairedTTest, studentTwoSidedP } from '../../src/eval/significance.js';

test('WA, UAR and per-class recall match hand-computed values on a 3-class confusion matrix', () => {
  // true: 0 0 0 0 1 1 2 2 2 2 ; pred: 0 0 0 1 1 2 2 2 0 2
  const y = [0, 0, 0, 0, 1, 1, 2, 2, 2, 2];
  const p = [0, 0, 0, 1, 1, 2, 2, 2, 0, 2];
  const m = confusionMatrix(y, p, 3);
  assert.deepEqual(m, [
    [3, 1, 0],
    [0, 1, 1],
    [1, 0, 3],
  ]);
  assert.equal(weightedAccuracy(m), 70); // 7 of 10
  assert.deepEqual(perClassRecall(m), [75, 50, 75]);
  assert.ok(Math.abs(unweightedAverageRecall(m) - 200 / 3) < 1e-12); // (75 + 50 + 75) / 3
});

test('UAR ignores classes absent from the true labels; std is the sample std', () => {
  const m = confusionMatrix([0, 0, 1], [0, 1, 1], 3);
  assert.equal(unweightedAverageRecall(m), 75);
  assert.ok(Number.isNaN(perClassRecall(m)[2]));
  assert.ok(Math.abs(std([1, 2, 3, 4]) - Math.sqrt(5 / 3)) < 1e-12);
});

test('Student t p-values match tables (df=4, t=2.776 -> 0.05; df=9, t=3.250 -> 0.01)', () => {
  assert.ok(Math.abs(studentTwoSidedP(2.776445, 4) - 0.05) < 1e-5);
  assert.ok(Math.abs(studentTwoSidedP(3.249836, 9) - 0.01) < 1e-5);
  assert.ok(Math.abs(incompleteBeta(0.5, 2, 2) - 0.5) < 1e-12);
});

test('paired t-test on a hand-computed example', () => {
  // differences 1, 2, 3: mean 2, sd 1, t = 2 / (1 / sqrt 3) = 3.4641, df 2 -> p = 0.07418
  const r = pairedTTest([10, 10, 10], [11, 12, 13]);
  assert.ok(Math.abs(r.statistic - 3.464101615) < 1e-8);
  assert.ok(Math.abs(r.p - 0.0741799) < 1e-6);
  assert.equal(pairedTTest([1, 2], [1, 2]).p, 1);
});

test('McNemar exact test counts discordant pairs and gives the binomial p-value', () => {
  // 6 utterances only A right, 1 only B right: p = 2 * P(X <= 1 | n = 7) = 2 * 8 / 128 = 0.125
  const y = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const a = [0, 0, 0, 0, 0, 0, 1, 0, 0];
  const b = [1, 1, 1, 1, 1, 1, 0, 0, 0];
  const r = mcnemarExact(y, a, b);
  assert.equal(r.onlyA, 6);
  assert.equal(r.onlyB, 1);
  assert.ok(Math.abs(r.p - 0.125) < 1e-12);
  assert.equal(mcnemarExact(y, a, a).p, 1);
});

test('verdicts say plainly whether an augmenter beat no augmentation', async () => {
  const { verdicts } = await import('../../src/eval/format.js');
  const base = {
    tool: 'adan' as const,
    version: '0',
    created: '',
    backend: 'js',
    config: {},
    dataset: { name: 'x', rows: 1, features: 1, classes: ['a'], groups: ['g'] },
    warnings: [],
  };
  const r = (augment: string) => ({
    augment,
    classifier: 'svm',
    trainOn: (augment === 'none' ? 'real' : 'real+synthetic') as 'real' | 'real+synthetic',
  });
  const results = ['none', 'adan', 'smote', 'noise'].map((a) => ({
    ...r(a),
    wa: 0,
    uar: 0,
    waMean: 0,
    waStd: 0,
    uarMean: 0,
    uarStd: 0,
    waRepeats: [],
    uarRepeats: [],
    repeatIndices: [],
    confusion: [],
    perClassRecall: [],
    folds: [],
    seconds: 0,
    predictions: [],
  }));
  const cmp = (b: string, diffWa: number, p: number) => ({
    a: 'none/svm/real',
    b: `${b}/svm/real+synthetic`,
    test: 'McNemar' as const,
    p,
    diffWa,
    diffUar: diffWa,
    statistic: 0,
    n: 10,
  });
  const v = verdicts({ ...base, results, comparisons: [cmp('adan', -1.5, 0.2), cmp('smote', 2, 0.01), cmp('noise', 0.5, 0.6)] });
  assert.deepEqual(v, [
    'adan + SVM (real+synthetic) did not improve over no augmentation (WA -1.50, UAR -1.50 points; McNemar p = 0.200).',
    'smote + SVM (real+synthetic) improved over no augmentation (WA +2.00, UAR +2.00 points; McNemar p = 0.010).',
    'noise + SVM (real+synthetic) did not significantly improve over no augmentation (WA +0.50, UAR +0.50 points; McNemar p = 0.600).',
  ]);
});
