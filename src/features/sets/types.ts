/**
 * The contract every feature set implements (IS10 here; IS11, IS09, eGeMAPS by their own files).
 */
/** The names of the feature sets. */
export type FeatureSetName = 'IS10' | 'IS11' | 'IS09' | 'eGeMAPS';

export const FEATURE_SET_NAMES: readonly FeatureSetName[] = ['IS10', 'IS11', 'IS09', 'eGeMAPS'];

/** Frame-level descriptors of one file. */
export interface LldOutput {
  names: string[];
  frames: number;
  /** frames × names.length, row-major */
  data: Float32Array;
  /** frame period in seconds (frameTime of row t = t·frameStep) */
  frameStep: number;
}

/** The functionals of one file (in names() order) and, if asked for, its frame-level descriptors. */
export interface FeatureSetOutput {
  values: Float32Array;
  lld?: LldOutput;
}

export interface ExtractSetOptions {
  /** also return the frame-level descriptors (smoothed LLDs and deltas, as openSMILE's LLD CSV) */
  lld?: boolean;
}

/** The contract every feature set implements. */
export interface FeatureSet {
  name: FeatureSetName;
  /** Functional names in openSMILE's column order (as in its CSV output). */
  names(): string[];
  /** Fewest samples for which the set produces output. */
  minSamples(fs: number): number;
  /**
   * samples = float32 mono as read by src/audio (int16 / 32767, channels averaged, as openSMILE reads them).
   * Throws UserError (src/util/errors.ts) for audio the set cannot process (e.g. shorter than minSamples).
   */
  extract(samples: Float32Array, fs: number, opts: ExtractSetOptions): FeatureSetOutput;
}
