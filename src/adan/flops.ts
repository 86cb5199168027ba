import type { SequentialSpec } from '../nn/index.js';
import { denseMacs, type AdanArchitecture } from './networks.js';
import type { AdanOptions } from './options.js';

function firstLayerMacs(spec: SequentialSpec): number {
  const l = spec.layers.find((x) => x.type === 'dense');
  return l && l.type === 'dense' ? spec.inputs * l.units : 0;
}

/**
 * GEMM floating-point operations (2 per multiply-add) of one training iteration as AdanTrainer runs it, for a
 * batch of `batch` rows. Forward = 2·B·macs; backward with parameter and input gradients = 4·B·macs; frozen
 * nets (input gradients only) 2·B·macs; E and G skip their first layer's input gradient. Bias, activation,
 * loss and Adam work is not counted; the gradient penalty (wgan-gp) is not counted either.
 */
export function iterationFlops(arch: AdanArchitecture, o: AdanOptions, batch: number): number {
  const E = denseMacs(arch.encoder);
  const R = denseMacs(arch.decoder);
  const C = denseMacs(arch.classifier);
  const G = denseMacs(arch.generator);
  const D = denseMacs(arch.discriminator);
  const shared = !o.aeBatchNorm;
  let macs = E; // E(x) for the D step
  macs += o.dSteps * (G + 2 * 3 * D); // G forward, D forward+backward on real and on fake codes
  macs += (shared ? 0 : E) + 3 * E - firstLayerMacs(arch.encoder) + 3 * R + 3 * C; // E/R/C step
  macs += 3 * G - firstLayerMacs(arch.generator) + 2 * D + 2 * C; // G step through frozen D and C
  return 2 * batch * macs;
}
