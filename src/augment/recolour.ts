import { z } from 'zod';
import { UserError } from '../util/errors.js';
import type { Dataset } from '../data/dataset.js';
import type { Synthetic } from './types.js';
import { SeededRandom as AugmentRng } from '../util/random.js';
import { BaseAugmenter, sampleCountSchema, parseOptions } from './base.js';
import { perClassSynthesis } from './simple.js';
import { moments } from '../data/moments.js';
import { rowsByGroup } from '../data/rows-by-group.js';

const recolourSchema = z.object({
  // One re-coloured copy per row by default: it doubles the speakers each utterance is heard as, without letting
  // synthetic rows outweigh the real ones (chosen before any measurement).
  count: sampleCountSchema.default({ times: 1 }),
});
export type RecolourOptions = z.input<typeof recolourSchema>;

/**
 * Speaker re-colouring in feature space: a training row is z-normed by its own speaker's mean and std, then
 * re-coloured with another training speaker's (drawn at random), so the classifier sees each utterance as spoken
 * by other voices. Needs each row's group (speaker); statistics come from the training fold only.
 */
export class RecolourAugmenter extends BaseAugmenter {
  static readonly schema = recolourSchema;
  static readonly help: string =
    "speaker re-colouring: rows z-normed by their speaker, re-coloured with another training speaker's statistics";
  static readonly minTrainingSpeakers = 2;
  readonly name: string = 'recolour';
  readonly options: z.output<typeof recolourSchema>;
  constructor(options: RecolourOptions = {}, seed = 0) {
    super(seed);
    this.options = parseOptions('recolour', recolourSchema, options);
  }
  protected sample(train: Dataset): Synthetic {
    const groups = train.groups;
    if (!groups) throw new Error('recolour: the training fold carries no speaker (group) per row');
    const byGroup = rowsByGroup(groups);
    const speakers = [...byGroup.keys()];
    if (speakers.length < 2) {
      const n = speakers.length;
      throw new UserError(`recolour: re-colours rows with another speaker's statistics: needs 2 training speakers, this fold has ${n}`);
    }
    const { x, cols } = train;
    const stats = new Map(
      [...byGroup].map(([s, rows]) => {
        const m = moments(x, cols, rows);
        return [s, { mean: m.mean, std: m.variance.map(Math.sqrt) }];
      }),
    );
    const rng = new AugmentRng(this.seed);
    return perClassSynthesis(train, this.wanted(train, this.options.count), rng, (base, _c, _m, out, o) => {
      const own = stats.get(groups[base])!;
      let other = speakers[rng.int(speakers.length - 1)];
      if (other === groups[base]) other = speakers[speakers.length - 1];
      const to = stats.get(other)!;
      for (let j = 0; j < cols; j++) {
        const zj = own.std[j] > 0 ? (x[base * cols + j] - own.mean[j]) / own.std[j] : 0;
        out[o + j] = to.mean[j] + zj * to.std[j];
      }
    });
  }
}
