// Augmenters: one base (fit_resample on a training fold Dataset, real rows first, then synthetic), one registry.
export type { Augmenter, Resampled, SampleCount, Synthetic } from './types.js';
export { BaseAugmenter, sampleCountSchema } from './base.js';
export { NoAugmenter, DuplicateAugmenter, NoiseAugmenter } from './simple.js';
export { SmoteAugmenter, classNeighbours } from './smote.js';
export { RecolourAugmenter } from './recolour.js';
export { PerturbAugmenter, DEFAULT_PERTURBATIONS, type PerturbOptions } from './perturb.js';
export { PerturbedFeatureCache, defaultPerturbCacheDir } from './audio/perturbed-features.js';
export type { RawFeatureSpace } from './raw-space.js';
export { AdanAugmenter, AaeAugmenter, AdanSeparateAugmenter, type AdanAugmenterOptions } from './adan.js';
export {
  AUGMENTERS,
  AUGMENTER_NAMES,
  augmenterHelp,
  adanVariant,
  isGenerative,
  createAugmenter,
  checkAugmenterNames,
  type AugmenterName,
  type AugmenterSettings,
  type AugmenterContext,
} from './registry.js';
export { syntheticCounts } from './counts.js';
