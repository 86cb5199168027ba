/**
 * L2-regularised multinomial logistic regression on standardised features, solved in the dual representation:
 * with n samples << d features (EmoDB: ~500 x 4368) the weights lie in the span of the training rows, w = X^T a,
 * so everything needs only the Gram matrix K = X X^T. The update a <- a - eta ((P - Y) / n + lambda a) is exactly
 * gradient descent on w (Nesterov-accelerated), so this is the ordinary primal model, just cheaper.
 * This is the "simple classifier" of the quality metrics (TSTR/TRTR and real-vs-synthetic detection).
 */
export interface LogisticOptions {
  /** L2 strength per sample (loss = mean log-loss + lambda/2 |w|^2). Default 1/n (sklearn's C = 1). */
  lambda?: number;
  iterations?: number;
}

export interface DualLogisticModel {
  readonly train: number[];
  readonly classes: number;
  /** train.length x classes. */
  readonly alpha: Float64Array;
  /** Centring statistics of the training rows (see `centred`). */
  readonly trainMeans: Float64Array;
  readonly grandMean: number;
}

/** Mean of K[a, train] for each row a. */
function meansOver(k: Float64Array, n: number, rows: number[], train: number[]): Float64Array {
  return Float64Array.from(rows, (a) => {
    let s = 0;
    for (const j of train) s += k[a * n + j];
    return s / train.length;
  });
}

/**
 * The block K[rows, cols] of a pooled n x n Gram matrix, centred on the training rows' mean m
 * (<a - m, b - m>, so a held-out row never enters the centring: with centring on all rows, the rest of the data
 * sums to minus the held-out rows and cross-validated scores come out inverted in n << d), plus 1 for an
 * (equally regularised) intercept.
 */
function block(
  k: Float64Array,
  n: number,
  rows: number[],
  rowMeans: Float64Array,
  cols: number[],
  colMeans: Float64Array,
  grand: number,
): Float64Array {
  const out = new Float64Array(rows.length * cols.length);
  for (let i = 0; i < rows.length; i++) {
    const o = rows[i] * n;
    for (let j = 0; j < cols.length; j++) out[i * cols.length + j] = k[o + cols[j]] - rowMeans[i] - colMeans[j] + grand + 1;
  }
  return out;
}

function largestEigen(k: Float64Array, m: number): number {
  let v = new Float64Array(m).fill(1 / Math.sqrt(m));
  let lam = 0;
  for (let it = 0; it < 30; it++) {
    const w = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += k[i * m + j] * v[j];
      w[i] = s;
    }
    let norm = 0;
    for (const x of w) norm += x * x;
    norm = Math.sqrt(norm);
    if (norm === 0) return 0;
    lam = norm;
    v = w.map((x) => x / norm);
  }
  return lam;
}

/** Scores S = K a (rows x classes) turned into softmax probabilities in place. */
function softmaxScores(kb: Float64Array, m: number, cols: number, a: Float64Array, c: number): Float64Array {
  const p = new Float64Array(m * c);
  for (let i = 0; i < m; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) {
      const kij = kb[o + j];
      if (kij === 0) continue;
      for (let q = 0; q < c; q++) p[i * c + q] += kij * a[j * c + q];
    }
    let mx = -Infinity;
    for (let q = 0; q < c; q++) mx = Math.max(mx, p[i * c + q]);
    let z = 0;
    for (let q = 0; q < c; q++) z += p[i * c + q] = Math.exp(p[i * c + q] - mx);
    for (let q = 0; q < c; q++) p[i * c + q] /= z;
  }
  return p;
}

/** Fits on rows `train` of the pooled Gram matrix `k` (n x n) with labels y (0..classes-1, one per train row). */
export function fitDualLogistic(
  k: Float64Array,
  n: number,
  train: number[],
  y: ArrayLike<number>,
  classes: number,
  opts: LogisticOptions = {},
): DualLogisticModel {
  const m = train.length;
  const trainMeans = meansOver(k, n, train, train);
  const grandMean = trainMeans.reduce((a, b) => a + b, 0) / m;
  const kb = block(k, n, train, trainMeans, train, trainMeans, grandMean);
  const lambda = opts.lambda ?? 1 / m;
  const iters = opts.iterations ?? 300;
  const eta = 1 / (largestEigen(kb, m) / (2 * m) + lambda);
  let a = new Float64Array(m * classes);
  let b = a.slice();
  for (let t = 1; t <= iters; t++) {
    const p = softmaxScores(kb, m, m, b, classes);
    const next = new Float64Array(m * classes);
    for (let i = 0; i < m; i++)
      for (let q = 0; q < classes; q++) {
        const g = (p[i * classes + q] - (y[i] === q ? 1 : 0)) / m + lambda * b[i * classes + q];
        next[i * classes + q] = b[i * classes + q] - eta * g;
      }
    const mom = (t - 1) / (t + 2);
    b = next.map((v, i) => v + mom * (v - a[i]));
    a = next;
  }
  return { train, classes, alpha: a, trainMeans, grandMean };
}

/** Class probabilities (rows x classes) for rows `test` of the pooled Gram matrix. */
export function predictDualLogistic(model: DualLogisticModel, k: Float64Array, n: number, test: number[]): Float64Array {
  const kb = block(k, n, test, meansOver(k, n, test, model.train), model.train, model.trainMeans, model.grandMean);
  return softmaxScores(kb, test.length, model.train.length, model.alpha, model.classes);
}

/** Arg-max class per row of a probability matrix. */
export function argmaxRows(p: Float64Array, classes: number): Int32Array {
  const out = new Int32Array(p.length / classes);
  for (let i = 0; i < out.length; i++) {
    let best = 0;
    for (let q = 1; q < classes; q++) if (p[i * classes + q] > p[i * classes + best]) best = q;
    out[i] = best;
  }
  return out;
}
