import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBeyond, type BeyondOptions } from '../../bench/beyond-paper.js';
import { loadFeatureTable } from '../../src/data/load-table.js';
import { evalDataFromTable } from '../../src/eval/dataset.js';
import { defaultDeps } from '../../src/eval/defaults.js';
import { runEvaluation, type EvaluationResults } from '../../src/eval/protocol.js';
import { RECOMMENDED } from '../../src/augment/registry.js';

/** 4 speakers x 3 classes x 6 utterances, 4 features: a class offset, a speaker offset and deterministic jitter. */
function tinyTable(dir: string): string {
  const lines = ['id,label,speaker,f1,f2,f3,f4'];
  let r = 1;
  for (let sp = 0; sp < 4; sp++)
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < 6; i++, r++) {
        const v = [0, 1, 2, 3].map((j) => (Math.sin(r * 7.1 + j * 3.3) * 0.8 + c * (j % 2 ? 1 : -0.5) + sp * 0.3).toFixed(4));
        lines.push(`u${r},c${c},s${sp},${v.join(',')}`);
      }
  const file = join(dir, 'tiny.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** What must not depend on how the work was split: everything but timings and creation dates. */
function numbers(r: EvaluationResults): unknown {
  return {
    protocol: r.protocol,
    comparisons: r.comparisons,
    results: r.results.map(({ seconds: _s, predictions, ...rest }) => ({
      ...rest,
      predictions: predictions.map(({ seconds: _t, ...p }) => p),
    })),
  };
}

test(
  'bench/beyond-paper: --jobs 2 and --jobs 1 give identical merged results, equal to one sequential runEvaluation; ' +
    'pieces are cached; auto is one more augmenter',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adan-beyond-'));
    try {
      const table = tinyTable(dir);
      const o: BeyondOptions = {
        augment: ['noise', 'recommended', 'auto'],
        autoCandidates: ['none', 'noise', 'smote'],
        classifiers: ['svm'],
        protocols: ['per-fold', 'speaker-enrol:4'],
        repeats: 2,
        seed: 3,
        times: 1,
        noiseStd: 0.1,
        smoteK: 5,
        adanPreset: 'paper',
        qualityFold: 1,
        table,
        labelCol: 'label',
        groupCol: 'speaker',
        jobs: 2,
        pieces: join(dir, 'p2'),
      };
      const two = await runBeyond(o);
      const one = await runBeyond({ ...o, jobs: 1, pieces: join(dir, 'p1') });
      assert.equal(two.pieces.run, 2 * 4 * 2 * 4);
      assert.deepEqual(two.results.map(numbers), one.results.map(numbers));
      assert.deepEqual(
        two.rows.map((r) => ({ ...r, seconds: 0 })),
        one.rows.map((r) => ({ ...r, seconds: 0 })),
      );
      // the same numbers as one sequential run over every method
      const data = evalDataFromTable(loadFeatureTable(table, { metaColumns: ['label', 'speaker'] }), {
        name: table,
        labelCol: 'label',
        groupCol: 'speaker',
      });
      for (const [i, normalisation] of o.protocols.entries()) {
        const seq = await runEvaluation(
          data,
          {
            augment: ['none', 'noise', 'recommended', 'auto'],
            autoCandidates: ['none', 'noise', 'smote'],
            classifiers: ['svm'],
            trainOn: ['real+synthetic'],
            repeats: 2,
            seed: 3,
            normalisation,
          },
          defaultDeps({ augment: { count: { times: 1 }, noiseStd: 0.1, smoteK: 5 }, classifierOptions: { svm: {} } }),
        );
        assert.deepEqual(numbers(two.results[i]), numbers(seq), normalisation);
        // auto: the pieces of every repeat chose what the one run chose, from the same inner scores
        assert.equal(two.results[i].augmentSearch?.length, 4);
        assert.deepEqual(two.results[i].augmentSearch, seq.augmentSearch);
        assert.deepEqual(two.results[i].config.autoCandidates, ['none', 'noise', 'smote']);
      }
      // rows name their protocol; the alias names what it ran; quality on the one fold asked for
      assert.deepEqual([...new Set(two.rows.map((r) => r.protocol))], ['per-fold', 'speaker-enrol:4']);
      const rec = two.rows.find((r) => r.augment === 'recommended')!;
      assert.equal(rec.resolvedAs?.augment, RECOMMENDED.augment);
      assert.ok(rec.vsNone && rec.vsNone.test === 'paired t-test over repeats');
      assert.equal(two.quality.length, 2 * 2);
      assert.ok(two.quality.every((q) => q.fold === 1 && q.group === 's1' && q.knnRecall >= 0 && q.knnRecall <= 1));
      // auto's inner scores of each fold are on disk beside its pieces, for the pieces of the other repeat
      const inner = JSON.parse(readFileSync(join(two.piecesDir, 'per-fold', 'auto-none+noise+smote', 'inner-f2.json'), 'utf8')) as object;
      assert.equal(Object.keys(inner).length, 3);
      // a rerun finds every piece cached
      const again = await runBeyond(o);
      assert.deepEqual(again.pieces, { total: 64, cached: 64, run: 0 });
      assert.deepEqual(again.results.map(numbers), two.results.map(numbers));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
