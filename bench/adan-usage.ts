// Research benchmark: does ADAN help when its synthetic rows are used differently? One ADAN model is trained per
// (repeat, fold) on the training speakers only and shared by every usage below, so the usages differ only in which
// synthetic rows the classifier sees:
//   adan-x1 / adan-x3 / adan-x10   1, 3 or 10 synthetic sets the size of the training fold (paper: 10)
//   adan-balance                   only enough rows to bring every class up to the largest
//   adan-agree                     20 candidate sets, keeping the rows an SVM fitted on the fold's real rows
//                                  assigns to their intended class, up to 10 sets (a consistency filter)
// Leave-one-speaker-out on the IS11 goldens, per-fold normalisation, SVM and DNN (ReLU, as reproduce uses for
// EmoDB); paired t-tests over repeats against no augmentation. Prints one JSON line.
// Usage: node dist/bench/adan-usage.js [--repeats 2] [--seed 1] [--epochs 300] [--preset paper] [--table IS11.csv]
//        [--fold i] (one fold only: a smoke run)
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AdanModel, adanOptions, classCounts, labelsToGenerate, type AdanOptions, type AdanPresetName } from '../src/adan/index.js';
import { stackResampled } from '../src/augment/counts.js';
import type { Augmenter, Resampled } from '../src/augment/types.js';
import { createClassifier } from '../src/classify/index.js';
import { withEmodbMeta } from '../src/data/emodb-names.js';
import { readCsvTable } from '../src/data/read-table.js';
import { std } from '../src/eval/metrics.js';
import { compareWithBaselines, methodKey } from '../src/eval/results.js';
import { evalDataFromTable } from '../src/eval/dataset.js';
import { defaultDeps } from '../src/eval/defaults.js';
import { fitStandardizer } from '../src/eval/normaliser.js';
import { runEvaluation } from '../src/eval/protocol.js';
import type { EvalDeps } from '../src/eval/types.js';
import { backendName } from '../src/nn/index.js';
import { sharedDir } from '../src/util/paths.js';

const { values: a } = parseArgs({
  options: {
    repeats: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    epochs: { type: 'string', default: '300' },
    preset: { type: 'string', default: 'paper' },
    fold: { type: 'string' },
    table: { type: 'string', default: join(sharedDir(), 'data', 'emodb', 'opensmile', 'IS11.csv') },
  },
});
const adan: AdanOptions = adanOptions(a.preset as AdanPresetName, { epochs: Number(a.epochs) });
const USAGES = ['adan-x1', 'adan-x3', 'adan-x10', 'adan-balance', 'adan-agree'] as const;
type Usage = (typeof USAGES)[number];

const table = withEmodbMeta(readCsvTable(a.table!));
const data = evalDataFromTable(table, { name: 'emodb-IS11-goldens', labelCol: 'label', groupCol: 'speaker' });

/** One fitted ADAN per (repeat, fold): the first usage to ask trains it, the others reuse it. */
const models = new Map<string, AdanModel>();
let adanSeconds = 0;
function modelFor(key: string, x: Float32Array, rows: number, cols: number, y: Int32Array, classes: number, seed: number): AdanModel {
  let m = models.get(key);
  if (!m) {
    const t0 = performance.now();
    m = AdanModel.create(adan, seed).fit(x.subarray(0, rows * cols), rows, cols, y.subarray(0, rows), data.classes.slice(0, classes));
    adanSeconds += (performance.now() - t0) / 1000;
    models.set(key, m);
  }
  return m;
}

/** Keeps candidates that an SVM fitted on the fold's real rows puts in their intended class, up to `cap` per class. */
function agreeing(
  x: Float32Array,
  rows: number,
  cols: number,
  y: Int32Array,
  k: number,
  cand: { features: Float32Array; labels: Int32Array },
  cap: number[],
  seed: number,
): { features: Float32Array; labels: Int32Array } {
  const norm = fitStandardizer(x.subarray(0, rows * cols), rows, cols);
  const svm = createClassifier('svm', undefined, seed);
  svm.fit(norm.transform(x.subarray(0, rows * cols), rows), rows, norm.outCols, y.subarray(0, rows), k);
  const n = cand.labels.length;
  const pred = svm.predict(norm.transform(cand.features, n), n);
  const taken = new Array<number>(k).fill(0);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = cand.labels[i];
    if (pred[i] === c && taken[c] < cap[c]) {
      keep.push(i);
      taken[c]++;
    }
  }
  const features = new Float32Array(keep.length * cols);
  keep.forEach((r, i) => features.set(cand.features.subarray(r * cols, (r + 1) * cols), i * cols));
  return { features, labels: Int32Array.from(keep, (r) => cand.labels[r]) };
}

function usageAugmenter(usage: Usage, key: string, seed: number): Augmenter {
  return {
    name: usage,
    fitResample({ x, rows, cols, y, classes: k }): Resampled {
      const model = modelFor(key, x, rows, cols, y, k, seed);
      const counts = classCounts(y.subarray(0, rows), k);
      const genSeed = (seed ^ 0x5bd1e995) >>> 0;
      if (usage === 'adan-agree') {
        const labels = labelsToGenerate(counts, { times: 20 });
        const cand = { features: model.generate(labels, genSeed).features, labels };
        const kept = agreeing(
          x,
          rows,
          cols,
          y,
          k,
          cand,
          counts.map((c) => 10 * c),
          seed,
        );
        return stackResampled(x, rows, cols, y, kept.features, kept.labels);
      }
      const labels = labelsToGenerate(
        counts,
        usage === 'adan-balance' ? { balance: true } : { times: usage === 'adan-x1' ? 1 : usage === 'adan-x3' ? 3 : 10 },
      );
      return stackResampled(x, rows, cols, y, model.generate(labels, genSeed).features, labels);
    },
  };
}

const base = defaultDeps({
  augment: { count: { times: 10 }, noiseStd: 0.1, smoteK: 5 },
  classifierOptions: { dnn: { activation: 'relu' } },
});
const deps: EvalDeps = {
  ...base,
  createAugmenter: (name, ctx) =>
    (USAGES as readonly string[]).includes(name)
      ? usageAugmenter(name as Usage, `${ctx.repeat}/${ctx.fold}`, ctx.seed)
      : base.createAugmenter(name, ctx),
};
const t0 = performance.now();
const res = await runEvaluation(
  data,
  {
    augment: ['none', ...USAGES],
    classifiers: ['svm', 'dnn'],
    trainOn: ['real+synthetic'],
    repeats: Number(a.repeats),
    seed: Number(a.seed),
    normalisation: 'per-fold',
    fold: a.fold === undefined ? undefined : Number(a.fold),
  },
  deps,
  {
    onPiece: (d, t, info) =>
      process.stderr.write(
        `adan-usage: ${d}/${t} (repeat ${info.repeat}, speaker ${info.group}) ${Math.round((performance.now() - t0) / 1000)} s\n`,
      ),
  },
);
const r2 = (v: number): number => Number(v.toFixed(2));
const tests = compareWithBaselines(res.results).filter((c) => c.test === 'paired t-test over repeats');
console.log(
  JSON.stringify({
    bench: 'adan-usage',
    backend: backendName(),
    table: a.table,
    preset: a.preset,
    epochs: adan.epochs,
    repeats: Number(a.repeats),
    seed: Number(a.seed),
    seconds: r2((performance.now() - t0) / 1000),
    adanSeconds: r2(adanSeconds),
    results: res.results.map((r) => {
      const t = tests.find((c) => c.b === methodKey(r));
      return {
        method: methodKey(r),
        wa: r2(r.wa),
        waStdOverRepeats: r2(std(r.waRepeats)),
        uar: r2(r.uar),
        uarStdOverRepeats: r2(std(r.uarRepeats)),
        waRepeats: r.waRepeats.map(r2),
        vsNone: t ? { diffWa: r2(t.diffWa), p: Number(t.p.toFixed(3)) } : null,
      };
    }),
  }),
);
