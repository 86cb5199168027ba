// Benchmark (issue 12): speaker-aware methods on EmoDB IS11 goldens, leave-one-speaker-out, SVM, under the
// per-fold, speaker-enrol:20 and speaker protocols; every augmenter in the list against no augmentation, R seeds
// (repeats), WA/UAR pooled over folds, mean +- sd over seeds, paired t-test against none (same classifier and
// protocol). Prints one JSON document. Folds run one after another (no --jobs yet).
// Usage: npx tsx bench/speaker-methods.ts [repeats=5] [augmenters=none,duplicate,noise,smote,recolour] [times=1]
import { defaultDeps } from '../src/eval/defaults.js';
import { runEvaluation } from '../src/eval/protocol.js';
import type { Normalisation } from '../src/eval/speaker-norm.js';
import { emodbIs11Data, summaryRow } from './emodb-speaker-runs.js';

const repeats = Number(process.argv[2] ?? 5);
const augment = (process.argv[3] ?? 'none,duplicate,noise,smote,recolour').split(',');
// One synthetic copy per real row: the same budget for every augmenter, chosen before measuring.
const times = Number(process.argv[4] ?? 1);
const protocols: Normalisation[] = ['per-fold', 'speaker-enrol:20', 'speaker'];
const data = emodbIs11Data();
const deps = defaultDeps({ augment: { count: { times }, noiseStd: 0.1, smoteK: 5 } });
const t0 = performance.now();
const rows: Record<string, unknown>[] = [];
for (const normalisation of protocols) {
  const res = await runEvaluation(
    data,
    { augment, classifiers: ['svm'], trainOn: ['real+synthetic'], repeats, seed: 1, normalisation },
    deps,
  );
  for (const r of res.results) rows.push({ protocol: normalisation, ...summaryRow(res, r) });
}
const seconds = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify(
    { bench: 'speaker-methods', dataset: data.name, repeats, times, augment, seconds: Number(seconds.toFixed(1)), rows },
    null,
    1,
  ),
);
