/**
 * eGeMAPSv02 (88 features, the same as the `opensmile` Python package's FeatureSet.eGeMAPSv02; configs
 * egemaps/v02/eGeMAPSv02_core.*.inc + gemaps/v01b).
 *
 * All 88 features are computed, checked against openSMILE's eGeMAPS.csv for all 535 EmoDB files by
 * test/features/egemaps-accuracy.test.ts:
 *  - from the 20 ms Hamming magnitude spectrum: loudness (mean of the auditory spectrum, as IS11's
 *    audspec_lengthL1norm) with its 10 functionals and loudnessPeaksPerSec (cFunctionalPeaks2), spectralFlux
 *    (0-5 kHz) and MFCC 1-4 (amean, stddevNorm), equivalentSoundLevel_dBp (10·log10 of the mean frame energy);
 *  - F0 in semitones from SHS candidates (60 ms Gaussian frames) smoothed by the Viterbi smoother
 *    (src/features/lld/pitch-viterbi.ts), gated by the frame RMS (> 0.001), with its 10 functionals; the
 *    voiced-only (…V) and unvoiced-only (…UV) spectral features; voiced/unvoiced segment statistics;
 *  - jitterLocal and shimmerLocaldB (src/features/lld/jitter-gemaps.ts) on the Viterbi F0;
 *  - HNRdBACF, logRelF0-H1-H2, logRelF0-H1-A3 and F1-F3 amplitudeLogRelF0 (cHarmonics,
 *    src/features/lld/harmonics.ts) from the 60 ms spectrum, including openSMILE's -201 dB amplitude floor in
 *    unvoiced frames, which the eGeMAPS means average in;
 *  - F1-F3 frequency and bandwidth of voiced frames (src/features/lld/formants.ts: 11 kHz resampling, order-11
 *    LPC, polynomial roots).
 * Accuracy (|Δ| ≤ 1e-4·max(1, |ref|) or ≤ 0.05 × the feature's SD over the corpus): 99.95 % of the values of the
 * 76 non-formant features and 99.95 % of the 12 formant frequency/bandwidth features, whose order-11 LPC roots are
 * sensitive to the last bits of the resampled frame: their chain runs in openSMILE's float32 arithmetic (a port of
 * its float32 Ooura FFT, src/features/dsp/fft-f32.ts, and of its resampler's rounding), as without it only ~90 %
 * of them matched.
 * Other known differences: the …UV means (alphaRatioUV, hammarbergIndexUV, slopeUV*, spectralFluxUV) average
 * near-silent frames whose log power ratios differ (typically within 0.3 %; not from the FFT's rounding: with
 * openSMILE's float32 FFT for the 20 ms spectrum as well, the same values miss);
 * a few files (e.g. 08a02Fe) take a different Viterbi path where two candidates score almost equally,
 * which moves their F0 statistics and voiced selections.
 */
import { UserError } from '../../util/errors.js';
import { smoothLevels } from '../contour/smoother.js';
import { RealFftF32 } from '../dsp/fft-f32.js';
import { nextPow2 } from '../dsp/fft.js';
import { copyFrame, fftFrameSeconds, frameCount, framePlan, spectralRate } from '../dsp/framing.js';
import { type Level, levelColumn, makeLevel } from '../dsp/level.js';
import { applyWindow, gaussWindow } from '../dsp/window.js';
import { createFunctionalSet, type FunctionalConfig, type FunctionalSet } from '../functionals/index.js';
import { l1Mean } from '../lld/audspec.js';
import { meanSquareEnergy } from '../lld/energy.js';
import { LOG_SPECTRAL_NAMES, LogSpectral } from '../lld/log-spectral.js';
import { viterbiPitch } from '../lld/pitch-viterbi.js';
import { Harmonics } from '../lld/harmonics.js';
import { FormantLpc } from '../lld/formants.js';
import { gemapsJitter } from '../lld/jitter-gemaps.js';
import { OctaveSpectrum } from '../pitch/octave-spectrum.js';
import { makeCandidates, Shs } from '../pitch/shs.js';
import { plan20ms } from './plan-20ms.js';
import type { FeatureSet, FeatureSetOutput } from './types.js';

/** eGeMAPS' spectral descriptors averaged over voiced frames (mean and CoV) and over unvoiced frames (mean only). */
const VOICED_LLDS = [
  'alphaRatioV',
  'hammarbergIndexV',
  'slopeV0-500',
  'slopeV500-1500',
  'spectralFluxV',
  'mfcc1V',
  'mfcc2V',
  'mfcc3V',
  'mfcc4V',
] as const;
const UNVOICED_LLDS = ['alphaRatioUV', 'hammarbergIndexUV', 'slopeUV0-500', 'slopeUV500-1500', 'spectralFluxUV'] as const;

const F_MVR = [
  'amean',
  'stddevNorm',
  'percentile20.0',
  'percentile50.0',
  'percentile80.0',
  'pctlrange0-2',
  'meanRisingSlope',
  'stddevRisingSlope',
  'meanFallingSlope',
  'stddevFallingSlope',
];
const F_MS = ['amean', 'stddevNorm'];

/** The 88 names in openSMILE's order. */
export function egemapsNames(): string[] {
  const out: string[] = [];
  const add = (lld: string, fns: string[]): void => {
    for (const fn of fns) out.push(`${lld}_${fn}`);
  };
  add('F0semitoneFrom27.5Hz_sma3nz', F_MVR);
  add('loudness_sma3', F_MVR);
  for (const l of ['spectralFlux', 'mfcc1', 'mfcc2', 'mfcc3', 'mfcc4']) add(`${l}_sma3`, F_MS);
  for (const l of ['jitterLocal', 'shimmerLocaldB', 'HNRdBACF', 'logRelF0-H1-H2', 'logRelF0-H1-A3']) add(`${l}_sma3nz`, F_MS);
  for (const k of [1, 2, 3]) for (const l of ['frequency', 'bandwidth', 'amplitudeLogRelF0']) add(`F${k}${l}_sma3nz`, F_MS);
  for (const l of VOICED_LLDS) add(`${l}_sma3nz`, F_MS);
  for (const l of UNVOICED_LLDS) add(`${l}_sma3nz`, ['amean']);
  out.push(
    'loudnessPeaksPerSec',
    'VoicedSegmentsPerSec',
    'MeanVoicedSegmentLengthSec',
    'StddevVoicedSegmentLengthSec',
    'MeanUnvoicedSegmentLength',
    'StddevUnvoicedSegmentLength',
    'equivalentSoundLevel_dBp',
  );
  return out;
}

/** Names of the harmonics-based LLDs, in the column order of egemapsHarmonics' level. */
export const HARMONICS_NAMES = [
  'HNRdBACF',
  'logRelF0-H1-H2',
  'logRelF0-H1-A3',
  'F1amplitudeLogRelF0',
  'F2amplitudeLogRelF0',
  'F3amplitudeLogRelF0',
];
const IMPLEMENTED_LIST = [
  ...['jitterLocal', 'shimmerLocaldB'].flatMap((l) => F_MS.map((fn) => `${l}_sma3nz_${fn}`)),
  ...[1, 2, 3].flatMap((k) => ['frequency', 'bandwidth'].flatMap((l) => F_MS.map((fn) => `F${k}${l}_sma3nz_${fn}`))),
  ...HARMONICS_NAMES.flatMap((l) => F_MS.map((fn) => `${l}_sma3nz_${fn}`)),
  ...F_MVR.map((fn) => `F0semitoneFrom27.5Hz_sma3nz_${fn}`),
  ...VOICED_LLDS.flatMap((l) => F_MS.map((fn) => `${l}_sma3nz_${fn}`)),
  ...UNVOICED_LLDS.map((l) => `${l}_sma3nz_amean`),
  'VoicedSegmentsPerSec',
  'MeanVoicedSegmentLengthSec',
  'StddevVoicedSegmentLengthSec',
  'MeanUnvoicedSegmentLength',
  'StddevUnvoicedSegmentLength',
  ...F_MVR.map((fn) => `loudness_sma3_${fn}`),
  ...['spectralFlux', 'mfcc1', 'mfcc2', 'mfcc3', 'mfcc4'].flatMap((l) => F_MS.map((fn) => `${l}_sma3_${fn}`)),
  'loudnessPeaksPerSec',
  'equivalentSoundLevel_dBp',
];
/** Names computed here (all 88). */
export const EGEMAPS_IMPLEMENTED: ReadonlySet<string> = new Set(IMPLEMENTED_LIST);

interface Sets {
  mvr: FunctionalSet;
  mvrNz: FunctionalSet;
  ms: FunctionalSet;
  msNz: FunctionalSet;
  meanNz: FunctionalSet;
  peaks: FunctionalSet;
  voicedSeg: FunctionalSet;
  pauseSeg: FunctionalSet;
}
let setsCache: Sets | undefined;
function sets(): Sets {
  const mvr: FunctionalConfig[] = [
    { type: 'moments', outputs: ['amean', 'stddevNorm'], stddevNorm: 'signed' },
    { type: 'percentiles', percentiles: [0.2, 0.5, 0.8], ranges: [[0, 2]], interp: true },
    { type: 'peaks2', outputs: ['meanRisingSlope', 'stddevRisingSlope', 'meanFallingSlope', 'stddevFallingSlope'], relThresh: 0.1 },
  ];
  const ms: FunctionalConfig[] = [{ type: 'moments', outputs: ['amean', 'stddevNorm'], stddevNorm: 'signed' }];
  setsCache ??= {
    mvr: createFunctionalSet(mvr),
    mvrNz: createFunctionalSet(mvr, { nonZero: true }),
    ms: createFunctionalSet(ms),
    msNz: createFunctionalSet(ms, { nonZero: true }),
    meanNz: createFunctionalSet([{ type: 'moments', outputs: ['amean'] }], { nonZero: true }),
    peaks: createFunctionalSet([{ type: 'peaks2', outputs: ['numPeaks'], relThresh: 0.1, norm: 'second' }]),
    voicedSeg: createFunctionalSet([
      {
        type: 'segments',
        algorithm: 'nonX',
        x: 0,
        outputs: ['numSegments', 'meanSegLen', 'segLenStddev'],
        norm: 'second',
        maxNumSeg: 1000,
      },
    ]),
    pauseSeg: createFunctionalSet([
      { type: 'segments', algorithm: 'eqX', x: 0, outputs: ['meanSegLen', 'segLenStddev'], norm: 'second', maxNumSeg: 1000 },
    ]),
  };
  return setsCache;
}

/** GeMAPSv01b SHS settings (gemapsv01b_scale / gemapsv01b_shs) and Viterbi weights. */
const SHS_OPTS = {
  minF: 25,
  specEnhance: true,
  specSmooth: true,
  auditoryWeighting: true,
  nCandidates: 6,
  nHarmonics: 15,
  compressionFactor: 0.85,
  greedyPeakAlgo: true,
  minPitch: 55,
  maxPitch: 1000,
};
const VOICING_CUTOFF = 0.7;
const VITERBI = { wLocal: 2, wTvv: 10, wTvuv: 10, wThr: 4, wRange: 1, wTuu: 0 };

interface Plan60 {
  L: number;
  H: number;
  fsSpec: number;
  fft: RealFftF32;
  win: Float32Array;
  oct: OctaveSpectrum;
  shs: Shs;
}
const plans60 = new Map<number, Plan60>();
function plan60(fs: number): Plan60 {
  let p = plans60.get(fs);
  if (!p) {
    const { length: L, hop: H } = framePlan(0.06, 0.01, fs);
    const nfft = nextPow2(L);
    const fsSpec = spectralRate(0.06, L, fs);
    const oct = new OctaveSpectrum(SHS_OPTS, nfft, fftFrameSeconds(0.06, L, nfft));
    p = { L, H, fsSpec, fft: new RealFftF32(nfft), win: gaussWindow(L, 0.4), oct, shs: new Shs(SHS_OPTS, oct) };
    plans60.set(fs, p);
  }
  return p;
}

/**
 * F0 in semitones re 27.5 Hz per 60 ms frame (0 = unvoiced): SHS candidates -> Viterbi smoother,
 * zeroed where the RMS of the Gaussian-windowed frame is below 0.001 (gemapsv01b_volmerge). `decided`: the frames
 * the smoother had decided before the end of input (the ones openSMILE's functionals see).
 */
export function egemapsPitch(samples: Float32Array, fs: number): { hz: Float32Array; semitone: Float32Array; decided: number } {
  const p = plan60(fs);
  const n60 = frameCount(samples.length, p.L, p.H);
  const nC = SHS_OPTS.nCandidates;
  const f0 = new Float32Array(n60 * nC);
  const vo = new Float32Array(n60 * nC);
  const e60 = new Float32Array(n60);
  const frame = new Float32Array(p.L);
  const mag = new Float32Array(p.fft.n / 2 + 1);
  const oct = new Float32Array(p.oct.nPoints);
  const cand = makeCandidates(nC);
  for (let t = 0; t < n60; t++) {
    const off = t * p.H;
    let e = 0;
    for (let i = 0; i < p.L; i++) {
      const v = Math.fround(samples[off + i] * p.win[i]);
      frame[i] = v;
      e += v * v;
    }
    e60[t] = Math.fround(Math.sqrt(e / p.L));
    p.fft.magnitude(frame, true, mag);
    p.oct.apply(mag, oct);
    p.shs.apply(oct, cand);
    f0.set(cand.f0, t * nC);
    vo.set(cand.voicing, t * nC);
  }
  const end = { decided: 0 };
  const f0s = viterbiPitch(f0, vo, n60, nC, VOICING_CUTOFF, VITERBI, 40, end);
  const hz = new Float32Array(n60);
  const semitone = new Float32Array(n60);
  for (let t = 0; t < n60; t++) {
    const fr = e60[t] > 0.001 ? f0s[t] : 0;
    hz[t] = fr;
    semitone[t] = fr > 29.136 ? Math.fround((12 * Math.log(Math.fround(fr / 27.5))) / Math.log(2)) : fr > 0 ? 1 : 0;
  }
  return { hz, semitone, decided: end.decided };
}

/**
 * cHarmonics per 60 ms frame (gemapsv01b_harmonics): HNR, H1-H2, H1-A3 and the F1-F3 amplitudes from the
 * Gaussian-windowed spectrum, the final F0 (Hz) and the formant frequencies of the same frame index
 * (formants(t) = [F1, F2, F3]). Returns a frames × 6 level in HARMONICS_NAMES order.
 */
export function egemapsHarmonics(
  samples: Float32Array,
  fs: number,
  hz: Float32Array,
  frames: number,
  formants: (t: number) => ArrayLike<number>,
): Float32Array {
  const p = plan60(fs);
  const mag = new Float32Array(p.fft.n / 2 + 1);
  const frame = new Float32Array(p.L);
  const h = new Harmonics(mag.length, p.fsSpec);
  const out = new Float32Array(frames * 6);
  const vq = new Float64Array(5);
  for (let t = 0; t < frames; t++) {
    if (hz[t] > 0) {
      for (let i = 0; i < p.L; i++) frame[i] = Math.fround(samples[t * p.H + i] * p.win[i]);
      p.fft.magnitude(frame, true, mag);
      out[t * 6] = h.hnrDb(mag, hz[t]);
    }
    h.voiceQuality(mag, hz[t], formants(t), vq);
    for (let k = 0; k < 5; k++) out[t * 6 + 1 + k] = vq[k];
  }
  return out;
}

/**
 * F1-F3 frequency and bandwidth per 20 ms frame t < nP (cSpecResample -> cLpc -> cFormantLpc on the Hamming frame's
 * spectrum, zeroPadSymmetric=1 as the cTransformFFT default in these configs). Only voiced frames (hz[t] > 0) reach
 * the functionals and the formant amplitudes, so unvoiced frames stay 0 unless `all` (the LLD output) is asked for:
 * openSMILE's float32 chain that the formants need costs about as much as the rest of eGeMAPS.
 */
function egemapsFormants(samples: Float32Array, fs: number, hz: Float32Array, nP: number, all: boolean): Level {
  const p = plan20ms(fs, 4);
  const FR = makeLevel(nP, 6, ['F1frequency', 'F1bandwidth', 'F2frequency', 'F2bandwidth', 'F3frequency', 'F3bandwidth']);
  const formants = new FormantLpc(p.fft.n, p.L, fs);
  const frame = new Float32Array(p.L);
  const win = new Float32Array(p.L);
  const freq = new Float64Array(5);
  const bw = new Float64Array(5);
  for (let t = 0; t < nP; t++) {
    if (!all && !(hz[t] > 0)) continue;
    copyFrame(samples, t, p.L, p.H, frame);
    applyWindow(frame, p.win, win);
    formants.next(win, freq, bw);
    for (let k = 0; k < 3; k++) {
      FR.data[t * 6 + 2 * k] = freq[k];
      FR.data[t * 6 + 2 * k + 1] = bw[k];
    }
  }
  return FR;
}

/** Columns of the 20 ms level E: loudness, spectralFlux, mfcc1-4 (then alphaRatio, hammarberg, slopes for later use). */
const E_NAMES = [
  'loudness',
  'spectralFlux',
  'mfcc1',
  'mfcc2',
  'mfcc3',
  'mfcc4',
  'alphaRatio',
  'hammarbergIndex',
  'slope0-500',
  'slope500-1500',
];

/** eGeMAPSv02 frame-level LLD names (the 25 LLDs of openSMILE's eGeMAPS LLD output). */
export const EGEMAPS_LLD_NAMES = [
  'Loudness_sma3',
  'alphaRatio_sma3',
  'hammarbergIndex_sma3',
  'slope0-500_sma3',
  'slope500-1500_sma3',
  'spectralFlux_sma3',
  'mfcc1_sma3',
  'mfcc2_sma3',
  'mfcc3_sma3',
  'mfcc4_sma3',
  'F0semitoneFrom27.5Hz_sma3nz',
  'jitterLocal_sma3nz',
  'shimmerLocaldB_sma3nz',
  'HNRdBACF_sma3nz',
  'logRelF0-H1-H2_sma3nz',
  'logRelF0-H1-A3_sma3nz',
  'F1frequency_sma3nz',
  'F1bandwidth_sma3nz',
  'F1amplitudeLogRelF0_sma3nz',
  'F2frequency_sma3nz',
  'F2bandwidth_sma3nz',
  'F2amplitudeLogRelF0_sma3nz',
  'F3frequency_sma3nz',
  'F3bandwidth_sma3nz',
  'F3amplitudeLogRelF0_sma3nz',
];

export function extractEgemaps(samples: Float32Array, fs: number, withLld = false): FeatureSetOutput {
  if (samples.length < egemapsSet.minSamples(fs)) {
    throw new UserError(`too short for eGeMAPS (${samples.length} samples; at least ${egemapsSet.minSamples(fs)} needed)`);
  }
  const p = plan20ms(fs, 4);
  const n20 = frameCount(samples.length, p.L, p.H);
  const E = makeLevel(n20, E_NAMES.length, [...E_NAMES]);
  const frame = new Float32Array(p.L);
  const win = new Float32Array(p.L);
  const mag = new Float32Array(p.fft.n / 2 + 1);
  const bands = new Float32Array(26);
  const aud = new Float32Array(26);
  const mfcc = new Float32Array(4);
  const ls = new LogSpectral(mag.length, p.fsSpec);
  const lsOut = new Float32Array(LOG_SPECTRAL_NAMES.length);
  let energySum = 0;
  for (let t = 0; t < n20; t++) {
    copyFrame(samples, t, p.L, p.H, frame);
    energySum += meanSquareEnergy(frame, p.L); // egemapsv02_energyRMS (energy2) on the raw frame
    applyWindow(frame, p.win, win);
    const spec = p.fft.spectrum(win, true);
    // the magnitude does not depend on where the frame sits in the zero-padded buffer: reuse the spectrum
    p.fft.magnitudeOf(spec, mag);
    p.mel.apply(mag, bands);
    p.aud.plain(bands, aud);
    p.melHtk.apply(mag, bands);
    p.mfcc.apply(bands, mfcc);
    ls.next(mag, lsOut);
    const o = t * E.dims;
    E.data[o] = l1Mean(aud);
    E.data[o + 1] = lsOut[4];
    E.data.set(mfcc, o + 2);
    E.data.set(lsOut.subarray(0, 4), o + 6);
  }
  const Es = smoothLevels([E], false);
  // the eGeMAPS functionals see all N20 frames of the smoothed levels (checked against the goldens;
  // unlike the IS09-IS11 configs, whose functionals read at end of input while the deltas are two frames short)
  const nF = n20;
  const names = egemapsNames();
  const values = new Float32Array(names.length).fill(Number.NaN);
  const s = sets();
  const idx = (name: string): number => names.indexOf(name);
  const loud = levelColumn(Es, 0);
  s.mvr.apply(loud, nF, values, idx('loudness_sma3_amean'));
  ['spectralFlux', 'mfcc1', 'mfcc2', 'mfcc3', 'mfcc4'].forEach((l, k) =>
    s.ms.apply(levelColumn(Es, k + 1), nF, values, idx(`${l}_sma3_amean`)),
  );
  s.peaks.apply(loud, nF, values, idx('loudnessPeaksPerSec'));
  // F0 and the voiced / unvoiced selections (frame t of the 60 ms pitch level joins frame t of E)
  const pitch = egemapsPitch(samples, fs);
  const logF0 = pitch.semitone;
  // only the pitch frames the Viterbi smoother decided before the end of input reach the functionals (oS flushes
  // its trellis at end of input, but those frames never arrive): N60-1 when all paths merged, fewer otherwise
  const nP = Math.max(0, Math.min(pitch.decided, n20));
  const F0 = makeLevel(nP, 1, ['F0semitoneFrom27.5Hz']);
  F0.data.set(logF0.subarray(0, nP));
  const V = makeLevel(nP, VOICED_LLDS.length, [...VOICED_LLDS]);
  const UV = makeLevel(nP, UNVOICED_LLDS.length, [...UNVOICED_LLDS]);
  const FR = egemapsFormants(samples, fs, pitch.hz, nP, withLld);
  const specCols = [6, 7, 8, 9, 1, 2, 3, 4, 5];
  for (let t = 0; t < nP; t++) {
    const voiced = logF0[t] > 0.000001;
    for (let k = 0; k < 9; k++) {
      const v = E.data[t * E.dims + specCols[k]];
      if (voiced) V.data[t * 9 + k] = v;
      else if (k < 5) UV.data[t * 5 + k] = v;
    }
  }
  const F0s = smoothLevels([F0], true);
  const Vs = smoothLevels([V], true);
  const UVs = smoothLevels([UV], true);
  const nPF = nP;
  const f0c = levelColumn(F0s, 0);
  s.mvrNz.apply(f0c, nPF, values, idx('F0semitoneFrom27.5Hz_sma3nz_amean'));
  V.names.forEach((nm, k) => s.msNz.apply(levelColumn(Vs, k), nPF, values, idx(`${nm}_sma3nz_amean`)));
  UV.names.forEach((nm, k) => s.meanNz.apply(levelColumn(UVs, k), nPF, values, idx(`${nm}_sma3nz_amean`)));
  s.voicedSeg.apply(f0c, nPF, values, idx('VoicedSegmentsPerSec'));
  // harmonics-based voice quality (cHarmonics): 0 in unvoiced frames, smoothed and summarised over non-zeros
  const fTmp = new Float64Array(3);
  const HQ = makeLevel(nP, 6, [...HARMONICS_NAMES]);
  HQ.data.set(
    egemapsHarmonics(samples, fs, pitch.hz, nP, (t) => {
      for (let k = 0; k < 3; k++) fTmp[k] = FR.data[t * 6 + 2 * k];
      return fTmp;
    }),
  );
  const HQs = smoothLevels([HQ], true);
  // jitter and shimmer on the Viterbi F0 (gemapsv01b_pitchJitter)
  const jit = gemapsJitter(samples, fs, pitch.hz, nP);
  const JS = makeLevel(nP, 2, ['jitterLocal', 'shimmerLocaldB']);
  for (let t = 0; t < nP; t++) {
    JS.data[2 * t] = jit.jitterLocal[t];
    JS.data[2 * t + 1] = jit.shimmerLocalDB[t];
  }
  const JSs = smoothLevels([JS], true);
  JS.names.forEach((nm, k) => s.msNz.apply(levelColumn(JSs, k), nPF, values, idx(`${nm}_sma3nz_amean`)));
  // formants of voiced frames only (gemapsv01b_formantVoiced)
  const FRv = makeLevel(nP, 6, FR.names);
  for (let t = 0; t < nP; t++) if (logF0[t] > 0.000001) FRv.data.set(FR.data.subarray(t * 6, t * 6 + 6), t * 6);
  const FRs = smoothLevels([FRv], true);
  FR.names.forEach((nm, k) => s.msNz.apply(levelColumn(FRs, k), nPF, values, idx(`${nm}_sma3nz_amean`)));
  HQ.names.forEach((nm, k) => s.msNz.apply(levelColumn(HQs, k), nPF, values, idx(`${nm}_sma3nz_amean`)));
  s.pauseSeg.apply(f0c, nPF, values, idx('MeanUnvoicedSegmentLength'));
  const leq = Math.fround(energySum / Math.max(1, n20));
  values[idx('equivalentSoundLevel_dBp')] = leq > 0 ? 10 * Math.log10(leq) : -100;
  if (!withLld) return { values };
  // frame-level output (egemapsv02_lldsetE_smo; egemapsv02_lldsetF_smo): all formants, not only voiced ones.
  // Not compared with openSMILE (no eGeMAPS frame dumps are available).
  const FRall = makeLevel(nP, 6, FR.names);
  FRall.data.set(FR.data.subarray(0, nP * 6));
  const FRalls = smoothLevels([FRall], true);
  const frames = Math.min(Es.frames, F0s.frames);
  const D = EGEMAPS_LLD_NAMES.length;
  const data = new Float32Array(frames * D);
  const eCols = [0, 6, 7, 8, 9, 1, 2, 3, 4, 5];
  for (let t = 0; t < frames; t++) {
    const o = t * D;
    for (let k = 0; k < 10; k++) data[o + k] = Es.data[t * Es.dims + eCols[k]];
    data[o + 10] = F0s.data[t];
    data[o + 11] = JSs.data[t * 2];
    data[o + 12] = JSs.data[t * 2 + 1];
    for (let k = 0; k < 3; k++) data[o + 13 + k] = HQs.data[t * 6 + k];
    for (let f = 0; f < 3; f++) {
      data[o + 16 + 3 * f] = FRalls.data[t * 6 + 2 * f];
      data[o + 17 + 3 * f] = FRalls.data[t * 6 + 2 * f + 1];
      data[o + 18 + 3 * f] = HQs.data[t * 6 + 3 + f];
    }
  }
  return { values, lld: { names: [...EGEMAPS_LLD_NAMES], frames, data, frameStep: 0.01 } };
}

/** The eGeMAPSv02 feature set (registered in ./index.ts). */
export const egemapsSet: FeatureSet = {
  name: 'eGeMAPS',
  names: egemapsNames,
  minSamples: (fs) => Math.round(0.06 * fs) + 4 * Math.round(0.01 * fs),
  extract: (samples, fs, opts) => extractEgemaps(samples, fs, opts.lld ?? false),
};
