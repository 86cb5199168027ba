import { autoCorrF32, lpcDurbinF32 } from '../dsp/lpc.js';
import type { FunctionalComponent } from './types.js';

export interface LpcConfig {
  readonly type: 'lpc';
  /** Prediction order p: outputs lpc0..lpc{p-1}. */
  readonly order: number;
  /** Output the gain first (`lpgain`). */
  readonly lpGain?: boolean;
}

const f = Math.fround;

/**
 * cFunctionalLpc: float32 autocorrelation of the whole contour and Levinson-Durbin (smileDsp_calcLpcAcf, see dsp/lpc.ts);
 * lpgain = e / N, lpc<i> = a_{i+1}.
 */
export function createLpc(cfg: LpcConfig): FunctionalComponent {
  const p = cfg.order;
  const names: string[] = [];
  if (cfg.lpGain ?? true) names.push('lpgain');
  for (let i = 0; i < p; i++) names.push(`lpc${i}`);
  const r = new Float32Array(p + 1);
  const a = new Float32Array(p);
  return {
    names,
    needsSorted: false,
    compute(v, out, off) {
      autoCorrF32(v.x, v.n, p, r);
      const e = lpcDurbinF32(r, p, a);
      let k = off;
      if (cfg.lpGain ?? true) out[k++] = f(e / v.n);
      for (let i = 0; i < p; i++) out[k++] = a[i];
    },
  };
}
