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
  /** libsvm's shrinking heuristic (scikit-learn's default true): same optimum within eps, fewer operations. */
  shrinking?: boolean;
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
 * selection (WSS 2), libsvm's update and rho rules and, when `shrinking` (default, as scikit-learn), its
 * shrinking heuristic with gradient reconstruction, ported statement by statement so iterates and ties match.
 */
export function solveBinary(problem: BinaryProblem, kernel: KernelRows): BinarySolution {
  const { Cp, Cn, eps } = problem;
  const shrinking = problem.shrinking ?? true;
  const l = problem.index.length;
  // Working copies: shrinking permutes samples (libsvm's swap_index); orig maps back (libsvm's active_set).
  const g = Int32Array.from(problem.index);
  const y = Int8Array.from(problem.y);
  const orig = Int32Array.from(problem.index.keys());
  const alpha = new Float64Array(l);
  const G = new Float64Array(l).fill(-1); // gradient Q alpha + p, p = -1
  const Gbar = new Float64Array(l); // sum over upper-bound j of C_j Q_ij (for gradient reconstruction)
  const status = new Uint8Array(l).fill(LOWER);
  const cOf = (i: number): number => (y[i] > 0 ? Cp : Cn);
  const maxIter = problem.maxIter ?? Math.max(10_000_000, l > 21_474_836 ? 2_147_483_647 : 100 * l);
  const setStatus = (i: number): void => {
    const a = alpha[i];
    status[i] = a >= cOf(i) ? UPPER : a <= 0 ? LOWER : FREE;
  };
  let active = l;
  let unshrink = false;

  // Rows worth computing along with a missing one: the largest KKT violators are the likeliest next picks.
  const scores = new Float64Array(l);
  const prefetch = (max: number, cached: (row: number) => boolean): Int32Array => {
    scores.fill(-Infinity);
    for (let t = 0; t < active; t++) {
      if (cached(g[t])) continue;
      const yG = y[t] * G[t];
      const up = (y[t] === 1 ? status[t] !== UPPER : status[t] !== LOWER) ? -yG : -Infinity;
      const low = (y[t] === 1 ? status[t] !== LOWER : status[t] !== UPPER) ? yG : -Infinity;
      scores[t] = up > low ? up : low;
    }
    return Int32Array.from(topK(scores, max), (t) => g[t]);
  };

  const swap = (i: number, j: number): void => {
    let t: number;
    t = g[i]; g[i] = g[j]; g[j] = t;
    t = y[i]; y[i] = y[j]; y[j] = t;
    t = orig[i]; orig[i] = orig[j]; orig[j] = t;
    t = alpha[i]; alpha[i] = alpha[j]; alpha[j] = t;
    t = G[i]; G[i] = G[j]; G[j] = t;
    t = Gbar[i]; Gbar[i] = Gbar[j]; Gbar[j] = t;
    t = status[i]; status[i] = status[j]; status[j] = t;
  };

  const reconstructGradient = (): void => {
    if (active === l) return;
    let nFree = 0;
    for (let j = active; j < l; j++) G[j] = Gbar[j] - 1;
    for (let j = 0; j < active; j++) if (status[j] === FREE) nFree++;
    if (nFree * l > 2 * active * (l - active)) {
      for (let i = active; i < l; i++) {
        const Ki = kernel.row(g[i]);
        const yi = y[i];
        let s = 0;
        for (let j = 0; j < active; j++) if (status[j] === FREE) s += alpha[j] * yi * y[j] * Ki[g[j]];
        G[i] += s;
      }
    } else {
      for (let i = 0; i < active; i++) {
        if (status[i] !== FREE) continue;
        const Ki = kernel.row(g[i]);
        const ai = alpha[i] * y[i];
        for (let j = active; j < l; j++) G[j] += ai * y[j] * Ki[g[j]];
      }
    }
  };

  const beShrunk = (i: number, Gmax1: number, Gmax2: number): boolean => {
    if (status[i] === UPPER) return y[i] === 1 ? -G[i] > Gmax1 : -G[i] > Gmax2;
    if (status[i] === LOWER) return y[i] === 1 ? G[i] > Gmax2 : G[i] > Gmax1;
    return false;
  };

  const doShrinking = (): void => {
    let Gmax1 = -Infinity; // max { -y_i grad_i | i in I_up }
    let Gmax2 = -Infinity; // max { y_i grad_i | i in I_low }
    for (let i = 0; i < active; i++) {
      if (y[i] === 1) {
        if (status[i] !== UPPER && -G[i] >= Gmax1) Gmax1 = -G[i];
        if (status[i] !== LOWER && G[i] >= Gmax2) Gmax2 = G[i];
      } else {
        if (status[i] !== UPPER && -G[i] >= Gmax2) Gmax2 = -G[i];
        if (status[i] !== LOWER && G[i] >= Gmax1) Gmax1 = G[i];
      }
    }
    if (!unshrink && Gmax1 + Gmax2 <= eps * 10) {
      unshrink = true;
      reconstructGradient();
      active = l;
    }
    for (let i = 0; i < active; i++) {
      if (beShrunk(i, Gmax1, Gmax2)) {
        active--;
        while (active > i) {
          if (!beShrunk(active, Gmax1, Gmax2)) {
            swap(i, active);
            break;
          }
          active--;
        }
      }
    }
  };

  // The first half of WSS (i = argmax over I_up) is fused into the previous gradient update when no shrinking
  // or reconstruction happened in between (same scan order and ties, one pass over the active set less).
  let preIdx = -1;
  let preGmax = -Infinity;
  let preValid = false;

  /** select_working_set (WSS 2) over the active set: [i, j], or null when optimal within eps. */
  const selectWorkingSet = (): [number, number] | null => {
    let Gmax = -Infinity;
    let Gmax2 = -Infinity;
    let GmaxIdx = -1;
    let GminIdx = -1;
    let objDiffMin = Infinity;
    if (preValid) {
      Gmax = preGmax;
      GmaxIdx = preIdx;
    } else {
      for (let t = 0; t < active; t++) {
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
    }
    preValid = false;
    const i = GmaxIdx;
    if (i === -1) return null;
    const Ki = kernel.row(g[i], prefetch);
    for (let j = 0; j < active; j++) {
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
    if (Gmax + Gmax2 < eps || GminIdx === -1) return null;
    return [i, GminIdx];
  };

  let iter = 0;
  let counter = Math.min(l, 1000) + 1;
  while (iter < maxIter) {
    if (--counter === 0) {
      counter = Math.min(l, 1000);
      if (shrinking) {
        doShrinking();
        preValid = false;
      }
    }
    let ws = selectWorkingSet();
    if (ws === null) {
      reconstructGradient();
      active = l;
      preValid = false;
      ws = selectWorkingSet();
      if (ws === null) break;
      counter = 1; // shrink again at the next iteration
    }
    const [i, j] = ws;
    iter++;

    // --- update alpha_i, alpha_j (libsvm's clipping, verbatim) ---
    const Kj = kernel.row(g[j], prefetch);
    const Ki = kernel.row(g[i], prefetch); // after Kj: a tiny cache may have evicted row i
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
    const ui = status[i] === UPPER;
    const uj = status[j] === UPPER;
    setStatus(i);
    setStatus(j);
    // --- gradient update over the active set: G_k += Q_ki dA_i + Q_kj dA_j, fused with the next i selection ---
    const ai = y[i] * (alpha[i] - oldAi);
    const aj = y[j] * (alpha[j] - oldAj);
    let nextGmax = -Infinity;
    let nextIdx = -1;
    for (let k = 0; k < active; k++) {
      const gk = g[k];
      const yk = y[k];
      const Gk = G[k] + yk * (Ki[gk] * ai + Kj[gk] * aj);
      G[k] = Gk;
      if (yk === 1) {
        if (status[k] !== UPPER && -Gk >= nextGmax) {
          nextGmax = -Gk;
          nextIdx = k;
        }
      } else if (status[k] !== LOWER && Gk >= nextGmax) {
        nextGmax = Gk;
        nextIdx = k;
      }
    }
    preGmax = nextGmax;
    preIdx = nextIdx;
    preValid = true;
    // --- G_bar over all samples when a bound status changes (needed only to reconstruct shrunk gradients) ---
    if (shrinking) {
      for (const [t, wasUpper, Kt] of [[i, ui, Ki], [j, uj, Kj]] as const) {
        if (wasUpper === (status[t] === UPPER)) continue;
        const c = (wasUpper ? -cOf(t) : cOf(t)) * y[t];
        for (let k = 0; k < l; k++) Gbar[k] += c * y[k] * Kt[g[k]];
      }
    }
  }
  if (active < l) {
    // max_iter reached while shrunk (libsvm does the same before computing rho)
    reconstructGradient();
    active = l;
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
    coef[orig[i]] = alpha[i] * y[i];
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
