/**
 * Jitter and shimmer as configured for GeMAPS/eGeMAPS (gemapsv01b_pitchJitter: cPitchJitter with
 * searchRangeRel 0.1, minCC 0.5, useBrokenJitterThresh 0, shimmerLocalDB). The period search is the one
 * of cPitchJitter (pitch/period-search.ts, shared with the IS10/IS11 configuration); the
 * differences here: a period is accepted when its interpolated correlation exceeds the fixed 0.5, the F0
 * frames are the Viterbi pitch frames (frame t starts at sample t·hop), and shimmer is reported in dB.
 */
import { searchPeriods } from '../pitch/period-search.js';

const f32 = Math.fround;

/** One jitterLocal/shimmerLocalDB value per F0 frame (0 when unvoiced; a voiced frame without accepted periods repeats the last value). */
export function gemapsJitter(
  wave: Float32Array,
  fs: number,
  f0: Float32Array,
  frames: number,
): { jitterLocal: Float32Array; shimmerLocalDB: Float32Array } {
  const hop = Math.round(0.01 * fs);
  const r = searchPeriods(wave, fs, f0, frames, { searchRangeRel: 0.1, minCC: 0.5, frameStart: (j) => j * hop });
  // shimmerLocalDB = 20·log10(shimmer + 1); frames without output (and unvoiced ones) stay 0
  const shimmerLocalDB = r.shimmerLocal.map((s, j) => (r.produced[j] && s !== 0 ? f32(20 * Math.log10(s + 1)) : 0));
  return { jitterLocal: r.jitterLocal, shimmerLocalDB };
}
