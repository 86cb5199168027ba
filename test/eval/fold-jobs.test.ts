import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adanOptions } from '../../src/adan/index.js';
import { selectRows } from '../../src/data/table.js';
import { evalDataFromTable } from '../../src/eval/dataset.js';
import { evaluateFolds, type StageSettings } from '../../src/eval/fold-jobs.js';
import type { EvaluateConfig, EvaluationResults } from '../../src/eval/protocol.js';
import type { EvalData } from '../../src/eval/types.js';
import { UserError } from '../../src/util/errors.js';
import { emodbIs11 } from './helpers.js';

/** Four EmoDB speakers (IS11 goldens, 4368 features): four folds, enough to spread over two workers. */
function fourSpeakers(): EvalData {
  const t = emodbIs11();
  const keep = t.ids.map((_, i) => i).filter((i) => ['03', '08', '09', '10'].includes(t.meta.speaker[i]));
  return evalDataFromTable(selectRows(t, keep), { name: 'emodb-4-speakers', labelCol: 'label', groupCol: 'speaker' });
}

/** What may differ between two runs of the same experiment: when it ran, how long each fold took, where models went. */
function numbers(r: EvaluationResults): unknown {
  const vary = new Set(['created', 'seconds', 'saveModels']);
  return JSON.parse(JSON.stringify(r), (k, v: unknown) => (vary.has(k) ? null : v));
}

const stages = (adanEpochs: number): StageSettings => ({
  augment: {
    count: { times: 1 },
    noiseStd: 0.1,
    smoteK: 5,
    adan: { adan: adanOptions('paper', { epochs: adanEpochs, encoderHidden: [32], decoderHidden: [32] }) },
  },
  classifierOptions: { dnn: { epochs: 3 } },
  groupCol: 'speaker',
});

/** One SVM without augmentation, one repeat: the smallest run that still goes through every fold. */
const svmOnly: EvaluateConfig = {
  augment: ['none'],
  classifiers: ['svm'],
  trainOn: ['real'],
  repeats: 1,
  seed: 1,
  normalisation: 'per-fold',
};

test('evaluateFolds: two fold workers give the numbers of one process, to the last digit, with the progress of every piece', async () => {
  const data = fourSpeakers();
  const dir = mkdtempSync(join(tmpdir(), 'adan-fold-jobs-'));
  try {
    const config = (saveModels: string): EvaluateConfig => ({
      augment: ['none', 'smote', 'adan'],
      classifiers: ['svm', 'dnn'],
      trainOn: ['real+synthetic'],
      repeats: 2,
      seed: 7,
      normalisation: 'speaker-enrol:10',
      innerCheck: true,
      svmSearch: { C: true, gamma: false },
      saveModels,
      saveFolds: 2,
    });
    const one = await evaluateFolds(data, config(join(dir, 'one')), stages(2), {}, 1);
    const seen: [number, number, string][] = [];
    const two = await evaluateFolds(data, config(join(dir, 'two')), stages(2), { onPiece: (d, t, i) => seen.push([d, t, i.group]) }, 2);
    assert.deepEqual(numbers(two), numbers(one));
    assert.equal((two.config as { saveModels: string }).saveModels, join(dir, 'two'));
    assert.equal(two.partial, undefined);
    assert.equal(two.results.length, 6);
    assert.equal(two.search?.length, 4);
    assert.equal(two.innerCheck?.folds.length, 4);
    // Every (repeat, fold) piece reported once, counted 1..8 of 8, whichever worker finished it.
    assert.deepEqual(
      seen.map(([d, t]) => [d, t]),
      Array.from({ length: 8 }, (_, i) => [i + 1, 8]),
    );
    assert.deepEqual([...new Set(seen.map((s) => s[2]))].sort(), ['03', '08', '09', '10']);
    // The workers saved the first two folds' ADAN models with their training rows, as one process does.
    for (const fold of [0, 1]) {
      const saved = join(dir, 'two', `adan-fold${fold}`);
      assert.ok(existsSync(join(saved, 'train.csv')), saved);
      assert.equal(readFileSync(join(saved, 'train.csv'), 'utf8'), readFileSync(join(dir, 'one', `adan-fold${fold}`, 'train.csv'), 'utf8'));
    }
    assert.ok(!existsSync(join(dir, 'two', 'adan-fold2')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('evaluateFolds: one process and two workers agree on all of EmoDB, where a 2-thread sgemm would round differently', async () => {
  // SMOTE + DNN over the 10 folds: with the machine's BLAS threads in the parent (2 here) one fold-4 prediction
  // changed; every fold now runs on one BLAS thread (withBlasThreads) wherever it runs.
  const t = emodbIs11();
  const data = evalDataFromTable(t, { name: 'emodb', labelCol: 'label', groupCol: 'speaker' });
  const config: EvaluateConfig = { ...svmOnly, augment: ['smote'], classifiers: ['dnn'], trainOn: ['real+synthetic'] };
  const s: StageSettings = { ...stages(1), classifierOptions: { dnn: { epochs: 2, activation: 'relu' } } };
  const one = await evaluateFolds(data, config, s, {}, 1);
  const two = await evaluateFolds(data, config, s, {}, 2);
  assert.deepEqual(numbers(two), numbers(one));
});

test("evaluateFolds: a worker's user error reaches the caller as the same one-line UserError a single process gives", async () => {
  const data = fourSpeakers();
  const config = svmOnly;
  const bad: StageSettings = { ...stages(1), classifierOptions: { svm: { C: -1 } } };
  const inProcess = await evaluateFolds(data, config, bad, {}, 1).catch((e: unknown) => e);
  const inWorkers = await evaluateFolds(data, config, bad, {}, 2).catch((e: unknown) => e);
  assert.ok(inProcess instanceof UserError, String(inProcess));
  assert.ok(inWorkers instanceof UserError, String(inWorkers));
  assert.equal(inWorkers.message, inProcess.message);
  assert.match(inWorkers.message, /C/);
  assert.doesNotMatch(inWorkers.message, /\n/);
});

test('evaluateFolds: --jobs must be a positive integer', async () => {
  const config = svmOnly;
  await assert.rejects(evaluateFolds(fourSpeakers(), config, stages(1), {}, 0), /--jobs: expected a positive integer/);
});
