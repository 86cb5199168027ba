/**
 * Pure TypeScript kernels on Float32Array: always available, used when the native addon is missing or
 * ADAN_BACKEND=js. The matrix multiply packs op(A) and op(B) into contiguous row-major scratch buffers (reused
 * between calls) and runs a cache-blocked i-k-j loop that updates 4 rows of C per pass over a B row.
 */
import { ACT, type ActCode, type Kernels } from './kernels.js';

const KC = 128; // k block: a KC x NC panel of B (64 KiB) stays in L2 while 4-row strips of A stream over it
const NC = 256;

let scratchA: Float32Array = new Float32Array(0);
let scratchB: Float32Array = new Float32Array(0);
let scratch1 = new Float64Array(0);
let scratch2 = new Float64Array(0);

/** Two zeroed float64 accumulators of length n (module scratch: no allocation per call). */
function acc2(n: number): [Float64Array, Float64Array] {
  if (scratch1.length < n) {
    scratch1 = new Float64Array(n);
    scratch2 = new Float64Array(n);
  }
  scratch1.fill(0, 0, n);
  scratch2.fill(0, 0, n);
  return [scratch1, scratch2];
}

function grow(buf: Float32Array, n: number): Float32Array {
  return buf.length >= n ? buf : new Float32Array(Math.max(n, Math.ceil(buf.length * 1.5)));
}

/** C (m x n, ldc) += A (m x k, contiguous) * B (k x n, contiguous). */
function gemmKernel(m: number, n: number, k: number, A: Float32Array, B: Float32Array, C: Float32Array, ldc: number): void {
  for (let k0 = 0; k0 < k; k0 += KC) {
    const k1 = Math.min(k, k0 + KC);
    for (let j0 = 0; j0 < n; j0 += NC) {
      const j1 = Math.min(n, j0 + NC);
      let i = 0;
      for (; i + 4 <= m; i += 4) {
        const c0 = i * ldc, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
        const a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
        for (let p = k0; p < k1; p++) {
          const x0 = A[a0 + p], x1 = A[a1 + p], x2 = A[a2 + p], x3 = A[a3 + p];
          if (x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
          const b = p * n;
          for (let j = j0; j < j1; j++) {
            const bv = B[b + j];
            C[c0 + j] += x0 * bv;
            C[c1 + j] += x1 * bv;
            C[c2 + j] += x2 * bv;
            C[c3 + j] += x3 * bv;
          }
        }
      }
      for (; i < m; i++) {
        const c0 = i * ldc, a0 = i * k;
        for (let p = k0; p < k1; p++) {
          const x0 = A[a0 + p];
          if (x0 === 0) continue;
          const b = p * n;
          for (let j = j0; j < j1; j++) C[c0 + j] += x0 * B[b + j];
        }
      }
    }
  }
}

function gemm(transA: boolean, transB: boolean, m: number, n: number, k: number, alpha: number, a: Float32Array, lda: number,
  b: Float32Array, ldb: number, beta: number, c: Float32Array, ldc: number): void {
  for (let i = 0; i < m; i++) {
    const o = i * ldc;
    if (beta === 0) c.fill(0, o, o + n);
    else if (beta !== 1) for (let j = o; j < o + n; j++) c[j] *= beta;
  }
  if (k === 0 || alpha === 0 || m === 0 || n === 0) return;
  // op(A) as contiguous m x k, alpha folded in
  let A: Float32Array;
  if (!transA && lda === k && alpha === 1) A = a;
  else {
    A = scratchA = grow(scratchA, m * k);
    if (!transA) {
      for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) A[i * k + p] = alpha * a[i * lda + p];
    } else {
      for (let p = 0; p < k; p++) {
        const r = p * lda;
        for (let i = 0; i < m; i++) A[i * k + p] = alpha * a[r + i];
      }
    }
  }
  let B: Float32Array;
  if (!transB && ldb === n) B = b;
  else {
    B = scratchB = grow(scratchB, k * n);
    if (!transB) {
      for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) B[p * n + j] = b[p * ldb + j];
    } else {
      for (let j = 0; j < n; j++) {
        const r = j * ldb;
        for (let p = 0; p < k; p++) B[p * n + j] = b[r + p];
      }
    }
  }
  gemmKernel(m, n, k, A, B, c, ldc);
}

function biasAct(act: ActCode, slope: number, rows: number, cols: number, z: Float32Array, bias: Float32Array | null, out: Float32Array): void {
  const n = rows * cols;
  if (bias) {
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      for (let j = 0; j < cols; j++) out[o + j] = z[o + j] + bias[j];
    }
  } else if (out !== z) out.set(z.subarray(0, n));
  switch (act) {
    case ACT.linear:
      return;
    case ACT.tanh:
      for (let i = 0; i < n; i++) out[i] = Math.tanh(out[i]);
      return;
    case ACT.relu:
      for (let i = 0; i < n; i++) if (!(out[i] > 0)) out[i] = 0;
      return;
    case ACT.leakyRelu:
      for (let i = 0; i < n; i++) if (out[i] < 0) out[i] *= slope;
      return;
    case ACT.sigmoid:
      for (let i = 0; i < n; i++) {
        const x = out[i];
        out[i] = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
      }
      return;
    case ACT.softmax:
      for (let r = 0; r < rows; r++) {
        const o = r * cols;
        let mx = -Infinity;
        for (let j = 0; j < cols; j++) if (out[o + j] > mx) mx = out[o + j];
        let s = 0;
        for (let j = 0; j < cols; j++) {
          const e = Math.exp(out[o + j] - mx);
          out[o + j] = e;
          s += e;
        }
        const inv = 1 / s;
        for (let j = 0; j < cols; j++) out[o + j] *= inv;
      }
      return;
    default:
      throw new Error(`biasAct: unknown activation code ${String(act)}`);
  }
}

function actBackward(act: ActCode, slope: number, rows: number, cols: number, y: Float32Array, dy: Float32Array, dx: Float32Array): void {
  const n = rows * cols;
  switch (act) {
    case ACT.linear:
      if (dx !== dy) dx.set(dy.subarray(0, n));
      return;
    case ACT.tanh:
      for (let i = 0; i < n; i++) dx[i] = dy[i] * (1 - y[i] * y[i]);
      return;
    case ACT.relu:
      for (let i = 0; i < n; i++) dx[i] = y[i] > 0 ? dy[i] : 0;
      return;
    case ACT.leakyRelu:
      for (let i = 0; i < n; i++) dx[i] = y[i] > 0 ? dy[i] : dy[i] * slope;
      return;
    case ACT.sigmoid:
      for (let i = 0; i < n; i++) dx[i] = dy[i] * y[i] * (1 - y[i]);
      return;
    case ACT.softmax:
      for (let r = 0; r < rows; r++) {
        const o = r * cols;
        let s = 0;
        for (let j = 0; j < cols; j++) s += dy[o + j] * y[o + j];
        for (let j = 0; j < cols; j++) dx[o + j] = y[o + j] * (dy[o + j] - s);
      }
      return;
    default:
      throw new Error(`actBackward: unknown activation code ${String(act)}`);
  }
}

function colSumAdd(rows: number, cols: number, a: Float32Array, out: Float32Array): void {
  // accumulate in a float64 scratch so the sum does not depend on float32 rounding order more than needed
  const [acc] = acc2(cols);
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let j = 0; j < cols; j++) acc[j] += a[o + j];
  }
  for (let j = 0; j < cols; j++) out[j] += acc[j];
}

function adam(n: number, p: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, lr: number, beta1: number,
  beta2: number, eps: number, bc1: number, bc2: number): void {
  const step = lr / bc1;
  const sbc2 = Math.sqrt(bc2);
  const ob1 = 1 - beta1, ob2 = 1 - beta2;
  for (let i = 0; i < n; i++) {
    const gi = g[i];
    const mi = (m[i] = beta1 * m[i] + ob1 * gi);
    const vi = (v[i] = beta2 * v[i] + ob2 * gi * gi);
    p[i] -= (step * mi) / (Math.sqrt(vi) / sbc2 + eps);
  }
}

function bnTrain(rows: number, cols: number, x: Float32Array, gamma: Float32Array, beta: Float32Array, eps: number, momentum: number,
  runMean: Float32Array, runVar: Float32Array, xhat: Float32Array, invStd: Float32Array, y: Float32Array): void {
  const [mean, vr] = acc2(cols);
  for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) mean[j] += x[r * cols + j];
  for (let j = 0; j < cols; j++) mean[j] /= rows;
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < cols; j++) {
      const d = x[r * cols + j] - mean[j];
      vr[j] += d * d;
    }
  }
  for (let j = 0; j < cols; j++) {
    const biased = vr[j] / rows;
    invStd[j] = 1 / Math.sqrt(biased + eps);
    const unbiased = rows > 1 ? vr[j] / (rows - 1) : biased;
    runMean[j] = momentum * runMean[j] + (1 - momentum) * mean[j];
    runVar[j] = momentum * runVar[j] + (1 - momentum) * unbiased;
  }
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let j = 0; j < cols; j++) {
      const h = (x[o + j] - mean[j]) * invStd[j];
      xhat[o + j] = h;
      y[o + j] = gamma[j] * h + beta[j];
    }
  }
}

function bnEval(rows: number, cols: number, x: Float32Array, gamma: Float32Array, beta: Float32Array, eps: number,
  runMean: Float32Array, runVar: Float32Array, y: Float32Array): void {
  for (let j = 0; j < cols; j++) {
    const s = gamma[j] / Math.sqrt(runVar[j] + eps);
    const t = beta[j] - runMean[j] * s;
    for (let r = 0; r < rows; r++) y[r * cols + j] = x[r * cols + j] * s + t;
  }
}

function bnBackward(rows: number, cols: number, dy: Float32Array, xhat: Float32Array, invStd: Float32Array, gamma: Float32Array,
  dgamma: Float32Array | null, dbeta: Float32Array | null, dx: Float32Array): void {
  const [sdy, sdyx] = acc2(cols);
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let j = 0; j < cols; j++) {
      sdy[j] += dy[o + j];
      sdyx[j] += dy[o + j] * xhat[o + j];
    }
  }
  for (let j = 0; j < cols; j++) {
    if (dgamma) dgamma[j] += sdyx[j];
    if (dbeta) dbeta[j] += sdy[j];
  }
  for (let j = 0; j < cols; j++) {
    const s = (gamma[j] * invStd[j]) / rows;
    const a = sdy[j], b = sdyx[j];
    for (let r = 0; r < rows; r++) {
      const i = r * cols + j;
      dx[i] = s * (rows * dy[i] - a - xhat[i] * b);
    }
  }
}

const JS: Kernels = {
  name: 'js',
  detail: 'pure TypeScript (blocked Float32Array matmul)',
  gemm,
  biasAct,
  actBackward,
  colSumAdd,
  adam,
  bnTrain,
  bnEval,
  bnBackward,
};

/** The pure TypeScript kernel set (always available). */
export function jsKernels(): Kernels {
  return JS;
}
