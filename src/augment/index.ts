// Augmenters: one interface (fitResample on a training fold, real rows first, then synthetic).
export type { Augmenter, Resampled, SampleCount } from './types.js';
export { NoAugmenter, DuplicateAugmenter, NoiseAugmenter } from './simple.js';
export { SmoteAugmenter, classNeighbours } from './smote.js';
export { AdanAugmenter, type AdanAugmenterOptions } from './adan.js';
export {
  ADAN_VARIANT, AUGMENTER_NAMES, GENERATIVE_AUGMENTERS, createAugmenter, checkAugmenterNames,
  type AugmenterName, type AugmenterSettings, type AugmenterContext,
} from './registry.js';
export { syntheticCounts } from './counts.js';
