// Public library API of adan: the same steps as the CLI, typed, for use from other TypeScript code.
// Each stage keeps its full API in its own index (e.g. `adan/dist/src/nn/index.js`); the common entry points are here.
export { UserError } from './util/errors.js';

// data: feature tables and corpora
export type { FeatureTable } from './data/table.js';
export { selectRows, concatTables, whereEquals, metaColumn } from './data/table.js';
export { readCsvTable, type ReadTableOptions } from './data/read-table.js';
export { readArffTable } from './data/read-arff.js';
export { loadFeatureTable } from './data/load-table.js';
export { parseEmodbName, withEmodbMeta, EMODB_EMOTIONS, EMODB_SPEAKERS } from './data/emodb-names.js';
export { emodbCorpus, emodbCorpusOrDownload } from './data/emodb-corpus.js';
export { iemocapCorpus, parseIemocapId } from './data/iemocap-corpus.js';
export { Standardizer, MaxAbsScaler, type StandardizerState, type MaxAbsScalerState } from './data/standardizer.js';

// features: openSMILE-compatible extraction
export {
  extractFeatures,
  extractFiles,
  featureNames,
  availableFeatureSets,
  FEATURE_SET_NAMES,
  type FeatureSetName,
  type ExtractInput,
  type ExtractOptions,
  type ExtractResult,
} from './features/index.js';

// nn: the numeric engine
export { backendName, backendDescription, Rng, Sequential, Adam, mlpSpec } from './nn/index.js';

// adan: the model
export {
  AdanModel,
  adanOptions,
  augmentTable,
  ADAN_PRESET_NAMES,
  type AdanOptions,
  type AdanPresetName,
  type EpochLog,
  type FitCallbacks,
  type SampleMode,
} from './adan/index.js';

// augment and classify: fitResample augmenters, fit/predict classifiers
export type { Augmenter, Resampled } from './augment/index.js';
export {
  NoAugmenter,
  DuplicateAugmenter,
  NoiseAugmenter,
  SmoteAugmenter,
  AdanAugmenter,
  BaseAugmenter,
  createAugmenter,
  AUGMENTERS,
  AUGMENTER_NAMES,
} from './augment/index.js';
export type { Classifier, ClassifierName } from './classify/index.js';
export { SvmClassifier, DnnClassifier, createClassifier, CLASSIFIER_NAMES } from './classify/index.js';

// eval: leakage-free protocol and metrics
export {
  leaveOneGroupOut,
  runEvaluation,
  evalDataFromTable,
  defaultDeps,
  mergeResults,
  weightedAccuracy,
  unweightedAverageRecall,
  confusionMatrix,
  perClassRecall,
  type EvaluateConfig,
  type EvaluationResults,
  type Fold,
} from './eval/index.js';

// experiments: the paper's tables end to end
export { reproduceEmodb, reproduceIemocap } from './experiments/index.js';

// report: figures, quality metrics, HTML
export { makeReport, computeQuality, type QualityReport } from './report/index.js';
