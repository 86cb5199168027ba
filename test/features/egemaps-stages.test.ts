/**
 * Stage tests for the eGeMAPS/IS09-only LLD pieces on signals with known answers: polynomial roots,
 * Viterbi pitch continuity, ACF pitch, jitter/shimmer of an exactly periodic signal, ACF HNR.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getFft } from '../../src/features/dsp/fft.js';
import { gaussWindow } from '../../src/features/dsp/window.js';
import { polyRoots } from '../../src/features/lld/formants.js';
import { viterbiPitch } from '../../src/features/lld/pitch-viterbi.js';
import { gemapsJitter } from '../../src/features/lld/jitter-gemaps.js';
import { Harmonics } from '../../src/features/lld/harmonics.js';
import { SpectralAcf } from '../../src/features/lld/acf.js';
import { PitchAcf } from '../../src/features/lld/pitch-acf.js';

test('polyRoots finds the roots of (z - 0.5)(z + 0.25)(z² + 0.81)', () => {
  // expanded: z^4 - 0.25 z^3 + 0.685 z^2 - 0.2025 z - 0.10125 (increasing powers below)
  const c = Float64Array.from([-0.10125, -0.2025, 0.685, -0.25, 1]);
  const re = new Float64Array(4);
  const im = new Float64Array(4);
  polyRoots(c, re, im);
  const key = (v: number): number => Math.round(v * 1e6) / 1e6;
  const roots = Array.from(re, (r, i) => [r, im[i]] as const).sort((a, b) => key(a[0]) - key(b[0]) || a[1] - b[1]);
  const want = [
    [-0.25, 0],
    [0, -0.9],
    [0, 0.9],
    [0.5, 0],
  ];
  roots.forEach(([r, i], k) => {
    assert.ok(Math.abs(r - want[k][0]) < 1e-9 && Math.abs(i - want[k][1]) < 1e-9, `root ${r}+${i}i`);
  });
});

test('viterbiPitch keeps a continuous contour through a one-frame octave jump of the best candidate', () => {
  const n = 6;
  const f0 = new Float32Array(n * 2);
  const v = new Float32Array(n * 2);
  for (let t = 0; t < n; t++) {
    f0[2 * t] = 200;
    f0[2 * t + 1] = 400;
    v[2 * t] = t === 3 ? 0.75 : 0.9;
    v[2 * t + 1] = t === 3 ? 0.95 : 0.72;
  }
  const out = viterbiPitch(f0, v, n, 2, 0.7, { wLocal: 2, wTvv: 10, wTvuv: 10, wThr: 4, wRange: 1, wTuu: 0 }, 40);
  assert.deepEqual([...out], [200, 200, 200, 200, 200, 200]);
  // all candidates below the voicing threshold: unvoiced
  const un = viterbiPitch(
    f0,
    v.map(() => 0.2),
    n,
    2,
    0.7,
    { wLocal: 2, wTvv: 10, wTvuv: 10, wThr: 4, wRange: 1, wTuu: 0 },
    40,
  );
  assert.deepEqual([...un], [0, 0, 0, 0, 0, 0]);
});

/** A 200 Hz pulse-like periodic signal at 16 kHz (period 80 samples, rich in harmonics). */
function periodic(n: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => {
    const ph = (i % 80) / 80;
    return Math.fround(0.5 * Math.exp(-8 * ph) * Math.sin(2 * Math.PI * 3 * ph) + 0.2 * Math.sin(2 * Math.PI * ph));
  });
}

test('gemapsJitter: an exactly periodic signal has ~0 jitter and ~0 dB shimmer', () => {
  const x = periodic(16000);
  const f0 = new Float32Array(90).fill(200);
  const { jitterLocal, shimmerLocalDB } = gemapsJitter(x, 16000, f0, 90);
  for (let t = 5; t < 80; t++) {
    assert.ok(jitterLocal[t] < 1e-3, `jitter ${jitterLocal[t]} at ${t}`);
    assert.ok(shimmerLocalDB[t] < 0.05, `shimmer ${shimmerLocalDB[t]} dB at ${t}`);
  }
  const un = gemapsJitter(x, 16000, new Float32Array(10), 10);
  assert.ok(un.jitterLocal.every((v) => v === 0));
});

test('Harmonics: high ACF HNR and a finite H1-H2 for a periodic frame, zeros when unvoiced', () => {
  const x = periodic(960);
  const w = gaussWindow(960, 0.4);
  const frame = Float32Array.from(x, (v, i) => Math.fround(v * w[i]));
  const mag = new Float32Array(513);
  getFft(1024).magnitude(frame, true, mag);
  const h = new Harmonics(513, 16000);
  assert.ok(h.hnrDb(mag, 200) > 10, `HNR ${h.hnrDb(mag, 200)}`);
  assert.equal(h.hnrDb(mag, 0), 0);
  const vq = h.voiceQuality(mag, 200, [700, 1200, 2500], new Float64Array(5));
  assert.ok(Number.isFinite(vq[0]) && Math.abs(vq[0]) < 201);
  assert.deepEqual([...h.voiceQuality(mag, 0, [700, 1200, 2500], new Float64Array(5))], [0, 0, -201, -201, -201]);
});

test('ACF/cepstrum pitch (IS09) finds 200 Hz in a periodic signal', () => {
  const x = periodic(400);
  const mag = new Float32Array(257);
  getFft(512).magnitude(x, false, mag);
  const acf = new SpectralAcf(257);
  const a = new Float32Array(256);
  const c = new Float32Array(256);
  acf.acf(mag, a);
  acf.cepstrum(mag, c);
  const p = new PitchAcf(256, 512 / 16000, { maxPitch: 500, voicingCutoff: 0.55 });
  let f0 = 0;
  let voicing = 0;
  for (let k = 0; k < 4; k++) [voicing, f0] = p.next(a, c);
  assert.ok(voicing > 0.55, `voicing ${voicing}`);
  assert.ok(Math.abs(f0 - 200) < 5, `F0 ${f0}`);
});
