/**
 * The kernel interface behind which the native (N-API + OpenBLAS) and pure TypeScript implementations sit.
 * All arrays are Float32Array views (subarrays are fine); matrices are row-major as in
 * `cblas_sgemm(CblasRowMajor, ...)`.
 */

/** Numeric activation codes shared with the C addon (native/adan_native.c uses the same numbers). */
export const ACT = { linear: 0, tanh: 1, relu: 2, leakyRelu: 3, sigmoid: 4, softmax: 5 } as const;
export type ActCode = (typeof ACT)[keyof typeof ACT];

export interface Kernels {
  readonly name: 'js' | 'native';
  /** Human-readable description, e.g. `OpenBLAS 0.3.21 (Haswell, 2 threads)`. */
  readonly detail: string;
  /** C = alpha * op(A) * op(B) + beta * C; op(A) is m x k, op(B) k x n, C m x n; beta 0 ignores C's old contents. */
  gemm(
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
  ): void;
  /** out = act(z + bias) for a rows x cols block (bias per column, may be null); z may alias out; softmax is per row. */
  biasAct(act: ActCode, slope: number, rows: number, cols: number, z: Float32Array, bias: Float32Array | null, out: Float32Array): void;
  /**
   * dx = dL/dz from dy = dL/dy and the activation OUTPUT y (every supported derivative is a function of y;
   * leaky ReLU needs slope >= 0 for that). Softmax uses the row-wise Jacobian. dx may alias dy.
   */
  actBackward(act: ActCode, slope: number, rows: number, cols: number, y: Float32Array, dy: Float32Array, dx: Float32Array): void;
  /** out[c] += sum over rows of a[r, c] (bias gradients). */
  colSumAdd(rows: number, cols: number, a: Float32Array, out: Float32Array): void;
  /**
   * One Adam update of n values in the PyTorch form: m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
   * p -= (lr / bc1) * m / (sqrt(v) / sqrt(bc2) + eps), with bc1 = 1 - b1^t, bc2 = 1 - b2^t.
   */
  adam(
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
  ): void;
  /**
   * Batch norm, training mode: per column batch mean and biased variance normalise x; y = gamma * xhat + beta;
   * running stats updated as r = momentum * r + (1 - momentum) * batch (running variance with the unbiased batch
   * variance); xhat and invStd (1/sqrt(var+eps), per column) are kept for backward.
   */
  bnTrain(
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
  ): void;
  /** Batch norm, inference mode: y = gamma * (x - runMean) / sqrt(runVar + eps) + beta. */
  bnEval(
    rows: number,
    cols: number,
    x: Float32Array,
    gamma: Float32Array,
    beta: Float32Array,
    eps: number,
    runMean: Float32Array,
    runVar: Float32Array,
    y: Float32Array,
  ): void;
  /** Batch norm backward (training mode); adds into dgamma/dbeta unless they are null. */
  bnBackward(
    rows: number,
    cols: number,
    dy: Float32Array,
    xhat: Float32Array,
    invStd: Float32Array,
    gamma: Float32Array,
    dgamma: Float32Array | null,
    dbeta: Float32Array | null,
    dx: Float32Array,
  ): void;
  /**
   * Sets how many threads gemm uses from now on and returns the count before (js: always one thread, returns 1).
   * A multithreaded sgemm splits its output differently, so a few entries round differently: where results must not
   * depend on the machine's thread count (evaluation, whatever `--jobs` is), the caller fixes it (withBlasThreads).
   */
  setThreads(n: number): number;
}
