import { Rng, Sequential, mlpSpec, type Kernels, type SequentialSpec } from '../nn/index.js';
import type { AdanOptions } from './options.js';

/** The five ADAN parts (paper Fig. 1): encoder E, decoder R, auxiliary classifier C, generator G, discriminator D. */
export const NET_NAMES = ['encoder', 'decoder', 'classifier', 'generator', 'discriminator'] as const;
export type NetName = (typeof NET_NAMES)[number];
export type AdanNets = Record<NetName, Sequential>;
export type AdanArchitecture = Record<NetName, SequentialSpec>;

/**
 * Layer specs of the five parts for `inputs` features and `classes` classes (paper section II, Fig. 1; sizes of III-D):
 * E: x -> hidden -> h (latent); R: h -> hidden -> x; C: h -> hidden -> K logits; G: [z, one-hot y] -> hidden -> h;
 * D: h -> hidden -> 1 logit (sigmoid inside the loss; a raw critic value for wgan-gp).
 */
export function adanArchitecture(o: AdanOptions, inputs: number, classes: number): AdanArchitecture {
  const slope = o.leakySlope;
  const ae = { activation: o.aeActivation, slope, batchNorm: o.aeBatchNorm, init: o.init } as const;
  const head = { activation: o.headActivation, slope, batchNorm: false, init: o.init } as const;
  const withBn = (s: SequentialSpec): SequentialSpec =>
    o.aeBatchNorm
      ? { ...s, layers: s.layers.map((l) => (l.type === 'batchNorm' ? { type: 'batchNorm', momentum: o.bnMomentum, eps: o.bnEps } : l)) }
      : s;
  return {
    encoder: withBn(mlpSpec({ inputs, hidden: o.encoderHidden, outputs: o.latent, outputActivation: o.encoderOutput, ...ae })),
    decoder: withBn(mlpSpec({ inputs: o.latent, hidden: o.decoderHidden, outputs: inputs, outputActivation: o.decoderOutput, ...ae })),
    classifier: mlpSpec({ inputs: o.latent, hidden: o.classifierHidden, outputs: classes, outputActivation: 'linear', ...head }),
    // G produces codes, so it ends in the encoder's output activation (its outputs must be able to match E's).
    generator: mlpSpec({
      inputs: o.noise + classes,
      hidden: o.generatorHidden,
      outputs: o.latent,
      outputActivation: o.encoderOutput,
      ...head,
    }),
    // The AAE's discriminator also sees the one-hot label (class-conditional prior, Makhzani et al. section 2.3).
    discriminator: mlpSpec({
      inputs: o.variant === 'aae' ? o.latent + classes : o.latent,
      hidden: o.discriminatorHidden,
      outputs: 1,
      outputActivation: 'linear',
      ...head,
    }),
  };
}

/**
 * Builds the five nets; each gets its own named RNG stream so the init of one part does not depend on another's size.
 * `kernels` defaults to the active set (benchmarks pass a counting wrapper).
 */
export function buildNetworks(arch: AdanArchitecture, rng: Rng, kernels?: Kernels): AdanNets {
  const nets = {} as AdanNets;
  for (const name of NET_NAMES) nets[name] = new Sequential(arch[name], rng.fork(`init:${name}`), kernels);
  return nets;
}

/** Multiply-adds of a dense stack's forward pass per sample (for FLOP counts). */
export function denseMacs(spec: SequentialSpec): number {
  let inputs = spec.inputs;
  let macs = 0;
  for (const l of spec.layers) {
    if (l.type === 'dense') {
      macs += inputs * l.units;
      inputs = l.units;
    }
  }
  return macs;
}
