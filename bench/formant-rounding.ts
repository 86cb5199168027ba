/**
 * Benchmark: how far float rounding alone moves eGeMAPS' LPC formants (issue 11). Every 20 ms Hamming frame of the
 * resampled EmoDB files at one rate goes through two chains up to the order-11 float32 LPC and root search: the
 * double-precision one (fft.js spectrum, SpecResampler's default path) and openSMILE's float32 one that FormantLpc
 * uses (RealFftF32, the resampler's float32 sum with every product rounded). The two agree to float32 rounding.
 * Prints one JSON line: {rate, frames, maxSampleDiffRel, medianLpcDiff, maxLpcDiff, medianF1DiffHz,
 * framesF1Over20Hz}. A large spread shows the formants depend on the exact rounding of every stage.
 *
 *   node dist/bench/formant-rounding.js [--rate 32000]
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readWav } from '../src/audio/wav.js';
import { getFft, nextPow2 } from '../src/features/dsp/fft.js';
import { RealFftF32 } from '../src/features/dsp/fft-f32.js';
import { autoCorrF32, lpcDurbinF32 } from '../src/features/dsp/lpc.js';
import { polyRoots } from '../src/features/lld/formants.js';
import { SpecResampler } from '../src/features/lld/is10-lsp.js';
import { sharedDir } from '../src/util/paths.js';

const ORDER = 11;
const T = 1 / 11000;

/** lowest formant frequency (Hz) in [50, 5450] of the LPC polynomial, as FormantLpc selects it; 0 if none */
function firstFormant(a: Float32Array): number {
  const c = new Float64Array(ORDER + 1);
  for (let i = 0; i < ORDER; i++) c[i] = -a[ORDER - i - 1];
  c[ORDER] = 1;
  const re = new Float64Array(ORDER);
  const im = new Float64Array(ORDER);
  polyRoots(c, re, im);
  let best = 0;
  for (let i = 0; i < ORDER; i++) {
    if (im[i] < 0) continue;
    const f = Math.abs(Math.atan2(im[i], re[i])) / (2 * Math.PI * T);
    if (f >= 50 && f <= 5450 && (best === 0 || f < best)) best = f;
  }
  return best;
}

function lpcOf(x: Float32Array): Float32Array {
  const r = autoCorrF32(x, x.length, ORDER, new Float32Array(ORDER + 1));
  const a = new Float32Array(ORDER);
  lpcDurbinF32(r, ORDER, a);
  return a;
}

function median(v: number[]): number {
  const s = [...v].sort((p, q) => p - q);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

const i = process.argv.indexOf('--rate');
const rate = i >= 0 ? Number(process.argv[i + 1]) : 32000;
const dir = join(sharedDir(), 'data', 'emodb-resampled', 'wav');
const L = Math.round(0.02 * rate);
const H = Math.round(0.01 * rate);
const nfft = nextPow2(L);
const fft = getFft(nfft);
const fft32 = new RealFftF32(nfft);
const doubleChain = new SpecResampler(nfft, L, rate);
const floatChain = new SpecResampler(nfft, L, rate, 11000, true);
const xa = new Float32Array(doubleChain.nOut);
const xb = new Float32Array(floatChain.nOut);
const frame = new Float32Array(L);
const lpcDiffs: number[] = [];
const f1Diffs: number[] = [];
let maxRel = 0;
for (const name of readdirSync(dir)
  .filter((n) => n.endsWith(`_${rate}.wav`))
  .sort()) {
  const s = readWav(join(dir, name)).samples;
  for (let t = 0; t * H + L <= s.length; t++) {
    for (let k = 0; k < L; k++) frame[k] = Math.fround(s[t * H + k] * (0.54 - 0.46 * Math.cos((2 * Math.PI * k) / (L - 1))));
    doubleChain.apply(fft.spectrum(frame, true), xa);
    floatChain.apply(fft32.spectrum(frame, true), xb);
    let peak = 0;
    let diff = 0;
    for (let k = 0; k < xa.length; k++) {
      peak = Math.max(peak, Math.abs(xa[k]));
      diff = Math.max(diff, Math.abs(xa[k] - xb[k]));
    }
    if (peak < 1e-4) continue; // near-silent frames: no meaningful formants
    maxRel = Math.max(maxRel, diff / peak);
    const a = lpcOf(xa);
    const b = lpcOf(xb);
    let d = 0;
    for (let k = 0; k < ORDER; k++) d = Math.max(d, Math.abs(a[k] - b[k]));
    lpcDiffs.push(d);
    f1Diffs.push(Math.abs(firstFormant(a) - firstFormant(b)));
  }
}
console.log(
  JSON.stringify({
    rate,
    frames: lpcDiffs.length,
    maxSampleDiffRel: maxRel,
    medianLpcDiff: median(lpcDiffs),
    maxLpcDiff: Math.max(...lpcDiffs),
    medianF1DiffHz: median(f1Diffs),
    framesF1Over20Hz: f1Diffs.filter((d) => d > 20).length,
  }),
);
