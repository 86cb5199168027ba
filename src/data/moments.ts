/** Per-column mean and population variance of some rows of a feature matrix (e.g. one speaker's utterances). */
export interface Moments {
  mean: Float64Array;
  variance: Float64Array;
  n: number;
}

/** The moments of the given rows of the row-major `x` (`cols` columns); no rows gives zeros. */
export function moments(x: Float32Array, cols: number, rows: readonly number[]): Moments {
  const mean = new Float64Array(cols);
  const variance = new Float64Array(cols);
  for (const r of rows) for (let j = 0; j < cols; j++) mean[j] += x[r * cols + j];
  for (let j = 0; j < cols; j++) mean[j] /= Math.max(rows.length, 1);
  for (const r of rows) {
    for (let j = 0; j < cols; j++) {
      const d = x[r * cols + j] - mean[j];
      variance[j] += d * d;
    }
  }
  for (let j = 0; j < cols; j++) variance[j] /= Math.max(rows.length, 1);
  return { mean, variance, n: rows.length };
}
