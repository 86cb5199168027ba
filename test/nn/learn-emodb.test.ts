// A small network learns a real task: EmoDB openSMILE IS11 functionals (z-normalised) -> the 7 emotion labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readCsvTable } from '../../src/data/read-table.js';
import { withEmodbMeta } from '../../src/data/emodb-names.js';
import { metaColumn } from '../../src/data/table.js';
import { sharedDir } from '../../src/util/paths.js';
import { Adam, activeKernels, mlpSpec, Rng, Sequential, softmaxCrossEntropyLoss, type Matrix } from '../../src/nn/index.js';

test(`MLP fits EmoDB IS11 features to the 7 emotions (training accuracy > 90%, kernels: ${activeKernels().name})`, (t) => {
  const table = withEmodbMeta(readCsvTable(join(sharedDir(), 'data/emodb/opensmile/IS11.csv')));
  const n = table.ids.length,
    d = table.featureNames.length;
  assert.equal(n, 535);
  assert.equal(d, 4368);
  const labels = metaColumn(table, 'label');
  const classes = [...new Set(labels)].sort();
  assert.equal(classes.length, 7);
  const y = Int32Array.from(labels, (l) => classes.indexOf(l));
  // z-normalise each feature (constant features -> 0)
  const x = new Float32Array(table.features);
  for (let j = 0; j < d; j++) {
    let s = 0,
      q = 0;
    for (let i = 0; i < n; i++) s += x[i * d + j];
    const mean = s / n;
    for (let i = 0; i < n; i++) q += (x[i * d + j] - mean) ** 2;
    const std = Math.sqrt(q / n);
    for (let i = 0; i < n; i++) x[i * d + j] = std > 0 ? (x[i * d + j] - mean) / std : 0;
  }
  const rng = new Rng(2024);
  const net = new Sequential(
    mlpSpec({ inputs: d, hidden: [64], outputs: 7, activation: 'tanh', outputActivation: 'linear', dropout: 0.2 }),
    rng,
  );
  const opt = new Adam(net.params(), { lr: 1e-3 });
  const batch = 32;
  const xb: Matrix = { rows: batch, cols: d, data: new Float32Array(batch * d) };
  const yb = new Int32Array(batch);
  const accuracy = (): number => {
    const out = net.forward({ rows: n, cols: d, data: x }, 'eval');
    let ok = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < 7; c++) if (out.data[i * 7 + c] > out.data[i * 7 + best]) best = c;
      if (best === y[i]) ok++;
    }
    return ok / n;
  };
  const before = accuracy();
  for (let epoch = 0; epoch < 6; epoch++) {
    const perm = rng.permutation(n);
    for (let s = 0; s + batch <= n; s += batch) {
      for (let b = 0; b < batch; b++) {
        const i = perm[s + b];
        xb.data.set(x.subarray(i * d, (i + 1) * d), b * d);
        yb[b] = y[i];
      }
      opt.zeroGrad();
      const out = net.forward(xb, 'train');
      net.backward(softmaxCrossEntropyLoss(out, yb).grad, { inputGrad: false });
      opt.step();
    }
  }
  const after = accuracy();
  t.diagnostic(`training accuracy: before ${before.toFixed(3)}, after 6 epochs ${after.toFixed(3)}`);
  assert.ok(before < 0.4, `untrained accuracy near chance (${before})`);
  assert.ok(after > 0.9, `training accuracy after 6 epochs: ${after}`);
});
