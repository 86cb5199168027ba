/**
 * IS11_speaker_state (4368 features = 108 contours × 37 functionals + 10 voiced-only contours × 36 + 2 F0 contours × 6).
 *
 * Levels (openSMILE's smoothing groups lldA_smo, lldB_smo, lld_nzsmo): A = audspec/audspecRasta L1 means,
 * RMS energy, ZCR (20 ms frames);
 * B = 26 RASTA auditory bands, 12 spectral descriptors, HTK MFCC 1-12 (20 ms frames);
 * Nz = F0final, voicing, jitterLocal, jitterDDP, shimmerLocal (pitch rate), smoothed with noZeroSma.
 * Functionals see N20-2 frames of A/B and M-2 frames of Nz/F0, M = min(NP, NJ) (openSMILE's
 * functionals read at end of input, while the delta level is still two frames short).
 */
import { UserError } from '../../util/errors.js';
import { deltaLevel } from '../contour/delta.js';
import { smoothLevels } from '../contour/smoother.js';
import { copyFrame, frameCount } from '../dsp/framing.js';
import { indexedNames, levelColumn, makeLevel, type Level } from '../dsp/level.js';
import { applyWindow } from '../dsp/window.js';
import { l1Mean, RastaAuditorySpectrum } from '../lld/audspec.js';
import { rmsEnergy } from '../lld/energy.js';
import { SPECTRAL_NAMES, SpectralFeatures } from '../lld/spectral.js';
import { zeroCrossingRate } from '../lld/zcr.js';
import { computeJitter } from '../pitch/jitter.js';
import { IS11_PITCH, pitchTrack } from '../pitch/index.js';
import { is11Functionals, type Is11FunctionalSets } from './is11-functionals.js';
import { plan20ms } from './plan-20ms.js';
import type { FeatureSet, FeatureSetOutput, LldOutput } from './types.js';

/** LLD names before smoothing, in level order (openSMILE's smoA, smoB and smoNz inputs). */
export const IS11_LLD_A = ['audspec_lengthL1norm', 'audspecRasta_lengthL1norm', 'pcm_RMSenergy', 'pcm_zcr'];
export const IS11_LLD_B = [
  ...indexedNames('audSpec_Rfilt', 0, 25),
  ...SPECTRAL_NAMES.map((n) => `pcm_fftMag_${n}`),
  ...indexedNames('pcm_fftMag_mfcc', 1, 12),
];
export const IS11_LLD_NZ = ['F0final', 'voicingFinalUnclipped', 'jitterLocal', 'jitterDDP', 'shimmerLocal'];

/** Inserts a suffix before an array index: mfcc[3] + _sma_de -> mfcc_sma_de[3] (openSMILE's naming of smoothed and delta contours). */
function suffixName(name: string, suffix: string): string {
  const b = name.indexOf('[');
  return b < 0 ? name + suffix : name.slice(0, b) + suffix + name.slice(b);
}

const sma = (names: readonly string[]): string[] => names.map((n) => suffixName(n, '_sma'));
const smaDe = (names: readonly string[]): string[] => names.map((n) => suffixName(n, '_sma_de'));

let functionalsCache: Is11FunctionalSets | undefined;
function functionals(): Is11FunctionalSets {
  functionalsCache ??= is11Functionals();
  return functionalsCache;
}

/** The 4368 names, `<contour>_<functional>`: groups A, B, Nz, F0, each with its LLDs then their deltas. */
export function is11Names(): string[] {
  const fs = functionals();
  return [
    ...fs.A.namesFor([...sma(IS11_LLD_A), ...smaDe(IS11_LLD_A)]),
    ...fs.B.namesFor([...sma(IS11_LLD_B), ...smaDe(IS11_LLD_B)]),
    ...fs.Nz.namesFor([...sma(IS11_LLD_NZ), ...smaDe(IS11_LLD_NZ)]),
    ...fs.F0.namesFor(['F0final_sma_ff0', 'F0final_sma_ff0_de']),
  ];
}

/** Raw (unsmoothed) 20 ms LLD levels A (4) and B (50), N20 frames each. */
function lld20(samples: Float32Array, fs: number): { A: Level; B: Level } {
  const p = plan20ms(fs, 12);
  const n20 = frameCount(samples.length, p.L, p.H);
  const A = makeLevel(n20, IS11_LLD_A.length, [...IS11_LLD_A]);
  const B = makeLevel(n20, IS11_LLD_B.length, [...IS11_LLD_B]);
  const frame = new Float32Array(p.L);
  const windowed = new Float32Array(p.L);
  const mag = new Float32Array(p.fft.n / 2 + 1);
  const bands = new Float32Array(26);
  const bandsHtk = new Float32Array(26);
  const aud = new Float32Array(26);
  const rastaOut = new Float32Array(26);
  const rasta = new RastaAuditorySpectrum(p.centerFreqs);
  const spectral = new SpectralFeatures(mag.length, p.fsSpec);
  const spec = new Float32Array(SPECTRAL_NAMES.length);
  const mfcc = new Float32Array(12);
  for (let t = 0; t < n20; t++) {
    copyFrame(samples, t, p.L, p.H, frame);
    const a = t * A.dims;
    A.data[a + 2] = rmsEnergy(frame, p.L);
    A.data[a + 3] = zeroCrossingRate(frame, p.L);
    // IS11's win25 reads frame25, not the pre-emphasised copy: the spectra are computed from the Hamming-windowed
    // raw frame (no pre-emphasis)
    applyWindow(frame, p.win, windowed);
    p.fft.magnitude(windowed, false, mag);
    p.mel.apply(mag, bands);
    p.aud.plain(bands, aud);
    rasta.next(bands, rastaOut);
    A.data[a] = l1Mean(aud);
    A.data[a + 1] = l1Mean(rastaOut);
    spectral.next(mag, spec);
    p.melHtk.apply(mag, bandsHtk);
    p.mfcc.apply(bandsHtk, mfcc);
    const b = t * B.dims;
    B.data.set(rastaOut, b);
    B.data.set(spec, b + 26);
    B.data.set(mfcc, b + 38);
  }
  return { A, B };
}

/** The smoothed LLD levels and their deltas (stage tests, --lld). */
export interface Is11Levels {
  /** Frames of the 20 ms levels (N20) and of the shortest pitch-rate level (M = min(NP, NJ)). */
  n20: number;
  m: number;
  A: Level;
  Ade: Level;
  B: Level;
  Bde: Level;
  Nz: Level;
  NzDe: Level;
}

/** The smoothed LLD levels of a file and their deltas, with the frame counts N20 and M. */
export function is11Levels(samples: Float32Array, fs: number): Is11Levels {
  const { A: rawA, B: rawB } = lld20(samples, fs);
  const pitch = pitchTrack(samples, fs, IS11_PITCH);
  const jit = computeJitter(samples, fs, pitch.F0final, { searchRangeRel: 0.25 });
  const pitchLevel = makeLevel(pitch.frames, 2, ['F0final', 'voicingFinalUnclipped']);
  for (let t = 0; t < pitch.frames; t++) {
    pitchLevel.data[2 * t] = pitch.F0final[t];
    pitchLevel.data[2 * t + 1] = pitch.voicingFinalUnclipped[t];
  }
  const jitLevel = makeLevel(jit.frames, 3, ['jitterLocal', 'jitterDDP', 'shimmerLocal']);
  for (let t = 0; t < jit.frames; t++) {
    jitLevel.data[3 * t] = jit.jitterLocal[t];
    jitLevel.data[3 * t + 1] = jit.jitterDDP[t];
    jitLevel.data[3 * t + 2] = jit.shimmerLocal[t];
  }
  const A = smoothLevels([rawA], false);
  const B = smoothLevels([rawB], false);
  const Nz = smoothLevels([pitchLevel, jitLevel], true);
  return {
    n20: rawA.frames,
    m: Math.min(pitch.frames, jit.frames),
    A,
    Ade: deltaLevel(A),
    B,
    Bde: deltaLevel(B),
    Nz,
    NzDe: deltaLevel(Nz),
  };
}

/** Frame-level output in the layout of openSMILE's IS11 LLD CSV (Nz, A, B, then their deltas). */
function lldOutput(lv: Is11Levels): LldOutput {
  const levels = [lv.Nz, lv.A, lv.B, lv.NzDe, lv.Ade, lv.Bde];
  const names = [
    ...sma(IS11_LLD_NZ),
    ...sma(IS11_LLD_A),
    ...sma(IS11_LLD_B),
    ...smaDe(IS11_LLD_NZ),
    ...smaDe(IS11_LLD_A),
    ...smaDe(IS11_LLD_B),
  ];
  const frames = Math.min(lv.Nz.frames, lv.A.frames);
  const data = new Float32Array(frames * names.length);
  for (let t = 0; t < frames; t++) {
    let o = t * names.length;
    for (const l of levels) {
      data.set(l.data.subarray(t * l.dims, (t + 1) * l.dims), o);
      o += l.dims;
    }
  }
  return { names, frames, data, frameStep: 0.01 };
}

export function extractIs11(samples: Float32Array, fs: number, withLld = false): FeatureSetOutput {
  if (samples.length < is11Set.minSamples(fs)) {
    throw new UserError(`too short for IS11 (${samples.length} samples; at least ${is11Set.minSamples(fs)} needed)`);
  }
  const lv = is11Levels(samples, fs);
  const f = functionals();
  const values = new Float32Array(4368);
  const nAB = Math.max(0, lv.n20 - 2);
  const nNz = Math.max(0, lv.m - 2);
  let off = 0;
  off = f.A.applyToLevel(lv.A, nAB, values, off);
  off = f.A.applyToLevel(lv.Ade, nAB, values, off);
  off = f.B.applyToLevel(lv.B, nAB, values, off);
  off = f.B.applyToLevel(lv.Bde, nAB, values, off);
  off = f.Nz.applyToLevel(lv.Nz, nNz, values, off);
  off = f.Nz.applyToLevel(lv.NzDe, nNz, values, off);
  // cDataSelector f0sel: F0final_sma_ff0 is a copy of F0final_sma; its delta equals F0final_sma_de
  f.F0.apply(levelColumn(lv.Nz, 0), nNz, values, off);
  off += f.F0.names.length;
  f.F0.apply(levelColumn(lv.NzDe, 0), nNz, values, off);
  off += f.F0.names.length;
  if (off !== values.length) throw new Error(`IS11: produced ${off} values, expected ${values.length}`);
  return withLld ? { values, lld: lldOutput(lv) } : { values };
}

/** The IS11_speaker_state feature set (registered in ./index.ts). */
export const is11Set: FeatureSet = {
  name: 'IS11',
  names: is11Names,
  // at least a few 60 ms pitch frames so that M - 2 >= 1 (the functionals read M - 2 pitch-rate frames)
  minSamples: (fs) => Math.round(0.06 * fs) + 4 * Math.round(0.01 * fs),
  extract: (samples, fs, opts) => extractIs11(samples, fs, opts.lld ?? false),
};
