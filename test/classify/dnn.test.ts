import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DnnClassifier } from '../../src/classify/dnn.js';
import { loadEmodbIs11, losoEvaluate, normaliseFold } from './emodb-loso.js';

const data = loadEmodbIs11();

test('DNN (authors: 100-100 tanh, dropout 0.5, 20 epochs, batch 50, Adam 1e-3) on EmoDB IS11 LOSO is in the high 70s', () => {
  const r = losoEvaluate(data, (fold) => new DnnClassifier({}, 1 + fold));
  // Paper: 80.19% WA with corpus-wide (leaky) normalisation; honest per-fold normalisation measured 77.94 / 76.30
  // (spec 5's PyTorch run: 79.81 with ReLU). Chance is 23.7% (majority class); the band allows seed spread.
  assert.ok(r.wa > 74 && r.wa < 84, `WA ${r.wa.toFixed(2)}`);
  assert.ok(r.uar > 71 && r.uar < 83, `UAR ${r.uar.toFixed(2)}`);
});

test('DNN training is deterministic for a seed and differs between seeds', () => {
  const train: number[] = [];
  const testRows: number[] = [];
  for (let i = 0; i < data.rows; i++) (data.speaker[i] === '03' ? testRows : train).push(i);
  const n = normaliseFold(data.x, data.cols, train, testRows);
  const y = Int32Array.from(train, (i) => data.y[i]);
  const run = (seed: number): { p: Float32Array; loss: number[] } => {
    const c = new DnnClassifier({ activation: 'relu', epochs: 5 }, seed).fit(n.train, train.length, n.cols, y, data.classes.length);
    return { p: c.decisionFunction(n.test, testRows.length), loss: c.lossHistory };
  };
  const a = run(7);
  const b = run(7);
  const c = run(8);
  assert.deepEqual(a.p, b.p);
  assert.deepEqual(a.loss, b.loss);
  assert.notDeepEqual(a.p, c.p);
  assert.ok(a.loss[4] < a.loss[0], `training loss falls: ${a.loss.map((v) => v.toFixed(3)).join(' ')}`);
  for (let r = 0; r < testRows.length; r++) {
    let s = 0;
    for (let k = 0; k < data.classes.length; k++) s += a.p[r * data.classes.length + k];
    assert.ok(Math.abs(s - 1) < 1e-5, 'probabilities sum to 1');
  }
});
