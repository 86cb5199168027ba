import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resample } from '../../src/audio/resample.js';
import { istft, stft } from '../../src/audio/stft.js';
import { addNoise } from '../../src/audio/noise.js';
import { parsePerturbation, perturb, perturbationName, vtlpWarp } from '../../src/audio/perturbation.js';

const RATE = 16000;

/** One second of a harmonic tone (F0 and 4 overtones, amplitudes 1/h), the shape of a steady voiced vowel. */
function harmonic(f0: number, seconds = 1, rate = RATE): Float32Array {
  const x = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < x.length; i++) for (let h = 1; h <= 5; h++) x[i] += (0.3 / h) * Math.sin((2 * Math.PI * f0 * h * i) / rate);
  return x;
}

/** Power of the Hann-windowed DFT of x's middle half at frequency f (Hz). */
function dftPower(x: Float32Array, f: number, rate = RATE): number {
  const a = Math.floor(x.length / 4);
  const n = Math.floor(x.length / 2);
  let re = 0;
  let im = 0;
  for (let i = 0; i < n; i++) {
    const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n);
    const ph = (2 * Math.PI * f * i) / rate;
    re += w * x[a + i] * Math.cos(ph);
    im += w * x[a + i] * Math.sin(ph);
  }
  return re * re + im * im;
}

/** Frequency (Hz, 0.25 Hz grid) of the strongest component within lo..hi. */
function peakHz(x: Float32Array, lo: number, hi: number, rate = RATE): number {
  let best = lo;
  let bestP = -1;
  for (let f = lo; f <= hi; f += 0.25) {
    const p = dftPower(x, f, rate);
    if (p > bestP) [best, bestP] = [f, p];
  }
  return best;
}

function power(x: Float32Array): number {
  return x.reduce((s, v) => s + v * v, 0) / x.length;
}

test('resample: a tone keeps its frequency at the new rate, and a tone above the new Nyquist is removed (no aliasing)', () => {
  const tone = (f: number): Float32Array => Float32Array.from({ length: RATE }, (_, i) => Math.sin((2 * Math.PI * f * i) / RATE));
  const down = resample(tone(1000), 0.5);
  assert.equal(down.length, RATE / 2);
  assert.ok(Math.abs(peakHz(down, 900, 1100, RATE / 2) - 1000) <= 0.5);
  // 6 kHz is above 8 kHz's Nyquist (4 kHz): it must not fold back to 2 kHz.
  const aliased = resample(tone(6000), 0.5);
  assert.ok(power(aliased.subarray(200, -200)) < 1e-6 * power(tone(6000)), `aliased power ${power(aliased)}`);
  const up = resample(tone(1000), 2);
  assert.ok(Math.abs(peakHz(up, 900, 1100, 2 * RATE) - 1000) <= 0.5);
});

test('stft then istft gives the signal back', () => {
  const x = harmonic(180, 0.3);
  const y = istft(stft(x, 1024, 256), x.length);
  let err = 0;
  for (let i = 0; i < x.length; i++) err = Math.max(err, Math.abs(x[i] - y[i]));
  assert.ok(err < 1e-5, `max error ${err}`);
});

test('speed 1.1 divides the duration by 1.1 and multiplies F0 by 1.1; 0.9 the other way', () => {
  const x = harmonic(200);
  const fast = perturb(x, RATE, parsePerturbation('speed:1.1'), 0);
  assert.equal(fast.length, Math.round(RATE / 1.1));
  assert.ok(Math.abs(peakHz(fast, 150, 300) - 220) <= 0.5, `F0 ${peakHz(fast, 150, 300)}`);
  const slow = perturb(x, RATE, parsePerturbation('speed:0.9'), 0);
  assert.equal(slow.length, Math.round(RATE / 0.9));
  assert.ok(Math.abs(peakHz(slow, 150, 300) - 180) <= 0.5);
});

test('pitch +-2 semitones keeps the duration and moves F0 by 2^(+-2/12)', () => {
  const x = harmonic(200);
  for (const s of [2, -2]) {
    const y = perturb(x, RATE, parsePerturbation(`pitch:${s}`), 0);
    assert.ok(Math.abs(y.length - x.length) <= 1, `length ${y.length}`);
    const want = 200 * 2 ** (s / 12);
    const got = peakHz(y, 150, 300);
    assert.ok(Math.abs(got - want) <= 1, `pitch:${s}: F0 ${got}, want ${want.toFixed(2)}`);
    // The tone is still there at full strength (the vocoder did not smear it away).
    assert.ok(power(y.subarray(2000, -2000)) > 0.7 * power(x));
  }
});

test('vtlp alpha moves the spectral peaks (all below the warp knee) by alpha and keeps the duration', () => {
  const x = harmonic(200);
  for (const alpha of [0.9, 1.1]) {
    const y = perturb(x, RATE, parsePerturbation(`vtlp:${alpha}`), 0);
    assert.equal(y.length, x.length);
    for (const h of [1, 2, 3]) {
      const want = 200 * h * alpha;
      const got = peakHz(y, want - 40, want + 40);
      assert.ok(Math.abs(got - want) <= 0.01 * want, `vtlp:${alpha}, harmonic ${h}: ${got} Hz, want ${want}`);
    }
  }
  const w = vtlpWarp(1.1, RATE);
  assert.ok(Math.abs(w.warp(8000) - 8000) < 1e-9 && Math.abs(w.unwarp(w.warp(5000)) - 5000) < 1e-9);
});

test('noise hits the requested SNR within 0.1 dB (white and speech-shaped) and is seeded', () => {
  const x = harmonic(200);
  for (const kind of ['white', 'speech'] as const) {
    for (const snr of [0, 10, 20]) {
      const y = addNoise(x, RATE, snr, kind, 5);
      const noise = y.map((v, i) => v - x[i]);
      const got = 10 * Math.log10(power(x) / power(noise));
      assert.ok(Math.abs(got - snr) < 0.1, `${kind} ${snr} dB: got ${got.toFixed(3)}`);
    }
    assert.deepEqual(addNoise(x, RATE, 10, kind, 5), addNoise(x, RATE, 10, kind, 5));
    assert.notDeepEqual(addNoise(x, RATE, 10, kind, 5), addNoise(x, RATE, 10, kind, 6));
  }
  // Speech-shaped noise puts its energy where the voice has it: near 200 Hz, not at 6 kHz.
  const shaped = addNoise(x, RATE, 0, 'speech', 1).map((v, i) => v - x[i]);
  const white = addNoise(x, RATE, 0, 'white', 1).map((v, i) => v - x[i]);
  const tilt = (n: Float32Array): number => dftPower(n, 200) / dftPower(n, 6000);
  assert.ok(tilt(shaped) > 1000 * tilt(white), `speech-shaped ${tilt(shaped)}, white ${tilt(white)}`);
});

test('perturbation names parse, print back, and a bad one is a one-line error', () => {
  for (const n of ['speed:0.9', 'pitch:-2', 'vtlp:1.1', 'noise-white:20', 'noise-speech:15']) {
    assert.equal(perturbationName(parsePerturbation(n)), n);
  }
  assert.throws(() => parsePerturbation('speed:3'), /speed factor outside/);
  assert.throws(() => parsePerturbation('reverb:1'), /unknown form.*speed:F/);
});
