import { median } from './matrix.js';

export interface MmdResult {
  /** Unbiased estimate of squared MMD (can be slightly negative when the samples agree). */
  mmd2: number;
  /** RBF bandwidth sigma used: the median pairwise distance of the pooled samples (median heuristic). */
  bandwidth: number;
  nA: number;
  nB: number;
}

/**
 * Unbiased squared maximum mean discrepancy (Gretton et al. 2012, eq. 3) between rows `a` and `b` of a pooled
 * squared-distance matrix, with k(x, y) = exp(-|x - y|^2 / (2 sigma^2)) and sigma by the median heuristic
 * unless given.
 */
export function mmdUnbiased(d2: Float64Array, n: number, a: number[], b: number[], sigma?: number): MmdResult {
  if (a.length < 2 || b.length < 2) return { mmd2: NaN, bandwidth: NaN, nA: a.length, nB: b.length };
  let bw = sigma;
  if (bw === undefined) {
    const pool = [...a, ...b];
    const dists: number[] = [];
    for (let i = 0; i < pool.length; i++) for (let j = i + 1; j < pool.length; j++) dists.push(Math.sqrt(d2[pool[i] * n + pool[j]]));
    bw = median(dists);
    if (!(bw > 0)) bw = 1;
  }
  const g = 1 / (2 * bw * bw);
  const within = (s: number[]): number => {
    let acc = 0;
    for (let i = 0; i < s.length; i++) for (let j = 0; j < s.length; j++) if (i !== j) acc += Math.exp(-g * d2[s[i] * n + s[j]]);
    return acc / (s.length * (s.length - 1));
  };
  let cross = 0;
  for (const i of a) for (const j of b) cross += Math.exp(-g * d2[i * n + j]);
  cross /= a.length * b.length;
  return { mmd2: within(a) + within(b) - 2 * cross, bandwidth: bw, nA: a.length, nB: b.length };
}
