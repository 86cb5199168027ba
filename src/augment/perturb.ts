import { z } from 'zod';
import type { Dataset } from '../data/dataset.js';
import type { Synthetic } from './types.js';
import { SeededRandom as AugmentRng } from '../util/random.js';
import { parsePerturbation, perturbationName, type Perturbation } from '../audio/perturbation.js';
import { BaseAugmenter, sampleCountSchema, parseOptions } from './base.js';
import { perClassSynthesis } from './simple.js';
import { rawIdentitySpace, type RawFeatureSpace } from './raw-space.js';
import { PerturbedFeatureCache, defaultPerturbCacheDir } from './audio/perturbed-features.js';
import { rowSources } from './audio/row-sources.js';
import { tableFeatureSet } from './audio/table-feature-set.js';

/**
 * Default perturbations, fixed before any measurement: the two speed factors of Ko et al. (2015), +-2 semitones
 * (about the spread of one speaker's mean F0 across sessions, well inside the range between speakers), VTLP at
 * the ends of Jaitly & Hinton's (2013) alpha range [0.9, 1.1], and white and speech-shaped noise at 20 dB SNR
 * (clearly audible, speech still clean). Discrete values rather than continuous draws, so the cache holds 8
 * entries per file and every fold and repeat reuses them.
 */
export const DEFAULT_PERTURBATIONS: readonly string[] = [
  'speed:0.9',
  'speed:1.1',
  'pitch:-2',
  'pitch:2',
  'vtlp:0.9',
  'vtlp:1.1',
  'noise-white:20',
  'noise-speech:20',
];

const perturbSchema = z.object({
  // One perturbed copy per real row by default (as recolour): doubles the voices each utterance is heard in,
  // without letting synthetic rows outweigh the real ones (chosen before any measurement).
  count: sampleCountSchema.default({ times: 1 }),
  perturb: z
    .object({
      perturbations: z.array(z.string()).min(1).optional(),
      audioDir: z.string().optional(),
      cacheDir: z.string().optional(),
    })
    .strict()
    .default({}),
  featureNames: z.array(z.string()).optional(),
  rawSpace: z.custom<RawFeatureSpace>((v) => typeof v === 'object' && v !== null && 'toTrainingSpace' in v).optional(),
});
export type PerturbOptions = z.input<typeof perturbSchema>;

/**
 * Audio-domain perturbation with re-extraction: each synthetic row is a training row's source audio, perturbed
 * (speed, pitch, vocal-tract length or noise; see audio/perturbation.ts), run through adan's own extractor with
 * the table's feature set (cached on disk per file and perturbation) and mapped into the training rows' space by
 * the protocol's normalisation (RawFeatureSpace). The copies of one row go through the perturbations in a seeded
 * random order, so up to as many copies as perturbations are all different.
 */
export class PerturbAugmenter extends BaseAugmenter {
  static readonly schema = perturbSchema;
  static readonly help: string =
    "audio perturbation (speed, pitch, VTLP, noise) of each row's source audio (run: the corpus files; evaluate: --audio-dir), " +
    're-extracted (cached)';
  readonly name: string = 'perturb';
  readonly options: z.output<typeof perturbSchema>;
  readonly perturbations: Perturbation[];
  /** The cache used by the last fitResample (its hit and extraction counts). */
  lastCache?: PerturbedFeatureCache;

  constructor(options: PerturbOptions = {}, seed = 0) {
    super(seed);
    this.options = parseOptions('perturb', perturbSchema, options);
    this.perturbations = (this.options.perturb.perturbations ?? DEFAULT_PERTURBATIONS).map(parsePerturbation);
  }

  protected sample(train: Dataset): Synthetic {
    const space = this.options.rawSpace ?? rawIdentitySpace(this.options.featureNames ?? []);
    if (space.featureNames.length === 0) throw new Error('perturb: no feature names (the table columns to re-extract)');
    const { set, columns } = tableFeatureSet(space.featureNames);
    const sources = rowSources(train, this.options.perturb.audioDir);
    const cache = new PerturbedFeatureCache(this.options.perturb.cacheDir ?? defaultPerturbCacheDir(), set);
    this.lastCache = cache;
    const rng = new AugmentRng(this.seed);
    const order = new Map<number, Perturbation[]>();
    const picks: { base: number; p: Perturbation }[] = [];
    const s = perClassSynthesis(train, this.wanted(train, this.options.count), rng, (base) => {
      let list = order.get(base);
      if (!list) order.set(base, (list = []));
      if (list.length === 0) list.push(...rng.shuffle(this.perturbations.map((_, i) => i)).map((i) => this.perturbations[i]));
      picks.push({ base, p: list.shift()! });
    });
    const width = space.featureNames.length;
    const raw = new Float32Array(picks.length * width);
    picks.forEach(({ base, p }, i) => {
      const v = cache.features(sources[base], p);
      for (let j = 0; j < width; j++) raw[i * width + j] = v[columns[j]];
    });
    const x = space.toTrainingSpace(
      raw,
      picks.length,
      picks.map((q) => q.base),
    );
    if (x.length !== picks.length * train.cols) {
      throw new Error(`perturb: the raw space gave ${x.length / Math.max(picks.length, 1)} columns, the training rows have ${train.cols}`);
    }
    return { x, y: s.y };
  }

  /** The perturbation names in use (for provenance). */
  names(): string[] {
    return this.perturbations.map(perturbationName);
  }
}
