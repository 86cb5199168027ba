import type { Augmenter, Resampled, SampleCount } from './types.js';
import { SeededRandom as AugmentRng } from '../util/random.js';
import { columnStd, cycleRows, rowsByClass, stackResampled, syntheticCounts } from './counts.js';

/** No augmentation: the real rows only. */
export class NoAugmenter implements Augmenter {
  readonly name = 'none';
  fitResample(x: Float32Array, rows: number, cols: number, y: Int32Array, _classes?: number, _seed?: number): Resampled {
    return stackResampled(x, rows, cols, y, new Float32Array(0), new Int32Array(0));
  }
}

/** Builds synthetic rows class by class from base rows chosen by cycleRows; `make` writes one row. */
function perClassSynthesis(
  y: Int32Array,
  classes: number,
  cols: number,
  count: SampleCount,
  rng: AugmentRng,
  make: (base: number, cls: number, members: readonly number[], out: Float32Array, offset: number) => void,
): { synthX: Float32Array; synthY: Int32Array } {
  const byClass = rowsByClass(y, classes);
  const want = syntheticCounts(y, classes, count);
  const total = want.reduce((s, v) => s + v, 0);
  const synthX = new Float32Array(total * cols);
  const synthY = new Int32Array(total);
  let k = 0;
  for (let c = 0; c < classes; c++) {
    if (byClass[c].length === 0) continue;
    for (const base of cycleRows(byClass[c], want[c], rng)) {
      make(base, c, byClass[c], synthX, k * cols);
      synthY[k++] = c;
    }
  }
  return { synthX, synthY };
}

/** Duplication baseline (paper Table I): copies of training rows, every row equally often. */
export class DuplicateAugmenter implements Augmenter {
  readonly name = 'duplicate';
  constructor(private readonly count: SampleCount = { times: 10 }) {}
  fitResample(x: Float32Array, rows: number, cols: number, y: Int32Array, classes: number, seed: number): Resampled {
    const rng = new AugmentRng(seed);
    const { synthX, synthY } = perClassSynthesis(y.subarray(0, rows), classes, cols, this.count, rng, (base, _c, _m, out, o) => {
      out.set(x.subarray(base * cols, (base + 1) * cols), o);
    });
    return stackResampled(x, rows, cols, y, synthX, synthY);
  }
}

/**
 * Gaussian-noise baseline (paper Table I): a copy of a training row plus N(0, (std * sigma_j)^2) per feature,
 * sigma_j the feature's standard deviation on the training fold (so the noise is scale-free).
 */
export class NoiseAugmenter implements Augmenter {
  readonly name = 'noise';
  constructor(
    private readonly count: SampleCount = { times: 10 },
    private readonly std = 0.1,
  ) {
    if (!(std >= 0)) throw new Error(`noise std must be >= 0 (got ${std})`);
  }
  fitResample(x: Float32Array, rows: number, cols: number, y: Int32Array, classes: number, seed: number): Resampled {
    const rng = new AugmentRng(seed);
    const sigma = columnStd(x, rows, cols);
    const { synthX, synthY } = perClassSynthesis(y.subarray(0, rows), classes, cols, this.count, rng, (base, _c, _m, out, o) => {
      const b = base * cols;
      for (let j = 0; j < cols; j++) out[o + j] = x[b + j] + this.std * sigma[j] * rng.normal();
    });
    return stackResampled(x, rows, cols, y, synthX, synthY);
  }
}
