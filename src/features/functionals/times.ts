import type { FunctionalComponent, TimeNorm } from './types.js';

/** Outputs of cFunctionalTimes (the predefined levels), in oS output order. */
export const TIMES_OUTPUTS = [
  'upleveltime25',
  'downleveltime25',
  'upleveltime50',
  'downleveltime50',
  'upleveltime75',
  'downleveltime75',
  'upleveltime90',
  'downleveltime90',
  'risetime',
  'falltime',
  'leftctime',
  'rightctime',
  'duration',
] as const;
export type TimesOutput = (typeof TIMES_OUTPUTS)[number];

export interface TimesConfig {
  readonly type: 'times';
  readonly outputs: readonly TimesOutput[];
  /** oS default: segment (fractions of the contour length). */
  readonly norm?: TimeNorm;
}

const f = Math.fround;

/**
 * cFunctionalTimes. Levels `f32(f32(p·range) + min)`; up = #(x > level), down = #(x <= level);
 * all normalisers and divisions in float32 as in cFunctionalTimes.
 */
export function createTimes(cfg: TimesConfig): FunctionalComponent {
  const outputs = [...cfg.outputs];
  const norm = cfg.norm ?? 'segment';
  const needLevels = outputs.some((o) => o.includes('leveltime'));
  return {
    names: outputs,
    needsSorted: false,
    compute(v, out, off) {
      const x = v.x;
      const n = v.n;
      const nd = n;
      let nrm = nd;
      let nrm1 = nd - 1;
      let nrm2 = nd - 2;
      const T = f(v.period);
      if (norm === 'second') {
        nrm = f(1 / T);
        nrm1 = f(nrm1 / f(nd * T));
        nrm2 = f(nrm2 / f(nd * T));
      } else if (norm === 'frame') {
        nrm = 1;
        nrm1 = f(nrm1 / nd);
        nrm2 = f(nrm2 / nd);
      }
      const range = f(v.max - v.min);
      const l25 = f(f(0.25 * range) + v.min);
      const l50 = f(f(0.5 * range) + v.min);
      const l75 = f(f(0.75 * range) + v.min);
      const l90 = f(f(f(0.9) * range) + v.min);
      let n25 = 0,
        n50 = 0,
        n75 = 0,
        n90 = 0;
      if (needLevels) {
        for (let i = 0; i < n; i++) {
          const xi = x[i];
          if (xi <= l25) n25++;
          if (xi <= l50) n50++;
          if (xi <= l75) n75++;
          if (xi <= l90) n90++;
        }
      }
      let nR = 0,
        nF = 0,
        nLC = 0,
        nRC = 0;
      for (let i = 1; i < n; i++) {
        if (x[i - 1] < x[i]) nR++;
        else if (x[i - 1] > x[i]) nF++;
      }
      for (let i = 1; i < n - 1; i++) {
        const a1 = f(x[i] - x[i - 1]);
        const a2 = f(x[i + 1] - x[i]);
        if (a2 < a1) nRC++;
        else if (a1 < a2) nLC++;
      }
      for (let k = 0; k < outputs.length; k++) {
        let r: number;
        switch (outputs[k]) {
          case 'upleveltime25':
            r = (n - n25) / nrm;
            break;
          case 'downleveltime25':
            r = n25 / nrm;
            break;
          case 'upleveltime50':
            r = (n - n50) / nrm;
            break;
          case 'downleveltime50':
            r = n50 / nrm;
            break;
          case 'upleveltime75':
            r = (n - n75) / nrm;
            break;
          case 'downleveltime75':
            r = n75 / nrm;
            break;
          case 'upleveltime90':
            r = (n - n90) / nrm;
            break;
          case 'downleveltime90':
            r = n90 / nrm;
            break;
          case 'risetime':
            r = nrm1 !== 0 ? nR / nrm1 : 0;
            break;
          case 'falltime':
            r = nrm1 !== 0 ? nF / nrm1 : 0;
            break;
          case 'leftctime':
            r = nrm2 !== 0 ? nLC / nrm2 : 0;
            break;
          case 'rightctime':
            r = nrm2 !== 0 ? nRC / nrm2 : 0;
            break;
          case 'duration':
            r = norm === 'second' ? f(nd * T) : nd;
            break;
        }
        out[off + k] = r;
      }
    },
  };
}
