import type { FunctionalComponent, TimeNorm } from './types.js';

/** Outputs of cFunctionalRegression supported here, in oS output order. */
export const REGRESSION_OUTPUTS = [
  'linregc1',
  'linregc2',
  'linregerrA',
  'linregerrQ',
  'qregc1',
  'qregc2',
  'qregc3',
  'qregerrA',
  'qregerrQ',
  'centroid',
] as const;
export type RegressionOutput = (typeof REGRESSION_OUTPUTS)[number];

export interface RegressionConfig {
  readonly type: 'regression';
  readonly outputs: readonly RegressionOutput[];
  /** oldBuggyQerr=1 outputs the quadratic errors as sums instead of means (oS default 1). */
  readonly oldBuggyQerr?: boolean;
  /** Normalisation of the centroid (oS default: segment). */
  readonly centroidNorm?: TimeNorm;
}

const finiteOr0 = (v: number): number => (Number.isFinite(v) ? v : 0);

/**
 * cFunctionalRegression: least-squares line and parabola over x = 0..N-1 in double,
 * using the float32 mean for Σy (asum = mean·N) and the closed-form sums S1..S4.
 */
export function createRegression(cfg: RegressionConfig): FunctionalComponent {
  const outputs = [...cfg.outputs];
  const oldBuggyQerr = cfg.oldBuggyQerr ?? false;
  const cNorm = cfg.centroidNorm ?? 'segment';
  const enQreg = outputs.some((o) => o.startsWith('q') || o === 'centroid');
  return {
    names: outputs,
    needsSorted: false,
    compute(v, out, off) {
      const x = v.x;
      const n = v.n;
      const nd = n;
      const asum = v.mean * nd;
      let num = 0;
      let num2 = 0;
      for (let i = 0; i < n; i++) {
        const t1 = x[i] * i;
        num += t1;
        num2 += t1 * i;
      }
      let centroid = asum !== 0 ? num / asum : 0;
      if (cNorm === 'second') centroid *= v.period;
      else if (cNorm === 'segment') centroid /= nd;

      let m = 0;
      let t = 0;
      let a = 0;
      let b = 0;
      let c = 0;
      if (n > 1) {
        const nnm1 = nd * (nd - 1);
        const s1 = nnm1 / 2;
        const s2 = (nnm1 * (2 * nd - 1)) / 6;
        const s1ds2 = s1 / s2;
        const tmp = nd - s1 * s1ds2;
        t = tmp === 0 ? 0 : (asum - num * s1ds2) / tmp;
        m = (num - t * s1) / s2;
        const s3 = s1 * s1;
        const nd1 = nd - 1;
        const s4 = (s2 * (3 * (nd1 * nd1 + nd1) - 1)) / 5;
        if (enQreg) {
          const s3s3 = s3 * s3;
          const s2s2 = s2 * s2;
          const s1s2 = s1 * s2;
          const s1s1 = s3;
          const det = s4 * s2 * nd + 2 * s3 * s1s2 - s2s2 * s2 - s3s3 * nd - s1s1 * s4;
          if (det !== 0) {
            a = ((s2 * nd - s1s1) * num2 + (s1s2 - s3 * nd) * num + (s3 * s1 - s2s2) * asum) / det;
            b = ((s1s2 - s3 * nd) * num2 + (s4 * nd - s2s2) * num + (s3 * s2 - s4 * s1) * asum) / det;
            c = ((s3 * s1 - s2s2) * num2 + (s3 * s2 - s4 * s1) * num + (s4 * s2 - s3s3) * asum) / det;
          }
        }
      } else {
        t = c = x[0];
      }
      let lea = 0;
      let leq = 0;
      let qea = 0;
      let qeq = 0;
      for (let i = 0; i < n; i++) {
        const e = x[i] - (m * i + t);
        lea += Math.abs(e);
        leq += e * e;
      }
      if (enQreg) {
        for (let i = 0; i < n; i++) {
          const e = x[i] - (a * i * i + b * i + c);
          qea += Math.abs(e);
          qeq += e * e;
        }
      }
      for (let k = 0; k < outputs.length; k++) {
        let r: number;
        switch (outputs[k]) {
          case 'linregc1':
            r = finiteOr0(m);
            break;
          case 'linregc2':
            r = finiteOr0(t);
            break;
          case 'linregerrA':
            r = finiteOr0(lea / nd);
            break;
          case 'linregerrQ':
            r = finiteOr0(leq / nd);
            break;
          case 'qregc1':
            r = finiteOr0(a);
            break;
          case 'qregc2':
            r = finiteOr0(b);
            break;
          case 'qregc3':
            r = finiteOr0(c);
            break;
          case 'qregerrA':
            r = oldBuggyQerr ? finiteOr0(qea) : finiteOr0(qea / nd);
            break;
          case 'qregerrQ':
            r = oldBuggyQerr ? finiteOr0(qeq) : finiteOr0(qeq / nd);
            break;
          case 'centroid':
            r = finiteOr0(centroid);
            break;
        }
        out[off + k] = r;
      }
    },
  };
}
