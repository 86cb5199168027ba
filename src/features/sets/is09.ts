/**
 * IS09_emotion (384 features = 16 LLDs · 2 (with deltas) · 12 functionals; config
 * is09-13/IS09_emotion_core.*.inc).
 *
 * LLDs per 25 ms frame (hop 10 ms): pcm_RMSenergy of the pre-emphasised Hamming frame, MFCC 1-12
 * (26 mel bands 0-8000 Hz on the magnitude spectrum, HTK scaling, lifter 22), pcm_zcr of the raw frame,
 * voiceProb and F0 from cPitchACF (ACF + cepstrum, maxPitch 500 Hz, voicingCutoff 0.55); smoothed (sma 3)
 * and delta regression (W=2); functionals over the first N25-2 frames (openSMILE's
 * functionals read their input at end of input, while the delta level is still two frames short).
 */
import { UserError } from '../../util/errors.js';
import { deltaLevel } from '../contour/delta.js';
import { smoothLevels } from '../contour/smoother.js';
import { getFft, nextPow2, type RealFft } from '../dsp/fft.js';
import { copyFrame, frameCount, framePlan, spectralRate } from '../dsp/framing.js';
import { indexedNames, makeLevel, type Level } from '../dsp/level.js';
import { MelFilterbank } from '../dsp/melspec.js';
import { Mfcc } from '../dsp/mfcc.js';
import { preemphasize } from '../dsp/preemphasis.js';
import { applyWindow, hammingWindow } from '../dsp/window.js';
import { createFunctionalSet, type FunctionalSet } from '../functionals/index.js';
import { SpectralAcf } from '../lld/acf.js';
import { rmsEnergy } from '../lld/energy.js';
import { PitchAcf } from '../lld/pitch-acf.js';
import { zeroCrossingRate } from '../lld/zcr.js';
import type { FeatureSet, FeatureSetOutput, LldOutput } from './types.js';

export const IS09_LLD = ['pcm_RMSenergy', ...indexedNames('pcm_fftMag_mfcc', 1, 12), 'pcm_zcr', 'voiceProb', 'F0'];

function suffixName(name: string, suffix: string): string {
  const b = name.indexOf('[');
  return b < 0 ? name + suffix : name.slice(0, b) + suffix + name.slice(b);
}

let functionalsCache: FunctionalSet | undefined;
function functionals(): FunctionalSet {
  functionalsCache ??= createFunctionalSet([
    { type: 'extremes', outputs: ['max', 'min', 'range', 'maxPos', 'minPos', 'amean'], norm: 'frame' },
    { type: 'regression', outputs: ['linregc1', 'linregc2', 'linregerrQ'], oldBuggyQerr: true },
    { type: 'moments', outputs: ['stddev', 'skewness', 'kurtosis'] },
  ]);
  return functionalsCache;
}

/** The 384 names (16 LLDs + deltas × 12 functionals). */
export function is09Names(): string[] {
  return functionals().namesFor([...IS09_LLD.map((n) => suffixName(n, '_sma')), ...IS09_LLD.map((n) => suffixName(n, '_sma_de'))]);
}

interface Plan25 {
  L: number;
  H: number;
  fft: RealFft;
  win: Float32Array;
  mel: MelFilterbank;
  mfcc: Mfcc;
  fftFrameSec: number;
}
const plans = new Map<number, Plan25>();

function plan25(fs: number): Plan25 {
  let p = plans.get(fs);
  if (!p) {
    const { length: L, hop: H } = framePlan(0.025, 0.01, fs);
    const nfft = nextPow2(L);
    const fsSpec = spectralRate(0.025, L, fs);
    p = {
      L,
      H,
      fft: getFft(nfft),
      win: hammingWindow(L),
      mel: new MelFilterbank({ nBands: 26, loFreq: 0, hiFreq: 8000, usePower: false, htkCompatible: true }, nfft, fsSpec),
      mfcc: new Mfcc({ nBands: 26, firstMfcc: 1, lastMfcc: 12, cepLifter: 22, htkCompatible: true }),
      fftFrameSec: nfft / fsSpec,
    };
    plans.set(fs, p);
  }
  return p;
}

/** Smoothed LLDs and deltas (N25+1 frames). */
export function is09Levels(samples: Float32Array, fs: number): { n25: number; lld: Level; de: Level } {
  const p = plan25(fs);
  const n25 = frameCount(samples.length, p.L, p.H);
  const raw = makeLevel(n25, IS09_LLD.length, [...IS09_LLD]);
  const nfft = p.fft.n;
  const frame = new Float32Array(p.L);
  const pe = new Float32Array(p.L);
  const win = new Float32Array(p.L);
  const mag = new Float32Array(nfft / 2 + 1);
  const bands = new Float32Array(26);
  const mfcc = new Float32Array(12);
  const acfBuf = new Float32Array(nfft / 2);
  const cepBuf = new Float32Array(nfft / 2);
  const acf = new SpectralAcf(mag.length);
  const pitch = new PitchAcf(nfft / 2, p.fftFrameSec, { maxPitch: 500, voicingCutoff: 0.55 });
  const D = raw.dims;
  for (let t = 0; t < n25; t++) {
    copyFrame(samples, t, p.L, p.H, frame);
    preemphasize(frame, 0.97, pe);
    applyWindow(pe, p.win, win);
    p.fft.magnitude(win, false, mag);
    p.mel.apply(mag, bands);
    p.mfcc.apply(bands, mfcc);
    acf.acf(mag, acfBuf);
    acf.cepstrum(mag, cepBuf);
    const [voiceProb, f0] = pitch.next(acfBuf, cepBuf);
    const o = t * D;
    raw.data[o] = rmsEnergy(win, p.L);
    raw.data.set(mfcc, o + 1);
    raw.data[o + 13] = zeroCrossingRate(frame, p.L);
    raw.data[o + 14] = voiceProb;
    raw.data[o + 15] = f0;
  }
  const lld = smoothLevels([raw], false);
  return { n25, lld, de: deltaLevel(lld) };
}

/** Frame-level output: the 16 smoothed LLDs then their deltas (openSMILE's LLD CSV layout). */
function lldOutput(lld: Level, de: Level): LldOutput {
  const names = [...IS09_LLD.map((n) => suffixName(n, '_sma')), ...IS09_LLD.map((n) => suffixName(n, '_sma_de'))];
  const frames = lld.frames;
  const data = new Float32Array(frames * names.length);
  for (let t = 0; t < frames; t++) {
    data.set(lld.data.subarray(t * lld.dims, (t + 1) * lld.dims), t * names.length);
    data.set(de.data.subarray(t * de.dims, (t + 1) * de.dims), t * names.length + lld.dims);
  }
  return { names, frames, data, frameStep: 0.01 };
}

export function extractIs09(samples: Float32Array, fs: number, withLld = false): FeatureSetOutput {
  if (samples.length < is09Set.minSamples(fs)) {
    throw new UserError(`too short for IS09 (${samples.length} samples; at least ${is09Set.minSamples(fs)} needed)`);
  }
  const lv = is09Levels(samples, fs);
  const f = functionals();
  const values = new Float32Array(384);
  const n = Math.max(0, lv.n25 - 2);
  let off = f.applyToLevel(lv.lld, n, values, 0);
  off = f.applyToLevel(lv.de, n, values, off);
  if (off !== values.length) throw new Error(`IS09: produced ${off} values, expected ${values.length}`);
  return withLld ? { values, lld: lldOutput(lv.lld, lv.de) } : { values };
}

/** The IS09_emotion feature set (registered in ./index.ts). */
export const is09Set: FeatureSet = {
  name: 'IS09',
  names: is09Names,
  minSamples: (fs) => Math.round(0.025 * fs) + 2 * Math.round(0.01 * fs),
  extract: (samples, fs, opts) => extractIs09(samples, fs, opts.lld ?? false),
};
