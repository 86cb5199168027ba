/**
 * IS10_paraling (1582 features = 68 contours × 21 functionals + 8 voiced-only contours × 19 + 2 Turn features).
 */
import { UserError } from '../../util/errors.js';
import { type Level, concatLevels, indexedNames, makeLevel, suffixName } from '../dsp/level.js';
import { framePlan } from '../dsp/framing.js';
import { createFunctionalSet } from '../functionals/index.js';
import { is10FrameLlds } from '../lld/is10.js';
import { IS10_PITCH, pitchTrack } from '../pitch/index.js';
import { computeJitter } from '../pitch/jitter.js';
import { smoothLevels } from '../contour/smoother.js';
import { deltaLevel } from '../contour/delta.js';
import type { FeatureSet, FeatureSetOutput } from './types.js';

/** lld1 names before smoothing (openSMILE's is10_lld level: 25 ms LLDs, F0 envelope, voicing). */
export const IS10_LLD1 = [
  'pcm_loudness',
  ...indexedNames('mfcc', 0, 14),
  ...indexedNames('logMelFreqBand', 0, 7),
  ...indexedNames('lspFreq', 0, 7),
  'F0finEnv',
  'voicingFinalUnclipped',
];
/** lld2 names before smoothing (is10_lld2, smoothed with noZeroSma: its functionals see voiced frames only). */
export const IS10_LLD2 = ['F0final', 'jitterLocal', 'jitterDDP', 'shimmerLocal'];

/** The functionals of is10_functL1, in openSMILE's order. */
const FUNCT_L1 = [
  'maxPos',
  'minPos',
  'amean',
  'linregc1',
  'linregc2',
  'linregerrA',
  'linregerrQ',
  'stddev',
  'skewness',
  'kurtosis',
  'quartile1',
  'quartile2',
  'quartile3',
  'iqr1-2',
  'iqr2-3',
  'iqr1-3',
  'percentile1.0',
  'percentile99.0',
  'pctlrange0-1',
  'upleveltime75',
  'upleveltime90',
];
const FUNCT_NZ = FUNCT_L1.filter((n) => n !== 'percentile1.0' && n !== 'pctlrange0-1');

/**
 * The 1582 names, `<contour>_<functional>`: lld1 contours then their deltas, each with all functionals; then the 8
 * lld2 contours; then F0final__Turn_onsetRate and F0final__Turn_duration.
 */
export function is10Names(): string[] {
  const out: string[] = [];
  const contours = (llds: string[]): string[] => [...llds.map((n) => suffixName(n, '_sma')), ...llds.map((n) => suffixName(n, '_sma_de'))];
  for (const c of contours(IS10_LLD1)) for (const fn of FUNCT_L1) out.push(`${c}_${fn}`);
  for (const c of contours(IS10_LLD2)) for (const fn of FUNCT_NZ) out.push(`${c}_${fn}`);
  out.push('F0final__Turn_onsetRate', 'F0final__Turn_duration');
  return out;
}

const L1 = createFunctionalSet(
  [
    { type: 'extremes', outputs: ['maxPos', 'minPos', 'amean'], norm: 'frame' },
    { type: 'regression', outputs: ['linregc1', 'linregc2', 'linregerrA', 'linregerrQ'] },
    { type: 'moments', outputs: ['stddev', 'skewness', 'kurtosis'] },
    { type: 'percentiles', quartiles: true, iqr: true, percentiles: [0.01, 0.99], ranges: [[0, 1]], interp: true },
    { type: 'times', outputs: ['upleveltime75', 'upleveltime90'], norm: 'segment' },
  ],
  { nonZero: false },
);
const NZ = createFunctionalSet(
  [
    { type: 'extremes', outputs: ['maxPos', 'minPos', 'amean'], norm: 'frame' },
    { type: 'regression', outputs: ['linregc1', 'linregc2', 'linregerrA', 'linregerrQ'] },
    { type: 'moments', outputs: ['stddev', 'skewness', 'kurtosis'] },
    { type: 'percentiles', quartiles: true, iqr: true, percentiles: [0.99], interp: true },
    { type: 'times', outputs: ['upleveltime75', 'upleveltime90'], norm: 'segment' },
  ],
  { nonZero: true },
);
const ONSETS = createFunctionalSet([
  { type: 'onset', outputs: ['onsetRate'], threshold: 0 },
  { type: 'times', outputs: ['duration'], norm: 'second' },
]);

/**
 * The IS10 LLD levels (smoothed LLDs and deltas) and the frame counts the functionals read: M − 2 with M the
 * shortest input level, because openSMILE's functionals read at end of input, while the delta level is two frames short.
 */
export interface Is10Levels {
  lld1: Level;
  delta1: Level;
  lld2: Level;
  delta2: Level;
  F0final: Float32Array;
  /** frames of lld1/delta1 read by the functionals (M1 − 2) */
  n1: number;
  /** frames of lld2/delta2 read by the functionals (M2 − 2) */
  n2: number;
}

/** The smoothed LLD and delta levels of a file, with the frame counts the functionals read. */
export function is10Levels(samples: Float32Array, fs: number): Is10Levels {
  const frameLlds = is10FrameLlds(samples, fs);
  const pitch = pitchTrack(samples, fs, IS10_PITCH);
  const NP = pitch.frames;
  const pitchLevel = makeLevel(NP, 2, ['F0finEnv', 'voicingFinalUnclipped']);
  for (let t = 0; t < NP; t++) {
    pitchLevel.data[2 * t] = pitch.F0finEnv[t];
    pitchLevel.data[2 * t + 1] = pitch.voicingFinalUnclipped[t];
  }
  const f0Level: Level = { frames: NP, dims: 1, data: pitch.F0final, names: ['F0final'] };
  const jit = computeJitter(samples, fs, pitch.F0final, { searchRangeRel: 0.2 });
  const jitLevel = makeLevel(jit.frames, 3, ['jitterLocal', 'jitterDDP', 'shimmerLocal']);
  for (let t = 0; t < jit.frames; t++) {
    jitLevel.data[3 * t] = jit.jitterLocal[t];
    jitLevel.data[3 * t + 1] = jit.jitterDDP[t];
    jitLevel.data[3 * t + 2] = jit.shimmerLocal[t];
  }
  const M1 = Math.min(frameLlds.frames, NP);
  const M2 = Math.min(NP, jit.frames);
  const lld1 = smoothLevels([frameLlds, pitchLevel], false);
  const delta1 = deltaLevel(lld1);
  const lld2 = smoothLevels([f0Level, jitLevel], true);
  const delta2 = deltaLevel(lld2, { onlyInSegments: true });
  return { lld1, delta1, lld2, delta2, F0final: pitch.F0final, n1: Math.max(0, M1 - 2), n2: Math.max(0, M2 - 2) };
}

function minSamples(fs: number): number {
  // the functionals read NP − 2 = N60 − 3 frames (end-of-input frame count); at least one is needed
  const { length, hop } = framePlan(0.06, 0.01, fs);
  return length + 3 * hop;
}

/** The IS10_paraling feature set (registered in ./index.ts). */
export const is10Set: FeatureSet = {
  name: 'IS10',
  names: is10Names,
  minSamples,
  extract(samples, fs, opts) {
    if (samples.length < minSamples(fs)) {
      throw new UserError(
        `too short for IS10: ${samples.length} samples (${(samples.length / fs).toFixed(3)} s), at least ${minSamples(fs)} needed`,
      );
    }
    const lv = is10Levels(samples, fs);
    const values = new Float32Array(1582);
    let off = 0;
    off = L1.applyToLevel(lv.lld1, lv.n1, values, off);
    off = L1.applyToLevel(lv.delta1, lv.n1, values, off);
    off = NZ.applyToLevel(lv.lld2, lv.n2, values, off);
    off = NZ.applyToLevel(lv.delta2, lv.n2, values, off);
    ONSETS.apply(lv.F0final, lv.F0final.length, values, off);
    const out: FeatureSetOutput = { values };
    if (opts.lld) {
      const levels = [lv.lld1, lv.lld2, lv.delta1, lv.delta2];
      const frames = Math.min(...levels.map((l) => l.frames));
      const cat = concatLevels(levels, frames);
      out.lld = { names: cat.names, frames, data: cat.data, frameStep: 0.01 };
    }
    return out;
  },
};
