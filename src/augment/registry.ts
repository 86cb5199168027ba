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
import { MixupAugmenter } from './mixup.js';
import { AdanMixupAugmenter } from './adan-mixup.js';
import { AdanCoverAugmenter } from './adan-cover.js';

/** What the registry needs of an augmenter class: its constructor (options validated by its schema) and help. */
export interface AugmenterClass {
  new (options: never, seed: number): Augmenter;
  readonly help: string;
  /** Set on generative augmenters: the ADAN variant they train (null = the options' own). */
  readonly variant?: string | null;
  /** How many training speakers it needs (default 1): those that mix or re-colour across speakers need 2. */
  readonly minTrainingSpeakers?: number;
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
  mixup: MixupAugmenter,
  'adan-mixup': AdanMixupAugmenter,
  'adan-cover': AdanCoverAugmenter,
} as const satisfies Record<string, AugmenterClass>;

/** A name that stands for a registered augmenter with fixed settings and the normalisation protocol it is recommended with. */
export interface AugmenterAlias {
  augment: keyof typeof AUGMENTERS;
  /** Fixed: they override the run's own settings (e.g. --times) for this augmenter. */
  settings: Partial<AugmenterSettings> & { count: SampleCount };
  /** The `--normalisation` protocol the alias is recommended with (a recommendation: the run's own protocol is used). */
  normalisation: string;
  reason: string;
}

/**
 * `--augment recommended`, chosen on principle before the issue-12 benchmark measured anything; this constant is the
 * one place to change it. Recolour: a speaker-independent classifier errs on speaker variability, and re-colouring
 * each training row with another training speaker's statistics adds exactly that, fitted on the training fold only.
 * One copy per row: more speakers per utterance without synthetic rows outweighing the real ones. Per-fold: speaker
 * normalisation is not universal (on a conversational corpus whose speakers' emotion mixes differ it cost about 2
 * points), needs no enrolment utterances, and under the speaker modes training rows are already speaker-normalised,
 * which reduces recolour to duplication.
 */
export const RECOMMENDED: AugmenterAlias = {
  augment: 'recolour',
  settings: { count: { times: 1 } },
  normalisation: 'per-fold',
  reason:
    'adds speaker variability (the error source of speaker-independent SER) from training speakers only; per-fold because ' +
    "speaker normalisation can remove emotion when speakers' emotion mixes differ",
};

export const AUGMENTER_ALIASES = { recommended: RECOMMENDED } as const satisfies Record<string, AugmenterAlias>;

export type AugmenterName = keyof typeof AUGMENTERS | keyof typeof AUGMENTER_ALIASES;
/** Every name `--augment` accepts: the augmenters, then the aliases. */
export const AUGMENTER_NAMES = [...Object.keys(AUGMENTERS), ...Object.keys(AUGMENTER_ALIASES)] as AugmenterName[];

function isName(name: string): name is AugmenterName {
  return Object.hasOwn(AUGMENTERS, name) || Object.hasOwn(AUGMENTER_ALIASES, name);
}

/** The alias a name stands for (undefined for an augmenter's own name). */
export function augmenterAlias(name: string): AugmenterAlias | undefined {
  return Object.hasOwn(AUGMENTER_ALIASES, name) ? AUGMENTER_ALIASES[name as keyof typeof AUGMENTER_ALIASES] : undefined;
}

/** The registered augmenter a name runs (an alias resolved). */
function classNameOf(name: AugmenterName): keyof typeof AUGMENTERS {
  return augmenterAlias(name)?.augment ?? (name as keyof typeof AUGMENTERS);
}

/** How many training speakers the augmenter a name runs needs (1 unless it works across speakers). */
export function minTrainingSpeakers(name: string): number {
  if (!isName(name)) return 1;
  const cls: AugmenterClass = AUGMENTERS[classNameOf(name)];
  return cls.minTrainingSpeakers ?? 1;
}

/** True for the augmenters that train an ADAN model (and take the ADAN options). */
export function isGenerative(name: string): boolean {
  if (!isName(name)) return false;
  const cls: unknown = AUGMENTERS[classNameOf(name)];
  return cls === AdanAugmenter || (cls as typeof AdanAugmenter).prototype instanceof AdanAugmenter;
}

/** The ADAN `variant` a generative augmenter trains (undefined: whatever the options say). */
export function adanVariant(name: string): string | undefined {
  return isName(name) && isGenerative(name) ? (AUGMENTERS[classNameOf(name)] as typeof AdanAugmenter).variant : undefined;
}

/** `--augment` help: every name with its one-line description. */
export function augmenterHelp(): string {
  return AUGMENTER_NAMES.map((n) => {
    const a = augmenterAlias(n);
    if (!a) return `${n} (${AUGMENTERS[n as keyof typeof AUGMENTERS].help})`;
    return `${n} (= ${a.augment} ${JSON.stringify(a.settings)}, with --normalisation ${a.normalisation}: ${a.reason})`;
  }).join('; ');
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
  const alias = augmenterAlias(checked);
  const cls = AUGMENTERS[classNameOf(checked)] as AugmenterClass;
  const adan = s.adan?.[checked] ?? (alias ? s.adan?.[alias.augment] : undefined);
  if (isGenerative(checked) && !adan) throw new Error(`${name} augmenter: no ADAN options`);
  const options = { ...ctx, ...s, ...(alias?.settings ?? {}), adan };
  return new cls(options as never, seed);
}
