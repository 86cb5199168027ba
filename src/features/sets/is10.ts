/**
 * IS10_paraling (1582 features, spec 6-7).
 *
 * API:
 *   is10Set: FeatureSet          (registered in ./index.ts)
 *   is10Names(): string[]        the 1582 names generated from the naming rules of spec 7.3
 */
import { UserError } from '../../util/errors.js';
import { indexedNames } from '../dsp/level.js';
import type { FeatureSet } from './types.js';

/** spec 6.6: lld1 names before smoothing */
export const IS10_LLD1 = [
  'pcm_loudness',
  ...indexedNames('mfcc', 0, 14),
  ...indexedNames('logMelFreqBand', 0, 7),
  ...indexedNames('lspFreq', 0, 7),
  'F0finEnv',
  'voicingFinalUnclipped',
];
export const IS10_LLD2 = ['F0final', 'jitterLocal', 'jitterDDP', 'shimmerLocal'];

/** spec 7.2 */
const FUNCT_L1 = [
  'maxPos', 'minPos', 'amean',
  'linregc1', 'linregc2', 'linregerrA', 'linregerrQ',
  'stddev', 'skewness', 'kurtosis',
  'quartile1', 'quartile2', 'quartile3', 'iqr1-2', 'iqr2-3', 'iqr1-3', 'percentile1.0', 'percentile99.0', 'pctlrange0-1',
  'upleveltime75', 'upleveltime90',
];
const FUNCT_NZ = FUNCT_L1.filter((n) => n !== 'percentile1.0' && n !== 'pctlrange0-1');

/** Inserts `_sma` / `_sma_de` before an array index: mfcc[3] -> mfcc_sma_de[3] (spec 5). */
export function suffixName(name: string, suffix: string): string {
  const b = name.indexOf('[');
  return b < 0 ? name + suffix : name.slice(0, b) + suffix + name.slice(b);
}

export function is10Names(): string[] {
  const out: string[] = [];
  const contours = (llds: string[]): string[] => [...llds.map((n) => suffixName(n, '_sma')), ...llds.map((n) => suffixName(n, '_sma_de'))];
  for (const c of contours(IS10_LLD1)) for (const fn of FUNCT_L1) out.push(`${c}_${fn}`);
  for (const c of contours(IS10_LLD2)) for (const fn of FUNCT_NZ) out.push(`${c}_${fn}`);
  out.push('F0final__Turn_onsetRate', 'F0final__Turn_duration');
  return out;
}

export const is10Set: FeatureSet = {
  name: 'IS10',
  names: is10Names,
  minSamples: (fs) => Math.round(0.06 * fs) + 4 * Math.round(0.01 * fs),
  extract() {
    throw new UserError('IS10 extraction is not implemented yet');
  },
};
