import { z } from 'zod';
import { UserError } from '../util/errors.js';

/** Activations the ADAN sub-networks may use (the engine's names). */
const activation = z.enum(['linear', 'tanh', 'relu', 'leakyRelu', 'sigmoid']);
const hidden = z.array(z.number().int().min(1).max(65536)).max(16);
const rate = z.number().positive().max(10);
const optionalRate = rate.nullable();

/**
 * Every ADAN setting. A preset (`presets.ts`) fills all of them; each is overridable. Validated once, at the
 * boundary (`adanOptions`), so the trainer can trust them.
 */
export const adanOptionsSchema = z
  .object({
    preset: z.enum(['paper', 'official', 'wadan']),
    /** 'adan': joint training (paper II-A). 'separate': the autoencoder + classifier trained first, then frozen
     *  while G and D train (the paper's II-B comparison): `epochs` epochs each. 'aae': adversarial autoencoder as in
     *  Sahu et al. 2017: codes matched adversarially to a class-conditional Gaussian prior, prior samples decoded. */
    variant: z.enum(['adan', 'separate', 'aae']),
    /** aae: class k's prior is N(radius * u_k, std^2 I), u_k the k-th axis (negated for k >= latent). */
    aaePriorRadius: z.number().min(0).max(100),
    aaePriorStd: z.number().positive().max(100),
    /** Training epochs (upper bound when early stopping is on). */
    epochs: z.number().int().min(1).max(1_000_000),
    batchSize: z.number().int().min(2).max(65536),
    /** Size of the latent code h (paper III-D: 100). */
    latent: z.number().int().min(1).max(65536),
    /** Size of the generator's noise z (paper: 100). */
    noise: z.number().int().min(1).max(65536),
    /** Discriminator updates per iteration, M in the paper (paper: 1; authors' code: 2). */
    dSteps: z.number().int().min(1).max(100),
    encoderHidden: hidden,
    decoderHidden: hidden,
    classifierHidden: hidden,
    generatorHidden: hidden,
    discriminatorHidden: hidden,
    /** Hidden activation of encoder and decoder. */
    aeActivation: activation,
    /** Hidden activation of classifier, generator and discriminator. */
    headActivation: activation,
    /** Negative slope of leaky ReLU. */
    leakySlope: z.number().min(0).max(1),
    /** Batch normalisation after each hidden activation of encoder and decoder (authors' code). */
    aeBatchNorm: z.boolean(),
    bnMomentum: z.number().min(0).max(1),
    bnEps: z.number().positive(),
    /** Output activation of the encoder; the generator uses the same, since both produce codes h. */
    encoderOutput: activation,
    /** Output activation of the decoder (linear for z-scored targets, tanh for max-abs scaled ones). */
    decoderOutput: activation,
    init: z.enum(['xavierUniform', 'xavierNormal']),
    /** Adam learning rate of every part; the per-part rates override it when not null. */
    lr: rate,
    lrEncoder: optionalRate,
    lrDecoder: optionalRate,
    lrClassifier: optionalRate,
    lrGenerator: optionalRate,
    lrDiscriminator: optionalRate,
    beta1: z.number().min(0).max(0.999999),
    beta2: z.number().min(0).max(0.999999999),
    adamEps: z.number().positive(),
    /** 'gan': sigmoid discriminator with binary cross-entropy (eqs. 1, 5, 6); 'wgan-gp': critic with gradient penalty. */
    adversarial: z.enum(['gan', 'wgan-gp']),
    /** 'inverted': -log D(G(z,y)) (eq. 6); 'minimax': log(1 - D(G(z,y))) (eq. 5). Ignored for wgan-gp. */
    generatorLoss: z.enum(['inverted', 'minimax']),
    /** Factor on the discriminator loss (eq. 1: 1; another version of the authors' code: 0.5). */
    dLossScale: z.number().positive().max(10),
    /** Gradient penalty weight (wgan-gp only). */
    gpWeight: z.number().min(0).max(1e4),
    /** Weights of the generator's adversarial and classification terms. */
    gAdvWeight: z.number().min(0).max(1e4),
    gClsWeight: z.number().min(0).max(1e4),
    /** Weights of reconstruction MSE and classification CE in the encoder's loss (eq. 4). */
    reconWeight: z.number().min(0).max(1e6),
    clsWeight: z.number().min(0).max(1e6),
    /** Input scaling inside the model: z-norm (training statistics) and optionally max-abs after it. */
    scaling: z.enum(['zscore', 'zscore+maxabs']),
    /** Authors' early stop: after minEpoch, stop once D's mean outputs on real and fake codes stay within
     *  tolerance of 0.5 for patience epochs (gan only). null = train all epochs. */
    earlyStop: z
      .object({ minEpoch: z.number().int().min(0), tolerance: z.number().positive().max(0.5), patience: z.number().int().min(1) })
      .strict()
      .nullable(),
  })
  .strict();

export type AdanOptions = z.infer<typeof adanOptionsSchema>;
export type AdanPresetName = AdanOptions['preset'];
/** Formats a zod error as one line naming each bad option. */
export function describeIssues(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.length ? i.path.join('.') : 'options'}: ${i.message}`).join('; ');
}

/** Validates a complete options object (e.g. read back from model.json). */
export function parseAdanOptions(value: unknown, where: string): AdanOptions {
  const r = adanOptionsSchema.safeParse(value);
  if (!r.success) throw new UserError(`${where}: invalid ADAN options: ${describeIssues(r.error)}`);
  return r.data;
}

/** Learning rate of one part (per-part override or the common rate). */
export function partLr(o: AdanOptions, part: 'encoder' | 'decoder' | 'classifier' | 'generator' | 'discriminator'): number {
  const v = {
    encoder: o.lrEncoder,
    decoder: o.lrDecoder,
    classifier: o.lrClassifier,
    generator: o.lrGenerator,
    discriminator: o.lrDiscriminator,
  }[part];
  return v ?? o.lr;
}
