import { UserError } from '../util/errors.js';

/** How many synthetic rows to make: the paper's `times` sets the size of the training set with its class
 *  proportions (paper III-D: 10 sets), a fixed count per class, or balancing (top up smaller classes). */
export type SampleMode = { times: number } | { perClass: number } | { balance: true };

/** Rows per class of integer labels 0..classes-1. */
export function classCounts(labels: ArrayLike<number>, classes: number): number[] {
  const c = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const k = labels[i];
    if (!(k >= 0 && k < classes)) throw new Error(`label ${k} out of range 0..${classes - 1}`);
    c[k]++;
  }
  return c;
}

/**
 * The labels of the synthetic rows to generate, grouped by class (class 0 first), from the training class counts.
 * times: round(times x count_k) per class; perClass: N for every class; balance: max_k count - count_k.
 */
export function labelsToGenerate(counts: readonly number[], mode: SampleMode): Int32Array {
  let per: number[];
  if ('times' in mode) {
    if (!(mode.times > 0) || !Number.isFinite(mode.times)) throw new UserError(`--times must be a positive number (got ${mode.times})`);
    per = counts.map((c) => Math.round(mode.times * c));
  } else if ('perClass' in mode) {
    if (!Number.isInteger(mode.perClass) || mode.perClass < 1)
      throw new UserError(`--per-class must be a positive integer (got ${mode.perClass})`);
    per = counts.map(() => mode.perClass);
  } else {
    const max = Math.max(...counts);
    per = counts.map((c) => max - c);
  }
  const out = new Int32Array(per.reduce((s, v) => s + v, 0));
  let o = 0;
  per.forEach((n, k) => {
    out.fill(k, o, o + n);
    o += n;
  });
  return out;
}
