import type { Dataset } from '../data/dataset.js';

/** What an augmenter returns: the training fold's real rows, unchanged and first, then the synthetic rows. */
export interface Resampled {
  /** (real + synthetic) x cols, row-major. */
  x: Float32Array;
  y: Int32Array;
  rows: number;
  /** 1 for a synthetic row, 0 for a real one. */
  synthetic: Uint8Array;
}

/** Synthetic rows and their labels, as one augmenter's sampling step writes them. */
export interface Synthetic {
  x: Float32Array;
  y: Int32Array;
}

/**
 * One interface for every augmenter (imbalanced-learn's fit_resample): fitted on a training fold, which carries
 * each row's group (speaker) and id, so speaker-aware augmenters can use them. The seed is given at construction.
 */
export interface Augmenter {
  readonly name: string;
  fitResample(train: Dataset): Resampled;
}

/**
 * How many synthetic rows to make: `times` N synthetic sets the size of the training set with its class
 * proportions (the paper's 10), `perClass` a fixed number per class, or `balance` to bring every class up to the
 * largest one.
 */
export type SampleCount = { times: number } | { perClass: number } | { balance: true };
