import type { AdanOptions } from '../adan/index.js';
import type { EpochLog } from '../adan/index.js';
import { UserError } from '../util/errors.js';
import type { Augmenter, SampleCount } from './types.js';
import { DuplicateAugmenter, NoAugmenter, NoiseAugmenter } from './simple.js';
import { SmoteAugmenter } from './smote.js';
import { AdanAugmenter } from './adan.js';

export const AUGMENTER_NAMES = ['none', 'duplicate', 'noise', 'smote', 'adan'] as const;
export type AugmenterName = (typeof AUGMENTER_NAMES)[number];

export interface AugmenterSettings {
  count: SampleCount;
  /** Gaussian noise std relative to each feature's training-fold std (default 0.1). */
  noiseStd: number;
  /** SMOTE neighbours (default 5). */
  smoteK: number;
  /** ADAN options (preset + overrides); required for `adan`. */
  adan?: AdanOptions;
}

export interface AugmenterContext {
  fitMask?: Uint8Array;
  saveDir?: string;
  featureNames: string[];
  classNames: string[];
  provenance?: Record<string, unknown>;
  onEpoch?: (log: EpochLog) => void;
}

export function checkAugmenterNames(names: readonly string[]): AugmenterName[] {
  for (const n of names) {
    if (!(AUGMENTER_NAMES as readonly string[]).includes(n)) throw new UserError(`unknown augmenter '${n}' (expected one of: ${AUGMENTER_NAMES.join(', ')})`);
  }
  return names as AugmenterName[];
}

/** A fresh augmenter by name. */
export function createAugmenter(name: string, s: AugmenterSettings, ctx: AugmenterContext): Augmenter {
  switch (name) {
    case 'none':
      return new NoAugmenter();
    case 'duplicate':
      return new DuplicateAugmenter(s.count);
    case 'noise':
      return new NoiseAugmenter(s.count, s.noiseStd);
    case 'smote':
      return new SmoteAugmenter(s.count, s.smoteK);
    case 'adan':
      if (!s.adan) throw new Error('adan augmenter: no ADAN options');
      return new AdanAugmenter({ adan: s.adan, count: s.count, fitMask: ctx.fitMask, classNames: ctx.classNames, featureNames: ctx.featureNames, saveDir: ctx.saveDir, provenance: ctx.provenance, onEpoch: ctx.onEpoch });
    default:
      throw new UserError(`unknown augmenter '${name}' (expected one of: ${AUGMENTER_NAMES.join(', ')})`);
  }
}
