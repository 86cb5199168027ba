import type { AdanOptions } from '../adan/index.js';
import type { EpochLog } from '../adan/index.js';
import { UserError } from '../util/errors.js';
import type { Augmenter, SampleCount } from './types.js';
import { DuplicateAugmenter, NoAugmenter, NoiseAugmenter } from './simple.js';
import { SmoteAugmenter } from './smote.js';
import { RecolourAugmenter } from './recolour.js';
import { AaeAugmenter, AdanAugmenter, AdanSeparateAugmenter } from './adan.js';
import { PerturbAugmenter } from './perturb.js';
import type { RawFeatureSpace } from './raw-space.js';

/** What the registry needs of an augmenter class: its constructor (options validated by its schema) and help. */
export interface AugmenterClass {
  new (options: never, seed: number): Augmenter;
  readonly help: string;
  /** Set on generative augmenters: the ADAN variant they train (null = the options' own). */
  readonly variant?: string | null;
}

/**
 * The one registry of augmenters, name -> class; every name list, `--help` text and the generative subset come
 * from it. Add an augmenter by writing a BaseAugmenter subclass and one line here.
 */
export const AUGMENTERS = {
  none: NoAugmenter,
  duplicate: DuplicateAugmenter,
  noise: NoiseAugmenter,
  smote: SmoteAugmenter,
  recolour: RecolourAugmenter,
  perturb: PerturbAugmenter,
  adan: AdanAugmenter,
  aae: AaeAugmenter,
  'adan-separate': AdanSeparateAugmenter,
} as const satisfies Record<string, AugmenterClass>;

export type AugmenterName = keyof typeof AUGMENTERS;
export const AUGMENTER_NAMES = Object.keys(AUGMENTERS) as AugmenterName[];

function isName(name: string): name is AugmenterName {
  return Object.hasOwn(AUGMENTERS, name);
}

/** True for the augmenters that train an ADAN model (and take the ADAN options). */
export function isGenerative(name: string): boolean {
  if (!isName(name)) return false;
  const cls: unknown = AUGMENTERS[name];
  return cls === AdanAugmenter || (cls as typeof AdanAugmenter).prototype instanceof AdanAugmenter;
}

/** The ADAN `variant` a generative augmenter trains (undefined: whatever the options say). */
export function adanVariant(name: string): string | undefined {
  return isName(name) && isGenerative(name) ? (AUGMENTERS[name] as typeof AdanAugmenter).variant : undefined;
}

/** `--augment` help: every name with its one-line description. */
export function augmenterHelp(): string {
  return AUGMENTER_NAMES.map((n) => `${n} (${AUGMENTERS[n].help})`).join('; ');
}

export interface AugmenterSettings {
  count: SampleCount;
  /** Gaussian noise std relative to each feature's training-fold std (default 0.1). */
  noiseStd?: number;
  /** SMOTE neighbours (default 5). */
  smoteK?: number;
  /** ADAN options (preset + overrides) per generative augmenter name (`adan`, `aae`, `adan-separate`). */
  adan?: Partial<Record<string, AdanOptions>>;
  /** Audio perturbation: perturbation names, the folder of the rows' source audio, the feature cache folder. */
  perturb?: { perturbations?: string[]; audioDir?: string; cacheDir?: string };
}

export interface AugmenterContext {
  fitMask?: Uint8Array;
  saveDir?: string;
  featureNames: string[];
  classNames: string[];
  /** How raw feature rows are put into the training rows' space (augmenters that re-extract audio). */
  rawSpace?: RawFeatureSpace;
  provenance?: Record<string, unknown>;
  onEpoch?: (log: EpochLog) => void;
}

export function checkAugmenterNames(names: readonly string[]): AugmenterName[] {
  for (const n of names) if (!isName(n)) throw new UserError(`unknown augmenter '${n}' (expected one of: ${AUGMENTER_NAMES.join(', ')})`);
  return names as AugmenterName[];
}

/** A fresh augmenter by name; each class's schema keeps the settings it declares and validates them. */
export function createAugmenter(name: string, s: AugmenterSettings, ctx: AugmenterContext, seed: number): Augmenter {
  const [checked] = checkAugmenterNames([name]);
  const cls = AUGMENTERS[checked] as AugmenterClass;
  if (isGenerative(checked) && !s.adan?.[checked]) throw new Error(`${name} augmenter: no ADAN options`);
  const options = { ...ctx, ...s, adan: s.adan?.[checked] };
  return new cls(options as never, seed);
}
