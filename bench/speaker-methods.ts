// Benchmark (issue 12): speaker-aware methods on EmoDB IS11 goldens, leave-one-speaker-out, SVM, under the
// per-fold, speaker-enrol:20 and speaker protocols; every augmenter in the list against no augmentation, R seeds
// (repeats), WA/UAR pooled over folds, mean +- sd over seeds, paired t-test against none (same classifier and
// protocol). Prints one JSON document. Folds run one after another (no --jobs yet).
// Usage: npx tsx bench/speaker-methods.ts [repeats=5] [augmenters=none,duplicate,noise,smote,recolour] [times=1]
import { join } from 'node:path';
import { readCsvTable } from '../src/data/read-table.js';
import { withEmodbMeta } from '../src/data/emodb-names.js';
import { evalDataFromTable } from '../src/eval/dataset.js';
import { defaultDeps } from '../src/eval/defaults.js';
import { runEvaluation } from '../src/eval/protocol.js';
import { methodKey } from '../src/eval/results.js';
import { mean, std } from '../src/eval/metrics.js';
import type { Normalisation } from '../src/eval/speaker-norm.js';
import { sharedDir } from '../src/util/paths.js';

const repeats = Number(process.argv[2] ?? 5);
const augment = (process.argv[3] ?? 'none,duplicate,noise,smote,recolour').split(',');
// One synthetic copy per real row: the same budget for every augmenter, chosen before measuring.
const times = Number(process.argv[4] ?? 1);
const protocols: Normalisation[] = ['per-fold', 'speaker-enrol:20', 'speaker'];
const table = withEmodbMeta(readCsvTable(join(sharedDir(), 'data', 'emodb', 'opensmile', 'IS11.csv')));
const data = evalDataFromTable(table, { name: 'emodb-IS11', labelCol: 'label', groupCol: 'speaker' });
// `perturb` reads EmoDB's WAVs (fill its cache first: node dist/bench/perturb-cache.js).
const perturb = { audioDir: join(sharedDir(), 'data', 'emodb', 'wav') };
const deps = defaultDeps({ augment: { count: { times }, noiseStd: 0.1, smoteK: 5, perturb } });
const t0 = performance.now();
const rows: Record<string, unknown>[] = [];
for (const normalisation of protocols) {
  const res = await runEvaluation(
    data,
    { augment, classifiers: ['svm'], trainOn: ['real+synthetic'], repeats, seed: 1, normalisation },
    deps,
  );
  for (const r of res.results) {
    const t = res.comparisons.find((c) => c.b === methodKey(r) && c.test === 'paired t-test over repeats');
    const f2 = (v: number) => Number(v.toFixed(2));
    rows.push({
      protocol: normalisation,
      method: methodKey(r),
      wa: f2(mean(r.waRepeats)),
      waSd: f2(r.waRepeats.length > 1 ? std(r.waRepeats) : 0),
      uar: f2(mean(r.uarRepeats)),
      uarSd: f2(r.uarRepeats.length > 1 ? std(r.uarRepeats) : 0),
      ...(t ? { pVsNone: Number(t.p.toPrecision(3)), diffWa: f2(t.diffWa) } : {}),
    });
  }
}
const seconds = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify(
    { bench: 'speaker-methods', dataset: data.name, repeats, times, augment, seconds: Number(seconds.toFixed(1)), rows },
    null,
    1,
  ),
);
