/**
 * Shared types of the openSMILE-compatible functionals (cFunctionals and its sub-components).
 *
 * A functional "component" mirrors one oS cFunctionalXxx sub-component: it is
 * configured once (its enabled outputs, in oS output order) and then computes
 * all its outputs for one contour into a Float32Array (every value stored in an oS
 * level is float32).
 */

/** How time-like outputs are normalised (oS `norm` / `masterTimeNorm`). */
export type TimeNorm = 'frame' | 'segment' | 'second';

/** The precomputed view of one contour that every component receives (cFunctionals computes min, max and the float32 mean once for all). */
export interface ContourView {
  /** Values (float32); only the first `n` are used. */
  readonly x: Float32Array;
  readonly n: number;
  /** Ascending copy of x[0..n-1], or an empty array when no component asked for it. */
  readonly sorted: Float32Array;
  readonly min: number;
  readonly max: number;
  /** float32(sequential double sum / n), passed to all components as in cFunctionals. */
  readonly mean: number;
  /** Frame period T in seconds (0.01 for all sets here). */
  readonly period: number;
}

/** One configured functional family. */
export interface FunctionalComponent {
  /** Output names without the contour prefix, in output order (e.g. `percentile1.0`). */
  readonly names: readonly string[];
  /** True when `ContourView.sorted` must be filled. */
  readonly needsSorted: boolean;
  /** Writes `names.length` values to out[off..]. Only called with n >= 1. */
  compute(v: ContourView, out: Float32Array, off: number): void;
}
