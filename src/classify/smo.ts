import type { KernelRows } from './rbf-kernel.js';

/** One binary C-SVC problem of a one-vs-one decomposition: samples by global index, labels +1/-1. */
export interface BinaryProblem {
  /** Global sample indices (rows of the shared kernel matrix), class +1 first as libsvm orders them. */
  index: Int32Array;
  /** +1 or -1 per sample. */
  y: Int8Array;
  /** Box constraints for the +1 and -1 samples (C times the class weights). */
  Cp: number;
  Cn: number;
  /** Stopping tolerance on the maximal KKT violation (libsvm's eps; scikit-learn's tol, default 1e-3). */
  eps: number;
  maxIter?: number;
}

export interface BinarySolution {
  /** alpha_i * y_i per sample (the dual coefficients). */
  coef: Float64Array;
  /** The decision function is sum_i coef_i K(x_i, x) - rho. */
  rho: number;
  iterations: number;
  objective: number;
}

const TAU = 1e-12;
const LOWER = 0;
const UPPER = 1;
const FREE = 2;

/**
 * libsvm's Solver (Fan, Chen and Lin 2005, "Working set selection using second order information"): SMO on
 * min 1/2 a'Qa - e'a, 0 <= a_i <= C_i, y'a = 0 with Q_ij = y_i y_j K_ij, the second-order working set
 * selection (WSS 2) and libsvm's update and rho rules, ported statement by statement so iterates and ties match.
 * Without shrinking (the result is the same optimum within eps; the kernel rows dominate the cost here).
 */
export function solveBinary(problem: BinaryProblem, kernel: KernelRows): BinarySolution {
  const { index: g, y, Cp, Cn, eps } = problem;
  const l = g.length;
  const alpha = new Float64Array(l);
  const G = new Float64Array(l).fill(-1); // gradient of the objective: Q alpha + p with p = -1
  const status = new Uint8Array(l).fill(LOWER);
  const cOf = (i: number): number => (y[i] > 0 ? Cp : Cn);
  const maxIter = problem.maxIter ?? Math.max(10_000_000, l > 21_474_836 ? 2_147_483_647 : 100 * l);
  const setStatus = (i: number): void => {
    const a = alpha[i];
    const c = cOf(i);
    status[i] = a >= c ? UPPER : a <= 0 ? LOWER : FREE;
  };

  // Rows worth computing along with a missing one: the largest KKT violators are the likeliest next picks.
  const scores = new Float64Array(l);
  const prefetch = (max: number, cached: (row: number) => boolean): Int32Array => {
    for (let t = 0; t < l; t++) {
      if (cached(g[t])) {
        scores[t] = -Infinity;
        continue;
      }
      const yG = y[t] * G[t];
      const up = (y[t] === 1 ? status[t] !== UPPER : status[t] !== LOWER) ? -yG : -Infinity;
      const low = (y[t] === 1 ? status[t] !== LOWER : status[t] !== UPPER) ? yG : -Infinity;
      scores[t] = up > low ? up : low;
    }
    return Int32Array.from(topK(scores, max), (t) => g[t]);
  };

  let iter = 0;
  while (iter < maxIter) {
    // --- select_working_set (WSS 2) ---
    let Gmax = -Infinity;
    let Gmax2 = -Infinity;
    let GmaxIdx = -1;
    let GminIdx = -1;
    let objDiffMin = Infinity;
    for (let t = 0; t < l; t++) {
      if (y[t] === 1) {
        if (status[t] !== UPPER && -G[t] >= Gmax) {
          Gmax = -G[t];
          GmaxIdx = t;
        }
      } else if (status[t] !== LOWER && G[t] >= Gmax) {
        Gmax = G[t];
        GmaxIdx = t;
      }
    }
    const i = GmaxIdx;
    if (i === -1) break;
    const Ki = kernel.row(g[i], prefetch);
    for (let j = 0; j < l; j++) {
      if (y[j] === 1) {
        if (status[j] !== LOWER) {
          const gradDiff = Gmax + G[j];
          if (G[j] >= Gmax2) Gmax2 = G[j];
          if (gradDiff > 0) {
            const quad = 2 - 2 * Ki[g[j]]; // QD_i + QD_j - 2 y_i Q_ij with QD = K(x,x) = 1 (RBF)
            const objDiff = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / TAU;
            if (objDiff <= objDiffMin) {
              GminIdx = j;
              objDiffMin = objDiff;
            }
          }
        }
      } else if (status[j] !== UPPER) {
        const gradDiff = Gmax - G[j];
        if (-G[j] >= Gmax2) Gmax2 = -G[j];
        if (gradDiff > 0) {
          const quad = 2 - 2 * Ki[g[j]]; // QD_i + QD_j + 2 y_i Q_ij, y_j = -1
          const objDiff = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / TAU;
          if (objDiff <= objDiffMin) {
            GminIdx = j;
            objDiffMin = objDiff;
          }
        }
      }
    }
    if (Gmax + Gmax2 < eps || GminIdx === -1) break;
    const j = GminIdx;
    iter++;

    // --- update alpha_i, alpha_j (libsvm's clipping, verbatim) ---
    const Kj = kernel.row(g[j], prefetch);
    const Ki2 = kernel.row(g[i]); // Ki may have been evicted by fetching Kj in a tiny cache
    const Qij = y[i] * y[j] * Kj[g[i]];
    const Ci = cOf(i);
    const Cj = cOf(j);
    const oldAi = alpha[i];
    const oldAj = alpha[j];
    if (y[i] !== y[j]) {
      let quad = 2 + 2 * Qij;
      if (quad <= 0) quad = TAU;
      const delta = (-G[i] - G[j]) / quad;
      const diff = alpha[i] - alpha[j];
      alpha[i] += delta;
      alpha[j] += delta;
      if (diff > 0) {
        if (alpha[j] < 0) {
          alpha[j] = 0;
          alpha[i] = diff;
        }
      } else if (alpha[i] < 0) {
        alpha[i] = 0;
        alpha[j] = -diff;
      }
      if (diff > Ci - Cj) {
        if (alpha[i] > Ci) {
          alpha[i] = Ci;
          alpha[j] = Ci - diff;
        }
      } else if (alpha[j] > Cj) {
        alpha[j] = Cj;
        alpha[i] = Cj + diff;
      }
    } else {
      let quad = 2 - 2 * Qij;
      if (quad <= 0) quad = TAU;
      const delta = (G[i] - G[j]) / quad;
      const sum = alpha[i] + alpha[j];
      alpha[i] -= delta;
      alpha[j] += delta;
      if (sum > Ci) {
        if (alpha[i] > Ci) {
          alpha[i] = Ci;
          alpha[j] = sum - Ci;
        }
      } else if (alpha[j] < 0) {
        alpha[j] = 0;
        alpha[i] = sum;
      }
      if (sum > Cj) {
        if (alpha[j] > Cj) {
          alpha[j] = Cj;
          alpha[i] = sum - Cj;
        }
      } else if (alpha[i] < 0) {
        alpha[i] = 0;
        alpha[j] = sum;
      }
    }
    // --- gradient update: G_k += Q_ki dA_i + Q_kj dA_j ---
    const ai = y[i] * (alpha[i] - oldAi);
    const aj = y[j] * (alpha[j] - oldAj);
    for (let k = 0; k < l; k++) {
      const gk = g[k];
      G[k] += y[k] * (Ki2[gk] * ai + Kj[gk] * aj);
    }
    setStatus(i);
    setStatus(j);
  }

  // --- calculate_rho ---
  let nFree = 0;
  let sumFree = 0;
  let ub = Infinity;
  let lb = -Infinity;
  for (let i = 0; i < l; i++) {
    const yG = y[i] * G[i];
    if (status[i] === UPPER) {
      if (y[i] === -1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else if (status[i] === LOWER) {
      if (y[i] === 1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else {
      nFree++;
      sumFree += yG;
    }
  }
  const rho = nFree > 0 ? sumFree / nFree : (ub + lb) / 2;
  let objective = 0;
  const coef = new Float64Array(l);
  for (let i = 0; i < l; i++) {
    objective += alpha[i] * (G[i] - 1);
    coef[i] = alpha[i] * y[i];
  }
  return { coef, rho, iterations: iter, objective: objective / 2 };
}

/** Indices of the k largest finite scores, largest first (a size-k min-heap: O(n log k)). */
export function topK(scores: Float64Array, k: number): Int32Array {
  const heap = new Int32Array(Math.max(0, k));
  let size = 0;
  const less = (a: number, b: number): boolean => scores[a] < scores[b] || (scores[a] === scores[b] && a > b);
  const siftDown = (p: number): void => {
    for (;;) {
      const l = 2 * p + 1;
      const r = l + 1;
      let m = p;
      if (l < size && less(heap[l], heap[m])) m = l;
      if (r < size && less(heap[r], heap[m])) m = r;
      if (m === p) return;
      const t = heap[p];
      heap[p] = heap[m];
      heap[m] = t;
      p = m;
    }
  };
  for (let i = 0; i < scores.length && k > 0; i++) {
    if (!Number.isFinite(scores[i])) continue;
    if (size < k) {
      let c = size++;
      heap[c] = i;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!less(heap[c], heap[p])) break;
        const t = heap[p];
        heap[p] = heap[c];
        heap[c] = t;
        c = p;
      }
    } else if (less(heap[0], i)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  const out = Array.from(heap.subarray(0, size));
  out.sort((a, b) => (less(a, b) ? 1 : less(b, a) ? -1 : 0));
  return Int32Array.from(out);
}
