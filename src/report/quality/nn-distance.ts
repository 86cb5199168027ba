import { median } from './matrix.js';

export interface DistanceSummary {
  min: number;
  p5: number;
  median: number;
  mean: number;
}

export interface NnDistanceResult {
  /** Distance of each synthetic sample to its nearest real (training) sample. */
  syntheticToReal: DistanceSummary;
  /** Distance of each real sample to its nearest other real sample: the scale of "a different sample". */
  realToReal: DistanceSummary;
  /** median(synthetic-to-real) / median(real-to-real): near 1 = as far as real samples are from each other; near 0 = copies. */
  ratio: number;
  /** Synthetic samples closer to a real one than 1e-6 of the median real-to-real distance (copies). */
  copies: number;
}

function summarise(v: Float64Array): DistanceSummary {
  const s = v.slice().sort();
  let sum = 0;
  for (const x of s) sum += x;
  return { min: s[0], p5: s[Math.floor(0.05 * (s.length - 1))], median: median(s), mean: sum / s.length };
}

function nearest(d2: Float64Array, n: number, from: number[], to: number[]): Float64Array {
  return Float64Array.from(from, (i) => {
    let best = Infinity;
    for (const j of to) if (j !== i && d2[i * n + j] < best) best = d2[i * n + j];
    return Math.sqrt(best);
  });
}

/** Nearest-neighbour distances that show whether synthetic samples are new points or memorised training rows. */
export function nnDistances(d2: Float64Array, n: number, real: number[], synthetic: number[]): NnDistanceResult {
  const s = nearest(d2, n, synthetic, real);
  const r = nearest(d2, n, real, real);
  const sr = summarise(s);
  const rr = summarise(r);
  const tol = 1e-6 * rr.median;
  let copies = 0;
  for (const v of s) if (v <= tol) copies++;
  return { syntheticToReal: sr, realToReal: rr, ratio: rr.median > 0 ? sr.median / rr.median : NaN, copies };
}
