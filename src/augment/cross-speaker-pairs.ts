import { SeededRandom } from '../util/random.js';
import { betaSample } from './beta.js';
import { cycleRows, rowsByClass } from './counts.js';

/** Pairs of training rows to mix: row a[i] with row b[i] by weight lambda[i] on a; y[i] is their common class. */
export interface MixPairs {
  a: Int32Array;
  b: Int32Array;
  lambda: Float64Array;
  y: Int32Array;
}

/**
 * Same-class pairs of rows from different speakers (groups) for mixup: per class, `want[c]` base rows from a
 * shuffled cycle (every row used about equally often), each with a partner drawn uniformly from the class's rows of
 * the other speakers, and lambda ~ Beta(alpha, alpha) (Zhang et al. 2018). A class whose rows all come from one
 * speaker has no such partner and gets no pairs.
 */
export function crossSpeakerPairs(
  y: Int32Array,
  groups: readonly string[],
  classes: number,
  want: readonly number[],
  alpha: number,
  seed: number,
): MixPairs {
  if (groups.length !== y.length) throw new Error(`mixup: ${y.length} rows but ${groups.length} speakers`);
  const rng = new SeededRandom(seed);
  const a: number[] = [];
  const b: number[] = [];
  const lambda: number[] = [];
  const labels: number[] = [];
  const byClass = rowsByClass(y, classes);
  for (let c = 0; c < classes; c++) {
    const members = byClass[c];
    const others = new Map<string, number[]>();
    for (const g of new Set(members.map((r) => groups[r])))
      others.set(
        g,
        members.filter((r) => groups[r] !== g),
      );
    if ([...others.values()].every((o) => o.length === 0)) continue;
    for (const base of cycleRows(members, want[c], rng)) {
      const pool = others.get(groups[base])!;
      if (pool.length === 0) continue;
      a.push(base);
      b.push(pool[rng.int(pool.length)]);
      lambda.push(betaSample(rng, alpha, alpha));
      labels.push(c);
    }
  }
  return { a: Int32Array.from(a), b: Int32Array.from(b), lambda: Float64Array.from(lambda), y: Int32Array.from(labels) };
}

/** Row-wise mixes lambda * x[a] + (1 - lambda) * x[b] of row-major rows `width` wide. */
export function mixRows(x: Float32Array, width: number, p: MixPairs): Float32Array {
  const out = new Float32Array(p.a.length * width);
  for (let i = 0; i < p.a.length; i++) {
    const l = p.lambda[i];
    const oa = p.a[i] * width;
    const ob = p.b[i] * width;
    for (let j = 0; j < width; j++) out[i * width + j] = l * x[oa + j] + (1 - l) * x[ob + j];
  }
  return out;
}
