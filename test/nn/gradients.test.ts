// Finite-difference gradient checks for every layer type, activation, loss and the WGAN-GP penalty, on both kernel sets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bceWithLogitsLoss,
  BatchNorm,
  Dropout,
  inputGradientPenalty,
  jsKernels,
  mlpSpec,
  mseLoss,
  Rng,
  Sequential,
  softmaxCrossEntropyLoss,
  type ActivationName,
  type Matrix,
  type SequentialSpec,
} from '../../src/nn/index.js';
import { checkGrad, dot, kernelSets, randomMatrix } from './grad-check.js';

const ACTIVATIONS: ActivationName[] = ['linear', 'tanh', 'relu', 'leakyRelu', 'sigmoid', 'softmax'];

/** Checks d sum(c .* net(x)) / d{params, x} of a net in train mode. */
function checkNet(label: string, net: Sequential, x: Matrix, seed: number, prepare: () => void = () => {}): void {
  const rng = new Rng(seed);
  const c = new Float32Array(x.rows * net.outputs);
  rng.fillNormal(c);
  net.zeroGrad();
  prepare();
  const y = net.forward(x, 'train');
  const dx = net.backward({ rows: y.rows, cols: y.cols, data: c }).data.slice();
  const f = (): number => {
    prepare();
    return dot(net.forward(x, 'train'), c);
  };
  for (const p of net.params()) checkGrad(`${label} ${p.name}`, f, p.value, p.grad.slice());
  checkGrad(`${label} x`, f, x.data, dx);
}

for (const k of kernelSets()) {
  test(`[${k.name}] dense layer: gradients of W, b and x`, () => {
    const rng = new Rng(1);
    const net = new Sequential({ inputs: 5, layers: [{ type: 'dense', units: 4 }] }, rng, k);
    checkNet('dense', net, randomMatrix(rng, 6, 5), 2);
  });

  for (const fn of ACTIVATIONS) {
    test(`[${k.name}] activation ${fn}: standalone and fused after dense`, () => {
      const rng = new Rng(3);
      // standalone: inputs kept away from 0 so the ReLU kinks are not crossed by the finite difference
      const x = randomMatrix(rng, 5, 4);
      for (let i = 0; i < x.data.length; i++) x.data[i] = Math.sign(x.data[i] || 1) * (0.1 + Math.abs(x.data[i]));
      const alone = new Sequential({ inputs: 4, layers: [{ type: 'activation', fn, slope: 0.3 }] }, rng, k);
      checkNet(`${fn}`, alone, x, 4);
      const fused = new Sequential(
        {
          inputs: 4,
          layers: [
            { type: 'dense', units: 6 },
            { type: 'activation', fn },
          ],
        },
        rng,
        k,
      );
      checkNet(`dense+${fn}`, fused, randomMatrix(rng, 5, 4), 5);
    });
  }

  test(`[${k.name}] batch norm (train mode): gradients of gamma, beta and x`, () => {
    const rng = new Rng(6);
    const net = new Sequential({ inputs: 4, layers: [{ type: 'batchNorm' }] }, rng, k);
    const bn = net.layers[0] as BatchNorm;
    rng.fillNormal(bn.gamma.value, 1, 0.3);
    rng.fillNormal(bn.beta.value, 0, 0.3);
    checkNet('batchNorm', net, randomMatrix(rng, 8, 4, 2), 7);
  });

  test(`[${k.name}] batch norm (eval mode): backward through the running statistics`, () => {
    const rng = new Rng(8);
    const net = new Sequential({ inputs: 3, layers: [{ type: 'batchNorm', momentum: 0.5 }] }, rng, k);
    const bn = net.layers[0] as BatchNorm;
    net.forward(randomMatrix(rng, 10, 3, 2), 'train'); // moves the running stats away from 0/1
    rng.fillNormal(bn.gamma.value, 1, 0.3);
    const x = randomMatrix(rng, 4, 3);
    const c = new Float32Array(12);
    rng.fillNormal(c);
    net.zeroGrad();
    net.forward(x, 'eval');
    const dx = net.backward({ rows: 4, cols: 3, data: c }).data.slice();
    const f = (): number => dot(net.forward(x, 'eval'), c);
    checkGrad('bn eval x', f, x.data, dx);
    checkGrad('bn eval gamma', f, bn.gamma.value, bn.gamma.grad.slice());
  });

  test(`[${k.name}] dropout with a fixed mask: gradient of x`, () => {
    const rng = new Rng(9);
    const net = new Sequential(
      {
        inputs: 6,
        layers: [
          { type: 'dense', units: 5 },
          { type: 'dropout', rate: 0.4 },
        ],
      },
      rng,
      k,
    );
    const drop = net.layers[1] as Dropout;
    const saved = drop.rng.getState();
    checkNet('dropout', net, randomMatrix(rng, 7, 6), 10, () => {
      drop.rng = Rng.fromState(saved);
    });
    const mask = drop.lastMask();
    assert.ok(mask);
    const kept = Array.from(mask).filter((v) => v !== 0);
    assert.ok(kept.length > 5 && kept.length < mask.length, 'some units dropped, some kept');
    for (const v of kept) assert.ok(Math.abs(v - 1 / 0.6) < 1e-6, 'kept units are scaled by 1/(1-rate)');
  });

  test(`[${k.name}] whole MLP (tanh, batch norm, dropout, softmax cross-entropy): all parameter gradients`, () => {
    const rng = new Rng(11);
    const net = new Sequential(
      mlpSpec({ inputs: 5, hidden: [7, 6], outputs: 3, activation: 'tanh', outputActivation: 'linear', batchNorm: true, dropout: 0.2 }),
      rng,
      k,
    );
    const drops = net.layers.filter((l): l is Dropout => l instanceof Dropout);
    const saved = drops.map((d) => d.rng.getState());
    const reset = (): void => drops.forEach((d, i) => (d.rng = Rng.fromState(saved[i])));
    const x = randomMatrix(rng, 9, 5);
    const labels = new Int32Array([0, 1, 2, 0, 1, 2, 2, 1, 0]);
    const loss = (): number => {
      reset();
      return softmaxCrossEntropyLoss(net.forward(x, 'train'), labels).loss;
    };
    net.zeroGrad();
    reset();
    const out = net.forward(x, 'train');
    const dx = net.backward(softmaxCrossEntropyLoss(out, labels).grad).data.slice();
    for (const p of net.params()) checkGrad(`mlp ${p.name}`, loss, p.value, p.grad.slice(), { h: 1e-2, atol: 5e-4 });
    checkGrad('mlp x', loss, x.data, dx, { atol: 5e-4 });
  });

  test(`[${k.name}] backward options: paramGrads false leaves Param.grad alone, inputGrad false skips dL/dx`, () => {
    const rng = new Rng(12);
    const net = new Sequential(mlpSpec({ inputs: 4, hidden: [5], outputs: 2, activation: 'tanh', outputActivation: 'linear' }), rng, k);
    const x = randomMatrix(rng, 3, 4);
    const dy = randomMatrix(rng, 3, 2);
    net.zeroGrad();
    net.forward(x, 'train');
    const withGrads = net.backward(dy).data.slice();
    const grads = net.params().map((p) => p.grad.slice());
    net.forward(x, 'train');
    const frozen = net.backward(dy, { paramGrads: false }).data.slice();
    assert.deepEqual(frozen, withGrads, 'same dL/dx');
    net.params().forEach((p, i) => assert.deepEqual(p.grad, grads[i], `${p.name} unchanged`));
    net.forward(x, 'train');
    const none = net.backward(dy, { inputGrad: false });
    assert.equal(none.rows, 0);
    net.params().forEach((p, i) => {
      for (let j = 0; j < p.grad.length; j++)
        assert.ok(Math.abs(p.grad[j] - 2 * grads[i][j]) <= 1e-6 * (1 + Math.abs(grads[i][j])), `${p.name} accumulated twice`);
    });
  });

  test(`[${k.name}] WGAN-GP input-gradient penalty: parameter and input gradients (double backprop)`, () => {
    for (const [act, out] of [
      ['tanh', 'linear'],
      ['sigmoid', 'sigmoid'],
      ['leakyRelu', 'tanh'],
    ] as const) {
      const rng = new Rng(13);
      const spec: SequentialSpec = mlpSpec({ inputs: 4, hidden: [6, 5], outputs: 1, activation: act, outputActivation: out });
      const net = new Sequential(spec, rng, k);
      // gradient norms away from 1
      for (const p of net.params()) if (p.name.endsWith('weight')) for (let i = 0; i < p.value.length; i++) p.value[i] *= 1.5;
      const x = randomMatrix(rng, 5, 4, 0.5);
      for (const v of net.forward(x, 'eval').data) {
        const sat = out === 'tanh' ? Math.abs(v) > 0.98 : out === 'sigmoid' ? v < 0.02 || v > 0.98 : !Number.isFinite(v);
        assert.ok(!sat, `output ${v} saturated (the check would be vacuous)`);
      }
      net.zeroGrad();
      const r = inputGradientPenalty(net, x, 10);
      assert.ok(r.penalty > 0);
      const gx = r.gradInput.data.slice();
      // the numeric side always evaluates with the js kernels (float64 math, one rounding per op) on the same weights:
      // second derivatives amplify float32 noise, and js/native agreement is checked in kernels.test.ts
      const ref = new Sequential(spec, new Rng(0), jsKernels());
      const f = (): number => {
        ref.loadState(net.state());
        return inputGradientPenalty(ref, x, 10, { paramGrads: false }).penalty;
      };
      for (const p of net.params())
        checkGrad(`gp(${act}) ${p.name}`, f, p.value, p.grad.slice(), { h: 1e-2, atol: 2e-3, richardson: true });
      checkGrad(`gp(${act}) x`, f, x.data, gx, { h: 1e-2, atol: 2e-3, richardson: true });
    }
  });
}

test('mse loss: value and gradient (mean over all elements)', () => {
  const rng = new Rng(20);
  const p = randomMatrix(rng, 4, 3);
  const t = randomMatrix(rng, 4, 3);
  const r = mseLoss(p, t);
  let ref = 0;
  for (let i = 0; i < 12; i++) ref += (p.data[i] - t.data[i]) ** 2;
  assert.ok(Math.abs(r.loss - ref / 12) < 1e-9);
  checkGrad('mse', () => mseLoss(p, t).loss, p.data, r.grad.data.slice(), { h: 1e-3, atol: 1e-5 });
});

test('BCE with logits: stable values, scalar/per-element targets, per-row/per-element weights', () => {
  const rng = new Rng(21);
  assert.ok(Math.abs(bceWithLogitsLoss({ rows: 1, cols: 1, data: new Float32Array([0]) }, 1).loss - Math.log(2)) < 1e-12);
  const big = bceWithLogitsLoss({ rows: 2, cols: 1, data: new Float32Array([200, -200]) }, new Float32Array([0, 1]));
  assert.ok(Number.isFinite(big.loss) && Math.abs(big.loss - 200) < 1e-9, 'no overflow for large logits');
  const z = randomMatrix(rng, 5, 2, 2);
  const t = new Float32Array(10).map((_, i) => (i % 3 === 0 ? 1 : i % 3 === 1 ? 0 : 0.3));
  const wRow = new Float32Array([1, 2, 0.5, 3, 1]);
  const wEl = new Float32Array(10).map((_, i) => 0.5 + i / 10);
  for (const [label, target, w] of [
    ['scalar', 1, undefined],
    ['elements', t, undefined],
    ['row weights', t, wRow],
    ['element weights', 0, wEl],
  ] as const) {
    const r = bceWithLogitsLoss(z, target, w);
    checkGrad(`bce ${label}`, () => bceWithLogitsLoss(z, target, w).loss, z.data, r.grad.data.slice(), { h: 1e-3, atol: 1e-5 });
  }
});

test('softmax cross-entropy: integer, one-hot and soft labels, class weights', () => {
  const rng = new Rng(22);
  const z = randomMatrix(rng, 4, 3, 2);
  const labels = new Int32Array([2, 0, 1, 2]);
  const onehot: Matrix = { rows: 4, cols: 3, data: new Float32Array(12) };
  labels.forEach((y, i) => (onehot.data[i * 3 + y] = 1));
  const soft: Matrix = { rows: 4, cols: 3, data: new Float32Array([0.2, 0.3, 0.5, 1, 0, 0, 0.1, 0.8, 0.1, 0.3, 0.3, 0.4]) };
  const cw = new Float32Array([0.5, 2, 1.5]);
  const uniform = softmaxCrossEntropyLoss({ rows: 1, cols: 4, data: new Float32Array(4) }, new Int32Array([3]));
  assert.ok(Math.abs(uniform.loss - Math.log(4)) < 1e-12);
  const a = softmaxCrossEntropyLoss(z, labels, cw);
  const b = softmaxCrossEntropyLoss(z, onehot, cw);
  assert.ok(Math.abs(a.loss - b.loss) < 1e-9, 'one-hot matrix = integer labels');
  for (const [label, y, w] of [
    ['int', labels, undefined],
    ['int weighted', labels, cw],
    ['soft', soft, undefined],
    ['soft weighted', soft, cw],
  ] as const) {
    const r = softmaxCrossEntropyLoss(z, y, w);
    checkGrad(`ce ${label}`, () => softmaxCrossEntropyLoss(z, y, w).loss, z.data, r.grad.data.slice(), { h: 1e-3, atol: 1e-5 });
  }
  // weighted loss = sum_i w[y_i] * CE_i / n
  const plain = softmaxCrossEntropyLoss(z, labels);
  let ref = 0;
  for (let i = 0; i < 4; i++) ref += cw[labels[i]] * -Math.log(plain.probs.data[i * 3 + labels[i]]);
  assert.ok(Math.abs(a.loss - ref / 4) < 1e-6);
});

test('batch norm on a batch of one row (train mode): output beta, zero input gradient, biased running variance (as Keras)', () => {
  for (const k of kernelSets()) {
    const net = new Sequential({ inputs: 3, layers: [{ type: 'batchNorm', momentum: 0.9 }] }, new Rng(1), k);
    const bn = net.layers[0] as BatchNorm;
    bn.beta.value.set([0.5, -1, 2]);
    const y = net.forward({ rows: 1, cols: 3, data: new Float32Array([1, 2, 3]) }, 'train');
    assert.deepEqual(Array.from(y.data), [0.5, -1, 2]);
    const dx = net.backward({ rows: 1, cols: 3, data: new Float32Array([1, 2, 3]) });
    assert.deepEqual(Array.from(dx.data), [0, 0, 0]);
    assert.deepEqual(
      Array.from(bn.runningMean),
      [0.1, 0.2, 0.3].map((v) => Math.fround(v)),
    );
    assert.deepEqual(
      Array.from(bn.runningVar),
      [0.9, 0.9, 0.9].map((v) => Math.fround(v)),
    );
  }
});
