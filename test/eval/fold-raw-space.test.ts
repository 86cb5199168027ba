import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runEvaluation, type EvaluateConfig } from '../../src/eval/protocol.js';
import { evalDataFromTable } from '../../src/eval/dataset.js';
import { fitStandardizer } from '../../src/eval/normaliser.js';
import { NoAugmenter } from '../../src/augment/simple.js';
import type { EvalData, EvalDeps } from '../../src/eval/types.js';
import type { Normalisation } from '../../src/eval/speaker-norm.js';
import { selectRows } from '../../src/data/table.js';
import { CentroidClassifier, emodbIs11 } from './helpers.js';

/** 4 EmoDB speakers x 3 classes, first 40 IS11 features plus one constant column (which normalisers drop). */
function data(): EvalData {
  const t = emodbIs11();
  const keep = t.ids
    .map((_, i) => i)
    .filter((i) => ['03', '08', '09', '10'].includes(t.meta.speaker[i]) && ['anger', 'sadness', 'neutral'].includes(t.meta.label[i]));
  const d = evalDataFromTable(selectRows(t, keep), { name: 'emodb-subset', labelCol: 'label', groupCol: 'speaker' });
  const cols = 41;
  const x = new Float32Array(d.rows * cols);
  for (let i = 0; i < d.rows; i++) {
    x.set(d.x.subarray(i * d.cols, i * d.cols + 40), i * cols);
    x[i * cols + 40] = 2.5;
  }
  return { ...d, x, cols, featureNames: [...d.featureNames.slice(0, 40), 'constant'] };
}

test('rawSpace maps the raw rows of the training fold exactly onto the rows the augmenter receives, under every protocol', async () => {
  const d = data();
  // The speaker-statistics options change how training speakers are normalised: re-extracted rows must follow them.
  const modes: { normalisation: Normalisation; speakerStats?: 'balanced'; enrolEstimator?: 'mean-only' }[] = [
    { normalisation: 'per-fold' },
    { normalisation: 'speaker' },
    { normalisation: 'speaker-enrol:3' },
    { normalisation: 'corpus-leaky' },
    { normalisation: 'speaker', speakerStats: 'balanced' },
    { normalisation: 'speaker-enrol:3', enrolEstimator: 'mean-only' },
  ];
  for (const { normalisation, ...speakerOptions } of modes) {
    let checked = 0;
    const deps: EvalDeps = {
      createClassifier: () => new CentroidClassifier(),
      fitNormaliser: fitStandardizer,
      createAugmenter: (name, ctx) => ({
        name,
        fitResample: (train) => {
          const space = ctx.rawSpace!;
          assert.deepEqual(space.featureNames, d.featureNames);
          // The raw table rows of this fold's training rows, as an audio augmenter would re-extract them.
          const idx = train.ids!.map((id) => d.ids.indexOf(id));
          const raw = new Float32Array(idx.length * d.cols);
          idx.forEach((r, i) => raw.set(d.x.subarray(r * d.cols, (r + 1) * d.cols), i * d.cols));
          // Shuffled source order: each row must be normalised by its own source speaker, wherever it sits.
          const order = idx.map((_, i) => i).reverse();
          const shuffled = new Float32Array(raw.length);
          order.forEach((src, i) => shuffled.set(raw.subarray(src * d.cols, (src + 1) * d.cols), i * d.cols));
          const mapped = space.toTrainingSpace(shuffled, order.length, order);
          assert.equal(mapped.length, train.rows * train.cols, `${normalisation}: columns`);
          order.forEach((src, i) => {
            for (let j = 0; j < train.cols; j++) {
              const want = train.x[src * train.cols + j];
              const got = mapped[i * train.cols + j];
              assert.ok(
                Math.abs(got - want) <= 1e-6 * Math.max(1, Math.abs(want)),
                `${normalisation}: row ${src} col ${j}: ${got} vs ${want}`,
              );
            }
          });
          checked++;
          return new NoAugmenter().fitResample(train);
        },
      }),
    };
    const config: EvaluateConfig = {
      augment: ['spy'],
      classifiers: ['centroid'],
      trainOn: ['real+synthetic'],
      repeats: 1,
      seed: 2,
      normalisation,
      ...speakerOptions,
    };
    await runEvaluation(d, config, deps);
    assert.equal(checked, 4, normalisation);
  }
});
