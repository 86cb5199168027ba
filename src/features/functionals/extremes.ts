import type { ContourView, FunctionalComponent, TimeNorm } from './types.js';

/** Outputs of cFunctionalExtremes, in oS output order. */
export const EXTREMES_OUTPUTS = ['max', 'min', 'range', 'maxPos', 'minPos', 'amean', 'maxameandist', 'minameandist'] as const;
export type ExtremesOutput = (typeof EXTREMES_OUTPUTS)[number];

export interface ExtremesConfig {
  readonly type: 'extremes';
  readonly outputs: readonly ExtremesOutput[];
  /** Normalisation of maxPos/minPos (oS default: frame = raw index). */
  readonly norm?: TimeNorm;
}

/** cFunctionalExtremes: positions are the first occurrence of the max/min. */
export function createExtremes(cfg: ExtremesConfig): FunctionalComponent {
  const outputs = [...cfg.outputs];
  const norm = cfg.norm ?? 'frame';
  const normPos = (i: number, v: ContourView): number => (norm === 'frame' ? i : norm === 'segment' ? i / v.n : i * v.period);
  return {
    names: outputs,
    needsSorted: false,
    compute(v, out, off) {
      let maxPos = 0;
      let minPos = 0;
      const x = v.x;
      for (let i = 0; i < v.n; i++) {
        if (x[i] === v.max) {
          maxPos = i;
          break;
        }
      }
      for (let i = 0; i < v.n; i++) {
        if (x[i] === v.min) {
          minPos = i;
          break;
        }
      }
      for (let k = 0; k < outputs.length; k++) {
        let r: number;
        switch (outputs[k]) {
          case 'max':
            r = v.max;
            break;
          case 'min':
            r = v.min;
            break;
          case 'range':
            r = Math.fround(v.max - v.min);
            break;
          case 'maxPos':
            r = normPos(maxPos, v);
            break;
          case 'minPos':
            r = normPos(minPos, v);
            break;
          case 'amean':
            r = v.mean;
            break;
          case 'maxameandist':
            r = Math.fround(v.max - v.mean);
            break;
          case 'minameandist':
            r = Math.fround(v.mean - v.min);
            break;
        }
        out[off + k] = r;
      }
    },
  };
}
