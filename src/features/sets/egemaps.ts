/**
 * eGeMAPSv02 (88 features, spec 13.3; configs egemaps/v02/eGeMAPSv02_core.*.inc + gemaps/v01b).
 *
 * API:
 *   egemapsSet: FeatureSet                      (registered in ./index.ts)
 *   egemapsNames(): string[]                    the 88 names in openSMILE's order
 *   EGEMAPS_IMPLEMENTED: ReadonlySet<string>    names computed here; every other output is NaN (see below)
 *
 * Implemented from the 20 ms Hamming-windowed magnitude spectrum: loudness (mean of the auditory
 * spectrum, as IS11's audspec_lengthL1norm) with its 10 functionals and loudnessPeaksPerSec (cFunctionalPeaks2),
 * spectralFlux (0-5 kHz) and MFCC 1-4 (amean, stddevNorm), equivalentSoundLevel_dBp (10·log10 of the mean
 * frame energy).
 * NOT implemented (output NaN): everything that depends on F0 from SHS + cPitchSmootherViterbi (F0 semitone
 * statistics, the voiced/unvoiced-selected spectral features, jitter, shimmer, HNR, H1-H2, H1-A3, formants,
 * voiced/unvoiced segment statistics).
 */
import { UserError } from '../../util/errors.js';
import { smoothLevels } from '../contour/smoother.js';
import { getFft, nextPow2, type RealFft } from '../dsp/fft.js';
import { copyFrame, frameCount, framePlan } from '../dsp/framing.js';
import { levelColumn, makeLevel } from '../dsp/level.js';
import { MelFilterbank } from '../dsp/melspec.js';
import { Mfcc } from '../dsp/mfcc.js';
import { applyWindow, hammingWindow } from '../dsp/window.js';
import { createFunctionalSet, type FunctionalSet } from '../functionals/index.js';
import { AuditorySpectrum, l1Mean } from '../lld/audspec.js';
import { LOG_SPECTRAL_NAMES, LogSpectral } from '../lld/log-spectral.js';
import type { FeatureSet, FeatureSetOutput } from './types.js';

const F_MVR = ['amean', 'stddevNorm', 'percentile20.0', 'percentile50.0', 'percentile80.0', 'pctlrange0-2', 'meanRisingSlope', 'stddevRisingSlope', 'meanFallingSlope', 'stddevFallingSlope'];
const F_MS = ['amean', 'stddevNorm'];

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
  for (const l of ['alphaRatioV', 'hammarbergIndexV', 'slopeV0-500', 'slopeV500-1500', 'spectralFluxV', 'mfcc1V', 'mfcc2V', 'mfcc3V', 'mfcc4V']) add(`${l}_sma3nz`, F_MS);
  for (const l of ['alphaRatioUV', 'hammarbergIndexUV', 'slopeUV0-500', 'slopeUV500-1500', 'spectralFluxUV']) add(`${l}_sma3nz`, ['amean']);
  out.push('loudnessPeaksPerSec', 'VoicedSegmentsPerSec', 'MeanVoicedSegmentLengthSec', 'StddevVoicedSegmentLengthSec', 'MeanUnvoicedSegmentLength', 'StddevUnvoicedSegmentLength', 'equivalentSoundLevel_dBp');
  return out;
}

const IMPLEMENTED_LIST = [
  ...F_MVR.map((fn) => `loudness_sma3_${fn}`),
  ...['spectralFlux', 'mfcc1', 'mfcc2', 'mfcc3', 'mfcc4'].flatMap((l) => F_MS.map((fn) => `${l}_sma3_${fn}`)),
  'loudnessPeaksPerSec',
  'equivalentSoundLevel_dBp',
];
export const EGEMAPS_IMPLEMENTED: ReadonlySet<string> = new Set(IMPLEMENTED_LIST);

interface Sets { mvr: FunctionalSet; ms: FunctionalSet; peaks: FunctionalSet }
let setsCache: Sets | undefined;
function sets(): Sets {
  setsCache ??= {
    mvr: createFunctionalSet([
      { type: 'moments', outputs: ['amean', 'stddevNorm'], stddevNorm: 'signed' },
      { type: 'percentiles', percentiles: [0.2, 0.5, 0.8], ranges: [[0, 2]], interp: true },
      { type: 'peaks2', outputs: ['meanRisingSlope', 'stddevRisingSlope', 'meanFallingSlope', 'stddevFallingSlope'], relThresh: 0.1 },
    ]),
    ms: createFunctionalSet([{ type: 'moments', outputs: ['amean', 'stddevNorm'], stddevNorm: 'signed' }]),
    peaks: createFunctionalSet([{ type: 'peaks2', outputs: ['numPeaks'], relThresh: 0.1, norm: 'second' }]),
  };
  return setsCache;
}

interface Plan20 {
  L: number;
  H: number;
  fft: RealFft;
  win: Float32Array;
  mel: MelFilterbank;
  melHtk: MelFilterbank;
  mfcc: Mfcc;
  aud: AuditorySpectrum;
}
const plans = new Map<number, Plan20>();
function plan20(fs: number): Plan20 {
  let p = plans.get(fs);
  if (!p) {
    const { length: L, hop: H } = framePlan(0.02, 0.01, fs);
    const nfft = nextPow2(L);
    const mel = new MelFilterbank({ nBands: 26, loFreq: 20, hiFreq: 8000, usePower: true, htkCompatible: false }, nfft, fs);
    p = {
      L,
      H,
      fft: getFft(nfft),
      win: hammingWindow(L),
      mel,
      melHtk: new MelFilterbank({ nBands: 26, loFreq: 20, hiFreq: 8000, usePower: true, htkCompatible: true }, nfft, fs),
      mfcc: new Mfcc({ nBands: 26, firstMfcc: 1, lastMfcc: 4, cepLifter: 22, htkCompatible: true }),
      aud: new AuditorySpectrum(mel.centerFreqs),
    };
    plans.set(fs, p);
  }
  return p;
}

/** Columns of the 20 ms level E: loudness, spectralFlux, mfcc1-4 (then alphaRatio, hammarberg, slopes for later use). */
const E_NAMES = ['loudness', 'spectralFlux', 'mfcc1', 'mfcc2', 'mfcc3', 'mfcc4', 'alphaRatio', 'hammarbergIndex', 'slope0-500', 'slope500-1500'];

export function extractEgemaps(samples: Float32Array, fs: number): FeatureSetOutput {
  if (samples.length < egemapsSet.minSamples(fs)) {
    throw new UserError(`too short for eGeMAPS (${samples.length} samples; at least ${egemapsSet.minSamples(fs)} needed)`);
  }
  const p = plan20(fs);
  const n20 = frameCount(samples.length, p.L, p.H);
  const E = makeLevel(n20, E_NAMES.length, [...E_NAMES]);
  const frame = new Float32Array(p.L);
  const win = new Float32Array(p.L);
  const mag = new Float32Array(p.fft.n / 2 + 1);
  const bands = new Float32Array(26);
  const aud = new Float32Array(26);
  const mfcc = new Float32Array(4);
  const ls = new LogSpectral(mag.length, fs);
  const lsOut = new Float32Array(LOG_SPECTRAL_NAMES.length);
  let energySum = 0;
  for (let t = 0; t < n20; t++) {
    copyFrame(samples, t, p.L, p.H, frame);
    let e = 0;
    for (let i = 0; i < p.L; i++) e += frame[i] * frame[i];
    energySum += Math.fround(e / p.L);
    applyWindow(frame, p.win, win);
    p.fft.magnitude(win, false, mag);
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
  // unlike the IS09-IS11 configs, which lose the last two at end of input, spec 1.4)
  const nF = n20;
  const names = egemapsNames();
  const values = new Float32Array(names.length).fill(Number.NaN);
  const s = sets();
  const idx = (name: string): number => names.indexOf(name);
  const loud = levelColumn(Es, 0);
  s.mvr.apply(loud, nF, values, idx('loudness_sma3_amean'));
  ['spectralFlux', 'mfcc1', 'mfcc2', 'mfcc3', 'mfcc4'].forEach((l, k) => s.ms.apply(levelColumn(Es, k + 1), nF, values, idx(`${l}_sma3_amean`)));
  s.peaks.apply(loud, nF, values, idx('loudnessPeaksPerSec'));
  const leq = Math.fround(energySum / Math.max(1, n20));
  values[idx('equivalentSoundLevel_dBp')] = leq > 0 ? 10 * Math.log10(leq) : -100;
  return { values };
}

export const egemapsSet: FeatureSet = {
  name: 'eGeMAPS',
  names: egemapsNames,
  minSamples: (fs) => Math.round(0.06 * fs) + 4 * Math.round(0.01 * fs),
  extract: (samples, fs) => extractEgemaps(samples, fs),
};
