import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsvTable } from '../../src/data/read-table.js';
import { withEmodbMeta } from '../../src/data/emodb-names.js';
import { sharedDir } from '../../src/util/paths.js';
import { AdanModel, adanOptions, augmentTable, encodeLabels, writeTableCsv, type EpochLog } from '../../src/adan/index.js';

// Real data: the EmoDB openSMILE IS11 goldens (535 utterances x 4368 features, 7 emotions).
const table = withEmodbMeta(readCsvTable(join(sharedDir(), 'data/emodb/opensmile/IS11.csv')));
const { y, classNames } = encodeLabels(table, 'label', 'IS11');
const n = table.ids.length;
const d = table.featureNames.length;
const K = classNames.length;
const L = 100;

// The paper preset reduced so the suite stays fast: E/R hidden 256 (paper 800), batch 32 and lr 5e-4 so that 30
// epochs give the ~500 updates the generator needs (the paper's schedule, losses and other sizes unchanged).
const options = adanOptions('paper', { epochs: 30, batchSize: 32, lr: 5e-4, encoderHidden: [256, 256], decoderHidden: [256, 256] });
let model: AdanModel;
let log: EpochLog[];

before(() => {
  model = AdanModel.create(options, 1).fitTable(table, 'label');
  log = model.log;
});

function centroids(x: Float32Array, lab: ArrayLike<number>, w: number): Float64Array[] {
  const c = Array.from({ length: K }, () => new Float64Array(w));
  const cnt = new Array<number>(K).fill(0);
  for (let i = 0; i < lab.length; i++) {
    cnt[lab[i]]++;
    for (let j = 0; j < w; j++) c[lab[i]][j] += x[i * w + j];
  }
  c.forEach((v, k) => v.forEach((_, j) => (v[j] /= cnt[k])));
  return c;
}

function dist2(a: ArrayLike<number>, ao: number, b: ArrayLike<number>, w: number, scale: ArrayLike<number> | null): number {
  let s = 0;
  for (let j = 0; j < w; j++) {
    const t = (a[ao + j] - b[j]) / (scale ? scale[j] : 1);
    s += t * t;
  }
  return s;
}

/** Share of rows whose nearest class centroid is their own class's. */
function nearestCentroidAccuracy(
  x: Float32Array,
  lab: ArrayLike<number>,
  cents: Float64Array[],
  w: number,
  scale: ArrayLike<number> | null,
): number {
  let ok = 0;
  for (let i = 0; i < lab.length; i++) {
    let best = -1;
    let bd = Infinity;
    cents.forEach((c, k) => {
      const dd = dist2(x, i * w, c, w, scale);
      if (dd < bd) {
        bd = dd;
        best = k;
      }
    });
    if (best === lab[i]) ok++;
  }
  return ok / lab.length;
}

/** Mean distance of each class's rows to their class centroid. */
function classSpread(x: Float32Array, lab: ArrayLike<number>, w: number, scale: ArrayLike<number> | null): number[] {
  const c = centroids(x, lab, w);
  const s = new Array<number>(K).fill(0);
  const cnt = new Array<number>(K).fill(0);
  for (let i = 0; i < lab.length; i++) {
    s[lab[i]] += Math.sqrt(dist2(x, i * w, c[lab[i]], w, scale));
    cnt[lab[i]]++;
  }
  return s.map((v, k) => v / cnt[k]);
}

/** Per-feature standard deviation of the real data (distances in z-units, so no single feature dominates). */
function featureStd(): Float64Array {
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += table.features[i * d + j] / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sd[j] += (table.features[i * d + j] - mean[j]) ** 2 / n;
  return sd.map((v) => Math.sqrt(v) || 1);
}

test("losses move as the paper's Fig. 2 describes", () => {
  assert.equal(log.length, 30);
  const first = log[0];
  const last = log[log.length - 1];
  for (const e of log) for (const v of Object.values(e)) assert.ok(Number.isFinite(v));
  // Reconstruction and classification losses fall.
  assert.ok(last.reconMse < 0.75 * first.reconMse, `recon ${first.reconMse} -> ${last.reconMse}`);
  assert.ok(last.cLoss < 0.1 * first.cLoss, `C loss ${first.cLoss} -> ${last.cLoss}`);
  assert.ok(last.gClsLoss < 0.5 * first.gClsLoss, `G cls loss ${first.gClsLoss} -> ${last.gClsLoss}`);
  // D first learns to separate real from generated codes, then the generator catches up: D's loss rises again
  // from its minimum and its outputs on real and fake codes move back towards 0.5.
  let iMin = 0;
  log.forEach((e, i) => {
    if (e.dLoss < log[iMin].dLoss) iMin = i;
  });
  assert.ok(iMin > 0 && iMin < log.length - 3, `D loss minimum at epoch ${iMin + 1}`);
  assert.ok(last.dLoss > log[iMin].dLoss + 0.15, `D loss ${log[iMin].dLoss} at its minimum -> ${last.dLoss}`);
  const gap = (e: EpochLog): number => e.dReal - e.dFake;
  assert.ok(gap(last) < gap(log[iMin]) - 0.1, `D(real) - D(fake): ${gap(log[iMin])} -> ${gap(last)}`);
  assert.ok(Math.abs(last.dFake - 0.5) < Math.abs(log[iMin].dFake - 0.5), 'D(fake) moves back towards 0.5');
  assert.ok(log.every((e) => e.seconds > 0));
});

test('the auxiliary classifier separates the training classes well above chance', () => {
  const last = log[log.length - 1];
  assert.ok(last.cAcc > 0.9, `training accuracy ${last.cAcc} (chance ${1 / K})`);
  // Real codes of each class cluster: nearest class centroid in the latent space is the true class.
  const codes = model.encode(table.features, n);
  assert.ok(nearestCentroidAccuracy(codes, y, centroids(codes, y, L), L, null) > 0.9);
});

test("generated codes lie near their class's real codes; decoded samples near their class's real centroid", () => {
  const codes = model.encode(table.features, n);
  const labels = model.sampleCounts(null, { perClass: 60 });
  const g = model.generate(labels, 7);
  const realCentroids = centroids(codes, y, L);
  const latentAcc = nearestCentroidAccuracy(g.latent, labels, realCentroids, L, null);
  assert.ok(latentAcc > 0.9, `synthetic codes nearest their own class's real centroid: ${latentAcc}`);
  // Per class: mean distance of synthetic class-k codes to real class-k codes below that to every other class's.
  const fakeCentroids = centroids(g.latent, labels, L);
  for (let k = 0; k < K; k++) {
    const meanDist = (j: number): number => {
      let s = 0;
      let c = 0;
      for (let i = 0; i < n; i++) {
        if (y[i] !== j) continue;
        s += Math.sqrt(dist2(codes, i * L, fakeCentroids[k], L, null));
        c++;
      }
      return s / c;
    };
    const own = meanDist(k);
    for (let j = 0; j < K; j++)
      if (j !== k) assert.ok(own < meanDist(j), `class ${classNames[k]}: own ${own} vs ${classNames[j]} ${meanDist(j)}`);
  }
  const sd = featureStd();
  const featAcc = nearestCentroidAccuracy(g.features, labels, centroids(table.features, y, d), d, sd);
  assert.ok(featAcc > 0.6, `decoded samples nearest their own class's real feature centroid: ${featAcc} (chance ${1 / K})`);
});

test('no mode collapse: per-class spread of synthetic samples is a sizeable fraction of the real spread', () => {
  const labels = model.sampleCounts(null, { perClass: 60 });
  const g = model.generate(labels, 11);
  const sd = featureStd();
  const real = classSpread(table.features, y, d, sd);
  const fake = classSpread(g.features, labels, d, sd);
  const codes = model.encode(table.features, n);
  const realL = classSpread(codes, y, L, null);
  const fakeL = classSpread(g.latent, labels, L, null);
  for (let k = 0; k < K; k++) {
    assert.ok(fake[k] > 0.15 * real[k], `${classNames[k]}: feature spread ${fake[k]} vs real ${real[k]}`);
    assert.ok(fakeL[k] > 0.3 * realL[k], `${classNames[k]}: latent spread ${fakeL[k]} vs real ${realL[k]}`);
  }
  // Distinct rows, not copies of one another.
  const rows = new Set<string>();
  for (let i = 0; i < labels.length; i++) rows.add(g.features.subarray(i * d, i * d + 8).join(','));
  assert.equal(rows.size, labels.length);
});

test('same seed, same samples; another seed, other samples', () => {
  const labels = model.sampleCounts(null, { perClass: 5 });
  const a = model.generate(labels, 42);
  const b = model.generate(labels, 42);
  const c = model.generate(labels, 43);
  assert.deepEqual(a.features, b.features);
  assert.deepEqual(a.latent, b.latent);
  assert.notDeepEqual(a.features, c.features);
  assert.equal(a.features.length, labels.length * d);
});

test('save/load round trip is exact and the folder holds the documented files', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'adan-model-')), 'model');
  model.save(dir, { table: 'IS11' });
  for (const f of ['model.json', 'weights.safetensors', 'normalisation.json', 'training-log.json', 'training-log.csv'])
    assert.ok(existsSync(join(dir, f)), f);
  const loaded = AdanModel.load(dir);
  assert.deepEqual(loaded.classNames, classNames);
  assert.deepEqual(loaded.featureNames, table.featureNames);
  assert.deepEqual(loaded.options, options);
  assert.deepEqual(loaded.log, log);
  const labels = model.sampleCounts(y, { times: 0.2 });
  assert.deepEqual(loaded.generate(labels, 5), model.generate(labels, 5));
  assert.deepEqual(loaded.encode(table.features.subarray(0, 20 * d), 20), model.encode(table.features.subarray(0, 20 * d), 20));
  const mj = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(mj.preset, 'paper');
  assert.deepEqual(mj.classCounts, [...model.classCounts]);
  const tl = JSON.parse(readFileSync(join(dir, 'training-log.json'), 'utf8')) as { preset: string; options: unknown; epochs: EpochLog[] };
  assert.equal(tl.preset, 'paper');
  assert.equal(tl.epochs.length, 30);
  const csv = readFileSync(join(dir, 'training-log.csv'), 'utf8').trim().split('\n');
  assert.equal(csv[0], 'epoch,dLoss,gAdvLoss,gClsLoss,reconMse,cLoss,cAcc,dReal,dFake,seconds');
  assert.equal(csv.length, 31);
  assert.equal(Number(csv[30].split(',')[1]), log[29].dLoss);
  // Saving again over an existing model replaces it (atomically) and leaves no temporary folder behind.
  model.save(dir);
  assert.deepEqual(AdanModel.load(dir).generate(labels, 5), model.generate(labels, 5));
});

test('sample counts: times keeps class proportions, per-class and balance', () => {
  const counts = model.classCounts;
  assert.deepEqual(
    counts,
    [...encodeLabels(table, 'label', 'x').y].reduce((c, k) => (c[k]++, c), new Array<number>(K).fill(0)),
  );
  const t = model.sampleCounts(y, { times: 2 });
  assert.equal(t.length, 2 * n);
  for (let k = 0; k < K; k++) assert.equal(t.filter((v) => v === k).length, 2 * counts[k]);
  assert.equal(model.sampleCounts(null, { perClass: 3 }).length, 3 * K);
  const b = model.sampleCounts(null, { balance: true });
  const max = Math.max(...counts);
  for (let k = 0; k < K; k++) assert.equal(b.filter((v) => v === k).length, max - counts[k]);
});

test('augmentTable: same columns, label and synthetic metadata; the CSV reads back exactly', () => {
  const syn = augmentTable(model, { perClass: 4 }, 9);
  assert.deepEqual(syn.featureNames, table.featureNames);
  assert.equal(syn.ids.length, 4 * K);
  assert.deepEqual(syn.meta.synthetic, new Array(4 * K).fill('1'));
  assert.deepEqual(syn.meta.label.slice(0, 4), new Array(4).fill(classNames[0]));
  const file = join(mkdtempSync(join(tmpdir(), 'adan-aug-')), 'synthetic.csv');
  writeTableCsv(file, syn, ['label', 'synthetic']);
  const back = readCsvTable(file);
  assert.deepEqual(back.featureNames, table.featureNames);
  assert.deepEqual(back.features, syn.features);
  assert.deepEqual(back.meta.label, syn.meta.label);
  assert.deepEqual(back.meta.synthetic, syn.meta.synthetic);
});
