import { z } from 'zod';
import { checkXy, type Dataset } from '../data/dataset.js';
import { UserError } from '../util/errors.js';
import { stackResampled, syntheticCounts } from './counts.js';
import type { Augmenter, Resampled, SampleCount, Synthetic } from './types.js';

/** How many synthetic rows (see SampleCount); the paper's default is 10 sets the size of the training fold. */
export const sampleCountSchema: z.ZodType<SampleCount, SampleCount> = z.union([
  z.object({ times: z.number().min(0) }).strict(),
  z.object({ perClass: z.number().min(0) }).strict(),
  z.object({ balance: z.literal(true) }).strict(),
]);

/** The options every counting augmenter shares. */
export const countOptions = { count: sampleCountSchema.default({ times: 10 }) };

/** Options parsed with the augmenter's schema; a bad value is a one-line error naming the augmenter. */
export function parseOptions<S extends z.ZodType>(name: string, schema: S, options: unknown): z.output<S> {
  const r = schema.safeParse(options ?? {});
  if (!r.success) {
    const i = r.error.issues[0];
    throw new UserError(`${name} augmenter: ${i.path.join('.') || 'options'}: ${i.message}`);
  }
  return r.data;
}

/**
 * The fit_resample template (imbalanced-learn's BaseSampler): checks the training fold, asks the subclass for
 * its synthetic rows only, checks them and stacks them after the real rows. Subclasses write `sample` alone.
 */
export abstract class BaseAugmenter implements Augmenter {
  abstract readonly name: string;

  /** `seed` seeds every random draw of this augmenter (scikit-learn's random_state). */
  constructor(readonly seed: number) {
    if (!Number.isInteger(seed) || seed < 0) throw new Error(`augmenter seed must be a non-negative integer (got ${seed})`);
  }

  fitResample(train: Dataset): Resampled {
    checkXy(train, this.name);
    const s = this.sample(train);
    if (s.x.length !== s.y.length * train.cols) throw new Error(`${this.name}: ${s.y.length} synthetic labels but ${s.x.length} values`);
    for (let i = 0; i < s.y.length; i++) {
      if (s.y[i] < 0 || s.y[i] >= train.classes) throw new Error(`${this.name}: synthetic label ${s.y[i]} out of range`);
    }
    return stackResampled(train.x, train.rows, train.cols, train.y, s.x, s.y);
  }

  /** Synthetic rows per class for the training fold's labels. */
  protected wanted(train: Dataset, count: SampleCount): number[] {
    return syntheticCounts(train.y.subarray(0, train.rows), train.classes, count);
  }

  /** The synthetic rows (none for the identity). */
  protected abstract sample(train: Dataset): Synthetic;
}
