// Evaluation protocol: leave-one-group-out folds, per-fold normalisation, augmenters inside the fold, metrics,
// significance tests and merging of partial runs (the paper's experiments are in src/experiments).
export { leaveOneGroupOut, distinctGroups, stratifiedFolds, type Fold } from './folds.js';
export { confusionMatrix, weightedAccuracy, unweightedAverageRecall, perClassRecall, mean, std, type Confusion } from './metrics.js';
export { pairedTTest, mcnemarExact, studentTwoSidedP, type TestResult } from './significance.js';
export {
  summarise,
  compare,
  compareWithBaselines,
  methodKey,
  augmentLabel,
  aliasWarnings,
  verdictOf,
  TRAIN_ON,
  type Verdict,
  type ResolvedAugmenter,
  type ChosenCount,
  type TrainOn,
  type MethodResult,
  type FoldPredictions,
  type FoldMetrics,
  type Comparison,
} from './results.js';
export {
  runEvaluation,
  methodsFor,
  LEAKY_WARNING,
  type EvaluateConfig,
  type EvaluationResults,
  type DatasetInfo,
  type Method,
  type Normalisation,
  type EvaluateHooks,
} from './protocol.js';
export { mergeResults, combineMethods } from './merge.js';
export { protocolRows, protocolOf, protocolVerdictLine, methodLabel, type ProtocolRow, type RowsSource } from './protocol-rows.js';
export { evalDataFromTable, type DatasetOptions } from './dataset.js';
export { defaultDeps, foldNamedErrors, type DefaultDepsOptions } from './defaults.js';
export { evaluateFolds, defaultFoldJobs, stagesFrom, type StageSettings, type FoldJobHooks } from './fold-jobs.js';
export { fitStandardizer } from './normaliser.js';
export { formatResults, formatPaperComparison, verdicts } from './format.js';
export type { EvalData, EvalDeps, EvalClassifier, FoldNormaliser, AugmentContext } from './types.js';
export { NORMALISATION_HELP, parseNormalisation, isSpeakerMode } from './speaker-norm.js';
export { speakerOptionsFrom, type SpeakerStats, type EnrolEstimator } from './speaker-stats.js';
export { innerCheckLine, type InnerCheck, type FoldSearch, type InnerScore, type InnerScoreCache } from './inner-search.js';
export { AUTO_AUGMENT, defaultAutoCandidates, parseAugmentList, type AugmentList, type FoldAugmentChoice } from './augment-search.js';
export { writeFoldTrainingRows, type FoldTrainingRows } from './training-rows.js';
