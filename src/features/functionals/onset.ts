import type { FunctionalComponent } from './types.js';

/** Outputs of cFunctionalOnset supported here, in oS output order. */
export const ONSET_OUTPUTS = ['numOnsets', 'numOffsets', 'onsetRate'] as const;
export type OnsetOutput = (typeof ONSET_OUTPUTS)[number];

export interface OnsetConfig {
  readonly type: 'onset';
  readonly outputs: readonly OnsetOutput[];
  /** Absolute threshold (all sets here: 0). */
  readonly threshold?: number;
}

/**
 * cFunctionalOnset: an onset is a transition into x > threshold (a contour starting above
 * the threshold does not count one at frame 0); onsetRate = numOnsets / (N·T).
 */
export function createOnset(cfg: OnsetConfig): FunctionalComponent {
  const outputs = [...cfg.outputs];
  const th = cfg.threshold ?? 0;
  return {
    names: outputs,
    needsSorted: false,
    compute(v, out, off) {
      const x = v.x;
      let above = x[0] > th;
      let on = 0;
      let offs = 0;
      for (let i = 1; i < v.n; i++) {
        const a = x[i] > th;
        if (a && !above) on++;
        else if (!a && above) offs++;
        above = a;
      }
      for (let k = 0; k < outputs.length; k++) {
        const o = outputs[k];
        out[off + k] = o === 'numOnsets' ? on : o === 'numOffsets' ? offs : on / (v.n * v.period);
      }
    },
  };
}
