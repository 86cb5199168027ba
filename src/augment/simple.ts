import { z } from 'zod';
import type { Dataset } from '../data/dataset.js';
import type { Synthetic } from './types.js';
import { SeededRandom as AugmentRng } from '../util/random.js';
import { BaseAugmenter, countOptions, parseOptions } from './base.js';
import { columnStd, cycleRows, rowsByClass } from './counts.js';

/** Builds synthetic rows class by class from base rows chosen by cycleRows; `make` writes one row. */
export function perClassSynthesis(
  train: Dataset,
  want: readonly number[],
  rng: AugmentRng,
  make: (base: number, cls: number, members: readonly number[], out: Float32Array, offset: number) => void,
): Synthetic {
  const { cols, classes } = train;
  const byClass = rowsByClass(train.y.subarray(0, train.rows), classes);
  const total = want.reduce((s, v) => s + v, 0);
  const x = new Float32Array(total * cols);
  const y = new Int32Array(total);
  let k = 0;
  for (let c = 0; c < classes; c++) {
    if (byClass[c].length === 0) continue;
    for (const base of cycleRows(byClass[c], want[c], rng)) {
      make(base, c, byClass[c], x, k * cols);
      y[k++] = c;
    }
  }
  return { x: x.subarray(0, k * cols), y: y.subarray(0, k) };
}

const noneSchema = z.object({});

/** No augmentation: the real rows only. */
export class NoAugmenter extends BaseAugmenter {
  static readonly schema = noneSchema;
  static readonly help: string = 'no augmentation (the baseline)';
  readonly name: string = 'none';
  constructor(options: unknown = {}, seed = 0) {
    super(seed);
    parseOptions('none', noneSchema, options);
  }
  protected sample(): Synthetic {
    return { x: new Float32Array(0), y: new Int32Array(0) };
  }
}

const duplicateSchema = z.object(countOptions);
export type DuplicateOptions = z.input<typeof duplicateSchema>;

/** Duplication baseline (paper Table I): copies of training rows, every row equally often. */
export class DuplicateAugmenter extends BaseAugmenter {
  static readonly schema = duplicateSchema;
  static readonly help: string = 'copies of training rows (paper Table I)';
  readonly name: string = 'duplicate';
  readonly options: z.output<typeof duplicateSchema>;
  constructor(options: DuplicateOptions = {}, seed = 0) {
    super(seed);
    this.options = parseOptions('duplicate', duplicateSchema, options);
  }
  protected sample(train: Dataset): Synthetic {
    const { x, cols } = train;
    return perClassSynthesis(train, this.wanted(train, this.options.count), new AugmentRng(this.seed), (base, _c, _m, out, o) => {
      out.set(x.subarray(base * cols, (base + 1) * cols), o);
    });
  }
}

const noiseSchema = z.object({
  ...countOptions,
  /** Noise std relative to each feature's training-fold std. */
  noiseStd: z.number().min(0).default(0.1),
});
export type NoiseOptions = z.input<typeof noiseSchema>;

/**
 * Gaussian-noise baseline (paper Table I): a copy of a training row plus N(0, (std * sigma_j)^2) per feature,
 * sigma_j the feature's standard deviation on the training fold (so the noise is scale-free).
 */
export class NoiseAugmenter extends BaseAugmenter {
  static readonly schema = noiseSchema;
  static readonly help: string = "copies plus Gaussian noise scaled by each feature's training std (paper Table I)";
  readonly name: string = 'noise';
  readonly options: z.output<typeof noiseSchema>;
  constructor(options: NoiseOptions = {}, seed = 0) {
    super(seed);
    this.options = parseOptions('noise', noiseSchema, options);
  }
  protected sample(train: Dataset): Synthetic {
    const { x, rows, cols } = train;
    const rng = new AugmentRng(this.seed);
    const sigma = columnStd(x, rows, cols);
    const std = this.options.noiseStd;
    return perClassSynthesis(train, this.wanted(train, this.options.count), rng, (base, _c, _m, out, o) => {
      const b = base * cols;
      for (let j = 0; j < cols; j++) out[o + j] = x[b + j] + std * sigma[j] * rng.normal();
    });
  }
}
