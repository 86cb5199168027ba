import type { FunctionalComponent } from './types.js';

/** Outputs of cFunctionalMoments, in oS output order. */
export const MOMENTS_OUTPUTS = ['variance', 'stddev', 'skewness', 'kurtosis', 'amean', 'stddevNorm'] as const;
export type MomentsOutput = (typeof MOMENTS_OUTPUTS)[number];

export interface MomentsConfig {
  readonly type: 'moments';
  readonly outputs: readonly MomentsOutput[];
  /**
   * stddevNorm variant: 'signed' = stddev / mean (oS stddevNorm=2, the compatible mode used by eGeMAPS),
   * 'abs' = stddev / |mean| (stddevNorm=1). A zero mean divides by 1. Default 'signed'.
   */
  readonly stddevNorm?: 'signed' | 'abs';
}

/**
 * cFunctionalMoments, in double around the float32 mean: population variance,
 * skewness = m3/m2^1.5, kurtosis = m4/m2^2 (not excess); 0 when m2 <= 0.
 * amean = the shared float32 mean; stddevNorm (eGeMAPS) = stddev / mean, 0 when m2 <= 0.
 */
export function createMoments(cfg: MomentsConfig): FunctionalComponent {
  const outputs = [...cfg.outputs];
  const absNorm = cfg.stddevNorm === 'abs';
  return {
    names: outputs,
    needsSorted: false,
    compute(v, out, off) {
      const x = v.x;
      const n = v.n;
      const mean = v.mean;
      let m2 = 0;
      let m3 = 0;
      let m4 = 0;
      for (let i = 0; i < n; i++) {
        const d = x[i] - mean;
        const d2 = d * d;
        m2 += d2;
        m3 += d2 * d;
        m4 += d2 * d2;
      }
      m2 /= n;
      m3 /= n;
      m4 /= n;
      const sd = Math.sqrt(m2);
      for (let k = 0; k < outputs.length; k++) {
        let r: number;
        switch (outputs[k]) {
          case 'variance':
            r = m2;
            break;
          case 'stddev':
            r = sd;
            break;
          case 'skewness':
            r = m2 > 0 ? m3 / (m2 * Math.sqrt(m2)) : 0;
            break;
          case 'kurtosis':
            r = m2 > 0 ? m4 / (m2 * m2) : 0;
            break;
          case 'amean':
            r = mean;
            break;
          case 'stddevNorm': {
            const m = Math.fround(absNorm ? Math.abs(mean) : mean);
            r = m2 > 0 ? sd / (m === 0 ? 1 : m) : 0;
            break;
          }
        }
        out[off + k] = r;
      }
    },
  };
}
