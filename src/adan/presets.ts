import { UserError } from '../util/errors.js';
import { adanOptionsSchema, describeIssues, type AdanOptions, type AdanPresetName } from './options.js';

/**
 * The three named settings of ADAN. Every value is overridable (`adanOptions(preset, overrides)`).
 *
 * `paper` — what the paper states (section II, III-D, eqs. 1-6): tanh everywhere, E/R hidden 800-800, C/G/D
 * hidden 100-100, latent 100, z 100, Xavier init, Adam lr 1e-4 for all parts, M = 1 discriminator step,
 * generator with inverted labels (eq. 6). Not stated by the paper and chosen here: the encoder's (and so the
 * generator's) output is tanh, like its hidden layers; the decoder's output is linear because its targets are
 * z-scores, which a tanh output cannot reach; batch 128 and 300 epochs (what our authors-style PyTorch reference run used);
 * Adam betas 0.9/0.999 and epsilon 1e-8 (Keras/TF defaults of the time); mean-over-elements MSE (Keras 'mse').
 *
 * `official` — what the authors' public code ran (read from their repository). It has two readings:
 *   version A (the main reading) and version B ("another reading": noise size 2, discriminator lr 1e-5, decoder
 *   lr 1e-3, batch 64, D loss 0.5 x (real + fake), minimax generator loss). Each value below follows:
 *   - leaky ReLU 0.2 then batch normalisation in E and R hidden layers; E and R outputs tanh ............ A
 *   - classifier hidden 400-400 ......................................................................... A
 *   - Adam beta1 0.5, epsilon 1e-5 ...................................................................... A
 *   - batch 128 (B: 64) ................................................................................. A
 *   - up to 1500 epochs with the early stop after epoch 200 (D's mean outputs within 0.01 of 0.5, 3 epochs) A
 *   - discriminator stepped twice per iteration (d_times = 2) ........................................... A
 *   - per-feature max-abs scaling of the (training-fold z-scored) inputs, synthetic samples scaled back .... A
 *   - noise size 100 (B: 2), all learning rates 1e-4 (B: D 1e-5, decoder 1e-3) ........................... A
 *   - D loss = real + fake as eq. 1 (B: 0.5 x (real + fake)) ............................................. A
 *   - generator loss -(D's loss on fakes) + CE of C on fakes, i.e. minimax log(1 - D(G)) (eq. 5) ........... A and B
 *   - the encoder is not trained adversarially (only reconstruction + classification), as in every preset . A and B
 *   - C, G, D hidden activation tanh (their code shows no departure from the paper for them) ................. paper
 *   Batch-norm momentum 0.99 and epsilon 1e-3 are Keras' defaults (the authors used Keras/TensorFlow).
 *   Version B is one override away, e.g. `{ noise: 2, lrDiscriminator: 1e-5, lrDecoder: 1e-3, batchSize: 64, dLossScale: 0.5 }`.
 *
 * `variant` ('adan' in every preset) selects the comparison generators of the evaluation: 'separate' (autoencoder
 * and GAN trained one after the other, paper II-B) and 'aae' (Sahu et al. 2017); the AAE prior (radius 0.5, std
 * 0.15 around one axis per class) sits inside the tanh range of the encoder's output.
 *
 * `wadan` — the Wasserstein variant of the authors' later journal version: the paper preset with a
 * critic without sigmoid, gradient-norm penalty weight 10 (WGAN-GP) and G loss = -critic + 0.1 x cross-entropy.
 */
/** The paper's settings (section III-D); the other presets list only where they depart from it. */
const PAPER: Omit<AdanOptions, 'preset'> = {
  variant: 'adan',
  aaePriorRadius: 0.5,
  aaePriorStd: 0.15,
  epochs: 300,
  batchSize: 128,
  latent: 100,
  noise: 100,
  dSteps: 1,
  encoderHidden: [800, 800],
  decoderHidden: [800, 800],
  classifierHidden: [100, 100],
  generatorHidden: [100, 100],
  discriminatorHidden: [100, 100],
  aeActivation: 'tanh',
  headActivation: 'tanh',
  leakySlope: 0.2,
  aeBatchNorm: false,
  bnMomentum: 0.99,
  bnEps: 1e-3,
  encoderOutput: 'tanh',
  decoderOutput: 'linear',
  init: 'xavierUniform',
  lr: 1e-4,
  lrEncoder: null,
  lrDecoder: null,
  lrClassifier: null,
  lrGenerator: null,
  lrDiscriminator: null,
  beta1: 0.9,
  beta2: 0.999,
  adamEps: 1e-8,
  adversarial: 'gan',
  generatorLoss: 'inverted',
  dLossScale: 1,
  gpWeight: 0,
  gAdvWeight: 1,
  gClsWeight: 1,
  reconWeight: 1,
  clsWeight: 1,
  scaling: 'zscore',
  earlyStop: null,
};

export const PRESETS: Readonly<Record<AdanPresetName, Omit<AdanOptions, 'preset'>>> = {
  paper: PAPER,
  official: {
    ...PAPER,
    epochs: 1500,
    dSteps: 2,
    classifierHidden: [400, 400],
    aeActivation: 'leakyRelu',
    aeBatchNorm: true,
    decoderOutput: 'tanh',
    beta1: 0.5,
    adamEps: 1e-5,
    generatorLoss: 'minimax',
    scaling: 'zscore+maxabs',
    earlyStop: { minEpoch: 200, tolerance: 0.01, patience: 3 },
  },
  wadan: {
    ...PAPER,
    adversarial: 'wgan-gp',
    gpWeight: 10,
    gClsWeight: 0.1,
  },
};

/** The preset names, from PRESETS (the options schema's enum lists the same names; the Record type keeps them equal). */
export const ADAN_PRESET_NAMES: readonly AdanPresetName[] = Object.keys(PRESETS) as AdanPresetName[];

/**
 * The options of a preset with overrides applied, validated once (throws UserError naming the bad values).
 * `undefined` overrides are ignored so CLI flags that were not given keep the preset's value.
 */
export function adanOptions(preset: AdanPresetName, overrides: Partial<AdanOptions> = {}): AdanOptions {
  if (!(ADAN_PRESET_NAMES as readonly string[]).includes(preset)) {
    throw new UserError(`unknown ADAN preset '${String(preset)}' (choose ${ADAN_PRESET_NAMES.join(', ')})`);
  }
  const defined: Record<string, unknown> = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  // An AAE's codes are matched to an unbounded Gaussian prior: a linear code layer (Makhzani et al.), unless given;
  // a tanh code layer saturates before the adversarial signal arrives.
  if (defined.variant === 'aae' && defined.encoderOutput === undefined) defined.encoderOutput = 'linear';
  const r = adanOptionsSchema.safeParse({ ...PRESETS[preset], ...defined, preset });
  if (!r.success) throw new UserError(`invalid ADAN options: ${describeIssues(r.error)}`);
  return r.data;
}
