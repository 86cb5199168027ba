// SVM speed against scikit-learn's SVC (libsvm) on the same data: fit on the training rows, predict held-out rows.
// Usage: npx tsx bench/svm.ts [--skip-large] [--cases a,b,c] [--large-rows 40000] [--cache-mb 3072] [--no-sklearn]
// Both sides get the same kernel cache (scikit-learn: cache_size; its default is 200 MB, adan's 3072 MB).
// Case c takes about an hour in scikit-learn (40,000 rows: 3110 s vs adan 106 s); use --large-rows to shrink it.
// Cases: (a) EmoDB IS11 goldens, 535 x 4368 real; (b) 5350 x 4368 = real + 9 jittered copies (Gaussian noise,
// sd 0.5 in z units: the size of real + 10x synthetic); (c) IEMOCAP-sized 40,000 x 1582, 4 classes of structured
// Gaussian data (class means + 16 shared latent factors + noise). Test rows are fresh jittered copies / draws.
// Prints one JSON line per case: {case, rows, cols, classes, adanSeconds, sklearnSeconds, ratio, agreement, ...}
// (ratio = sklearnSeconds / adanSeconds: > 1 means adan is faster). Needs /usr/bin/python3 with python3-sklearn.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { readCsvTable } from '../src/data/read-table.js';
import { withEmodbMeta } from '../src/data/emodb-names.js';
import { packageRoot, sharedDir } from '../src/util/paths.js';
import { Rng } from '../src/nn/index.js';
import { SvmClassifier, gemmPathName } from '../src/classify/index.js';

const { values: args } = parseArgs({
  options: {
    'skip-large': { type: 'boolean', default: false },
    cases: { type: 'string', default: 'a,b,c' },
    'large-rows': { type: 'string', default: '40000' },
    'cache-mb': { type: 'string', default: '3072' },
    'no-sklearn': { type: 'boolean', default: false },
  },
});
const cacheMB = Number(args['cache-mb']);
const C = 10;
const tol = 1e-3;

interface Case {
  name: string;
  x: Float32Array;
  rows: number;
  cols: number;
  y: Int32Array;
  classes: number;
  xt: Float32Array;
  testRows: number;
}

/** z-normalises columns in place over the given rows (benchmark data only) and drops zero-variance columns. */
function zNormalise(x: Float32Array, rows: number, cols: number): { x: Float32Array; cols: number } {
  const keep: number[] = [];
  const mean: number[] = [];
  const sd: number[] = [];
  for (let c = 0; c < cols; c++) {
    let s = 0;
    for (let r = 0; r < rows; r++) s += x[r * cols + c];
    const m = s / rows;
    let v = 0;
    for (let r = 0; r < rows; r++) v += (x[r * cols + c] - m) ** 2;
    if (v > 0) {
      keep.push(c);
      mean.push(m);
      sd.push(Math.sqrt(v / rows));
    }
  }
  const out = new Float32Array(rows * keep.length);
  for (let r = 0; r < rows; r++) keep.forEach((c, k) => (out[r * keep.length + k] = (x[r * cols + c] - mean[k]) / sd[k]));
  return { x: out, cols: keep.length };
}

function jitter(x: Float32Array, copies: number, sd: number, rng: Rng): Float32Array {
  const out = new Float32Array(x.length * copies);
  for (let k = 0; k < copies; k++) for (let i = 0; i < x.length; i++) out[k * x.length + i] = x[i] + sd * rng.normal();
  return out;
}

function emodbCases(withReal: boolean, copies: number): Case {
  const t = withEmodbMeta(readCsvTable(join(sharedDir(), 'data', 'emodb', 'opensmile', 'IS11.csv')));
  const classes = [...new Set(t.meta.label)].sort();
  const n = zNormalise(t.features, t.ids.length, t.featureNames.length);
  const y0 = Int32Array.from(t.meta.label, (l) => classes.indexOf(l));
  const rng = new Rng(11);
  const synth = copies > 0 ? jitter(n.x, copies, 0.5, rng) : new Float32Array(0);
  const x = new Float32Array(n.x.length * (withReal ? 1 : 0) + synth.length);
  if (withReal) x.set(n.x, 0);
  x.set(synth, withReal ? n.x.length : 0);
  const reps = (withReal ? 1 : 0) + copies;
  const y = new Int32Array(y0.length * reps);
  for (let k = 0; k < reps; k++) y.set(y0, k * y0.length);
  return {
    name: withReal && copies === 0 ? 'a: EmoDB IS11 real' : 'b: EmoDB IS11 real + 9 jittered copies',
    x,
    rows: y.length,
    cols: n.cols,
    y,
    classes: classes.length,
    xt: jitter(n.x, 1, 0.5, new Rng(12)),
    testRows: y0.length,
  };
}

function largeCase(rows: number, cols: number, classes: number, testRows: number): Case {
  const rng = new Rng(13);
  const latent = 16;
  const means = new Float32Array(classes * cols).map(() => 0.12 * rng.normal());
  const load = new Float32Array(latent * cols).map(() => 0.5 * rng.normal());
  const draw = (n: number): { x: Float32Array; y: Int32Array } => {
    const x = new Float32Array(n * cols);
    const y = new Int32Array(n);
    const z = new Float64Array(latent);
    for (let r = 0; r < n; r++) {
      y[r] = rng.int(classes);
      for (let k = 0; k < latent; k++) z[k] = rng.normal();
      for (let c = 0; c < cols; c++) {
        let v = means[y[r] * cols + c] + rng.normal();
        for (let k = 0; k < latent; k++) v += z[k] * load[k * cols + c];
        x[r * cols + c] = v;
      }
    }
    return { x, y };
  };
  const tr = draw(rows);
  const te = draw(testRows);
  return { name: `c: IEMOCAP-sized structured Gaussian`, x: tr.x, rows, cols, y: tr.y, classes, xt: te.x, testRows };
}

function runCase(c: Case): void {
  const t = performance.now();
  const svm = new SvmClassifier({ C, gamma: 'auto', tol, cacheMB });
  svm.fit(c.x, c.rows, c.cols, c.y, c.classes);
  const adanFit = (performance.now() - t) / 1000;
  const pred = svm.predict(c.xt, c.testRows);
  const adanSeconds = (performance.now() - t) / 1000;
  const out: Record<string, unknown> = {
    bench: 'svm',
    case: c.name,
    rows: c.rows,
    cols: c.cols,
    classes: c.classes,
    testRows: c.testRows,
    gemm: gemmPathName(),
    cacheMB,
    adanSeconds: +adanSeconds.toFixed(2),
    adanFitSeconds: +adanFit.toFixed(2),
    supportVectors: svm.info?.supportVectors,
    iterations: svm.info?.iterations,
    kernelRowsComputed: svm.info?.kernelRowsComputed,
  };
  if (!args['no-sklearn']) {
    const dir = mkdtempSync(join(tmpdir(), 'adan-bench-svm-'));
    try {
      writeFileSync(
        join(dir, 'meta.json'),
        JSON.stringify({ rows: c.rows, cols: c.cols, testRows: c.testRows, C, gamma: 1 / c.cols, tol, cacheMB }),
      );
      writeFileSync(join(dir, 'x.f32'), c.x);
      writeFileSync(join(dir, 'y.i32'), c.y);
      writeFileSync(join(dir, 'xt.f32'), c.xt);
      const r = spawnSync('/usr/bin/python3', [join(packageRoot(), 'bench', 'sklearn', 'svc.py'), dir], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      if (r.status !== 0) throw new Error(`bench/sklearn/svc.py failed: ${r.stderr}`);
      const sk = JSON.parse(r.stdout.trim().split('\n').pop() as string) as {
        sklearnSeconds: number;
        fitSeconds: number;
        nSupport: number;
        sklearn: string;
      };
      const raw = readFileSync(join(dir, 'pred.i32')); // may be a view into Node's shared buffer pool: copy by value
      const skPred = Int32Array.from({ length: raw.length / 4 }, (_, i) => raw.readInt32LE(i * 4));
      let same = 0;
      for (let i = 0; i < c.testRows; i++) if (skPred[i] === pred[i]) same++;
      Object.assign(out, {
        sklearnSeconds: +sk.sklearnSeconds.toFixed(2),
        sklearnFitSeconds: +sk.fitSeconds.toFixed(2),
        sklearnSupportVectors: sk.nSupport,
        ratio: +(sk.sklearnSeconds / adanSeconds).toFixed(2),
        agreement: +(same / c.testRows).toFixed(4),
        sklearn: sk.sklearn,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(JSON.stringify(out));
}

const cases = new Set((args.cases ?? 'a,b,c').split(','));
if (cases.has('a')) runCase(emodbCases(true, 0));
if (cases.has('b')) runCase(emodbCases(true, 9));
if (cases.has('c') && !args['skip-large']) runCase(largeCase(Number(args['large-rows']), 1582, 4, 2000));
