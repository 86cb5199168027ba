import type { AdanOptions } from '../adan/index.js';
import type { EpochLog } from '../adan/index.js';
import { UserError } from '../util/errors.js';
import type { Augmenter, SampleCount } from './types.js';
import { DuplicateAugmenter, NoAugmenter, NoiseAugmenter } from './simple.js';
import { SmoteAugmenter } from './smote.js';
import { AdanAugmenter } from './adan.js';

/**
 * `aae` (adversarial autoencoder, Sahu et al. 2017, the paper's comparison) and `adan-separate` (autoencoder and
 * GAN trained one after the other, the paper's section II-B claim) are the ADAN helper's model variants
 * (`variant: 'aae' | 'separate'`) behind the same adapter.
 */
export const AUGMENTER_NAMES = ['none', 'duplicate', 'noise', 'smote', 'adan', 'aae', 'adan-separate'] as const;
/** Augmenters that train a generative model (and take the ADAN options). */
export const GENERATIVE_AUGMENTERS: readonly string[] = ['adan', 'aae', 'adan-separate'];
/** The ADAN `variant` option of each generative augmenter. */
export const ADAN_VARIANT: Readonly<Record<string, string>> = { adan: 'adan', aae: 'aae', 'adan-separate': 'separate' };
export type AugmenterName = (typeof AUGMENTER_NAMES)[number];

export interface AugmenterSettings {
  count: SampleCount;
  /** Gaussian noise std relative to each feature's training-fold std (default 0.1). */
  noiseStd: number;
  /** SMOTE neighbours (default 5). */
  smoteK: number;
  /** ADAN options (preset + overrides) per generative augmenter name (`adan`, `aae`, `adan-separate`). */
  adan?: Partial<Record<string, AdanOptions>>;
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
    case 'aae':
    case 'adan-separate': {
      const o = s.adan?.[name];
      if (!o) throw new Error(`${name} augmenter: no ADAN options`);
      return new AdanAugmenter({ name, adan: o, count: s.count, fitMask: ctx.fitMask, classNames: ctx.classNames, featureNames: ctx.featureNames, saveDir: ctx.saveDir, provenance: ctx.provenance, onEpoch: ctx.onEpoch });
    }
    default:
      throw new UserError(`unknown augmenter '${name}' (expected one of: ${AUGMENTER_NAMES.join(', ')})`);
  }
}
