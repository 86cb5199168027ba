// Benchmark: one leave-one-speaker-out fold of EmoDB IS11 (golden features) through the evaluation protocol with
// the real classifiers: none, SMOTE x10 (SVM and DNN), timing each method. Prints one JSON line.
// Usage: npx tsx bench/eval-protocol.ts [fold=0]
import { join } from 'node:path';
import { readCsvTable } from '../src/data/read-table.js';
import { withEmodbMeta } from '../src/data/emodb-names.js';
import { evalDataFromTable } from '../src/eval/dataset.js';
import { defaultDeps } from '../src/eval/defaults.js';
import { runEvaluation } from '../src/eval/protocol.js';
import { backendName } from '../src/nn/index.js';
import { sharedDir } from '../src/util/paths.js';

const fold = Number(process.argv[2] ?? 0);
const table = withEmodbMeta(readCsvTable(join(sharedDir(), 'data', 'emodb', 'opensmile', 'IS11.csv')));
const data = evalDataFromTable(table, { name: 'emodb-IS11', labelCol: 'label', groupCol: 'speaker' });
const t0 = performance.now();
const res = await runEvaluation(
  data,
  {
    augment: ['none', 'smote'],
    classifiers: ['svm', 'dnn'],
    trainOn: ['real+synthetic'],
    repeats: 1,
    seed: 1,
    normalisation: 'per-fold',
    fold,
  },
  defaultDeps({ augment: { count: { times: 10 }, noiseStd: 0.1, smoteK: 5 } }),
);
const seconds = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify({
    bench: 'eval-protocol',
    backend: backendName(),
    fold,
    rows: data.rows,
    features: data.cols,
    seconds: Number(seconds.toFixed(2)),
    methods: res.results.map((r) => ({
      method: `${r.augment}/${r.classifier}/${r.trainOn}`,
      wa: Number(r.wa.toFixed(2)),
      seconds: Number(r.seconds.toFixed(2)),
    })),
  }),
);
