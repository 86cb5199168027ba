import { z } from 'zod';
import { perturbInLatent, type AdanModel } from '../adan/index.js';
import type { Dataset } from '../data/dataset.js';
import { SeededRandom } from '../util/random.js';
import type { Synthetic } from './types.js';
import { parseOptions, sampleCountSchema } from './base.js';
import { AdanAugmenter, adanSchema, generationSeed, type FitRows } from './adan.js';
import { cycleRows, rowsByClass } from './counts.js';

const adanCoverSchema = adanSchema.extend({
  // One synthetic row per real row by default, as recolour and mixup.
  count: sampleCountSchema.default({ times: 1 }),
  // Half a class's spread per latent axis: a synthetic row stays nearer its base than a typical other row of the
  // class (about sqrt(2) spreads away per axis), so it keeps its class, yet it is no copy. Fixed in advance.
  latentScale: z.number().min(0).max(10).default(0.5),
  // Keep each real row's reconstruction residual: what the autoencoder cannot reconstruct is what a detector of
  // decoded rows would see (fixed in advance; bench/adan-cover.ts also measures `false`).
  residual: z.boolean().default(true),
});
export type AdanCoverOptions = z.input<typeof adanCoverSchema>;

/**
 * An ADAN that covers the data: ADAN is trained as the paper says, but synthetic rows are not G(z, y), which covers
 * none of the real spread (k-NN recall 0, detector AUC 1 on EmoDB); each is a training row encoded by E, moved by
 * noise scaled to its class's latent spread and decoded by R (adan/latent-perturbation.ts). Every real row is a base
 * row, equally often, so the synthetic rows cover the real ones by construction.
 */
export class AdanCoverAugmenter extends AdanAugmenter {
  static override readonly schema = adanCoverSchema;
  static override readonly help: string =
    "ADAN that covers the data: each training row encoded, moved by noise of half its class's latent spread, decoded";
  override readonly name: string = 'adan-cover';
  readonly latentScale: number;
  readonly residual: boolean;

  constructor(options: AdanCoverOptions, seed = 0) {
    const o = parseOptions('adan-cover', adanCoverSchema, options);
    super(o, seed);
    this.latentScale = o.latentScale;
    this.residual = o.residual;
  }

  protected override synthesise(model: AdanModel, train: Dataset, fit: FitRows): Synthetic {
    const want = this.wanted(train, this.options.count);
    const rng = new SeededRandom(this.seed);
    const byClass = rowsByClass(fit.y, train.classes);
    const base: number[] = [];
    for (let c = 0; c < train.classes; c++) if (byClass[c].length) base.push(...cycleRows(byClass[c], want[c], rng));
    const b = Int32Array.from(base);
    const how = { scale: this.latentScale, residual: this.residual };
    const out = perturbInLatent(model, fit.x, fit.y, b, how, generationSeed(this.seed));
    return { x: out.features, y: Int32Array.from(b, (r) => fit.y[r]) };
  }
}
