/**
 * Jitter and shimmer as IS10/IS11 configure them (cPitchJitter; useBrokenJitterThresh = 1, minNumPeriods = 2,
 * peak-to-peak amplitudes).
 */
import { searchPeriods } from './period-search.js';

/** searchRangeRel: IS10 0.20, IS11 0.25. */
export interface JitterOptions {
  searchRangeRel: number;
}

/** The jitter and shimmer contours: `frames` values each (float32). */
export interface JitterOutput {
  frames: number;
  jitterLocal: Float32Array;
  jitterDDP: Float32Array;
  shimmerLocal: Float32Array;
}

/**
 * wave = raw float32 samples; f0final = F0final per pitch frame (pitch frame j starts at sample (j+1)·hop, the
 * smoother having dropped the first 60 ms frame). One output frame per pitch frame, except trailing frames whose
 * waveform is not available.
 */
export function computeJitter(wave: Float32Array, fs: number, f0final: Float32Array, opts: JitterOptions): JitterOutput {
  const hop = Math.round(0.01 * fs);
  const r = searchPeriods(wave, fs, f0final, f0final.length, {
    searchRangeRel: opts.searchRangeRel,
    minCC: 'running',
    // cPitchSmoother drops the first frame: pitch frame j is the 60 ms frame j+1; its time stamp is that frame's
    // first sample (k·H/fs with the framer's whole-sample hop H), not k·10 ms, so the wave position never drifts
    // when 10 ms is not whole samples
    frameStart: (j) => (j + 1) * hop,
  });
  // IS10/IS11 emit only the frames cPitchJitter produced, in order
  const keep: number[] = [];
  r.produced.forEach((p, j) => {
    if (p) keep.push(j);
  });
  const pick = (a: Float32Array): Float32Array => Float32Array.from(keep, (j) => a[j]);
  return { frames: keep.length, jitterLocal: pick(r.jitterLocal), jitterDDP: pick(r.jitterDDP), shimmerLocal: pick(r.shimmerLocal) };
}
