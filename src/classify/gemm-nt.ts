/**
 * C = A * B^T for row-major Float32Arrays (A: m x k, B: n x k, C: m x n): the one product the RBF kernel needs
 * (dot products between sample rows). `engineGemmNT` routes it to the engine's BLAS-style gemm (native OpenBLAS
 * when built); `jsGemmNT` is the portable fallback, blocked for cache and registers.
 */
export type GemmNT = (
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  lda: number,
  b: Float32Array,
  ldb: number,
  c: Float32Array,
  ldc: number,
) => void;

const KC = 512; // k-chunk: 4 A rows x 512 floats stay in L1
const NC = 128; // B rows per panel: 128 x 512 floats (256 KB) stay in L2

/** Portable A * B^T: k-chunked, B panels, 4x4 register micro-kernel (16 double accumulators). */
export const jsGemmNT: GemmNT = (m, n, k, a, lda, b, ldb, c, ldc) => {
  for (let i = 0; i < m; i++) c.fill(0, i * ldc, i * ldc + n);
  for (let p0 = 0; p0 < k; p0 += KC) {
    const p1 = Math.min(k, p0 + KC);
    for (let j0 = 0; j0 < n; j0 += NC) {
      const j1 = Math.min(n, j0 + NC);
      let i = 0;
      for (; i + 4 <= m; i += 4) {
        const a0 = i * lda,
          a1 = a0 + lda,
          a2 = a1 + lda,
          a3 = a2 + lda;
        let j = j0;
        for (; j + 4 <= j1; j += 4) {
          const b0 = j * ldb,
            b1 = b0 + ldb,
            b2 = b1 + ldb,
            b3 = b2 + ldb;
          let s00 = 0,
            s01 = 0,
            s02 = 0,
            s03 = 0,
            s10 = 0,
            s11 = 0,
            s12 = 0,
            s13 = 0;
          let s20 = 0,
            s21 = 0,
            s22 = 0,
            s23 = 0,
            s30 = 0,
            s31 = 0,
            s32 = 0,
            s33 = 0;
          for (let p = p0; p < p1; p++) {
            const x0 = a[a0 + p],
              x1 = a[a1 + p],
              x2 = a[a2 + p],
              x3 = a[a3 + p];
            const y0 = b[b0 + p],
              y1 = b[b1 + p],
              y2 = b[b2 + p],
              y3 = b[b3 + p];
            s00 += x0 * y0;
            s01 += x0 * y1;
            s02 += x0 * y2;
            s03 += x0 * y3;
            s10 += x1 * y0;
            s11 += x1 * y1;
            s12 += x1 * y2;
            s13 += x1 * y3;
            s20 += x2 * y0;
            s21 += x2 * y1;
            s22 += x2 * y2;
            s23 += x2 * y3;
            s30 += x3 * y0;
            s31 += x3 * y1;
            s32 += x3 * y2;
            s33 += x3 * y3;
          }
          const c0 = i * ldc + j,
            c1 = c0 + ldc,
            c2 = c1 + ldc,
            c3 = c2 + ldc;
          c[c0] += s00;
          c[c0 + 1] += s01;
          c[c0 + 2] += s02;
          c[c0 + 3] += s03;
          c[c1] += s10;
          c[c1 + 1] += s11;
          c[c1 + 2] += s12;
          c[c1 + 3] += s13;
          c[c2] += s20;
          c[c2 + 1] += s21;
          c[c2 + 2] += s22;
          c[c2 + 3] += s23;
          c[c3] += s30;
          c[c3 + 1] += s31;
          c[c3 + 2] += s32;
          c[c3 + 3] += s33;
        }
        for (; j < j1; j++) {
          const bj = j * ldb;
          let s0 = 0,
            s1 = 0,
            s2 = 0,
            s3 = 0;
          for (let p = p0; p < p1; p++) {
            const y = b[bj + p];
            s0 += a[a0 + p] * y;
            s1 += a[a1 + p] * y;
            s2 += a[a2 + p] * y;
            s3 += a[a3 + p] * y;
          }
          c[i * ldc + j] += s0;
          c[(i + 1) * ldc + j] += s1;
          c[(i + 2) * ldc + j] += s2;
          c[(i + 3) * ldc + j] += s3;
        }
      }
      for (; i < m; i++) {
        const ai = i * lda;
        for (let j = j0; j < j1; j++) {
          const bj = j * ldb;
          let s = 0;
          for (let p = p0; p < p1; p++) s += a[ai + p] * b[bj + p];
          c[i * ldc + j] += s;
        }
      }
    }
  }
};
