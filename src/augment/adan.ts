import { z } from 'zod';
import { AdanModel, type AdanOptions } from '../adan/index.js';
import type { EpochLog } from '../adan/index.js';
import type { Dataset } from '../data/dataset.js';
import type { Synthetic } from './types.js';
import { BaseAugmenter, countOptions, parseOptions } from './base.js';

export const adanSchema = z.object({
  ...countOptions,
  /** ADAN options (preset + overrides); the augmenter's variant is set on top. */
  adan: z.custom<AdanOptions>((v) => typeof v === 'object' && v !== null, 'ADAN options required'),
  /** Per training row: 1 if ADAN may fit on it (IEMOCAP: improvised turns only); undefined = all rows. */
  fitMask: z.custom<Uint8Array>((v) => v instanceof Uint8Array).optional(),
  classNames: z.array(z.string()),
  featureNames: z.array(z.string()),
  /** Save the fitted model folder here (as `adan train` writes it). */
  saveDir: z.string().optional(),
  provenance: z.record(z.string(), z.unknown()).optional(),
  onEpoch: z.custom<(log: EpochLog) => void>((v) => typeof v === 'function').optional(),
});
export type AdanAugmenterOptions = z.input<typeof adanSchema>;

/** The rows ADAN fits on: all training rows, or those the fit mask keeps (`index`: their rows in the fold). */
export interface FitRows {
  x: Float32Array;
  y: Int32Array;
  rows: number;
  index: Int32Array;
}

function maskedRows(train: Dataset, mask: Uint8Array | undefined): FitRows {
  const { x, rows, cols, y } = train;
  if (!mask) return { x: x.subarray(0, rows * cols), y: y.subarray(0, rows), rows, index: Int32Array.from({ length: rows }, (_, i) => i) };
  if (mask.length !== rows) throw new Error(`adan: fit mask has ${mask.length} entries for ${rows} rows`);
  const idx: number[] = [];
  for (let i = 0; i < rows; i++) if (mask[i]) idx.push(i);
  if (idx.length < 2) throw new Error('adan: fewer than 2 training rows match --adan-train-where in this fold');
  const sx = new Float32Array(idx.length * cols);
  idx.forEach((r, i) => sx.set(x.subarray(r * cols, (r + 1) * cols), i * cols));
  return { x: sx, y: Int32Array.from(idx, (r) => y[r]), rows: idx.length, index: Int32Array.from(idx) };
}

/**
 * ADAN as an augmenter: fits an AdanModel on the fold's training rows (or the masked subset), then generates
 * synthetic rows with the training fold's class proportions (paper III-D: 10 sets the size of the training set).
 * Inputs and outputs are raw features; the model normalises internally with statistics of its training rows.
 */
export class AdanAugmenter extends BaseAugmenter {
  static readonly schema = adanSchema;
  static readonly help: string = "ADAN (the paper's adversarial data augmentation network)";
  /** The ADAN `variant` this augmenter trains; undefined keeps the variant the options name. */
  static readonly variant: string | undefined = undefined;
  readonly name: string = 'adan';
  readonly options: z.output<typeof adanSchema>;
  model: AdanModel | null = null;

  constructor(options: AdanAugmenterOptions, seed = 0) {
    super(seed);
    this.options = parseOptions('adan', adanSchema, options);
  }

  protected sample(train: Dataset): Synthetic {
    const fit = maskedRows(train, this.options.fitMask);
    return this.synthesise(this.fitModel(train, fit), train, fit);
  }

  /** Trains ADAN on the fit rows (and saves it when asked); the model is kept in `this.model`. */
  protected fitModel(train: Dataset, fit: FitRows): AdanModel {
    const o = this.options;
    const { cols, classes } = train;
    if (o.classNames.length !== classes) throw new Error(`adan: ${classes} classes but ${o.classNames.length} class names`);
    const model = AdanModel.create(o.adan, this.seed);
    const names = o.classNames;
    const present = [...new Set(Array.from(fit.y, (k) => names[k]))].sort();
    if (o.featureNames.length === cols && present.length === names.length && present.every((c, i) => c === names[i])) {
      // fitTable keeps the real feature names in the saved model (report and `adan generate` read them).
      const ids = Array.from({ length: fit.rows }, (_, i) => String(i + 1));
      const table = { ids, featureNames: o.featureNames, features: fit.x, meta: { label: Array.from(fit.y, (k) => names[k]) } };
      model.fitTable(table, 'label', { onEpoch: o.onEpoch });
    } else {
      model.fit(fit.x, fit.rows, cols, fit.y, names, { onEpoch: o.onEpoch });
    }
    this.model = model;
    if (o.saveDir) model.save(o.saveDir, o.provenance);
    return model;
  }

  /** This augmenter's synthetic rows from an already trained model (benchmarks compare several on one model). */
  synthesiseWith(model: AdanModel, train: Dataset): Synthetic {
    return this.synthesise(model, train, maskedRows(train, this.options.fitMask));
  }

  /** The synthetic rows of the trained model: G(z, y) decoded (paper II). Subclasses synthesise otherwise. */
  protected synthesise(model: AdanModel, train: Dataset, _fit: FitRows): Synthetic {
    // ADAN counts from the whole training fold's labels (the classifier's training set), not the masked subset.
    const labels = model.sampleCounts(train.y.subarray(0, train.rows), this.options.count);
    // A different stream from the training seed: the generator's z must not replay training noise.
    const gen = model.generate(labels, generationSeed(this.seed));
    return { x: gen.features, y: labels };
  }
}

/** The seed of synthesis after training: a different stream from the training seed, so no training noise is replayed. */
export function generationSeed(seed: number): number {
  return (seed ^ 0x5bd1e995) >>> 0;
}

/** The adversarial autoencoder (Sahu et al. 2017), the paper's comparison, behind the same adapter. */
export class AaeAugmenter extends AdanAugmenter {
  static override readonly help: string = "adversarial autoencoder (Sahu et al. 2017, the paper's comparison)";
  static override readonly variant: string | undefined = 'aae';
  override readonly name: string = 'aae';
}

/** Autoencoder and GAN trained one after the other (the paper's section II-B claim). */
export class AdanSeparateAugmenter extends AdanAugmenter {
  static override readonly help: string = 'ADAN with autoencoder and GAN trained separately (paper II-B)';
  static override readonly variant: string | undefined = 'separate';
  override readonly name: string = 'adan-separate';
}
