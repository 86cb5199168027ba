/**
 * IS10_paraling 25 ms LLDs (is10_fr25 400-sample frames, hop 160): pcm_loudness, mfcc[0..14], logMelFreqBand[0..7],
 * lspFreq[0..7].
 */
import { type Level, indexedNames, makeLevel } from '../dsp/level.js';
import { frameCount, framePlan, spectralRate } from '../dsp/framing.js';
import { hammingWindow } from '../dsp/window.js';
import { preemphasize } from '../dsp/preemphasis.js';
import { getFft, nextPow2 } from '../dsp/fft.js';
import { MelFilterbank } from '../dsp/melspec.js';
import { Mfcc } from '../dsp/mfcc.js';
import { autoCorrF32, lpcDurbinF32 } from '../dsp/lpc.js';
import { SpecResampler, lpcToLsp } from './is10-lsp.js';

/** The 32 names of the 25 ms LLDs, in the order of openSMILE's is10_lld level (before smoothing). */
export const IS10_FRAME_LLD_NAMES = [
  'pcm_loudness',
  ...indexedNames('mfcc', 0, 14),
  ...indexedNames('logMelFreqBand', 0, 7),
  ...indexedNames('lspFreq', 0, 7),
];

const f32 = Math.fround;
const LOG_FLOOR = Math.log(1e-12);

interface Plan {
  L: number;
  hop: number;
  nfft: number;
  win: Float32Array;
  winSum: number;
  mel26: MelFilterbank;
  mel8: MelFilterbank;
  mfcc: Mfcc;
  res: SpecResampler;
}
const plans = new Map<number, Plan>();

function getPlan(fs: number): Plan {
  let p = plans.get(fs);
  if (!p) {
    const { length: L, hop } = framePlan(0.025, 0.01, fs);
    const nfft = nextPow2(L);
    const fsSpec = spectralRate(0.025, L, fs);
    const win = hammingWindow(L);
    let winSum = 0;
    for (let i = 0; i < L; i++) winSum += win[i];
    p = {
      L,
      hop,
      nfft,
      win,
      winSum,
      mel26: new MelFilterbank({ nBands: 26, loFreq: 20, hiFreq: 8000, usePower: true, htkCompatible: false }, nfft, fsSpec),
      mel8: new MelFilterbank({ nBands: 8, loFreq: 20, hiFreq: 6500, usePower: true, htkCompatible: false }, nfft, fsSpec),
      mfcc: new Mfcc({ nBands: 26, firstMfcc: 0, lastMfcc: 14, cepLifter: 22, htkCompatible: false }),
      res: new SpecResampler(nfft, L, fs),
    };
    plans.set(fs, p);
  }
  return p;
}

/** The N25 frames × 32 dims of 25 ms LLDs (unsmoothed), in IS10_FRAME_LLD_NAMES order. */
export function is10FrameLlds(samples: Float32Array, fs: number): Level {
  const p = getPlan(fs);
  const { L, hop, nfft, win } = p;
  const N = frameCount(samples.length, L, hop);
  const out = makeLevel(N, IS10_FRAME_LLD_NAMES.length, IS10_FRAME_LLD_NAMES);
  const fft = getFft(nfft);
  const pe = new Float32Array(L);
  const mag = new Float32Array(nfft / 2 + 1);
  const b26 = new Float32Array(26);
  const b8 = new Float32Array(8);
  const cep = new Float32Array(15);
  const res = new Float32Array(p.res.nOut);
  const r = new Float32Array(9);
  const a = new Float32Array(8);
  const lsp = new Float32Array(8);
  const D = out.dims;
  const w0 = win[0];
  for (let k = 0; k < N; k++) {
    const off = k * hop;
    const o = out.data;
    const ob = k * D;
    // cIntensity: oS's intensity sums over one sample only, the frame's first (bug reproduced)
    const x0 = samples[off];
    const I = f32(f32(f32(w0 * x0) * x0) / p.winSum);
    o[ob] = Math.pow(I / 1e-6, 0.3);
    // is10_pe/is10_win/is10_fft: per-frame pre-emphasis, Hamming, FFT 512 with symmetric zero padding
    preemphasize(samples, 0.97, pe, off, L);
    for (let i = 0; i < L; i++) pe[i] = pe[i] * win[i];
    const spec = fft.spectrum(pe, true);
    fft.magnitudeOf(spec, mag);
    p.mel26.apply(mag, b26);
    p.mfcc.apply(b26, cep);
    for (let c = 0; c < 15; c++) o[ob + 1 + c] = cep[c];
    p.mel8.apply(mag, b8);
    for (let m = 0; m < 8; m++) o[ob + 16 + m] = b8[m] > 1e-12 ? Math.log(b8[m]) : LOG_FLOOR;
    // cSpecResample, cLpc, cLsp: 11 kHz resampling of the complex spectrum, LPC 8, LSP
    p.res.apply(spec, res);
    autoCorrF32(res, res.length, 8, r);
    lpcDurbinF32(r, 8, a);
    lpcToLsp(a, 8, lsp);
    for (let c = 0; c < 8; c++) o[ob + 24 + c] = lsp[c];
  }
  return out;
}
