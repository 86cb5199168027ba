// ADAN: adversarial data augmentation network (paper section II, III-D, eqs. 1-6).
export { AdanModel, validateTrainingData, type FitCallbacks, type AdanModelParts } from './model.js';
export { adanOptionsSchema, parseAdanOptions, partLr, type AdanOptions, type AdanPresetName } from './options.js';
export { adanOptions, ADAN_PRESET_NAMES } from './presets.js';
export { PRESETS } from './presets.js';
export { augmentTable } from './augment-table.js';
export { classCounts, labelsToGenerate, type SampleMode } from './sample-counts.js';
export { encodeLabels, labelsWithClasses, type EncodedLabels } from './labels.js';
export { EPOCH_LOG_COLUMNS, trainingLogCsv, writeTrainingLog, type EpochLog } from './training-log.js';
export { AdanTrainer, type StepPhase, type StepStats } from './trainer.js';
export { adanArchitecture, buildNetworks, denseMacs, NET_NAMES, type AdanNets, type AdanArchitecture, type NetName } from './networks.js';
export { loadModelFolder, saveModelFolder, MODEL_FILES, type ModelJson, type NormalisationJson } from './persist.js';
export { writeTableCsv, formatFloat32 } from '../data/write-table.js';
export { CHECKPOINT_FILE } from './checkpoint.js';
export { loadTrainingTable, type TableInputOptions } from './table-input.js';
export { iterationFlops } from './flops.js';
export { fillPrior, priorCentreAxis } from './aae.js';
export { perturbInLatent, type LatentPerturbation } from './latent-perturbation.js';
