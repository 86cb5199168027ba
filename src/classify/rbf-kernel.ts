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
  /**
   * Most rows computed by one gemm on a miss (row i plus prefetched rows), adapted to how many prefetched rows
   * get used before eviction: prefetching into a cache smaller than the working set only evicts useful rows.
   */
  blockRows = 16;
  private block = new Float32Array(0);
  private readonly pending = new Set<number>(); // prefetched rows not used yet
  private used = 0;
  private wasted = 0;

  constructor(
    private readonly x: Float32Array,
    n: number,
    private readonly cols: number,
    private readonly gamma: number,
    cacheBytes: number,
    private readonly gemm: GemmNT,
    /** Reusable storage for the precomputed matrix (at least n * n floats), e.g. shared by successive pairs. */
    storage?: Float32Array,
  ) {
    this.n = n;
    this.norms = squaredNorms(x, n, cols);
    if (n * n * 4 <= cacheBytes) {
      this.full = this.fullMatrix(storage && storage.length >= n * n ? storage.subarray(0, n * n) : new Float32Array(n * n));
      this.capacity = 0;
    } else {
      this.full = null;
      this.capacity = Math.max(2, Math.floor(cacheBytes / (n * 4)));
    }
  }

  /**
   * Row i of K (length n). The array may be evicted later: do not keep it across more than two row() calls.
   * On a miss, `prefetch` may name uncached rows likely to be needed soon (most likely first): up to
   * `blockRows` - 1 of them are computed together with row i in one gemm, which runs at matrix-matrix speed
   * instead of the memory-bound speed of one row (the solver's results do not depend on it).
   */
  row(i: number, prefetch?: (max: number, cached: (row: number) => boolean) => ArrayLike<number>): Float32Array {
    if (this.full) return this.full.subarray(i * this.n, (i + 1) * this.n);
    const hit = this.rows.get(i);
    if (hit) {
      if (this.pending.delete(i)) this.adapt(true);
      this.rows.delete(i);
      this.rows.set(i, hit);
      return hit;
    }
    const want = [i];
    const maxBlock = Math.min(this.blockRows, Math.floor(this.capacity / 8));
    if (prefetch && maxBlock > 1) {
      const seen = new Set(want);
      for (const c of Array.from(prefetch(maxBlock - 1, (r) => this.rows.has(r)))) {
        if (want.length >= maxBlock) break;
        if (!seen.has(c) && !this.rows.has(c)) {
          seen.add(c);
          want.push(c);
        }
      }
    }
    const m = want.length;
    const d = this.cols;
    let a: Float32Array;
    let aNorms: Float64Array;
    if (m === 1) {
      a = this.x.subarray(i * d, (i + 1) * d);
      aNorms = this.norms.subarray(i, i + 1);
    } else {
      a = new Float32Array(m * d);
      aNorms = new Float64Array(m);
      want.forEach((r, k) => {
        a.set(this.x.subarray(r * d, (r + 1) * d), k * d);
        aNorms[k] = this.norms[r];
      });
    }
    if (this.block.length < m * this.n) this.block = new Float32Array(m * this.n);
    rbfBlock(this.gemm, this.gamma, a, aNorms, 0, m, this.x, this.norms, 0, this.n, d, this.block, this.n);
    // Insert prefetched rows first so that row i ends up most recently used.
    for (let k = m - 1; k >= 0; k--) {
      let r: Float32Array;
      if (this.rows.size >= this.capacity) {
        const oldest = this.rows.keys().next().value as number;
        r = this.rows.get(oldest) as Float32Array;
        this.rows.delete(oldest);
        if (this.pending.delete(oldest)) this.adapt(false);
      } else r = new Float32Array(this.n);
      r.set(this.block.subarray(k * this.n, (k + 1) * this.n));
      this.rows.set(want[k], r);
      if (k > 0) this.pending.add(want[k]);
    }
    this.computed += m;
    return this.rows.get(i) as Float32Array;
  }

  private adapt(used: boolean): void {
    if (used) this.used++;
    else this.wasted++;
    if (this.used + this.wasted < 64) return;
    const rate = this.used / (this.used + this.wasted);
    if (rate > 0.6) this.blockRows = Math.min(128, this.blockRows * 2);
    else if (rate < 0.3) this.blockRows = Math.max(1, this.blockRows >> 1);
    this.used = 0;
    this.wasted = 0;
  }

  private fullMatrix(k: Float32Array): Float32Array {
    const n = this.n;
    const B = 256;
    for (let i0 = 0; i0 < n; i0 += B) {
      const m = Math.min(B, n - i0);
      // Upper part of the row block: columns i0..n-1, written in place, then mirrored below the diagonal.
      rbfBlock(this.gemm, this.gamma, this.x, this.norms, i0, m, this.x, this.norms, i0, n - i0, this.cols, k.subarray(i0 * n + i0), n);
      for (let i = i0; i < i0 + m; i++) {
        k[i * n + i] = 1; // exact diagonal (rounding in |a|^2 + |a|^2 - 2 a.a)
        for (let j = i + 1; j < i0 + m; j++) k[j * n + i] = k[i * n + j];
      }
      // Mirror in tiles of 64 columns so the writes stay within a few cache lines per row.
      for (let j0 = i0 + m; j0 < n; j0 += 64) {
        const j1 = Math.min(n, j0 + 64);
        for (let i = i0; i < i0 + m; i++) {
          const o = i * n;
          for (let j = j0; j < j1; j++) k[j * n + i] = k[o + j];
        }
      }
    }
    return k;
  }
}
