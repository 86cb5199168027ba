/** Unit tests of the shared DSP blocks against exact references (spec 1.3, 2.1-2.7, 5, 6.4, 1.5). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameCount, framePlan } from '../../src/features/dsp/framing.js';
import { gaussWindow, hammingWindow } from '../../src/features/dsp/window.js';
import { preemphasize } from '../../src/features/dsp/preemphasis.js';
import { RealFft } from '../../src/features/dsp/fft.js';
import { MelFilterbank, melScale } from '../../src/features/dsp/melspec.js';
import { Mfcc } from '../../src/features/dsp/mfcc.js';
import { autoCorrF32, lpcDurbinF32 } from '../../src/features/dsp/lpc.js';
import { NaturalSpline } from '../../src/features/dsp/spline.js';
import { SpecResampler, lpcToLsp } from '../../src/features/lld/is10-lsp.js';
import { smoothLevels } from '../../src/features/contour/smoother.js';
import { deltaLevel } from '../../src/features/contour/delta.js';
import { makeLevel } from '../../src/features/dsp/level.js';
import { formatExp, formatValue } from '../../src/features/csv-format.js';

test('frame count rule and frame sizes (spec 1.3)', () => {
  assert.deepEqual(framePlan(0.025, 0.01, 16000), { length: 400, hop: 160 });
  assert.equal(frameCount(65937, 400, 160), 410);
  assert.equal(frameCount(65937, 960, 160), 407);
  assert.equal(frameCount(959, 960, 160), 0);
  assert.equal(frameCount(960, 960, 160), 1);
});

test('windows and per-frame pre-emphasis (spec 2.1, 2.2)', () => {
  const h = hammingWindow(400);
  assert.equal(h[0], Math.fround(0.08));
  assert.equal(h[399], Math.fround(0.08));
  assert.ok(Math.abs(h[200] - (0.54 - 0.46 * Math.cos((2 * Math.PI * 200) / 399))) < 1e-7);
  const g = gaussWindow(960, 0.25);
  assert.equal(g[0], Math.fround(Math.exp(-0.5 * 16)));
  assert.equal(gaussWindow(11, 0.9)[0], gaussWindow(11, 0.5)[0], 'sigma clipped to 0.5');
  const y = preemphasize(Float32Array.from([1, 2, 3]), 0.97, new Float32Array(3));
  const f = Math.fround;
  const k = f(0.97); // float32 k and float32 arithmetic, as cVectorPreemphasis
  assert.deepEqual(Array.from(y), [f(1 - k), f(2 - k), f(3 - f(k * 2))]);
  assert.notEqual(y[0], f(0.03), '(1 - float32(0.97)) differs from 0.03 in float32');
});

test('FFT magnitude equals the direct DFT; symmetric padding shifts the phase only (spec 2.3)', () => {
  const x = Float32Array.from({ length: 400 }, (_, i) => Math.sin(i * 0.37) + 0.1 * Math.cos(i * 1.7));
  const f = new RealFft(512);
  const a = f.magnitude(x, false, new Float32Array(257));
  const b = f.magnitude(x, true, new Float32Array(257));
  for (const k of [0, 1, 30, 128, 256]) {
    let re = 0;
    let im = 0;
    for (let j = 0; j < 400; j++) {
      re += x[j] * Math.cos((2 * Math.PI * j * k) / 512);
      im -= x[j] * Math.sin((2 * Math.PI * j * k) / 512);
    }
    assert.ok(Math.abs(a[k] - Math.hypot(re, im)) < 1e-4, `bin ${k}`);
    assert.ok(Math.abs(b[k] - a[k]) < 1e-4);
  }
  const s = f.spectrum(x, true);
  let re1 = 0;
  for (let j = 0; j < 400; j++) re1 += x[j] * Math.cos((2 * Math.PI * (j + 56) * 5) / 512);
  assert.ok(Math.abs(s[10] - re1) < 1e-9, 'frame placed at offset 56');
});

test('mel filterbank: triangles of peak 1 on 1127·ln(1+f/700), end bins excluded (spec 2.4)', () => {
  const fb = new MelFilterbank({ nBands: 26, loFreq: 20, hiFreq: 8000, usePower: true, htkCompatible: false }, 512, 16000);
  assert.ok(Math.abs(melScale(700) - 1127 * Math.log(2)) < 1e-9);
  const c = fb.centerFreqs;
  assert.equal(c.length, 26);
  // a single bin at a band centre's nearest bin: only the two neighbouring bands respond, weights sum to 1
  const mag = new Float32Array(257);
  mag[40] = 1;
  const out = fb.apply(mag, new Float32Array(26));
  const nz = Array.from(out).filter((v) => v > 0);
  assert.ok(nz.length <= 2 && nz.length >= 1);
  assert.ok(Math.abs(nz.reduce((p, q) => p + q, 0) - 1) < 1e-6);
  mag.fill(0);
  mag[256] = 5; // the Nyquist bin equals round(hifreq/F0): excluded
  assert.ok(fb.apply(mag, new Float32Array(26)).every((v) => v === 0));
  const htk = new MelFilterbank({ nBands: 26, loFreq: 20, hiFreq: 8000, usePower: true, htkCompatible: true }, 512, 16000);
  mag.fill(0);
  mag[40] = 1;
  const o2 = htk.apply(mag, new Float32Array(26));
  assert.ok(Math.abs(o2.reduce((p, q) => p + q, 0) / (32767 * 32767) - 1) < 1e-6);
});

test('MFCC is the lifted DCT-II of the floored log bands (spec 2.5)', () => {
  const bands = Float32Array.from({ length: 26 }, (_, m) => (m === 3 ? 0 : 0.01 * (m + 1)));
  const mf = new Mfcc({ nBands: 26, firstMfcc: 0, lastMfcc: 14, cepLifter: 22, htkCompatible: false });
  const out = mf.apply(bands, new Float32Array(15));
  for (const i of [0, 1, 7, 14]) {
    let s = 0;
    for (let m = 0; m < 26; m++) s += Math.log(Math.max(bands[m], 1e-8)) * Math.cos((Math.PI * i * (m + 0.5)) / 26);
    const lift = i === 0 ? 1 : 1 + 11 * Math.sin((Math.PI * i) / 22);
    assert.ok(Math.abs(out[i] - Math.sqrt(2 / 26) * lift * s) < 1e-4 * Math.max(1, Math.abs(out[i])), `c${i}`);
  }
});

test('float32 Levinson-Durbin solves the normal equations; LSPs interlace on (0, π) (spec 2.7, 6.4)', () => {
  // AR(2) process autocorrelation: x[n] = 1.2 x[n-1] - 0.5 x[n-2] + e
  const x = new Float32Array(4000);
  let s = 1;
  for (let i = 2; i < x.length; i++) {
    s = (s * 16807) % 2147483647;
    x[i] = 1.2 * x[i - 1] - 0.5 * x[i - 2] + (s / 2147483647 - 0.5);
  }
  const r = autoCorrF32(x, x.length, 8, new Float32Array(9));
  const a = new Float32Array(8);
  const e = lpcDurbinF32(r, 8, a);
  assert.ok(Math.abs(a[0] + 1.2) < 0.05 && Math.abs(a[1] - 0.5) < 0.05, `a = ${Array.from(a.subarray(0, 3))}`);
  assert.ok(e > 0 && e < r[0]);
  const lsp = new Float32Array(8);
  assert.equal(lpcToLsp(a, 8, lsp), 8);
  for (let i = 1; i < 8; i++) assert.ok(lsp[i] > lsp[i - 1], 'increasing');
  assert.ok(lsp[0] > 0 && lsp[7] < Math.PI);
  assert.equal(lpcDurbinF32(new Float32Array(9), 8, a), 0, 'r[0] = 0 gives gain 0');
});

test('11 kHz resampler: factored fast path equals the direct truncated inverse DFT (spec 6.4)', () => {
  const x = Float32Array.from({ length: 400 }, (_, i) => Math.sin(i * 0.21) * (1 + 0.3 * Math.cos(i * 0.05)));
  const f = new RealFft(512);
  const spec = f.spectrum(x, true);
  const r = new SpecResampler(512, 400, 16000);
  assert.equal(r.nOut, 275);
  const out = r.apply(spec, new Float32Array(275));
  for (const i of [0, 1, 100, 274]) {
    let acc = spec[0];
    for (let k = 1; k <= 136; k++)
      acc += spec[2 * k] * Math.cos((2 * Math.PI * k * i) / 352) - spec[2 * k + 1] * Math.sin((2 * Math.PI * k * i) / 352);
    assert.ok(Math.abs(out[i] - acc / 256) < 1e-6, `i=${i}: ${out[i]} vs ${acc / 256}`);
  }
});

test('natural spline reproduces a straight line and interpolates the knots (spec 2.6)', () => {
  const xs = Float64Array.from([0, 1, 2.5, 3, 7]);
  const sp = new NaturalSpline(xs);
  const y = Float64Array.from(xs, (v) => 2 * v - 1);
  const y2 = sp.fit(y, new Float64Array(5));
  assert.ok(Math.abs(sp.evalAt(y, y2, 4.2) - 7.4) < 1e-12);
  const yq = Float64Array.from(xs, (v) => v * v);
  const q2 = sp.fit(yq, new Float64Array(5));
  for (let i = 0; i < 5; i++) assert.ok(Math.abs(sp.evalAt(yq, q2, xs[i]) - yq[i]) < 1e-12);
  assert.equal(q2[0], 0);
  assert.equal(q2[4], 0);
});

test('smoother pads each level with its own last frame; noZeroSma; deltas and the IS10 _de normaliser (spec 5, 11.5)', () => {
  const a = makeLevel(4, 1, ['a']);
  a.data.set([3, 6, 0, 9]);
  const b = makeLevel(3, 1, ['b[0]']);
  b.data.set([1, 2, 4]);
  const s = smoothLevels([a, b], false);
  assert.equal(s.frames, 4, 'M+1 frames, M = shortest input');
  assert.deepEqual(s.names, ['a_sma', 'b_sma[0]']);
  assert.equal(s.data[0], 4); // (3 + 3 + 6) / 3
  assert.equal(s.data[2 * 3 + 1], 4); // frame 3 of b: padded with b's last frame (4,4,4)
  const nz = smoothLevels([a], true);
  assert.deepEqual(Array.from(nz.data), [4, 4.5, 0, 9, 9]);
  const d = deltaLevel(a);
  assert.equal(d.frames, 6);
  assert.equal(d.data[0], Math.fround((1 * (6 - 3) + 2 * (0 - 3)) / 10));
  const seg = deltaLevel(a, { onlyInSegments: true });
  // frame 0: pairs (6,3) valid [norm 11], (0,3) invalid -> 3/11; frame 1: (0,3) invalid, (9,3) valid [norm 15] -> 12/15
  assert.equal(seg.data[0], Math.fround(3 / 11));
  assert.equal(seg.data[1], Math.fround(12 / 15));
});

test('CSV number format: integers as integers, otherwise printf %e with ties to even (spec 1.5)', () => {
  assert.equal(formatValue(16), '16');
  assert.equal(formatValue(0), '0');
  assert.equal(formatValue(-43898256), '-43898256');
  assert.equal(formatValue(Math.fround(0.2775238)), '2.775238e-01');
  assert.equal(formatValue(Math.fround(-1234.5678)), '-1.234568e+03');
  assert.equal(formatExp(1.0078125), '1.007812e+00'); // exact tie: glibc rounds half to even
  assert.equal(formatExp(1.0234375), '1.023438e+00');
  assert.equal(formatValue(Math.fround(4.9999995)), '5.000000e+00');
  assert.equal(formatExp(1e-300), '1.000000e-300');
});
