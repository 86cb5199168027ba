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
 * Methods carry libsvm's names: selectWorkingSet, updateAlphaPair, doShrinking, reconstructGradient, calculateRho.
 */
export function solveBinary(problem: BinaryProblem, kernel: KernelRows): BinarySolution {
  return new SmoSolver(problem, kernel).solve();
}

/** The state of one binary SMO solve (libsvm's Solver class); use through solveBinary. */
export class SmoSolver {
  private readonly Cp: number;
  private readonly Cn: number;
  private readonly eps: number;
  private readonly shrinking: boolean;
  private readonly l: number;
  // Working copies: shrinking permutes samples (libsvm's swap_index); orig maps back (libsvm's active_set).
  private readonly g: Int32Array;
  private readonly y: Int8Array;
  private readonly orig: Int32Array;
  private readonly alpha: Float64Array;
  private readonly G: Float64Array; // gradient Q alpha + p, p = -1
  private readonly Gbar: Float64Array; // sum over upper-bound j of C_j Q_ij (for gradient reconstruction)
  private readonly status: Uint8Array;
  private readonly maxIter: number;
  private active: number;
  private unshrink = false;
  // Rows worth computing along with a missing one: the largest KKT violators are the likeliest next picks.
  private readonly scores: Float64Array;
  private readonly prefetch: (max: number, cached: (row: number) => boolean) => Int32Array;
  // The first half of WSS (i = argmax over I_up) is fused into the previous gradient update when no shrinking
  // or reconstruction happened in between (same scan order and ties, one pass over the active set less).
  private preIdx = -1;
  private preGmax = -Infinity;
  private preValid = false;

  constructor(
    problem: BinaryProblem,
    private readonly kernel: KernelRows,
  ) {
    this.Cp = problem.Cp;
    this.Cn = problem.Cn;
    this.eps = problem.eps;
    this.shrinking = problem.shrinking ?? true;
    const l = (this.l = problem.index.length);
    this.g = Int32Array.from(problem.index);
    this.y = Int8Array.from(problem.y);
    this.orig = Int32Array.from(problem.index.keys());
    this.alpha = new Float64Array(l);
    this.G = new Float64Array(l).fill(-1);
    this.Gbar = new Float64Array(l);
    this.status = new Uint8Array(l).fill(LOWER);
    this.maxIter = problem.maxIter ?? Math.max(10_000_000, l > 21_474_836 ? 2_147_483_647 : 100 * l);
    this.active = l;
    this.scores = new Float64Array(l);
    this.prefetch = (max, cached) => this.violators(max, cached);
  }

  private cOf(i: number): number {
    return this.y[i] > 0 ? this.Cp : this.Cn;
  }

  private setStatus(i: number): void {
    const a = this.alpha[i];
    this.status[i] = a >= this.cOf(i) ? UPPER : a <= 0 ? LOWER : FREE;
  }

  /** Global rows of the `max` largest KKT violators whose kernel rows are not cached. */
  private violators(max: number, cached: (row: number) => boolean): Int32Array {
    const { scores, g, y, G, status } = this;
    scores.fill(-Infinity);
    for (let t = 0; t < this.active; t++) {
      if (cached(g[t])) continue;
      const yG = y[t] * G[t];
      const up = (y[t] === 1 ? status[t] !== UPPER : status[t] !== LOWER) ? -yG : -Infinity;
      const low = (y[t] === 1 ? status[t] !== LOWER : status[t] !== UPPER) ? yG : -Infinity;
      scores[t] = up > low ? up : low;
    }
    return Int32Array.from(topK(scores, max), (t) => g[t]);
  }

  /** libsvm's swap_index. */
  private swapIndex(i: number, j: number): void {
    const { g, y, orig, alpha, G, Gbar, status } = this;
    let t: number;
    t = g[i];
    g[i] = g[j];
    g[j] = t;
    t = y[i];
    y[i] = y[j];
    y[j] = t;
    t = orig[i];
    orig[i] = orig[j];
    orig[j] = t;
    t = alpha[i];
    alpha[i] = alpha[j];
    alpha[j] = t;
    t = G[i];
    G[i] = G[j];
    G[j] = t;
    t = Gbar[i];
    Gbar[i] = Gbar[j];
    Gbar[j] = t;
    t = status[i];
    status[i] = status[j];
    status[j] = t;
  }

  /** libsvm's reconstruct_gradient: the gradients of the shrunk samples from Gbar and the free alphas. */
  reconstructGradient(): void {
    const { l, active, g, y, alpha, G, Gbar, status, kernel } = this;
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
  }

  /** libsvm's be_shrunk. */
  private beShrunk(i: number, Gmax1: number, Gmax2: number): boolean {
    const { y, G, status } = this;
    if (status[i] === UPPER) return y[i] === 1 ? -G[i] > Gmax1 : -G[i] > Gmax2;
    if (status[i] === LOWER) return y[i] === 1 ? G[i] > Gmax2 : G[i] > Gmax1;
    return false;
  }

  /** libsvm's do_shrinking: moves samples that stay at a bound out of the active set (reconstructs once near the end). */
  doShrinking(): void {
    const { y, G, status } = this;
    let Gmax1 = -Infinity; // max { -y_i grad_i | i in I_up }
    let Gmax2 = -Infinity; // max { y_i grad_i | i in I_low }
    for (let i = 0; i < this.active; i++) {
      if (y[i] === 1) {
        if (status[i] !== UPPER && -G[i] >= Gmax1) Gmax1 = -G[i];
        if (status[i] !== LOWER && G[i] >= Gmax2) Gmax2 = G[i];
      } else {
        if (status[i] !== UPPER && -G[i] >= Gmax2) Gmax2 = -G[i];
        if (status[i] !== LOWER && G[i] >= Gmax1) Gmax1 = G[i];
      }
    }
    if (!this.unshrink && Gmax1 + Gmax2 <= this.eps * 10) {
      this.unshrink = true;
      this.reconstructGradient();
      this.active = this.l;
    }
    for (let i = 0; i < this.active; i++) {
      if (this.beShrunk(i, Gmax1, Gmax2)) {
        this.active--;
        while (this.active > i) {
          if (!this.beShrunk(this.active, Gmax1, Gmax2)) {
            this.swapIndex(i, this.active);
            break;
          }
          this.active--;
        }
      }
    }
  }

  /** libsvm's select_working_set (WSS 2) over the active set: [i, j], or null when optimal within eps. */
  selectWorkingSet(): [number, number] | null {
    const { g, y, G, status, active } = this;
    let Gmax = -Infinity;
    let Gmax2 = -Infinity;
    let GmaxIdx = -1;
    let GminIdx = -1;
    let objDiffMin = Infinity;
    if (this.preValid) {
      Gmax = this.preGmax;
      GmaxIdx = this.preIdx;
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
    this.preValid = false;
    const i = GmaxIdx;
    if (i === -1) return null;
    const Ki = this.kernel.row(g[i], this.prefetch);
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
    if (Gmax + Gmax2 < this.eps || GminIdx === -1) return null;
    return [i, GminIdx];
  }

  /** Runs SMO to optimality within eps (or maxIter) and returns the dual coefficients and rho. */
  solve(): BinarySolution {
    const l = this.l;
    let iter = 0;
    let counter = Math.min(l, 1000) + 1;
    while (iter < this.maxIter) {
      if (--counter === 0) {
        counter = Math.min(l, 1000);
        if (this.shrinking) {
          this.doShrinking();
          this.preValid = false;
        }
      }
      let ws = this.selectWorkingSet();
      if (ws === null) {
        this.reconstructGradient();
        this.active = l;
        this.preValid = false;
        ws = this.selectWorkingSet();
        if (ws === null) break;
        counter = 1; // shrink again at the next iteration
      }
      iter++;
      this.updateAlphaPair(ws[0], ws[1]);
    }
    if (this.active < l) {
      // max_iter reached while shrunk (libsvm does the same before computing rho)
      this.reconstructGradient();
      this.active = l;
    }
    const rho = this.calculateRho();
    const { alpha, G, y, orig } = this;
    let objective = 0;
    const coef = new Float64Array(l);
    for (let i = 0; i < l; i++) {
      objective += alpha[i] * (G[i] - 1);
      coef[orig[i]] = alpha[i] * y[i];
    }
    return { coef, rho, iterations: iter, objective: objective / 2 };
  }

  /**
   * One SMO step on the pair (i, j): libsvm's analytic update with its clipping (verbatim), then the gradient
   * update over the active set (fused with the next i selection) and Gbar when a bound status changes.
   */
  updateAlphaPair(i: number, j: number): void {
    const { g, y, alpha, G, Gbar, status, kernel, l } = this;
    const Kj = kernel.row(g[j], this.prefetch);
    const Ki = kernel.row(g[i], this.prefetch); // after Kj: a tiny cache may have evicted row i
    const Qij = y[i] * y[j] * Kj[g[i]];
    const Ci = this.cOf(i);
    const Cj = this.cOf(j);
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
    this.setStatus(i);
    this.setStatus(j);
    // Gradient update over the active set: G_k += Q_ki dA_i + Q_kj dA_j, fused with the next i selection.
    const ai = y[i] * (alpha[i] - oldAi);
    const aj = y[j] * (alpha[j] - oldAj);
    let nextGmax = -Infinity;
    let nextIdx = -1;
    const active = this.active;
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
    this.preGmax = nextGmax;
    this.preIdx = nextIdx;
    this.preValid = true;
    // Gbar over all samples when a bound status changes (needed only to reconstruct shrunk gradients).
    if (this.shrinking) {
      for (const [t, wasUpper, Kt] of [
        [i, ui, Ki],
        [j, uj, Kj],
      ] as const) {
        if (wasUpper === (status[t] === UPPER)) continue;
        const c = (wasUpper ? -this.cOf(t) : this.cOf(t)) * y[t];
        for (let k = 0; k < l; k++) Gbar[k] += c * y[k] * Kt[g[k]];
      }
    }
  }

  /** libsvm's calculate_rho: the mean y_i G_i over free samples, else the middle of the feasible interval. */
  calculateRho(): number {
    const { l, y, G, status } = this;
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
    return nFree > 0 ? sumFree / nFree : (ub + lb) / 2;
  }
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
