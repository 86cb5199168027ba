import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adanOptions, perturbInLatent, type AdanModel } from '../../src/adan/index.js';
import { AdanAugmenter } from '../../src/augment/adan.js';
import { AdanMixupAugmenter } from '../../src/augment/adan-mixup.js';
import { AdanCoverAugmenter } from '../../src/augment/adan-cover.js';
import { crossSpeakerPairs, mixRows } from '../../src/augment/cross-speaker-pairs.js';
import { Rng } from '../../src/nn/index.js';
import type { Dataset } from '../../src/data/dataset.js';

// 60 seeded rows of 12 features, 3 classes shifted apart, 3 speakers; ADAN reduced to a few units and 2 epochs.
const rows = 60;
const cols = 12;
function data(): Dataset {
  const x = new Float32Array(rows * cols);
  new Rng(4).fillNormal(x);
  const y = Int32Array.from({ length: rows }, (_, i) => i % 3);
  for (let i = 0; i < rows; i++) x[i * cols + y[i]] += 3;
  return { x, rows, cols, y, classes: 3, groups: Array.from({ length: rows }, (_, i) => `s${Math.floor(i / 20)}`) };
}
const adan = adanOptions('paper', {
  epochs: 2,
  batchSize: 16,
  encoderHidden: [16],
  decoderHidden: [16],
  classifierHidden: [8],
  generatorHidden: [8],
  discriminatorHidden: [8],
  latent: 4,
  noise: 4,
});
const ctx = { adan, classNames: ['a', 'b', 'c'], featureNames: Array.from({ length: cols }, (_, j) => `f${j}`) };

function weights(m: AdanModel): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [name, net] of Object.entries(m.internals.nets)) for (const [k, v] of Object.entries(net.state())) out[name + k] = [...v];
  return out;
}

test('adan-mixup: decoded mixes of the codes of same-class pairs of different speakers; shapes and determinism', () => {
  const d = data();
  const aug = new AdanMixupAugmenter(ctx, 3);
  const r = aug.fitResample(d);
  assert.equal(r.rows, 2 * rows, 'one synthetic row per real row by default');
  const model = aug.model!;
  const pairs = crossSpeakerPairs(d.y, d.groups!, 3, [20, 20, 20], 0.4, 3);
  for (let i = 0; i < pairs.y.length; i++) assert.notEqual(d.groups![pairs.a[i]], d.groups![pairs.b[i]]);
  const expected = model.decode(mixRows(model.encode(d.x, rows), 4, pairs), pairs.y.length);
  assert.deepEqual(r.x.subarray(rows * cols), expected);
  assert.deepEqual(r.y.subarray(rows), pairs.y);
  assert.deepEqual(new AdanMixupAugmenter(ctx, 3).fitResample(d).x, r.x, 'same seed, same rows');
  assert.throws(() => new AdanMixupAugmenter({ ...ctx, alpha: -1 }), /adan-mixup augmenter: alpha/);
});

test('adan-mixup and adan-cover train the very same ADAN as the adan augmenter (the paper presets are untouched)', () => {
  const d = data();
  const plain = new AdanAugmenter({ ...ctx, count: { times: 1 } }, 5);
  plain.fitResample(d);
  for (const aug of [new AdanMixupAugmenter(ctx, 5), new AdanCoverAugmenter(ctx, 5)]) {
    aug.fitResample(d);
    assert.deepEqual(weights(aug.model!), weights(plain.model!), aug.name);
    assert.deepEqual(aug.model!.options, adan);
  }
});

test('adan-cover: options validated by its schema; scale 0 gives each real row back once, or its reconstruction', () => {
  assert.throws(() => new AdanCoverAugmenter({ ...ctx, latentScale: -0.5 }), /adan-cover augmenter: latentScale/);
  assert.throws(() => new AdanCoverAugmenter({ ...ctx, residual: 'yes' as unknown as boolean }), /adan-cover augmenter: residual/);
  const dflt = new AdanCoverAugmenter(ctx, 1);
  assert.equal(dflt.latentScale, 0.5);
  assert.equal(dflt.residual, true);
  assert.deepEqual(dflt.options.count, { times: 1 });
  const d = data();
  const copies = new AdanCoverAugmenter({ ...ctx, latentScale: 0 }, 2).fitResample(d);
  const real = new Set(Array.from({ length: rows }, (_, i) => [...d.x.subarray(i * cols, (i + 1) * cols)].join(',') + '|' + d.y[i]));
  const seen = new Set<string>();
  for (let i = rows; i < copies.rows; i++) seen.add([...copies.x.subarray(i * cols, (i + 1) * cols)].join(',') + '|' + copies.y[i]);
  assert.deepEqual(seen, real, 'x + R(E(x)) - R(E(x)) is x exactly, every row once');
  const aug = new AdanCoverAugmenter({ ...ctx, latentScale: 0, residual: false }, 2);
  const recon = aug.fitResample(d);
  const m = aug.model!;
  const rec = m.decode(m.encode(d.x, rows), rows);
  for (let i = rows; i < recon.rows; i++) {
    const row = recon.x.subarray(i * cols, (i + 1) * cols);
    // The reconstruction of some real row of the same class (to float rounding: the batches differ in order).
    const match = [...Array(rows).keys()].find((r) => row.every((v, j) => Math.abs(v - rec[r * cols + j]) < 1e-5));
    assert.ok(match !== undefined && d.y[match] === recon.y[i], `row ${i}`);
  }
});

test("perturbInLatent moves codes by noise of `scale` x the class's latent std, reproducibly", () => {
  const d = data();
  const aug = new AdanCoverAugmenter({ ...ctx, latentScale: 0 }, 2);
  aug.fitResample(d);
  const m = aug.model!;
  const base = Int32Array.from({ length: 3000 }, (_, i) => i % rows);
  const codes = m.encode(d.x, rows);
  const out = perturbInLatent(m, d.x, d.y, base, { scale: 0.5, residual: false }, 9);
  assert.equal(out.features.length, 3000 * cols);
  assert.deepEqual(perturbInLatent(m, d.x, d.y, base, { scale: 0.5, residual: false }, 9).features, out.features);
  // Per class and axis: the displacement's std over the draws is 0.5 x the std of that class's codes.
  for (let c = 0; c < 3; c++) {
    for (let j = 0; j < 4; j++) {
      const own = [...Array(rows).keys()].filter((r) => d.y[r] === c).map((r) => codes[r * 4 + j]);
      const mu = own.reduce((s, v) => s + v, 0) / own.length;
      const sd = Math.sqrt(own.reduce((s, v) => s + (v - mu) ** 2, 0) / own.length);
      const moves = [...base.keys()].filter((i) => d.y[base[i]] === c).map((i) => out.latent[i * 4 + j] - codes[base[i] * 4 + j]);
      const msd = Math.sqrt(moves.reduce((s, v) => s + v * v, 0) / moves.length);
      assert.ok(Math.abs(msd / sd - 0.5) < 0.05, `class ${c} axis ${j}: ${msd / sd}`);
    }
  }
  assert.throws(() => perturbInLatent(m, d.x, d.y, Int32Array.from([rows]), { scale: 0.5, residual: true }, 1), /base row/);
});
