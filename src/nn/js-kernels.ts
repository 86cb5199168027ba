/**
 * Pure TypeScript kernels on Float32Array: always available, used when the native addon is missing or
 * ADAN_BACKEND=js. The matrix multiply is a GotoBLAS-style loop: op(B) is packed per KC-deep block into 4-column
 * panels, op(A) into 4-row panels (the packing also handles transposes and leading dimensions), and a 4x4
 * register-blocked micro-kernel keeps 16 accumulators in locals, so the inner loop does 8 loads per 16 multiply-adds.
 * Packing buffers are module scratch reused between calls.
 */
import { ACT, type ActCode, type Kernels } from './kernels.js';

const KC = 256; // k block: a KC x n panel of B stays in L2 while the 4-row strips of A stream over it

let packA: Float32Array = new Float32Array(0);
let packB: Float32Array = new Float32Array(0);
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

function gemm(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Float32Array,
  lda: number,
  b: Float32Array,
  ldb: number,
  beta: number,
  c: Float32Array,
  ldc: number,
): void {
  for (let i = 0; i < m; i++) {
    const o = i * ldc;
    if (beta === 0) c.fill(0, o, o + n);
    else if (beta !== 1) for (let j = o; j < o + n; j++) c[j] *= beta;
  }
  if (k === 0 || alpha === 0 || m === 0 || n === 0) return;
  const np = (n + 3) >> 2; // 4-column panels of B
  const mp = (m + 3) >> 2;
  if (packB.length < np * 4 * KC) packB = new Float32Array(np * 4 * KC);
  if (packA.length < 4 * KC) packA = new Float32Array(4 * KC);
  const Bp = packB,
    Ap = packA;
  // strides of op(A)[i, p] and op(B)[p, j] in the original arrays
  const aI = transA ? 1 : lda,
    aP = transA ? lda : 1;
  const bP = transB ? 1 : ldb,
    bJ = transB ? ldb : 1;
  for (let p0 = 0; p0 < k; p0 += KC) {
    const kc = Math.min(KC, k - p0);
    // pack op(B)[p0:p0+kc, :] as panels: Bp[jp*4*kc + q*4 + c] = op(B)[p0+q, 4*jp+c] (0 past n)
    for (let jp = 0; jp < np; jp++) {
      const base = jp * 4 * kc;
      for (let cc = 0; cc < 4; cc++) {
        const j = jp * 4 + cc;
        if (j < n) {
          let src = p0 * bP + j * bJ;
          for (let q = 0; q < kc; q++, src += bP) Bp[base + q * 4 + cc] = b[src];
        } else for (let q = 0; q < kc; q++) Bp[base + q * 4 + cc] = 0;
      }
    }
    for (let ip = 0; ip < mp; ip++) {
      const i0 = ip * 4;
      const rows = Math.min(4, m - i0);
      // pack op(A)[i0:i0+4, p0:p0+kc] as Ap[q*4 + r] (0 past m)
      for (let r = 0; r < 4; r++) {
        if (r < rows) {
          let src = (i0 + r) * aI + p0 * aP;
          for (let q = 0; q < kc; q++, src += aP) Ap[q * 4 + r] = a[src];
        } else for (let q = 0; q < kc; q++) Ap[q * 4 + r] = 0;
      }
      for (let jp = 0; jp < np; jp++) {
        let c00 = 0,
          c01 = 0,
          c02 = 0,
          c03 = 0,
          c10 = 0,
          c11 = 0,
          c12 = 0,
          c13 = 0;
        let c20 = 0,
          c21 = 0,
          c22 = 0,
          c23 = 0,
          c30 = 0,
          c31 = 0,
          c32 = 0,
          c33 = 0;
        let bo = jp * 4 * kc;
        let ao = 0;
        for (let q = 0; q < kc; q++, ao += 4, bo += 4) {
          const a0 = Ap[ao],
            a1 = Ap[ao + 1],
            a2 = Ap[ao + 2],
            a3 = Ap[ao + 3];
          const b0 = Bp[bo],
            b1 = Bp[bo + 1],
            b2 = Bp[bo + 2],
            b3 = Bp[bo + 3];
          c00 += a0 * b0;
          c01 += a0 * b1;
          c02 += a0 * b2;
          c03 += a0 * b3;
          c10 += a1 * b0;
          c11 += a1 * b1;
          c12 += a1 * b2;
          c13 += a1 * b3;
          c20 += a2 * b0;
          c21 += a2 * b1;
          c22 += a2 * b2;
          c23 += a2 * b3;
          c30 += a3 * b0;
          c31 += a3 * b1;
          c32 += a3 * b2;
          c33 += a3 * b3;
        }
        const j0 = jp * 4;
        const cols = Math.min(4, n - j0);
        if (rows === 4 && cols === 4) {
          let o = i0 * ldc + j0;
          c[o] += alpha * c00;
          c[o + 1] += alpha * c01;
          c[o + 2] += alpha * c02;
          c[o + 3] += alpha * c03;
          o += ldc;
          c[o] += alpha * c10;
          c[o + 1] += alpha * c11;
          c[o + 2] += alpha * c12;
          c[o + 3] += alpha * c13;
          o += ldc;
          c[o] += alpha * c20;
          c[o + 1] += alpha * c21;
          c[o + 2] += alpha * c22;
          c[o + 3] += alpha * c23;
          o += ldc;
          c[o] += alpha * c30;
          c[o + 1] += alpha * c31;
          c[o + 2] += alpha * c32;
          c[o + 3] += alpha * c33;
        } else {
          const blk = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33];
          for (let r = 0; r < rows; r++) for (let cc = 0; cc < cols; cc++) c[(i0 + r) * ldc + j0 + cc] += alpha * blk[r * 4 + cc];
        }
      }
    }
  }
}

function biasAct(
  act: ActCode,
  slope: number,
  rows: number,
  cols: number,
  z: Float32Array,
  bias: Float32Array | null,
  out: Float32Array,
): void {
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

function adam(
  n: number,
  p: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  lr: number,
  beta1: number,
  beta2: number,
  eps: number,
  bc1: number,
  bc2: number,
): void {
  const step = lr / bc1;
  const sbc2 = Math.sqrt(bc2);
  const ob1 = 1 - beta1,
    ob2 = 1 - beta2;
  for (let i = 0; i < n; i++) {
    const gi = g[i];
    const mi = (m[i] = beta1 * m[i] + ob1 * gi);
    const vi = (v[i] = beta2 * v[i] + ob2 * gi * gi);
    p[i] -= (step * mi) / (Math.sqrt(vi) / sbc2 + eps);
  }
}

function bnTrain(
  rows: number,
  cols: number,
  x: Float32Array,
  gamma: Float32Array,
  beta: Float32Array,
  eps: number,
  momentum: number,
  runMean: Float32Array,
  runVar: Float32Array,
  xhat: Float32Array,
  invStd: Float32Array,
  y: Float32Array,
): void {
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

function bnEval(
  rows: number,
  cols: number,
  x: Float32Array,
  gamma: Float32Array,
  beta: Float32Array,
  eps: number,
  runMean: Float32Array,
  runVar: Float32Array,
  y: Float32Array,
): void {
  for (let j = 0; j < cols; j++) {
    const s = gamma[j] / Math.sqrt(runVar[j] + eps);
    const t = beta[j] - runMean[j] * s;
    for (let r = 0; r < rows; r++) y[r * cols + j] = x[r * cols + j] * s + t;
  }
}

function bnBackward(
  rows: number,
  cols: number,
  dy: Float32Array,
  xhat: Float32Array,
  invStd: Float32Array,
  gamma: Float32Array,
  dgamma: Float32Array | null,
  dbeta: Float32Array | null,
  dx: Float32Array,
): void {
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
    const a = sdy[j],
      b = sdyx[j];
    for (let r = 0; r < rows; r++) {
      const i = r * cols + j;
      dx[i] = s * (rows * dy[i] - a - xhat[i] * b);
    }
  }
}

const JS: Kernels = {
  name: 'js',
  detail: 'pure TypeScript (packed, 4x4 register-blocked matmul)',
  gemm,
  biasAct,
  actBackward,
  colSumAdd,
  adam,
  bnTrain,
  bnEval,
  bnBackward,
  setThreads: () => 1,
};

/** The pure TypeScript kernel set (always available). */
export function jsKernels(): Kernels {
  return JS;
}
