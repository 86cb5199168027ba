import type { Augmenter } from '../augment/types.js';
import type { RawFeatureSpace } from '../augment/raw-space.js';

/** The numeric view of a labelled, grouped feature table that the protocol works on. */
export interface EvalData {
  name: string;
  x: Float32Array;
  rows: number;
  cols: number;
  featureNames: string[];
  ids: string[];
  /** Source audio path per row, when the features were extracted from it here (`adan run`); audio augmenters read it. */
  sources?: string[];
  /** Class index per row. */
  y: Int32Array;
  classes: string[];
  /** Cross-validation group per row (speaker, session). */
  groups: string[];
  /**
   * Speaker per row, when a group holds several speakers (IEMOCAP's sessions, speaker-group folds): the speaker modes,
   * the label-mix divergence and the speaker-aware augmenters use it. Undefined: each group is one speaker.
   */
  speakers?: string[];
  /** Rows ADAN may be fitted on (`--adan-train-where`, e.g. improvised turns); undefined = all training rows. */
  augmentMask?: Uint8Array;
}

/** A classifier as `src/classify` provides it (sync or async). */
export interface EvalClassifier {
  fit(x: Float32Array, rows: number, cols: number, y: Int32Array, classes: number): unknown;
  predict(x: Float32Array, rows: number): Int32Array | Promise<Int32Array>;
}

/** A fitted per-fold normaliser (zero-variance removal + z-norm); may drop columns. */
export interface FoldNormaliser {
  readonly outCols: number;
  /** Input columns kept, when some were dropped (zero variance). */
  readonly keptColumns?: readonly number[];
  transform(x: Float32Array, rows: number): Float32Array;
}

/** Everything an augmenter may need beyond the training rows. */
export interface AugmentContext {
  repeat: number;
  fold: number;
  group: string;
  /** Seed of every random draw of this fold's augmenter (derived from the run's seed, repeat and fold). */
  seed: number;
  /** Per training row (in fold order): 1 if the augmenter may fit on it (ADAN subset), else 0. */
  fitMask?: Uint8Array;
  /** Folder to save the fitted generative model to (`--save-models`), if any. */
  saveDir?: string;
  featureNames: string[];
  classNames: string[];
  /** Maps raw table rows into the space of the training rows the augmenter receives (for re-extracted audio). */
  rawSpace?: RawFeatureSpace;
}

/** The stages the protocol plugs together; the CLI wires the real ones, tests may use small stand-ins. */
export interface EvalDeps {
  /** `options` override the run's settings of that classifier (an inner search's candidate or choice). */
  createClassifier(name: string, seed: number, cols: number, options?: Record<string, unknown>): EvalClassifier;
  /** Fits on the given rows only. */
  fitNormaliser(x: Float32Array, rows: number, cols: number): FoldNormaliser;
  createAugmenter(name: string, ctx: AugmentContext): Augmenter | Promise<Augmenter>;
}
