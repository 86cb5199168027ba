/**
 * The contract every feature set implements (IS10 here; IS11, IS09, eGeMAPS by their own files).
 *
 * API:
 *   type FeatureSetName = 'IS10' | 'IS11' | 'IS09' | 'eGeMAPS'
 *   interface FeatureSet {
 *     name: FeatureSetName;
 *     names(): string[];                                      functional names in openSMILE's order (spec 7.3 / 9.3)
 *     minSamples(fs): number;                                 fewest samples for which the set produces output
 *     extract(samples, fs, opts): FeatureSetOutput;           samples = float32 mono as read by src/audio (spec 1.2)
 *   }
 *   interface FeatureSetOutput { values: Float32Array; lld?: LldOutput }
 *   interface LldOutput { names: string[]; frames: number; data: Float32Array (frames × names, row-major); frameStep: number (s) }
 * extract() throws UserError (src/util/errors.ts) for audio the set cannot process (e.g. shorter than minSamples).
 */
export type FeatureSetName = 'IS10' | 'IS11' | 'IS09' | 'eGeMAPS';

export const FEATURE_SET_NAMES: readonly FeatureSetName[] = ['IS10', 'IS11', 'IS09', 'eGeMAPS'];

export interface LldOutput {
  names: string[];
  frames: number;
  /** frames × names.length, row-major */
  data: Float32Array;
  /** frame period in seconds (frameTime of row t = t·frameStep) */
  frameStep: number;
}

export interface FeatureSetOutput {
  values: Float32Array;
  lld?: LldOutput;
}

export interface ExtractSetOptions {
  /** also return the frame-level descriptors (smoothed LLDs and deltas, as openSMILE's LLD CSV) */
  lld?: boolean;
}

export interface FeatureSet {
  name: FeatureSetName;
  names(): string[];
  minSamples(fs: number): number;
  extract(samples: Float32Array, fs: number, opts: ExtractSetOptions): FeatureSetOutput;
}
