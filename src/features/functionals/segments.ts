import type { FunctionalComponent, TimeNorm } from './types.js';

/** Outputs of cFunctionalSegments, in oS output order. */
export const SEGMENTS_OUTPUTS = ['numSegments', 'meanSegLen', 'maxSegLen', 'minSegLen', 'segLenStddev'] as const;
export type SegmentsOutput = (typeof SEGMENTS_OUTPUTS)[number];

export type SegmentsConfig =
  | {
      readonly type: 'segments';
      readonly algorithm: 'relTh';
      /** Thresholds relative to the range, in [0,1]. */
      readonly thresholds: readonly number[];
      readonly outputs: readonly SegmentsOutput[];
      readonly norm?: TimeNorm;
      readonly maxNumSeg?: number;
    }
  | {
      readonly type: 'segments';
      /** nonX: segments are runs of values != X; eqX: runs of values == X (eGeMAPS pauses). */
      readonly algorithm: 'nonX' | 'eqX';
      readonly x?: number;
      readonly outputs: readonly SegmentsOutput[];
      readonly norm?: TimeNorm;
      readonly maxNumSeg?: number;
      readonly segMinLng?: number;
      readonly pauseMinLng?: number;
    };

const f = Math.fround;

/** cFunctionalSegments (relTh with a float32 3-frame running average; nonX / eqX state machine). */
export function createSegments(cfg: SegmentsConfig): FunctionalComponent {
  const outputs = [...cfg.outputs];
  const norm = cfg.norm ?? 'segment';
  const maxNumSeg = cfg.maxNumSeg ?? 20;
  const lens = new Int32Array(maxNumSeg + 1);
  const thr = cfg.algorithm === 'relTh' ? cfg.thresholds.map((t) => f(t)) : [];
  const thrAbs = new Float32Array(thr.length);
  return {
    names: outputs,
    needsSorted: false,
    compute(v, out, off) {
      const x = v.x;
      const n = v.n;
      let nSeg = 0;
      let sum = 0;
      let maxL = 0;
      let minL = 0;
      const add = (len: number): void => {
        if (nSeg >= maxNumSeg) return;
        sum += len;
        lens[nSeg++] = len;
        if (len > maxL) maxL = len;
        if (minL === 0 || len < minL) minL = len;
      };
      if (cfg.algorithm === 'relTh') {
        const range = f(v.max - v.min);
        for (let j = 0; j < thr.length; j++) thrAbs[j] = f(v.min + f(range * thr[j]));
        let segMinLng = Math.trunc(n / maxNumSeg) - 1;
        if (segMinLng < 2) segMinLng = 2;
        let lastSeg = -Math.trunc(segMinLng / 2);
        let ravg = 0;
        let raLast = 0;
        for (let i = 0; i < n; i++) {
          ravg = f(ravg + x[i]);
          if (i >= 3) ravg = f(ravg - x[i - 3]);
          const ra = f(ravg / Math.min(i + 1, 3));
          let cross = false;
          for (let j = 0; j < thrAbs.length; j++) {
            const t = thrAbs[j];
            if ((ra > t && raLast <= t) || (ra < t && raLast >= t)) cross = true;
          }
          raLast = ra;
          if (cross && i - lastSeg > segMinLng) {
            add(i - lastSeg);
            lastSeg = i;
          }
        }
      } else {
        const X = f(cfg.x ?? 0);
        const eq = cfg.algorithm === 'eqX';
        const segMinLng = Math.max(1, cfg.segMinLng ?? 3);
        const pauseMinLng = Math.max(1, cfg.pauseMinLng ?? 2);
        let start = 0;
        let state = 0;
        let cS = 0;
        let cE = 0;
        for (let i = 0; i < n; i++) {
          if ((x[i] !== X) !== eq) {
            if (state === 1) {
              cE = 0;
              cS++;
              if (cS >= segMinLng) {
                cS = 0;
                state = 2;
              }
            } else if (state === 0) {
              cS++;
              start = i;
              state = 1;
            } else {
              cE = 0;
            }
          } else if (state === 2) {
            cS = 0;
            cE++;
            if (cE >= pauseMinLng) {
              state = 0;
              add(i - cE - start);
              cE = 0;
            }
          } else if (state === 1) {
            cE++;
            if (cE >= pauseMinLng) {
              state = 0;
              cE = 0;
              cS = 0;
            }
          }
        }
        // as cFunctionalSegments does, a segment still open at the end is closed (one frame short, as in oS)
        if (state === 2) {
          cE++;
          add(n - cE - start);
        }
      }
      const mean = nSeg > 1 ? f(sum / nSeg) : sum;
      let dev = 0;
      for (let i = 0; i < nSeg; i++) {
        const d = f(lens[i] - mean);
        dev = f(dev + f(d * d));
      }
      dev = nSeg > 1 ? f(Math.sqrt(f(dev / nSeg))) : 0;
      const T = f(v.period);
      for (let k = 0; k < outputs.length; k++) {
        let r: number;
        const o = outputs[k];
        if (o === 'numSegments') {
          r = norm === 'second' ? nSeg / f(T * n) : norm === 'segment' ? nSeg / maxNumSeg : nSeg;
        } else {
          const val = o === 'meanSegLen' ? mean : o === 'maxSegLen' ? maxL : o === 'minSegLen' ? minL : dev;
          r = norm === 'segment' ? val / n : norm === 'frame' ? val : f(val * T);
        }
        out[off + k] = r;
      }
    },
  };
}
