import { z } from 'zod';
import { UserError } from '../util/errors.js';
import type { Dataset } from '../data/dataset.js';
import type { Synthetic } from './types.js';
import { BaseAugmenter, parseOptions, sampleCountSchema } from './base.js';
import { crossSpeakerPairs, mixRows } from './cross-speaker-pairs.js';

/** Options shared by feature-space and latent-space mixup. */
export const mixupOptions = {
  // One mixed copy per real row by default, as recolour: synthetic rows do not outweigh the real ones.
  count: sampleCountSchema.default({ times: 1 }),
  // Beta(0.4, 0.4), the top of the range mixup's authors used (Zhang et al. 2018, alpha 0.1-0.4): most mixes stay
  // near one of their two rows, a fair share lie between the two speakers. Fixed before any measurement here.
  alpha: z.number().positive().max(100).default(0.4),
};

const mixupSchema = z.object(mixupOptions);
export type MixupOptions = z.input<typeof mixupSchema>;

/** The speaker (group) of every training row, which mixup across speakers needs. */
export function speakersOf(train: Dataset, who: string): readonly string[] {
  if (!train.groups) throw new Error(`${who}: the training fold carries no speaker (group) per row`);
  const n = new Set(train.groups).size;
  if (n < 2)
    throw new UserError(`${who}: mixes rows of two different speakers, so it needs at least 2 training speakers (this fold has ${n})`);
  return train.groups;
}

/**
 * Mixup across speakers in feature space: x = l * a + (1 - l) * b for two training rows a, b of the same class and
 * different speakers, l ~ Beta(alpha, alpha); the label is their class. It adds voices between the training
 * speakers, the variability a speaker-independent classifier lacks.
 */
export class MixupAugmenter extends BaseAugmenter {
  static readonly schema = mixupSchema;
  static readonly help: string = 'mixup of same-class rows of different speakers, l ~ Beta(0.4, 0.4)';
  static readonly minTrainingSpeakers = 2;
  readonly name: string = 'mixup';
  readonly options: z.output<typeof mixupSchema>;
  constructor(options: MixupOptions = {}, seed = 0) {
    super(seed);
    this.options = parseOptions('mixup', mixupSchema, options);
  }
  protected sample(train: Dataset): Synthetic {
    const groups = speakersOf(train, 'mixup');
    const y = train.y.subarray(0, train.rows);
    const pairs = crossSpeakerPairs(y, groups, train.classes, this.wanted(train, this.options.count), this.options.alpha, this.seed);
    return { x: mixRows(train.x, train.cols, pairs), y: pairs.y };
  }
}
