/** A dense row-major sample matrix (rows x cols), the unit every quality metric works on. */
export interface Samples {
  readonly x: Float32Array;
  readonly rows: number;
  readonly cols: number;
}

export function samples(x: Float32Array, rows: number, cols: number): Samples {
  if (x.length !== rows * cols) throw new Error(`samples: ${x.length} values is not ${rows} x ${cols}`);
  return { x, rows, cols };
}

/** The rows at `idx`, in that order. */
export function takeRows(s: Samples, idx: ArrayLike<number>): Samples {
  const out = new Float32Array(idx.length * s.cols);
  for (let i = 0; i < idx.length; i++) out.set(s.x.subarray(idx[i] * s.cols, (idx[i] + 1) * s.cols), i * s.cols);
  return { x: out, rows: idx.length, cols: s.cols };
}

/** Stacks matrices with the same column count. */
export function stackRows(parts: Samples[]): Samples {
  const cols = parts[0].cols;
  const rows = parts.reduce((n, p) => n + p.rows, 0);
  const x = new Float32Array(rows * cols);
  let off = 0;
  for (const p of parts) {
    if (p.cols !== cols) throw new Error('stackRows: column counts differ');
    x.set(p.x, off);
    off += p.x.length;
  }
  return { x, rows, cols };
}

/**
 * z-normalisation fitted on `fit` only (the real rows: synthetic data must not move the yardstick), dropping
 * zero-variance columns, applied to every matrix in `apply`. Distances in raw openSMILE units would be dominated
 * by a few large-valued functionals.
 */
export function zNormalise(fit: Samples, apply: Samples[]): Samples[] {
  const { rows, cols } = fit;
  const mean = new Float64Array(cols);
  const sd = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mean[j] += fit.x[i * cols + j];
  for (let j = 0; j < cols; j++) mean[j] /= rows;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const d = fit.x[i * cols + j] - mean[j];
      sd[j] += d * d;
    }
  const keep: number[] = [];
  for (let j = 0; j < cols; j++) {
    sd[j] = Math.sqrt(sd[j] / Math.max(1, rows - 1));
    if (sd[j] > 1e-12 * Math.max(1, Math.abs(mean[j]))) keep.push(j);
  }
  return apply.map((a) => {
    if (a.cols !== cols) throw new Error('zNormalise: column counts differ');
    const out = new Float32Array(a.rows * keep.length);
    for (let i = 0; i < a.rows; i++)
      for (let k = 0; k < keep.length; k++) {
        const j = keep[k];
        out[i * keep.length + k] = (a.x[i * cols + j] - mean[j]) / sd[j];
      }
    return { x: out, rows: a.rows, cols: keep.length };
  });
}

/** Gram matrix X X^T (n x n, float64), the base of every distance and of the dual logistic regression. */
export function gram(s: Samples): Float64Array {
  const { x, rows: n, cols: d } = s;
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const oi = i * d;
    for (let j = i; j < n; j++) {
      const oj = j * d;
      let acc = 0;
      for (let k = 0; k < d; k++) acc += x[oi + k] * x[oj + k];
      g[i * n + j] = acc;
      g[j * n + i] = acc;
    }
  }
  return g;
}

/** Squared Euclidean distances from a Gram matrix (clamped at 0 against rounding). */
export function sqDistFromGram(g: Float64Array, n: number): Float64Array {
  const d2 = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) d2[i * n + j] = i === j ? 0 : Math.max(0, g[i * n + i] + g[j * n + j] - 2 * g[i * n + j]);
  return d2;
}

/** Median of the finite values (copy-sorted). */
export function median(v: ArrayLike<number>): number {
  const a = Float64Array.from(v).sort();
  if (a.length === 0) return NaN;
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}
