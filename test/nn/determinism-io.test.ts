// Same seed -> same numbers; Adam resume is exact; safetensors save/load round trips (checked by an independent parser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  Adam,
  BatchNorm,
  Dropout,
  loadSafetensors,
  loadSequential,
  mlpSpec,
  Rng,
  saveSafetensors,
  saveSequential,
  Sequential,
  softmaxCrossEntropyLoss,
  type Matrix,
} from '../../src/nn/index.js';

const SPEC = mlpSpec({
  inputs: 12,
  hidden: [16, 8],
  outputs: 4,
  activation: 'leakyRelu',
  outputActivation: 'linear',
  batchNorm: true,
  dropout: 0.25,
});

function data(seed: number, rows: number): { x: Matrix; y: Int32Array } {
  const rng = new Rng(seed);
  const x: Matrix = { rows, cols: 12, data: new Float32Array(rows * 12) };
  rng.fillNormal(x.data);
  const y = new Int32Array(rows).map(() => rng.int(4));
  return { x, y };
}

function train(net: Sequential, opt: Adam, steps: number, from = 0): void {
  for (let s = from; s < from + steps; s++) {
    const { x, y } = data(100 + s, 16);
    opt.zeroGrad();
    const out = net.forward(x, 'train');
    net.backward(softmaxCrossEntropyLoss(out, y).grad);
    opt.step();
  }
}

test('Rng: same seed same stream, documented ranges, fork and state round trip', () => {
  const a = new Rng(42),
    b = new Rng(42);
  const sa = Array.from({ length: 100 }, () => a.uint32());
  assert.deepEqual(
    sa,
    Array.from({ length: 100 }, () => b.uint32()),
  );
  assert.notDeepEqual(
    sa,
    Array.from({ length: 100 }, () => new Rng(43).uint32()),
  );
  const r = new Rng(7);
  let mean = 0,
    sq = 0;
  const n = 20000;
  for (let i = 0; i < n; i++) {
    const u = r.uniform();
    assert.ok(u >= 0 && u < 1);
    const z = r.normal();
    mean += z;
    sq += z * z;
  }
  assert.ok(Math.abs(mean / n) < 0.03 && Math.abs(sq / n - 1) < 0.05, 'normal has mean 0, variance 1');
  const counts = new Array(5).fill(0);
  for (let i = 0; i < 5000; i++) counts[r.int(5)]++;
  for (const c of counts) assert.ok(c > 850 && c < 1150, `int(5) roughly uniform: ${counts.join(',')}`);
  const p = r.permutation(50);
  assert.deepEqual(
    Array.from(p).sort((x, y) => x - y),
    Array.from({ length: 50 }, (_, i) => i),
  );
  const st = r.getState();
  const next = [r.uint32(), r.uint32()];
  const back = Rng.fromState(st);
  assert.deepEqual([back.uint32(), back.uint32()], next);
  const f1 = new Rng(1).fork('noise'),
    f2 = new Rng(1).fork('noise'),
    f3 = new Rng(1).fork('z');
  const v1 = f1.uint32();
  assert.equal(v1, f2.uint32());
  assert.notEqual(v1, f3.uint32());
  // the documented algorithm (splitmix32 seeding, xoshiro128**), values from an independent Python implementation
  const ref = new Rng(12345);
  assert.deepEqual(ref.getState(), [1200724404, 818072533, 996137225, 2397394836]);
  assert.deepEqual([ref.uint32(), ref.uint32(), ref.uint32(), ref.uint32()], [518667457, 440444462, 4232892992, 3757857622]);
});

test('same seed -> identical weights and BN statistics after N training steps (with dropout and batch norm)', () => {
  const n1 = new Sequential(SPEC, new Rng(5));
  const n2 = new Sequential(SPEC, new Rng(5));
  train(n1, new Adam(n1.params(), { lr: 1e-2 }), 8);
  train(n2, new Adam(n2.params(), { lr: 1e-2 }), 8);
  const s1 = n1.state(),
    s2 = n2.state();
  assert.deepEqual(Object.keys(s1), Object.keys(s2));
  for (const k of Object.keys(s1)) assert.deepEqual(s1[k], s2[k], `tensor ${k}`);
  const n3 = new Sequential(SPEC, new Rng(6));
  assert.notDeepEqual(n3.state()['0.weight'], s1['0.weight'], 'a different seed gives different weights');
});

test('Adam state round trip: resuming from a checkpoint gives the uninterrupted result exactly', () => {
  const full = new Sequential(SPEC, new Rng(9));
  const fullOpt = new Adam(full.params(), { lr: 5e-3, beta1: 0.5 });
  train(full, fullOpt, 10);
  const part = new Sequential(SPEC, new Rng(9));
  const partOpt = new Adam(part.params(), { lr: 5e-3, beta1: 0.5 });
  train(part, partOpt, 5);
  const netState = Object.fromEntries(Object.entries(part.state()).map(([k, v]) => [k, v.slice()]));
  const optState = partOpt.state();
  const dropState = part.layers.map((l) => (l instanceof Dropout ? l.rng.getState() : null));
  const resumed = new Sequential(SPEC, new Rng(123));
  resumed.loadState(netState);
  resumed.layers.forEach((l, i) => {
    const s = dropState[i];
    if (s && l instanceof Dropout) l.rng = Rng.fromState(s);
  });
  const resumedOpt = new Adam(resumed.params(), { lr: 5e-3, beta1: 0.5 });
  resumedOpt.loadState(optState);
  assert.equal(resumedOpt.stepCount, 5);
  train(resumed, resumedOpt, 5, 5);
  const a = full.state(),
    b = resumed.state();
  for (const k of Object.keys(a)) assert.deepEqual(b[k], a[k], `tensor ${k}`);
});

/** An independent reading of the safetensors layout (not using the engine's loader). */
function parseSafetensors(path: string): {
  header: Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }> & { __metadata__?: Record<string, string> };
  body: Buffer;
} {
  const buf = readFileSync(path);
  const n = Number(buf.readBigUInt64LE(0));
  assert.equal(n % 8, 0, 'header padded to 8 bytes');
  const header = JSON.parse(buf.subarray(8, 8 + n).toString('utf8'));
  return { header, body: buf.subarray(8 + n) };
}

test('saveSequential -> loadSequential: identical outputs, BN running stats kept, valid safetensors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-nn-'));
  const net = new Sequential(SPEC, new Rng(11));
  train(net, new Adam(net.params(), { lr: 1e-2 }), 6);
  const bn = net.layers.find((l): l is BatchNorm => l instanceof BatchNorm);
  assert.ok(bn && bn.runningMean.some((v) => v !== 0) && bn.runningVar.some((v) => v !== 1), 'running stats moved');
  const file = join(dir, 'net.safetensors');
  saveSequential(file, net);
  const loaded = loadSequential(file);
  const { x } = data(999, 10);
  assert.deepEqual(loaded.forward(x, 'eval').data, net.forward(x, 'eval').data);
  assert.deepEqual(loaded.spec, net.spec);
  const lb = loaded.layers[bn.index] as BatchNorm;
  assert.deepEqual(lb.runningMean, bn.runningMean);
  assert.deepEqual(lb.runningVar, bn.runningVar);

  const { header, body } = parseSafetensors(file);
  assert.equal(header.__metadata__?.format, 'adan-sequential');
  assert.deepEqual(JSON.parse(header.__metadata__!.spec), SPEC);
  const state = net.state();
  const names = Object.keys(header).filter((k) => k !== '__metadata__');
  assert.deepEqual(names.sort(), Object.keys(state).sort());
  assert.deepEqual(header['0.weight'].shape, [16, 12], 'dense weight is [out, in] like torch.nn.Linear');
  let end = 0;
  for (const name of names) {
    const e = header[name];
    assert.equal(e.dtype, 'F32');
    const count = e.shape.reduce((a: number, b: number) => a * b, 1);
    assert.equal(e.data_offsets[1] - e.data_offsets[0], count * 4);
    end = Math.max(end, e.data_offsets[1]);
    for (let i = 0; i < count; i++) assert.equal(body.readFloatLE(e.data_offsets[0] + 4 * i), state[name][i], `${name}[${i}]`);
  }
  assert.equal(end, body.length, 'no trailing bytes');
});

test('safetensors: raw round trip with metadata, errors name the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-st-'));
  const file = join(dir, 't.safetensors');
  const tensors = {
    a: { shape: [2, 3], data: new Float32Array([1, 2, 3, 4, 5, -6.5]) },
    'b.c': { shape: [1], data: new Float32Array([Math.PI]) },
  };
  saveSafetensors(file, tensors, { note: 'x' });
  const back = loadSafetensors(file);
  assert.deepEqual(back.metadata, { note: 'x' });
  assert.deepEqual(back.tensors.a, tensors.a);
  assert.deepEqual(back.tensors['b.c'].data, tensors['b.c'].data);
  assert.throws(() => saveSafetensors(file, { bad: { shape: [4], data: new Float32Array(3) } }), /3 values/);
  assert.throws(
    () => loadSequential(file),
    (e: Error) => e.message.startsWith(file) && /not an adan network/.test(e.message),
  );
});

test('ADAN_BACKEND=native with a missing addon is a clear error; ADAN_BACKEND=js selects the js kernels', () => {
  const mod = new URL('../../src/nn/backend.js', import.meta.url).href;
  const script =
    `import(${JSON.stringify(mod)}).then((m) => { try { console.log(m.backendName()); ` +
    `} catch (e) { console.log('ERR ' + e.message); } });`;
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, [...process.execArgv, '--input-type=module', '-e', script], {
      // CI exports ADAN_REQUIRE_NATIVE=1, which would make the import itself fail: this test is about ADAN_BACKEND alone.
      env: { ...process.env, ADAN_REQUIRE_NATIVE: '0', ...env },
      encoding: 'utf8',
    }).stdout.trim();
  assert.match(
    run({ ADAN_BACKEND: 'native', ADAN_NATIVE_PATH: '/nonexistent/adan_native.node' }),
    /^ERR ADAN_BACKEND=native but the native kernels are unavailable: .*does not exist/,
  );
  assert.equal(run({ ADAN_BACKEND: 'js' }), 'js');
  assert.match(run({ ADAN_BACKEND: 'cuda' }), /^ERR ADAN_BACKEND must be js, native or auto/);
});
