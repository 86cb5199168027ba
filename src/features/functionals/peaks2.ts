import type { FunctionalComponent } from './types.js';

/** Outputs of cFunctionalPeaks2 supported here, in oS output order. */
export const PEAKS2_OUTPUTS = ['numPeaks', 'meanRisingSlope', 'stddevRisingSlope', 'meanFallingSlope', 'stddevFallingSlope'] as const;
export type Peaks2Output = (typeof PEAKS2_OUTPUTS)[number];

export interface Peaks2Config {
  readonly type: 'peaks2';
  readonly outputs: readonly Peaks2Output[];
  /** Peaks/minima smaller than relThresh·range are discarded (eGeMAPS: 0.1). */
  readonly relThresh?: number;
  /** numPeaks per second (norm=seconds) or a count. */
  readonly norm?: 'second' | 'frame';
}

const f = Math.fround;

/**
 * cFunctionalPeaks2 (`src/functionals/functionalPeaks2.cpp`), static relative threshold:
 * 1) all strict local maxima/minima at i = 2..N-3; 2a) maxima that do not rise enough above the
 * neighbouring extrema are merged or dropped; 2b) minima not deep enough below the last maximum are
 * dropped; 3) of consecutive maxima (minima) only the highest (lowest) is kept. Slopes between
 * successive kept extrema (plus the slope to the last frame) in value per second; float32 state.
 */
export function createPeaks2(cfg: Peaks2Config): FunctionalComponent {
  const outputs = [...cfg.outputs];
  const relThresh = f(cfg.relThresh ?? 0.1);
  const norm = cfg.norm ?? 'second';
  // doubly linked list of extrema, preallocated and grown on demand
  let cap = 256;
  let xs = new Int32Array(cap);
  let ys = new Float32Array(cap);
  let types = new Uint8Array(cap);
  let next = new Int32Array(cap);
  let prev = new Int32Array(cap);
  return {
    names: outputs,
    needsSorted: false,
    compute(v, out, off) {
      const x = v.x;
      const n = v.n;
      if (n > cap) {
        cap = n * 2;
        xs = new Int32Array(cap);
        ys = new Float32Array(cap);
        types = new Uint8Array(cap);
        next = new Int32Array(cap);
        prev = new Int32Array(cap);
      }
      let head = -1;
      let tail = -1;
      let count = 0;
      const add = (type: number, y: number, pos: number): void => {
        const k = count++;
        types[k] = type;
        ys[k] = y;
        xs[k] = pos;
        next[k] = -1;
        prev[k] = tail;
        if (head < 0) head = k;
        else next[tail] = k;
        tail = k;
      };
      const remove = (k: number): void => {
        if (prev[k] >= 0) {
          next[prev[k]] = next[k];
          if (next[k] >= 0) prev[next[k]] = prev[k];
          else tail = prev[k];
        } else {
          head = next[k];
          if (next[k] >= 0) prev[next[k]] = -1;
          else tail = -1;
        }
      };
      const absThresh = f(relThresh * f(v.max - v.min));
      const below = (diff: number): boolean => diff < absThresh;
      for (let i = 2; i < n - 2; i++) {
        if (x[i] > x[i - 1] && x[i] > x[i + 1]) add(1, x[i], i);
        else if (x[i] < x[i - 1] && x[i] < x[i + 1]) add(0, x[i], i);
      }
      // step 2a
      let lastVal = x[0];
      let lastMin = x[0];
      let lastMax = x[0];
      let minFlag = false;
      let lastMaxPtr = -1;
      for (let k = head; k >= 0;) {
        const nk = next[k];
        const y = ys[k];
        if (types[k] === 1) {
          if (below(f(Math.abs(f(y - lastVal))))) {
            if (below(f(y - lastMin))) {
              remove(k);
            } else {
              if (y > lastMax * 1.05) {
                if (lastMaxPtr >= 0) remove(lastMaxPtr);
                lastMax = y;
                lastMaxPtr = k;
              } else if (minFlag) {
                lastMax = y;
                lastMaxPtr = k;
              } else {
                remove(k);
              }
              minFlag = false;
            }
          } else {
            minFlag = false;
            lastMax = y;
            lastMaxPtr = k;
          }
        } else if (!below(f(Math.abs(f(y - lastVal))))) {
          minFlag = true;
          lastMin = y;
        }
        lastVal = y;
        k = nk;
      }
      // step 2b
      lastMax = x[0];
      for (let k = head; k >= 0;) {
        const nk = next[k];
        if (types[k] === 0) {
          if (below(f(lastMax - ys[k]))) remove(k);
        } else {
          lastMax = ys[k];
        }
        k = nk;
      }
      // step 3
      lastMax = x[0];
      lastMin = x[0];
      let mf = false;
      let init = true;
      let lastMinPtr = -1;
      lastMaxPtr = -1;
      for (let k = head; k >= 0;) {
        const nk = next[k];
        const y = ys[k];
        if (types[k] === 0) {
          if (!mf || init) {
            lastMin = y;
            lastMinPtr = k;
            mf = true;
            init = false;
          } else if (y >= lastMin) {
            remove(k);
          } else if (lastMinPtr !== k) {
            remove(lastMinPtr);
            lastMinPtr = k;
            lastMin = y;
          }
        } else if (mf || init) {
          lastMax = y;
          lastMaxPtr = k;
          mf = false;
          init = false;
        } else if (y <= lastMax) {
          remove(k);
        } else if (lastMaxPtr !== k) {
          remove(lastMaxPtr);
          lastMaxPtr = k;
          lastMax = y;
        }
        k = nk;
      }
      let nPeaks = 0;
      for (let k = head; k >= 0; k = next[k]) if (types[k] === 1) nPeaks++;
      // slopes
      const T = f(v.period);
      let meanR = 0;
      let meanF = 0;
      let nR = 0;
      let nF = 0;
      let lastIsMax = -1;
      lastMax = x[0];
      lastMin = x[0];
      let lastMaxPos = 0;
      let lastMinPos = 0;
      for (let k = head; k >= 0; k = next[k]) {
        if (types[k] === 0) {
          lastMin = ys[k];
          lastMinPos = xs[k];
          if (lastMinPos - lastMaxPos > 0) {
            meanF = f(meanF + f(f(lastMax - lastMin) / f(f(lastMinPos - lastMaxPos) * T)));
            nF++;
            lastIsMax = 0;
          }
        } else {
          lastMax = ys[k];
          lastMaxPos = xs[k];
          if (lastMaxPos - lastMinPos > 0) {
            meanR = f(meanR + f(f(lastMax - lastMin) / f(f(lastMaxPos - lastMinPos) * T)));
            nR++;
            lastIsMax = 1;
          }
        }
      }
      if (lastIsMax === 1) {
        if (n - 1 - lastMaxPos > 0) {
          meanF = f(meanF + f(f(x[n - 1] - lastMax) / f(f(n - 1 - lastMaxPos) * T)));
          nF++;
        }
      } else if (lastIsMax === 0) {
        if (n - 1 - lastMinPos > 0) {
          meanR = f(meanR + f(f(x[n - 1] - lastMin) / f(f(n - 1 - lastMinPos) * T)));
          nR++;
        }
      } else {
        const s = f(f(x[n - 1] - x[0]) / n);
        if (s > 0) {
          meanR = s;
          nR = 1;
        } else if (s < 0) {
          meanF = s;
          nF = 1;
        }
      }
      if (nR > 1) meanR = f(meanR / nR);
      if (nF > 1) meanF = f(meanF / nF);
      let sdR = 0;
      let sdF = 0;
      lastMax = x[0];
      lastMin = x[0];
      lastMaxPos = 0;
      lastMinPos = 0;
      for (let k = head; k >= 0; k = next[k]) {
        if (types[k] === 0) {
          lastMin = ys[k];
          lastMinPos = xs[k];
          if (lastMinPos - lastMaxPos > 0) {
            const d = f(f(f(lastMax - lastMin) / f(f(lastMinPos - lastMaxPos) * T)) - meanF);
            sdF = f(sdF + f(d * d));
          }
        } else {
          lastMax = ys[k];
          lastMaxPos = xs[k];
          if (lastMaxPos - lastMinPos !== 0) {
            const d = f(f(f(lastMax - lastMin) / f(f(lastMaxPos - lastMinPos) * T)) - meanR);
            sdR = f(sdR + f(d * d));
          }
        }
      }
      if (nR > 1) sdR = f(sdR / nR);
      if (nF > 1) sdF = f(sdF / nF);
      sdR = sdR > 0 ? f(Math.sqrt(sdR)) : 0;
      sdF = sdF > 0 ? f(Math.sqrt(sdF)) : 0;
      for (let k = 0; k < outputs.length; k++) {
        let r: number;
        switch (outputs[k]) {
          case 'numPeaks':
            r = norm === 'second' ? f(nPeaks / f(n * T)) : nPeaks;
            break;
          case 'meanRisingSlope':
            r = meanR;
            break;
          case 'stddevRisingSlope':
            r = sdR;
            break;
          case 'meanFallingSlope':
            r = meanF;
            break;
          case 'stddevFallingSlope':
            r = sdF;
            break;
        }
        out[off + k] = r;
      }
    },
  };
}
