import type { SeededRandom } from '../util/random.js';

/** Gamma(shape, 1) draw: Marsaglia and Tsang (2000); shape < 1 by the boost Gamma(a) = Gamma(a + 1) * U^(1/a). */
export function gammaSample(rng: SeededRandom, shape: number): number {
  if (!(shape > 0)) throw new Error(`gamma shape must be > 0 (got ${shape})`);
  if (shape < 1) {
    let u = 0;
    while (u === 0) u = rng.next();
    return gammaSample(rng, shape + 1) * u ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) draw as G_a / (G_a + G_b) with independent gamma variates. */
export function betaSample(rng: SeededRandom, a: number, b: number): number {
  const ga = gammaSample(rng, a);
  const gb = gammaSample(rng, b);
  const s = ga + gb;
  // Both gammas underflow to 0 only for tiny shapes; the two ends are then equally likely.
  return s > 0 ? ga / s : rng.next() < a / (a + b) ? 1 : 0;
}
