/**
 * Public feature-extraction API (openSMILE-compatible IS10 / IS11 / IS09 / eGeMAPS).
 *
 *   extractFeatures(input: string | { samples: Float32Array; sampleRate: number; name?: string }, set: FeatureSetName,
 *                   opts?: { lld?: boolean })
 *     => { name, names: string[], values: Float32Array, lld?: { names, frames, data, frameStep }, sampleRate, seconds }
 *   featureNames(set): string[]
 *   extractFiles(paths, set, { jobs, lld?, onResult }): Promise<{ failed }>     worker-thread pool, ordered results
 *   availableFeatureSets(): FeatureSetName[]
 */
export { extractFeatures, featureNames, type ExtractInput, type ExtractOptions, type ExtractResult } from './extract.js';
export { extractFiles, type PoolOptions } from './extract-pool.js';
export {
  availableFeatureSets,
  getFeatureSet,
  isFeatureSetName,
  FEATURE_SET_NAMES,
  type FeatureSetName,
  type FeatureSet,
  type LldOutput,
} from './sets/index.js';
export { csvHeader, csvRow, formatValue, instanceName } from './csv-format.js';
