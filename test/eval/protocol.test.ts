import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runEvaluation, methodsFor, type EvaluateConfig, type EvaluationResults } from '../../src/eval/protocol.js';
import { mergeResults } from '../../src/eval/merge.js';
import { evalDataFromTable } from '../../src/eval/dataset.js';
import { fitStandardizer } from '../../src/eval/normaliser.js';
import { DuplicateAugmenter, NoAugmenter } from '../../src/augment/simple.js';
import { SmoteAugmenter } from '../../src/augment/smote.js';
import type { EvalData, EvalDeps } from '../../src/eval/types.js';
import { selectRows, whereEquals } from '../../src/data/table.js';
import { CentroidClassifier, emodbIs11 } from './helpers.js';

const deps: EvalDeps = {
  createClassifier: () => new CentroidClassifier(),
  fitNormaliser: fitStandardizer,
  createAugmenter: (name, ctx) =>
    name === 'none'
      ? new NoAugmenter()
      : name === 'smote'
        ? new SmoteAugmenter({ count: { times: 1 }, smoteK: 3 }, ctx.seed)
        : new DuplicateAugmenter({ count: { times: 1 } }, ctx.seed),
};

/** 4 speakers x 2 classes of real EmoDB IS11 (fast, real data). */
function smallData(): EvalData {
  const t = emodbIs11();
  const keep = t.ids
    .map((_, i) => i)
    .filter((i) => ['03', '08', '09', '10'].includes(t.meta.speaker[i]) && ['anger', 'sadness', 'neutral'].includes(t.meta.label[i]));
  return evalDataFromTable(selectRows(t, keep), { name: 'emodb-subset', labelCol: 'label', groupCol: 'speaker' });
}

const base: EvaluateConfig = {
  augment: ['none', 'duplicate', 'smote'],
  classifiers: ['centroid'],
  trainOn: ['real+synthetic', 'synthetic'],
  repeats: 2,
  seed: 5,
  normalisation: 'per-fold',
};

function strip(r: EvaluationResults) {
  return {
    ...r,
    created: '',
    results: r.results.map((m) => ({ ...m, seconds: 0, predictions: m.predictions.map((p) => ({ ...p, seconds: 0 })) })),
  };
}

test('methodsFor: none only on real data; augmenters on the requested training sets', () => {
  assert.deepEqual(
    methodsFor(base).map((m) => `${m.augment}/${m.trainOn}`),
    ['none/real', 'duplicate/real+synthetic', 'duplicate/synthetic', 'smote/real+synthetic', 'smote/synthetic'],
  );
});

test(
  'end-to-end on a real EmoDB subset: pooled metrics consistent ' + 'with confusion and folds; merge of pieces equals the full run',
  async () => {
    const data = smallData();
    const full = await runEvaluation(data, base, deps);
    assert.equal(full.results.length, 5);
    assert.equal(full.partial, undefined);
    for (const r of full.results) {
      const total = r.confusion.flat().reduce((s, v) => s + v, 0);
      assert.equal(total, data.rows * 2); // summed over 2 repeats
      assert.equal(r.folds.length, 4);
      assert.equal(r.waRepeats.length, 2);
      assert.ok(r.wa > 50 && r.wa <= 100, `${r.augment} WA ${r.wa}`);
      const diag = r.confusion.reduce((s, row, i) => s + row[i], 0);
      assert.ok(Math.abs((100 * diag) / total - r.wa) < 1e-9);
    }
    // duplication does not move class centroids: identical predictions to no augmentation
    const none = full.results.find((r) => r.augment === 'none')!;
    const dup = full.results.find((r) => r.augment === 'duplicate' && r.trainOn === 'real+synthetic')!;
    assert.deepEqual(dup.confusion, none.confusion);
    const cmp = full.comparisons.filter((c) => c.b === 'duplicate/centroid/real+synthetic');
    assert.deepEqual(cmp.map((c) => c.test).sort(), ['McNemar', 'paired t-test over repeats']);
    assert.ok(cmp.every((c) => c.p === 1 && c.diffWa === 0));

    const pieces: EvaluationResults[] = [];
    for (let r = 0; r < 2; r++) for (let f = 0; f < 4; f++) pieces.push(await runEvaluation(data, { ...base, fold: f, repeat: r }, deps));
    assert.deepEqual(pieces[0].partial, { pieces: [{ repeat: 0, fold: 0 }] });
    const merged = mergeResults(pieces.reverse());
    assert.equal(merged.partial, undefined);
    assert.deepEqual(strip(merged).results, strip(full).results);
    assert.deepEqual(strip(merged).comparisons, strip(full).comparisons);
    assert.deepEqual(merged.config, full.config);

    const some = mergeResults(pieces.slice(0, 3));
    assert.ok(some.partial && some.warnings.some((w) => w.startsWith('incomplete')));
    assert.throws(() => mergeResults([pieces[0], { ...pieces[1], config: { ...pieces[1].config, seed: 6 } }]), /configuration differs/);
  },
);

test('corpus-leaky normalisation is explicit, flagged and differs from per-fold', async () => {
  const data = smallData();
  const honest = await runEvaluation(data, { ...base, augment: ['none'], repeats: 1 }, deps);
  const leaky = await runEvaluation(data, { ...base, augment: ['none'], repeats: 1, normalisation: 'corpus-leaky' }, deps);
  assert.equal(honest.warnings.length, 0);
  assert.equal(leaky.config.normalisation, 'corpus-leaky');
  assert.match(leaky.warnings[0], /WHOLE corpus/);
  assert.notDeepEqual(
    leaky.results[0].predictions[0].pred.concat(leaky.results[0].predictions[1].pred),
    honest.results[0].predictions[0].pred.concat(honest.results[0].predictions[1].pred),
  );
});

test('augmenters see only the training fold (and the fit mask of the training rows)', async () => {
  const data = smallData();
  const mask = new Uint8Array(data.rows);
  whereEquals({ ids: data.ids, featureNames: [], features: new Float32Array(0), meta: { g: data.groups } }, 'g', '03').forEach(
    (i) => (mask[i] = 1),
  );
  const seen: { group: string; rows: number; maskOnes: number }[] = [];
  const spy: EvalDeps = {
    ...deps,
    createAugmenter: (name, ctx) => ({
      name,
      fitResample: (train) => {
        seen.push({ group: ctx.group, rows: train.rows, maskOnes: ctx.fitMask!.reduce((s, v) => s + v, 0) });
        // The fold hands the augmenter each row's speaker and id, and never a test speaker's row.
        assert.equal(train.groups!.length, train.rows);
        assert.ok(!train.groups!.includes(ctx.group));
        assert.equal(train.ids!.length, train.rows);
        return new NoAugmenter().fitResample(train);
      },
    }),
  };
  await runEvaluation({ ...data, augmentMask: mask }, { ...base, augment: ['none'], repeats: 1, trainOn: ['real'] }, spy);
  const count = (g: string) => data.groups.filter((v) => v === g).length;
  for (const s of seen) {
    assert.equal(s.rows, data.rows - count(s.group));
    assert.equal(s.maskOnes, s.group === '03' ? 0 : count('03'));
  }
});
