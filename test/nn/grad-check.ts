// Finite-difference helpers for the gradient tests (central differences, compared with a mixed tolerance).
import assert from 'node:assert/strict';
import { jsKernels, nativeKernels, Rng, type Kernels, type Matrix } from '../../src/nn/index.js';

/** The kernel sets to test: js always, native when the addon is built. */
export function kernelSets(): Kernels[] {
  const n = nativeKernels();
  return n ? [jsKernels(), n] : [jsKernels()];
}

export function randomMatrix(rng: Rng, rows: number, cols: number, std = 1): Matrix {
  const data = new Float32Array(rows * cols);
  rng.fillNormal(data, 0, std);
  return { rows, cols, data };
}

/** sum(c .* m) in float64: a scalar loss whose gradient w.r.t. m is c. */
export function dot(m: Matrix, c: Float32Array): number {
  let s = 0;
  for (let i = 0; i < m.rows * m.cols; i++) s += m.data[i] * c[i];
  return s;
}

export interface CheckOptions {
  h?: number;
  rtol?: number;
  atol?: number;
  /** at most this many entries (spread over the array) are perturbed */
  maxEntries?: number;
  /** Richardson extrapolation (4 D(h/2) - D(h)) / 3: removes the O(h^2) error for strongly curved functions */
  richardson?: boolean;
}

/**
 * Compares analytic[i] with (f(x + h e_i) - f(x - h e_i)) / 2h for entries of x (x is perturbed in place and restored).
 * f must recompute everything from x.
 */
export function checkGrad(what: string, f: () => number, x: Float32Array, analytic: ArrayLike<number>, o: CheckOptions = {}): void {
  const h = o.h ?? 1e-2,
    rtol = o.rtol ?? 2e-2,
    atol = o.atol ?? 2e-3;
  const count = Math.min(x.length, o.maxEntries ?? 40);
  const stride = x.length / count;
  let checked = 0;
  for (let t = 0; t < count; t++) {
    const i = Math.floor(t * stride);
    const old = x[i];
    const central = (step: number): number => {
      x[i] = old + step;
      const fp = f();
      x[i] = old - step;
      const fm = f();
      x[i] = old;
      return (fp - fm) / (2 * step);
    };
    const num = o.richardson ? (4 * central(h / 2) - central(h)) / 3 : central(h);
    const ana = analytic[i];
    const tol = atol + rtol * Math.max(Math.abs(num), Math.abs(ana));
    assert.ok(Math.abs(num - ana) <= tol, `${what}[${i}]: analytic ${ana} vs numeric ${num} (tolerance ${tol.toExponential(2)})`);
    checked++;
  }
  assert.ok(checked > 0, `${what}: nothing checked`);
}
