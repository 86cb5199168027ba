import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultAutoCandidates, parseAugmentList } from '../../src/eval/augment-search.js';
import { foldChoiceRows } from '../../src/eval/inner-choices.js';
import { runEvaluation, type EvaluateConfig } from '../../src/eval/protocol.js';
import { leaveOneGroupOut } from '../../src/eval/folds.js';
import { formatResults } from '../../src/eval/format.js';
import { mergeResults } from '../../src/eval/merge.js';
import { defaultDeps } from '../../src/eval/defaults.js';
import { evalDataFromTable } from '../../src/eval/dataset.js';
import { selectRows } from '../../src/data/table.js';
import { protocolFrom } from '../../src/cli/commands/evaluate.js';
import { UserError } from '../../src/util/errors.js';
import type { EvalData, EvalDeps } from '../../src/eval/types.js';
import { emodbIs11, protocolFlags } from './helpers.js';

/** EmoDB IS11 goldens, 4 speakers, every 40th feature (110): real data at a scale the suite can afford. */
function subset(): EvalData {
  const t = emodbIs11();
  const keep = t.ids.map((_, i) => i).filter((i) => ['03', '08', '09', '10'].includes(t.meta.speaker[i]));
  const d = evalDataFromTable(selectRows(t, keep), { name: 'emodb-subset', labelCol: 'label', groupCol: 'speaker' });
  const cols = Array.from({ length: Math.ceil(d.cols / 40) }, (_, k) => k * 40);
  const x = new Float32Array(d.rows * cols.length);
  for (let i = 0; i < d.rows; i++) cols.forEach((j, k) => (x[i * cols.length + k] = d.x[i * d.cols + j]));
  return { ...d, x, cols: cols.length, featureNames: cols.map((j) => d.featureNames[j]) };
}

const CANDIDATES = ['none', 'noise', 'smote', 'mixup'];
const deps = (): EvalDeps => defaultDeps({ augment: { count: { times: 1 }, noiseStd: 0.3, smoteK: 5 }, classifierOptions: { svm: {} } });
const config = (o: Partial<EvaluateConfig> = {}): EvaluateConfig => ({
  augment: ['auto'],
  autoCandidates: CANDIDATES,
  classifiers: ['svm'],
  trainOn: ['real+synthetic'],
  repeats: 1,
  seed: 1,
  normalisation: 'per-fold',
  ...o,
});
const preds = (r: { predictions: { fold: number; repeat: number; pred: number[] }[] }) =>
  r.predictions.map((p) => ({ fold: p.fold, repeat: p.repeat, pred: p.pred }));

test('default auto candidates: none first, then every augmenter that trains no ADAN model; perturb only with its audio', () => {
  assert.deepEqual(defaultAutoCandidates(false), ['none', 'duplicate', 'noise', 'smote', 'recolour', 'mixup']);
  assert.deepEqual(defaultAutoCandidates(true), ['none', 'duplicate', 'noise', 'smote', 'recolour', 'perturb', 'mixup']);
  assert.deepEqual(parseAugmentList('none,auto', false), { augment: ['none', 'auto'], autoCandidates: defaultAutoCandidates(false) });
  assert.deepEqual(parseAugmentList('none, noise,auto:none,smote', false), {
    augment: ['none', 'noise', 'auto'],
    autoCandidates: ['none', 'smote'],
  });
  assert.deepEqual(parseAugmentList('none,noise', false), { augment: ['none', 'noise'] });
});

test('--augment auto: bad candidate lists are one-line UserErrors', async () => {
  const bad: [string, RegExp][] = [
    ['auto:none,bogus', /^--augment auto: unknown candidate 'bogus' \(candidates are augmenters: none, /],
    ['auto:none,auto', /^--augment auto: unknown candidate 'auto'/],
    ['auto:', /^--augment auto: names no candidate/],
    ['auto:none,noise,none', /^--augment auto: candidate 'none' is named twice$/],
    ['auto,auto:none', /^--augment: give auto once/],
    ['cutmix,auto', /^--augment: unknown value 'cutmix'/],
  ];
  for (const [value, re] of bad) {
    assert.throws(
      () => parseAugmentList(value, false),
      (e: unknown) => e instanceof UserError && re.test(e.message) && !e.message.includes('\n'),
      value,
    );
  }
  const flags = protocolFlags({ augment: 'none,auto:none,bogus' });
  assert.throws(() => protocolFrom(flags), /unknown candidate 'bogus'/);
  const ok = protocolFrom({ ...flags, augment: 'auto:none,perturb,smote' }, true);
  assert.deepEqual(ok.config.autoCandidates, ['none', 'perturb', 'smote']);
  assert.deepEqual(ok.fitted, ['none', 'perturb', 'smote']);
  assert.deepEqual(protocolFrom({ ...flags, augment: 'auto' }, true).config.autoCandidates, defaultAutoCandidates(true));
  const leaky = { ...flags, augment: 'auto', normalisation: 'corpus-leaky' };
  assert.deepEqual(protocolFrom(leaky, true).config.autoCandidates, defaultAutoCandidates(false));
  await assert.rejects(
    runEvaluation(subset(), config({ normalisation: 'corpus-leaky', autoCandidates: ['none', 'perturb'] }), deps()),
    /--augment auto: perturb cannot be a candidate under --normalisation corpus-leaky/,
  );
});

test('--augment auto: per fold the best inner WA (ties to the earlier), trained as that candidate; the JSON names it', async () => {
  const data = subset();
  const r = await runEvaluation(data, config({ augment: ['auto', ...CANDIDATES], repeats: 2 }), deps());
  const search = r.augmentSearch!;
  assert.equal(search.length, 4, 'one choice per outer fold and classifier, shared by both repeats');
  for (const c of search) {
    assert.deepEqual(
      c.candidates.map((x) => x.augment),
      CANDIDATES,
    );
    const best = Math.max(...c.candidates.map((x) => x.wa));
    assert.equal(c.chosen, c.candidates.find((x) => x.wa === best)!.augment);
    assert.equal(c.innerWa, best);
  }
  // real choices: not every fold keeps none, and the candidates' inner scores differ
  assert.ok(search.some((c) => c.chosen !== 'none'));
  assert.ok(search.some((c) => new Set(c.candidates.map((x) => x.wa)).size > 1));
  const auto = r.results.find((x) => x.augment === 'auto')!;
  for (const p of auto.predictions) {
    const chosen = search.find((c) => c.fold === p.fold)!.chosen;
    assert.equal(p.chosen, chosen);
    const own = r.results.find((x) => x.augment === chosen)!.predictions.find((q) => q.fold === p.fold && q.repeat === p.repeat)!;
    assert.deepEqual(p.pred, own.pred, `fold ${p.fold} repeat ${p.repeat}: auto trains exactly as ${chosen}`);
  }
  const counts = new Map<string, number>();
  for (const c of search) counts.set(c.chosen, (counts.get(c.chosen) ?? 0) + 1);
  assert.deepEqual(Object.fromEntries(auto.resolvedPerFold!.map((c) => [c.augment, c.folds])), Object.fromEntries(counts));
  assert.deepEqual(r.config.autoCandidates, CANDIDATES);
  const text = formatResults(r);
  assert.match(text, /auto \(= \w+ in \d folds?(, \w+ in \d)*\) \+ svm/);
  assert.match(text, /augmenter chosen inside each training fold \(inner leave-one-speaker-out, highest pooled inner WA.*: svm: /);
  // the report's per-fold rows: each fold's choice and every candidate's inner WA, in the candidates' order
  assert.deepEqual(
    foldChoiceRows(r).map((row) => [row.fold, row.group, row.kind, row.classifier, row.chosen, row.innerWa, row.candidates]),
    search.map((c) => [
      c.fold,
      c.group,
      'augmenter',
      c.classifier,
      c.chosen,
      c.innerWa,
      c.candidates.map((x) => `${x.augment}: ${x.wa.toFixed(2)}`).join('; '),
    ]),
  );
  // the same seed makes the same choices and numbers
  const again = await runEvaluation(data, config({ augment: ['auto', ...CANDIDATES], repeats: 2 }), deps());
  assert.deepEqual(again.augmentSearch, search);
  assert.deepEqual(preds(again.results[0]), preds(auto));
  // --fold pieces merge into the whole run's choices
  const pieces = await Promise.all([3, 1, 0, 2].map((fold) => runEvaluation(data, config({ fold }), deps())));
  assert.deepEqual(mergeResults(pieces).augmentSearch, (await runEvaluation(data, config(), deps())).augmentSearch);
});

test("--augment auto: the choice uses the training speakers only (the test speaker's features do not change it)", async () => {
  const data = subset();
  const fold = leaveOneGroupOut(data.groups)[1];
  const changed = Float32Array.from(data.x);
  for (const r of fold.test) for (let j = 0; j < data.cols; j++) changed[r * data.cols + j] = data.x[r * data.cols + j] * 3 + 1;
  const a = await runEvaluation(data, config({ fold: 1 }), deps());
  const b = await runEvaluation({ ...data, x: changed }, config({ fold: 1 }), deps());
  assert.deepEqual(b.augmentSearch, a.augmentSearch);
  assert.notDeepEqual(preds(b.results[0]), preds(a.results[0]), 'the test rows did change');
});

test('--augment auto:none gives exactly the none result', async () => {
  const data = subset();
  const r = await runEvaluation(data, config({ augment: ['none', 'auto'], autoCandidates: ['none'], repeats: 2 }), deps());
  const [none, auto] = r.results;
  assert.deepEqual(preds(auto), preds(none));
  assert.equal(auto.wa, none.wa);
  assert.equal(auto.uar, none.uar);
  assert.deepEqual(auto.resolvedPerFold, [{ augment: 'none', folds: 4 }]);
});

test('--augment auto with --svm-c auto: the unaugmented inner score at the chosen C is computed once, not again', async () => {
  const data = subset();
  const base = deps();
  let fits = 0;
  const counting: EvalDeps = { ...base, createClassifier: (...a) => (fits++, base.createClassifier(...a)) };
  await runEvaluation(data, config({ autoCandidates: ['none', 'noise'], svmSearch: { C: true, gamma: false } }), counting);
  // 4 outer folds x (4 C values + the noise candidate) x 3 inner folds, then the 4 outer fits.
  assert.equal(fits, 4 * (4 + 1) * 3 + 4);
});
