/** One interface for every augmenter (spec: fit on a training fold, return real + synthetic rows). */

export interface Resampled {
  /** (real + synthetic) x cols, row-major; the real rows come first, unchanged and in their original order. */
  x: Float32Array;
  y: Int32Array;
  rows: number;
  /** 1 for a synthetic row, 0 for a real one. */
  synthetic: Uint8Array;
}

export interface Augmenter {
  readonly name: string;
  fitResample(x: Float32Array, rows: number, cols: number, y: Int32Array, classes: number, seed: number): Resampled;
}

/**
 * How many synthetic rows to make: `times` N synthetic sets the size of the training set with its class
 * proportions (the paper's 10), `perClass` a fixed number per class, or `balance` to bring every class up to the
 * largest one.
 */
export type SampleCount = { times: number } | { perClass: number } | { balance: true };
