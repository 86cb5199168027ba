/**
 * openSMILE-compatible functionals (cFunctionals and its cFunctionalXxx sub-components).
 *
 * Typical use (one cFunctionals instance):
 *   const set = createFunctionalSet([{ type: 'percentiles', quartiles: true, iqr: true, percentiles: [0.01, 0.99], ranges: [[0, 1]] },
 *                                    { type: 'means', outputs: ['amean'] }], { nonZero: false });
 *   const out = new Float32Array(level.dims * set.names.length);
 *   set.applyToLevel(level, frames, out, 0);       // contour-major, oS order
 *   set.namesFor(level.names);                     // matching column names
 */
export * from './types.js';
export * from './functional-set.js';
export { EXTREMES_OUTPUTS, type ExtremesConfig, type ExtremesOutput } from './extremes.js';
export { MEANS_OUTPUTS, type MeansConfig, type MeansOutput } from './means.js';
export { MOMENTS_OUTPUTS, type MomentsConfig, type MomentsOutput } from './moments.js';
export { interpPercentile, percentileName, type PercentilesConfig } from './percentiles.js';
export { REGRESSION_OUTPUTS, type RegressionConfig, type RegressionOutput } from './regression.js';
export { TIMES_OUTPUTS, type TimesConfig, type TimesOutput } from './times.js';
export { ONSET_OUTPUTS, type OnsetConfig, type OnsetOutput } from './onset.js';
export { PEAKS_OUTPUTS, type PeaksConfig, type PeaksOutput } from './peaks.js';
export { PEAKS2_OUTPUTS, type Peaks2Config, type Peaks2Output } from './peaks2.js';
export { SEGMENTS_OUTPUTS, type SegmentsConfig, type SegmentsOutput } from './segments.js';
export type { LpcConfig } from './lpc.js';
