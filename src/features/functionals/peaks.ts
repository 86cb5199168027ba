import type { FunctionalComponent, TimeNorm } from './types.js';

/** Outputs of cFunctionalPeaks, in oS output order. */
export const PEAKS_OUTPUTS = ['numPeaks', 'meanPeakDist', 'peakMean', 'peakMeanMeanDist', 'peakDistStddev'] as const;
export type PeaksOutput = (typeof PEAKS_OUTPUTS)[number];

export interface PeaksConfig {
  readonly type: 'peaks';
  readonly outputs: readonly PeaksOutput[];
  /** Normalisation of the peak distances (IS11: second). */
  readonly norm?: TimeNorm;
}

const f = Math.fround;

/**
 * cFunctionalPeaks, reproduced literally (float32 state, double threshold products):
 * the value AFTER a local maximum is taken as the peak value; the mean is a float32
 * running sum (not the shared mean).
 */
export function createPeaks(cfg: PeaksConfig): FunctionalComponent {
  const outputs = [...cfg.outputs];
  const norm = cfg.norm ?? 'second';
  let dists = new Int32Array(64);
  return {
    names: outputs,
    needsSorted: false,
    compute(v, out, off) {
      const x = v.x;
      const n = v.n;
      let max = x[0];
      let min = x[0];
      let meanF = x[0];
      for (let i = 1; i < n; i++) {
        if (x[i] < min) min = x[i];
        if (x[i] > max) max = x[i];
        meanF = f(meanF + x[i]);
      }
      meanF = f(meanF / n);
      const range = f(max - min);
      let peakDist = 0;
      let nDist = 0;
      let peakSum = 0;
      let nPeaks = 0;
      let lastMin = 0;
      let lastMax = 0;
      let curmaxPos = 0;
      let lastmaxPos = -1;
      let peakflag = false;
      if (n >= 2) {
        let prev2 = x[0];
        let prev1 = x[1];
        for (let i = 2; i < n; i++) {
          const xi = x[i];
          if (prev2 < prev1 && prev1 > xi) {
            if (!peakflag) lastMax = xi;
            else if (xi > lastMax) {
              lastMax = xi;
              curmaxPos = i;
            }
            if (f(lastMax - lastMin) > 0.11 * range) {
              peakflag = true;
              curmaxPos = i;
            }
          } else if (prev2 > prev1 && prev1 < xi) {
            lastMin = xi;
          }
          if (peakflag && (xi < lastMax - 0.09 * range || i === n - 1)) {
            nPeaks++;
            peakSum = f(peakSum + lastMax);
            if (lastmaxPos >= 0) {
              const d = curmaxPos - lastmaxPos;
              peakDist = f(peakDist + d);
              if (nDist >= dists.length) {
                const grown = new Int32Array(dists.length * 2);
                grown.set(dists);
                dists = grown;
              }
              dists[nDist++] = d;
            }
            lastmaxPos = curmaxPos;
            peakflag = false;
          }
          prev2 = prev1;
          prev1 = xi;
        }
      }
      let sd = 0;
      if (nDist > 0) {
        peakDist = f(peakDist / nDist);
        for (let i = 0; i < nDist; i++) {
          const d = f(dists[i] - peakDist);
          sd = f(sd + f(d * d));
        }
        sd = f(Math.sqrt(f(sd / nDist)));
      } else {
        peakDist = n + 1;
      }
      if (norm === 'second') {
        const T = f(v.period);
        peakDist = f(peakDist * T);
        sd = f(sd * T);
      } else if (norm === 'segment') {
        peakDist = f(peakDist / n);
        sd = f(sd / n);
      }
      const peakMean = nPeaks > 0 ? f(peakSum / nPeaks) : 0;
      for (let k = 0; k < outputs.length; k++) {
        let r: number;
        switch (outputs[k]) {
          case 'numPeaks':
            r = nPeaks;
            break;
          case 'meanPeakDist':
            r = peakDist;
            break;
          case 'peakMean':
            r = peakMean;
            break;
          case 'peakMeanMeanDist':
            r = f(peakMean - meanF);
            break;
          case 'peakDistStddev':
            r = sd;
            break;
        }
        out[off + k] = r;
      }
    },
  };
}
