/**
 * Contour smoother (cContourSmoother, smaWin = 3: a ±1-frame moving average), float32 arithmetic.
 */
import { type Level, makeLevel, suffixName } from '../dsp/level.js';

const f = Math.fround;

/**
 * Smooths the side-by-side concatenation of `levels` (which may differ in length). Each input level is
 * padded with its own first/last frame; the output has M+1 frames, M = the shortest input (openSMILE's
 * end-of-input rule: the smoother emits one extra frame when the input ends). Names get `_sma` appended.
 * With noZeroSma, zeros stay zero and zero neighbours are left out of the average.
 */
export function smoothLevels(levels: Level[], noZeroSma: boolean): Level {
  const M = Math.min(...levels.map((l) => l.frames));
  const names = levels.flatMap((l) => l.names.map((n) => suffixName(n, '_sma')));
  const nOut = M > 0 ? M + 1 : 0;
  const out = makeLevel(nOut, names.length, names);
  const D = out.dims;
  let d0 = 0;
  for (const l of levels) {
    const { dims, data, frames } = l;
    const last = frames - 1;
    for (let t = 0; t < nOut; t++) {
      const tc = Math.min(t, last);
      const tp = Math.min(Math.max(t - 1, 0), last);
      const tn = Math.min(t + 1, last);
      for (let d = 0; d < dims; d++) {
        const x = data[tc * dims + d];
        const xp = data[tp * dims + d];
        const xn = data[tn * dims + d];
        let y: number;
        if (noZeroSma) {
          if (x === 0) y = 0;
          else {
            let s = x;
            let c = 1;
            if (xp !== 0) {
              s = f(s + xp);
              c++;
            }
            if (xn !== 0) {
              s = f(s + xn);
              c++;
            }
            y = f(s / c);
          }
        } else {
          y = f(f(f(x + xp) + xn) / 3);
        }
        out.data[t * D + d0 + d] = y;
      }
    }
    d0 += dims;
  }
  return out;
}
