/**
 * Per-frame pre-emphasis (spec 2.2): y[0] = (1−k)·x[0], y[n] = x[n] − k·x[n−1] (float32 output).
 *
 * API:
 *   preemphasize(x, k, out): Float32Array     out may not alias x
 */
export function preemphasize(x: Float32Array, k: number, out: Float32Array): Float32Array {
  const n = x.length;
  if (n === 0) return out;
  out[0] = (1 - k) * x[0];
  for (let i = 1; i < n; i++) out[i] = x[i] - k * x[i - 1];
  return out;
}
