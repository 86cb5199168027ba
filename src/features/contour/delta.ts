/**
 * Delta regression (cDeltaRegression, W = 2), float32 arithmetic, edge frames repeated.
 */
import { type Level, makeLevel, suffixName } from '../dsp/level.js';

const f = Math.fround;

/** Options of deltaLevel. */
export interface DeltaOptions {
  /**
   * IS10 lld2 behaviour (cDeltaRegression with onlyInSegments=1, an openSMILE quirk): pairs with a zero (or NaN)
   * neighbour are skipped and the normaliser — never reset — grows by i² for every valid pair, in order (frame, then element).
   */
  onlyInSegments?: boolean;
  /** Compute only the first `frames` output frames (the rest are never read). */
  frames?: number;
}

/**
 * d[n] = Σ_{i=1..2} i·(x[n+i] − x[n−i]) / 10 for n = 0..frames+1: as in cDeltaRegression the output is 2 frames
 * longer than the input, the first/last frame being repeated beyond the edges. Names get `_de` appended.
 */
export function deltaLevel(x: Level, opts: DeltaOptions = {}): Level {
  const W = 2;
  const { frames, dims, data } = x;
  const nOut = Math.min(opts.frames ?? frames + 2, frames > 0 ? frames + 2 : 0);
  const out = makeLevel(
    nOut,
    dims,
    x.names.map((n) => suffixName(n, '_de')),
  );
  const last = frames - 1;
  const at = (t: number, d: number): number => data[Math.min(Math.max(t, 0), last) * dims + d];
  if (!opts.onlyInSegments) {
    for (let n = 0; n < nOut; n++) {
      for (let d = 0; d < dims; d++) {
        let num = 0;
        for (let i = 1; i <= W; i++) num = f(num + f(i * f(at(n + i, d) - at(n - i, d))));
        out.data[n * dims + d] = f(num / 10);
      }
    }
    return out;
  }
  let norm = 10; // as cDeltaRegression's member variable: never reset, so deltas shrink over the file
  for (let n = 0; n < nOut; n++) {
    for (let d = 0; d < dims; d++) {
      let num = 0;
      for (let i = 1; i <= W; i++) {
        const r = at(n + i, d);
        const l = at(n - i, d);
        if (r !== 0 && l !== 0 && !Number.isNaN(r) && !Number.isNaN(l)) {
          num = f(num + f(i * f(r - l)));
          norm += i * i;
        }
      }
      out.data[n * dims + d] = norm !== 0 ? f(num / norm) : 0;
    }
  }
  return out;
}
