import {
  Adam,
  bceWithLogitsLoss,
  inputGradientPenalty,
  mseLoss,
  softmaxCrossEntropyLoss,
  type Kernels,
  type LossResult,
  type Matrix,
  type Rng,
} from '../nn/index.js';
import { fillPrior } from './aae.js';
import { NET_NAMES, type AdanNets, type NetName } from './networks.js';
import { partLr, type AdanOptions } from './options.js';

/** Batch means of one training iteration (cCorrect is a count). */
export interface StepStats {
  dLoss: number;
  gAdvLoss: number;
  gClsLoss: number;
  reconMse: number;
  cLoss: number;
  cCorrect: number;
  dReal: number;
  dFake: number;
}

/** All statistics zero (the start of a step, and of an epoch's sums). */
export function zeroStepStats(): StepStats {
  return { dLoss: 0, gAdvLoss: 0, gClsLoss: 0, reconMse: 0, cLoss: 0, cCorrect: 0, dReal: 0, dFake: 0 };
}

/**
 * Fills the first `rows` rows of a generator input (width noise + classes) with [z ~ N(0, I) | one-hot labels[r]],
 * z drawn row by row from rng (the one definition used by training and by generate()).
 */
export function fillGeneratorInput(
  data: Float32Array,
  rows: number,
  noise: number,
  classes: number,
  labels: ArrayLike<number>,
  rng: Rng,
): void {
  const w = noise + classes;
  data.fill(0, 0, rows * w);
  for (let r = 0; r < rows; r++) {
    rng.fillNormal(data.subarray(r * w, r * w + noise));
    data[r * w + noise + labels[r]] = 1;
  }
}

/** Buffers of one batch size, allocated once (no allocation per iteration in the trainer itself). */
interface Buffers {
  rows: number;
  hReal: Matrix; // E(x) codes, copied (engine outputs are reused buffers)
  hFake: Matrix; // G(z, y) codes for the D step, copied
  gIn: Matrix; // [z | one-hot y]
  dh: Matrix; // summed gradient w.r.t. a code batch
  critGrad: Matrix; // constant critic gradients (wgan-gp)
  xHat: Matrix; // interpolates for the gradient penalty
  dInReal: Matrix | null; // aae: [prior sample | one-hot y]
  dInFake: Matrix | null; // aae: [E(x) | one-hot y]
  recGrad: Matrix | null; // reconstruction gradient (batch x features), allocated on first use
}

/** Which parts an iteration trains: all (joint ADAN), only E/R/C, or only D and G with E frozen ('separate'). */
export type StepPhase = 'joint' | 'ae' | 'gan';

function scaleInPlace(m: Matrix, s: number): void {
  if (s === 1) return;
  const n = m.rows * m.cols;
  const d = m.data;
  for (let i = 0; i < n; i++) d[i] *= s;
}

function addInto(dst: Matrix, src: Matrix): void {
  const n = dst.rows * dst.cols;
  const a = dst.data;
  const b = src.data;
  for (let i = 0; i < n; i++) a[i] += b[i];
}

function copyInto(dst: Matrix, src: Matrix): void {
  dst.data.set(src.data.subarray(0, src.rows * src.cols));
}

function meanOf(m: Matrix, sigmoid: boolean): number {
  let s = 0;
  const n = m.rows * m.cols;
  for (let i = 0; i < n; i++) {
    const v = m.data[i];
    s += sigmoid ? (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v))) : v;
  }
  return s / n;
}

function mat(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float32Array(rows * cols) };
}

/**
 * One ADAN training iteration (paper section III-D, eqs. 1-6) on a batch:
 * 1. D updated `dSteps` times (M) on real codes E(x) vs fake codes G(z, y) with E and G frozen (eq. 1; or the
 *    WGAN-GP critic loss);
 * 2. E, R, C updated on reconstruction MSE + classification CE (eqs. 2-4; E is not trained adversarially);
 * 3. G updated through frozen D and C (eq. 6 with inverted labels, eq. 5 minimax, or -critic for wgan-gp) plus
 *    the CE of C on the generated codes.
 * Frozen nets run `backward(..., { paramGrads: false })`, so their gradients are untouched.
 * Variants: phase 'ae' runs only step 2 and phase 'gan' only steps 1 and 3 with E frozen (variant 'separate');
 * variant 'aae' runs the adversarial-autoencoder iteration instead (aaeStep, aae.ts).
 */
export class AdanTrainer {
  readonly adam: Record<NetName, Adam>;
  private readonly bufs = new Map<number, Buffers>();
  /** Without batch norm (or dropout) in E, eval and train forward passes agree, so the D step's E(x) is reused by
   *  the E/R/C step (E is not updated in between): one encoder forward per iteration instead of two. */
  private readonly shareEncoderPass: boolean;

  constructor(
    readonly nets: AdanNets,
    readonly options: AdanOptions,
    readonly classes: number,
    kernels?: Kernels, // the optimisers' kernels; default the active set (benchmarks pass a counting wrapper)
  ) {
    const o = options;
    this.adam = {} as Record<NetName, Adam>;
    for (const n of NET_NAMES) {
      this.adam[n] = new Adam(nets[n].params(), { lr: partLr(o, n), beta1: o.beta1, beta2: o.beta2, eps: o.adamEps }, kernels);
    }
    this.shareEncoderPass = !nets.encoder.spec.layers.some((l) => l.type === 'batchNorm' || l.type === 'dropout');
  }

  private buffers(rows: number): Buffers {
    let b = this.bufs.get(rows);
    if (!b) {
      const o = this.options;
      b = {
        rows,
        hReal: mat(rows, o.latent),
        hFake: mat(rows, o.latent),
        gIn: mat(rows, o.noise + this.classes),
        dh: mat(rows, o.latent),
        critGrad: mat(rows, 1),
        xHat: mat(rows, o.variant === 'aae' ? o.latent + this.classes : o.latent),
        dInReal: o.variant === 'aae' ? mat(rows, o.latent + this.classes) : null,
        dInFake: o.variant === 'aae' ? mat(rows, o.latent + this.classes) : null,
        recGrad: null,
      };
      this.bufs.set(rows, b);
    }
    return b;
  }

  private reconstructionGrad(b: Buffers, x: Matrix): Matrix {
    if (!b.recGrad || b.recGrad.cols !== x.cols) b.recGrad = mat(b.rows, x.cols);
    return b.recGrad;
  }

  /** Fills the generator input with fresh z ~ N(0, I) and the one-hot labels y. */
  private fillGeneratorInput(g: Matrix, y: Int32Array, rng: Rng): void {
    fillGeneratorInput(g.data, g.rows, this.options.noise, this.classes, y, rng);
  }

  /** One complete iteration on batch x (rows x features, already scaled) with labels y; rng supplies z. */
  step(x: Matrix, y: Int32Array, rng: Rng, phase: StepPhase = 'joint'): StepStats {
    const b = this.buffers(x.rows);
    const { encoder } = this.nets;
    const stats = zeroStepStats();
    if (this.options.variant === 'aae') {
      this.aaeStep(x, y, b, rng, stats);
      return stats;
    }
    if (phase === 'ae') {
      this.autoencoderStep(x, encoder.forward(x, 'train'), y, b, stats);
      return stats;
    }
    // 1. Discriminator (E and G frozen: forward only).
    const share = this.shareEncoderPass && phase === 'joint';
    copyInto(b.hReal, encoder.forward(x, share ? 'train' : 'eval'));
    const m = this.options.dSteps;
    for (let s = 0; s < m; s++) {
      const d = this.discriminatorStep(b, y, rng);
      stats.dLoss += d.loss / m;
      stats.dReal += d.real / m;
      stats.dFake += d.fake / m;
    }
    // 2. Encoder, decoder, classifier.
    if (phase === 'joint') this.autoencoderStep(x, share ? b.hReal : encoder.forward(x, 'train'), y, b, stats);
    // 3. Generator through frozen D and C.
    this.generatorStep(y, b, rng, stats);
    return stats;
  }

  /** Writes codes (first latent columns) and one-hot labels into an AAE discriminator input. */
  private withLabels(dst: Matrix, codes: Matrix | null, y: Int32Array): void {
    const w = dst.cols;
    const l = this.options.latent;
    for (let r = 0; r < dst.rows; r++) {
      const row = dst.data.subarray(r * w, (r + 1) * w);
      if (codes) row.set(codes.data.subarray(r * l, (r + 1) * l));
      row.fill(0, l);
      row[l + y[r]] = 1;
    }
  }

  /**
   * AAE iteration (aae.ts): D separates prior samples (real) from encoder codes (fake), both with the one-hot label;
   * then E and R minimise reconstruction error plus the adversarial loss of E's codes through frozen D (inverted
   * labels). C is trained on the (detached) codes only to report how class-separable they are; it does not shape E.
   */
  private aaeStep(x: Matrix, y: Int32Array, b: Buffers, rng: Rng, stats: StepStats): void {
    const o = this.options;
    const { encoder: E, classifier: C, discriminator: D } = this.nets;
    const dReal = b.dInReal as Matrix;
    const dFake = b.dInFake as Matrix;
    const h = E.forward(x, 'train');
    copyInto(b.hReal, h);
    this.withLabels(dFake, b.hReal, y);
    const m = o.dSteps;
    for (let s = 0; s < m; s++) {
      this.withLabels(dReal, null, y);
      fillPrior(dReal, y, rng, o);
      const d = this.discriminatorInputsStep(dReal, dFake, b, rng);
      stats.dLoss += d.loss / m;
      stats.dReal += d.real / m;
      stats.dFake += d.fake / m;
    }
    const ce = this.reconstructAndClassify(x, b.hReal, y, b, stats);
    C.backward(ce.grad, { inputGrad: false });
    const ld = D.forward(dFake, 'train');
    let gIn: Matrix;
    if (o.adversarial === 'gan') {
      const adv = bceWithLogitsLoss(ld, 1);
      stats.gAdvLoss = adv.loss;
      scaleInPlace(adv.grad, o.gAdvWeight);
      gIn = D.backward(adv.grad, { paramGrads: false });
    } else {
      stats.gAdvLoss = -meanOf(ld, false);
      b.critGrad.data.fill(-o.gAdvWeight / b.rows);
      gIn = D.backward(b.critGrad, { paramGrads: false });
    }
    const l = o.latent;
    const w = gIn.cols;
    for (let r = 0; r < b.rows; r++) for (let j = 0; j < l; j++) b.dh.data[r * l + j] += gIn.data[r * w + j];
    this.updateAutoencoder(b);
  }

  private discriminatorStep(b: Buffers, y: Int32Array, rng: Rng): { loss: number; real: number; fake: number } {
    this.fillGeneratorInput(b.gIn, y, rng);
    copyInto(b.hFake, this.nets.generator.forward(b.gIn, 'eval'));
    return this.discriminatorInputsStep(b.hReal, b.hFake, b, rng);
  }

  /** One D update on real vs fake inputs (codes; for the AAE codes with labels). */
  private discriminatorInputsStep(hReal: Matrix, hFake: Matrix, b: Buffers, rng: Rng): { loss: number; real: number; fake: number } {
    const o = this.options;
    const D = this.nets.discriminator;
    D.zeroGrad();
    let loss: number;
    let real: number;
    let fake: number;
    if (o.adversarial === 'gan') {
      // eq. 1: -log D(E(x)) - log(1 - D(G(z, y))), optionally scaled (0.5 in one version of the authors' code).
      const lr = D.forward(hReal, 'train');
      real = meanOf(lr, true);
      const lReal = bceWithLogitsLoss(lr, 1);
      scaleInPlace(lReal.grad, o.dLossScale);
      D.backward(lReal.grad);
      const lf = D.forward(hFake, 'train');
      fake = meanOf(lf, true);
      const lFake = bceWithLogitsLoss(lf, 0);
      scaleInPlace(lFake.grad, o.dLossScale);
      D.backward(lFake.grad);
      loss = o.dLossScale * (lReal.loss + lFake.loss);
    } else {
      // WGAN-GP critic: mean C(fake) - mean C(real) + lambda (||grad C(x^)|| - 1)^2 on random interpolates.
      const n = b.rows;
      const cr = D.forward(hReal, 'train');
      real = meanOf(cr, false);
      b.critGrad.data.fill(-1 / n);
      D.backward(b.critGrad);
      const cf = D.forward(hFake, 'train');
      fake = meanOf(cf, false);
      b.critGrad.data.fill(1 / n);
      D.backward(b.critGrad);
      const w = hReal.cols;
      for (let r = 0; r < n; r++) {
        const e = rng.uniform();
        for (let j = r * w; j < (r + 1) * w; j++) b.xHat.data[j] = e * hReal.data[j] + (1 - e) * hFake.data[j];
      }
      const gp = inputGradientPenalty(D, b.xHat, o.gpWeight);
      loss = fake - real + gp.penalty;
    }
    this.adam.discriminator.step();
    return { loss, real, fake };
  }

  private autoencoderStep(x: Matrix, h: Matrix, y: Int32Array, b: Buffers, stats: StepStats): void {
    const ce = this.reconstructAndClassify(x, h, y, b, stats);
    scaleInPlace(ce.grad, this.options.clsWeight);
    addInto(b.dh, this.nets.classifier.backward(ce.grad));
    // eq. 4: the encoder gets both gradients.
    this.updateAutoencoder(b);
  }

  /**
   * Zeroes E/R/C, then eq. 3: reconstruction of x from codes h (mean over elements, as Keras' 'mse') with its
   * gradient w.r.t. the codes in b.dh; and eq. 2: the auxiliary classifier on h, whose loss is returned for the
   * caller to back-propagate (into E for ADAN, detached for the AAE).
   */
  private reconstructAndClassify(x: Matrix, h: Matrix, y: Int32Array, b: Buffers, stats: StepStats): LossResult {
    const { encoder: E, decoder: R, classifier: C } = this.nets;
    E.zeroGrad();
    R.zeroGrad();
    C.zeroGrad();
    const recGrad = this.reconstructionGrad(b, x);
    stats.reconMse = mseLoss(R.forward(h, 'train'), x, recGrad).loss;
    scaleInPlace(recGrad, this.options.reconWeight);
    copyInto(b.dh, R.backward(recGrad));
    const ce = softmaxCrossEntropyLoss(C.forward(h, 'train'), y);
    stats.cLoss = ce.loss;
    stats.cCorrect = correctCount(ce.probs, y);
    return ce;
  }

  /** E back-propagates the code gradient in b.dh; then E, R and C take their Adam steps. */
  private updateAutoencoder(b: Buffers): void {
    this.nets.encoder.backward(b.dh, { inputGrad: false });
    this.adam.encoder.step();
    this.adam.decoder.step();
    this.adam.classifier.step();
  }

  private generatorStep(y: Int32Array, b: Buffers, rng: Rng, stats: StepStats): void {
    const o = this.options;
    const { generator: G, discriminator: D, classifier: C } = this.nets;
    G.zeroGrad();
    this.fillGeneratorInput(b.gIn, y, rng);
    const hf = G.forward(b.gIn, 'train');
    const ld = D.forward(hf, 'train');
    if (o.adversarial === 'gan') {
      if (o.generatorLoss === 'inverted') {
        // eq. 6: -log D(G(z, y)) (inverted labels).
        const adv = bceWithLogitsLoss(ld, 1);
        stats.gAdvLoss = adv.loss;
        scaleInPlace(adv.grad, o.gAdvWeight);
        copyInto(b.dh, D.backward(adv.grad, { paramGrads: false }));
      } else {
        // eq. 5: log(1 - D(G(z, y))) = -(D's loss on fakes).
        const r = bceWithLogitsLoss(ld, 0);
        stats.gAdvLoss = -r.loss;
        scaleInPlace(r.grad, -o.gAdvWeight);
        copyInto(b.dh, D.backward(r.grad, { paramGrads: false }));
      }
    } else {
      // WADAN: -critic(G(z, y)).
      stats.gAdvLoss = -meanOf(ld, false);
      b.critGrad.data.fill(-o.gAdvWeight / b.rows);
      copyInto(b.dh, D.backward(b.critGrad, { paramGrads: false }));
    }
    const ce = softmaxCrossEntropyLoss(C.forward(hf, 'train'), y);
    stats.gClsLoss = ce.loss;
    scaleInPlace(ce.grad, o.gClsWeight);
    addInto(b.dh, C.backward(ce.grad, { paramGrads: false }));
    G.backward(b.dh, { inputGrad: false });
    this.adam.generator.step();
  }
}

/** Rows whose highest probability is at the true label. */
export function correctCount(probs: Matrix, y: Int32Array): number {
  let correct = 0;
  const k = probs.cols;
  for (let r = 0; r < probs.rows; r++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (probs.data[r * k + j] > probs.data[r * k + best]) best = j;
    if (best === y[r]) correct++;
  }
  return correct;
}
