import type { z } from 'zod';
import type { AdanModel } from '../adan/index.js';
import type { Dataset } from '../data/dataset.js';
import type { Synthetic } from './types.js';
import { parseOptions } from './base.js';
import { AdanAugmenter, adanSchema, type FitRows } from './adan.js';
import { crossSpeakerPairs, mixRows } from './cross-speaker-pairs.js';
import { mixupOptions, speakersOf } from './mixup.js';

const adanMixupSchema = adanSchema.extend(mixupOptions);
export type AdanMixupOptions = z.input<typeof adanMixupSchema>;

/**
 * Mixup in ADAN's latent space: ADAN is trained as the paper says, then two same-class rows of different speakers
 * (the rows ADAN fitted on) are encoded by E, their codes mixed as l * E(a) + (1 - l) * E(b) with
 * l ~ Beta(alpha, alpha), and the mix decoded by R. With the same seed it mixes the same pairs as `mixup`.
 */
export class AdanMixupAugmenter extends AdanAugmenter {
  static override readonly schema = adanMixupSchema;
  static override readonly help: string = "mixup in ADAN's latent space: codes of same-class rows of different speakers mixed, decoded";
  static readonly minTrainingSpeakers = 2;
  override readonly name: string = 'adan-mixup';
  readonly alpha: number;

  constructor(options: AdanMixupOptions, seed = 0) {
    const o = parseOptions('adan-mixup', adanMixupSchema, options);
    super(o, seed);
    this.alpha = o.alpha;
  }

  protected override synthesise(model: AdanModel, train: Dataset, fit: FitRows): Synthetic {
    const all = speakersOf(train, 'adan-mixup');
    const groups = Array.from(fit.index, (r) => all[r]);
    const pairs = crossSpeakerPairs(fit.y, groups, train.classes, this.wanted(train, this.options.count), this.alpha, this.seed);
    const mixed = mixRows(model.encode(fit.x, fit.rows), model.options.latent, pairs);
    return { x: model.decode(mixed, pairs.y.length), y: pairs.y };
  }
}
