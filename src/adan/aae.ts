import type { Matrix, Rng } from '../nn/index.js';
import type { AdanOptions } from './options.js';

/**
 * Adversarial autoencoder (Makhzani et al. 2016) as Sahu et al. 2017 used it to synthesise emotion features: the
 * encoder's codes are matched adversarially to a class-conditional prior (the discriminator sees the code and the
 * one-hot label, so class k's codes are pushed to class k's component), and synthetic samples are prior samples
 * decoded by R. Selected with `variant: 'aae'`; the training step lives in AdanTrainer, the prior here.
 *
 * Prior of class k: N(radius * u_k, std^2 I) where u_k is the unit vector of axis k mod latent, negated for
 * k >= latent (so up to 2 x latent classes get distinct, equally far centres).
 */
export function priorCentreAxis(k: number, latent: number): { axis: number; sign: number } {
  if (k >= 2 * latent) throw new Error(`aae: ${k + 1} classes need a latent size of at least ${Math.ceil((k + 1) / 2)}`);
  return { axis: k % latent, sign: k < latent ? 1 : -1 };
}

/** Fills the first `latent` columns of each row of `out` with a prior sample of its class y[r]. */
export function fillPrior(out: Matrix, y: ArrayLike<number>, rng: Rng, o: AdanOptions): void {
  const w = out.cols;
  const l = o.latent;
  for (let r = 0; r < out.rows; r++) {
    const row = out.data.subarray(r * w, r * w + l);
    rng.fillNormal(row, 0, o.aaePriorStd);
    const { axis, sign } = priorCentreAxis(y[r], l);
    row[axis] += sign * o.aaePriorRadius;
  }
}
