import type { GemmNT } from './gemm-nt.js';

/** Squared Euclidean norm of each row (computed in double). */
export function squaredNorms(x: Float32Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    const o = i * cols;
    for (let k = 0; k < cols; k++) s += x[o + k] * x[o + k];
    out[i] = s;
  }
  return out;
}

/**
 * K(a, b) = exp(-gamma |a - b|^2) for a block of rows of A against rows of B, through one gemm:
 * |a - b|^2 = |a|^2 + |b|^2 - 2 a.b (norms precomputed; clamped at 0 against rounding).
 * `out` (m x n, row stride ldo) receives the kernel values.
 */
export function rbfBlock(
  gemm: GemmNT,
  gamma: number,
  a: Float32Array,
  aNorms: Float64Array,
  aRow0: number,
  m: number,
  b: Float32Array,
  bNorms: Float64Array,
  bRow0: number,
  n: number,
  cols: number,
  out: Float32Array,
  ldo: number,
): void {
  gemm(m, n, cols, a.subarray(aRow0 * cols, (aRow0 + m) * cols), cols, b.subarray(bRow0 * cols, (bRow0 + n) * cols), cols, out, ldo);
  for (let i = 0; i < m; i++) {
    const na = aNorms[aRow0 + i];
    const o = i * ldo;
    for (let j = 0; j < n; j++) {
      const d2 = na + bNorms[bRow0 + j] - 2 * out[o + j];
      out[o + j] = Math.exp(-gamma * (d2 > 0 ? d2 : 0));
    }
  }
}

/**
 * Rows of the training kernel matrix K (n x n) by global sample index, shared by all one-vs-one sub-problems.
 * When the whole matrix fits in `cacheBytes` it is computed once, block by block (symmetric: only the upper
 * blocks go through gemm); otherwise rows are computed on demand and kept in an LRU cache of whole rows.
 */
export class KernelRows {
  readonly n: number;
  private readonly full: Float32Array | null;
  private readonly norms: Float64Array;
  private readonly rows = new Map<number, Float32Array>(); // insertion order = LRU order
  private readonly capacity: number;
  /** Rows computed (on-demand mode), for diagnostics. */
  computed = 0;

  constructor(
    private readonly x: Float32Array,
    n: number,
    private readonly cols: number,
    private readonly gamma: number,
    cacheBytes: number,
    private readonly gemm: GemmNT,
  ) {
    this.n = n;
    this.norms = squaredNorms(x, n, cols);
    if (n * n * 4 <= cacheBytes) {
      this.full = this.fullMatrix();
      this.capacity = 0;
    } else {
      this.full = null;
      this.capacity = Math.max(2, Math.floor(cacheBytes / (n * 4)));
    }
  }

  /** Row i of K (length n). The array may be evicted later: do not keep it across more than two row() calls. */
  row(i: number): Float32Array {
    if (this.full) return this.full.subarray(i * this.n, (i + 1) * this.n);
    const hit = this.rows.get(i);
    if (hit) {
      this.rows.delete(i);
      this.rows.set(i, hit);
      return hit;
    }
    let r: Float32Array;
    if (this.rows.size >= this.capacity) {
      const oldest = this.rows.keys().next().value as number;
      r = this.rows.get(oldest) as Float32Array;
      this.rows.delete(oldest);
    } else r = new Float32Array(this.n);
    rbfBlock(this.gemm, this.gamma, this.x, this.norms, i, 1, this.x, this.norms, 0, this.n, this.cols, r, this.n);
    this.computed++;
    this.rows.set(i, r);
    return r;
  }

  private fullMatrix(): Float32Array {
    const n = this.n;
    const k = new Float32Array(n * n);
    const B = 256;
    for (let i0 = 0; i0 < n; i0 += B) {
      const m = Math.min(B, n - i0);
      // Upper part of the row block: columns i0..n-1, written in place, then mirrored below the diagonal.
      rbfBlock(this.gemm, this.gamma, this.x, this.norms, i0, m, this.x, this.norms, i0, n - i0, this.cols, k.subarray(i0 * n + i0), n);
      for (let i = i0; i < i0 + m; i++) {
        k[i * n + i] = 1; // exact diagonal (rounding in |a|^2 + |a|^2 - 2 a.a)
        for (let j = i + 1; j < n; j++) k[j * n + i] = k[i * n + j];
      }
    }
    return k;
  }
}
