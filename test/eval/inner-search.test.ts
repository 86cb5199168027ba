import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  gridSearch,
  innerScore,
  searchSvmForFold,
  svmGrid,
  trainingSubset,
  SVM_C_GRID,
  SVM_GRID_EXTENSION,
  type InnerScore,
  type InnerScorer,
  type SvmValues,
} from '../../src/eval/inner-search.js';
import { runEvaluation } from '../../src/eval/protocol.js';
import { leaveOneGroupOut } from '../../src/eval/folds.js';
import { deriveSeed } from '../../src/eval/seeds.js';
import { formatResults } from '../../src/eval/format.js';
import { mergeResults } from '../../src/eval/merge.js';
import { fitStandardizer } from '../../src/eval/normaliser.js';
import { NoAugmenter } from '../../src/augment/simple.js';
import { evalDataFromTable } from '../../src/eval/dataset.js';
import { selectRows } from '../../src/data/table.js';
import { protocolFrom } from '../../src/cli/commands/evaluate.js';
import type { EvalClassifier, EvalData, EvalDeps } from '../../src/eval/types.js';
import { CentroidClassifier, emodbIs11, protocolFlags as flags } from './helpers.js';

function subset(speakers: string[]): EvalData {
  const t = emodbIs11();
  const keep = t.ids.map((_, i) => i).filter((i) => speakers.includes(t.meta.speaker[i]));
  return evalDataFromTable(selectRows(t, keep), { name: 'emodb-subset', labelCol: 'label', groupCol: 'speaker' });
}

/** Always predicts class 0: the poor candidate. */
class ConstantClassifier implements EvalClassifier {
  fit(): void {}
  predict(_x: Float32Array, rows: number): Int32Array {
    return new Int32Array(rows);
  }
}

/** A constructed problem whose best C is known: C = 1 is a nearest-centroid classifier, every other C a constant. */
const cDeps = (seen: unknown[]): EvalDeps => ({
  createClassifier: (_n, _s, _c, o) => (seen.push(o?.C), o?.C === 1 ? new CentroidClassifier() : new ConstantClassifier()),
  fitNormaliser: fitStandardizer,
  createAugmenter: () => new NoAugmenter(),
});

test('gridSearch picks the best inner WA, ties going to the first grid point', async () => {
  const r = await gridSearch([1, 2, 3, 4], async (v) => ({ wa: v === 2 || v === 3 ? 50 : 10, uar: 0 }));
  assert.equal(r.best, 2);
  assert.equal(r.points.length, 4);
});

test('svmGrid: the fixed C grid, gamma as factors of 1/n_features, only the searched options', () => {
  assert.deepEqual(
    svmGrid({ C: true, gamma: false }, 100),
    SVM_C_GRID.map((C) => ({ C })),
  );
  assert.deepEqual(svmGrid({ C: false, gamma: true }, 100), [{ gamma: 0.0025 }, { gamma: 0.01 }, { gamma: 0.04 }]);
  assert.equal(svmGrid({ C: true, gamma: true }, 100).length, 12);
});

test('--svm-c auto: every outer fold chooses the known-best C by inner leave-one-speaker-out, and the outer fit uses it', async () => {
  const data = subset(['03', '08', '09', '10']);
  const seen: unknown[] = [];
  const r = await runEvaluation(
    data,
    {
      augment: ['none'],
      classifiers: ['svm'],
      trainOn: ['real'],
      repeats: 2,
      seed: 1,
      normalisation: 'per-fold',
      svmSearch: { C: true, gamma: false },
    },
    cDeps(seen),
  );
  assert.equal(r.search?.length, 4, 'one search per outer fold, shared by both repeats');
  for (const s of r.search!) {
    assert.deepEqual(s.chosen, { C: 1 });
    assert.equal(s.grid.length, 4);
    assert.ok(s.grid.every((g) => g.values.C === 1 || g.wa < s.innerWa));
  }
  // 4 outer folds x 4 candidates x 3 inner folds, then 2 repeats x 4 outer fits, all with the chosen C.
  assert.equal(seen.length, 4 * 4 * 3 + 2 * 4);
  // The C = 1 candidate in 4 x 3 inner fits plus every outer fit; each other C only in its 4 x 3 inner fits.
  assert.equal(seen.filter((c) => c === 1).length, 4 * 3 + 2 * 4);
  for (const C of [0.1, 10, 100]) assert.equal(seen.filter((c) => c === C).length, 4 * 3);
  assert.match(formatResults(r), /SVM settings chosen inside each training fold \(inner leave-one-speaker-out\): C=1 in 4 folds/);
});

test("merging --fold pieces keeps each fold's search and inner check once, as the whole run has them", async () => {
  const data = subset(['03', '08', '09']);
  const deps = cDeps([]);
  const cfg = {
    augment: ['none'],
    classifiers: ['svm'],
    trainOn: ['real' as const],
    repeats: 1,
    seed: 1,
    normalisation: 'speaker' as const,
    svmSearch: { C: true, gamma: false },
    innerCheck: true,
  };
  const whole = await runEvaluation(data, cfg, deps);
  const pieces = await Promise.all([2, 0, 1].map((fold) => runEvaluation(data, { ...cfg, fold }, deps)));
  const merged = mergeResults(pieces);
  assert.deepEqual(merged.search, whole.search);
  assert.deepEqual(merged.innerCheck, whole.innerCheck);
  assert.equal(merged.protocol, 'speaker');
});

test('--inner-check: per outer fold, per-fold against the speaker mode on the training speakers only', async () => {
  const data = subset(['03', '08', '09', '10']);
  const deps = cDeps([]);
  const centroid = { ...deps, createClassifier: () => new CentroidClassifier() };
  const r = await runEvaluation(
    data,
    { augment: ['none'], classifiers: ['centroid'], trainOn: ['real'], repeats: 1, seed: 1, normalisation: 'speaker', innerCheck: true },
    centroid,
  );
  const c = r.innerCheck!;
  assert.equal(c.folds.length, 4);
  const fold = leaveOneGroupOut(data.groups)[2];
  const inner = trainingSubset(data, fold);
  assert.equal(new Set(inner.groups).size, 3);
  assert.ok(!inner.groups.includes(fold.group), 'the outer test speaker is not in the inner runs');
  const seed = deriveSeed(1, 'inner', 2);
  assert.deepEqual(
    await innerScore(runEvaluation, inner, { normalisation: 'speaker' }, seed, { classifier: 'centroid' }, centroid),
    c.folds[2].speakerMode,
  );
  assert.deepEqual(
    await innerScore(runEvaluation, inner, { normalisation: 'per-fold' }, seed, { classifier: 'centroid' }, centroid),
    c.folds[2].perFold,
  );
  const mean = c.folds.reduce((s, f) => s + f.speakerMode.wa - f.perFold.wa, 0) / 4;
  assert.ok(Math.abs(c.diffWa - mean) < 1e-9);
  assert.equal(c.helped, c.folds.filter((f) => f.speakerMode.wa > f.perFold.wa).length);
  assert.match(
    formatResults(r),
    /speaker normalisation inside training folds: [+-]\d+\.\d\d WA, [+-]\d+\.\d\d UAR against per-fold \(helped in \d of 4 folds/,
  );
});

test('CLI: --svm-c auto / --svm-gamma search become svmSearch; the speaker flags parse into the config or are refused', () => {
  const p = protocolFrom(flags({ svmC: 'auto', svmGamma: 'search' }));
  assert.deepEqual(p.config.svmSearch, { C: true, gamma: true });
  assert.deepEqual(p.svm, {});
  assert.deepEqual(protocolFrom(flags({ svmC: '3', svmGamma: 'auto' })).svm, { C: 3, gamma: 'auto' });
  assert.equal(protocolFrom(flags({ svmC: '3' })).config.svmSearch, undefined);
  assert.throws(
    () => protocolFrom(flags({ svmC: 'auto', classifier: 'dnn' })),
    /--svm-c auto searches the SVM's settings: give --classifier svm/,
  );
  assert.throws(() => protocolFrom(flags({ svmC: 'big' })), /--svm-c must be a positive number \(got 'big'\)/);
  const s = protocolFrom(
    flags({ normalisation: 'speaker-enrol:20', speakerStats: 'balanced', enrolEstimator: 'mean-only', innerCheck: true }),
  );
  assert.equal(s.config.speakerStats, 'balanced');
  assert.equal(s.config.enrolEstimator, 'mean-only');
  assert.equal(s.config.innerCheck, true);
  assert.throws(() => protocolFrom(flags({ speakerStats: 'em' })), /--speaker-stats applies to --normalisation speaker/);
});

test('--svm-grid extend: steps past the grid edge the inner search chose while the inner WA rises, and no further', async () => {
  const cols = 100;
  const fold = { index: 0, group: 'g', train: new Int32Array(0), test: new Int32Array(0) };
  // An inner WA surface that peaks at C = 1000 and gamma = 1/16 x 1/n, outside the fixed grid (C 0.1..100, 1/4..4).
  const surface =
    (peakC: number, peakGamma: number) =>
    (v: SvmValues): InnerScore => {
      const wa =
        90 - Math.abs(Math.log10(v.C!) - Math.log10(peakC)) - Math.abs(Math.log(v.gamma! * cols) - Math.log(peakGamma)) / Math.log(4);
      return { wa, uar: wa };
    };
  const scorerOf = (f: (v: SvmValues) => InnerScore, tried: SvmValues[]): InnerScorer =>
    ({
      score: async (_f: unknown, _p: unknown, m: { options?: SvmValues }) => (tried.push(m.options!), f(m.options!)),
    }) as unknown as InnerScorer;
  const run = async (extend: boolean, peakC: number, peakGamma: number) => {
    const tried: SvmValues[] = [];
    const r = await searchSvmForFold(
      scorerOf(surface(peakC, peakGamma), tried),
      fold,
      { normalisation: 'per-fold' },
      { C: true, gamma: true, extend },
      cols,
    );
    return { r, tried };
  };
  const fixed = await run(false, 1000, 1 / 16);
  assert.deepEqual(fixed.r.chosen, { C: 100, gamma: 0.25 / cols });
  assert.equal(fixed.tried.length, 12);
  const extended = await run(true, 1000, 1 / 16);
  // C: 1000 (better), then 10000 (worse: stop); gamma: 1/16 (better), then 1/64 (worse: stop).
  assert.deepEqual(extended.r.chosen, { C: 1000, gamma: 0.25 / 4 / cols });
  assert.deepEqual(extended.tried.slice(12), [
    { C: 1000, gamma: 0.25 / cols },
    { C: 10000, gamma: 0.25 / cols },
    { C: 1000, gamma: 0.25 / 4 / cols },
    { C: 1000, gamma: 0.25 / 16 / cols },
  ]);
  assert.equal(extended.r.grid.length, 16);
  // A peak inside the grid: nothing beyond it is tried.
  const inside = await run(true, 10, 1);
  assert.deepEqual(inside.r.chosen, { C: 10, gamma: 1 / cols });
  assert.equal(inside.tried.length, 12);
  // Far outside: at most SVM_GRID_EXTENSION.steps steps each way.
  const far = await run(true, 1e9, 1);
  assert.equal(far.r.chosen.C, 100 * SVM_GRID_EXTENSION.C ** SVM_GRID_EXTENSION.steps);
});

test('--svm-grid: extend goes into the search settings; anything else, or extend without a search, is refused', () => {
  assert.deepEqual(protocolFrom(flags({ svmC: 'auto', svmGrid: 'extend' })).config.svmSearch, { C: true, gamma: false, extend: true });
  assert.deepEqual(protocolFrom(flags({ svmC: 'auto', svmGrid: 'fixed' })).config.svmSearch, { C: true, gamma: false });
  assert.throws(() => protocolFrom(flags({ svmC: 'auto', svmGrid: 'wide' })), /--svm-grid: expected fixed or extend \(got 'wide'\)/);
  assert.throws(() => protocolFrom(flags({ svmGrid: 'extend' })), /--svm-grid extend extends the inner search of --svm-c auto/);
});
