import { Adam, Rng, Sequential, matrix, mlpSpec, softmax, softmaxCrossEntropyLoss } from '../nn/index.js';
import { z } from 'zod';
import type { Dataset } from '../data/dataset.js';
import { fitDataset, parseClassifierOptions, type Classifier, type FitArgs } from './classifier.js';
import { checkTrainingData, classWeights } from './validate.js';

/** The DNN's parameters, declared once; defaults are the authors' classifier (Chatziagapi et al.'s public code). */
export const dnnOptionsSchema = z
  .object({
    /** Hidden layer widths (the authors: two layers of 100). */
    hidden: z.array(z.number().int().positive()).min(1).default([100, 100]),
    /** Hidden activation (the authors' code: tanh; the paper also mentions ReLU). */
    activation: z.enum(['relu', 'tanh']).default('tanh'),
    /** Dropout rate after each hidden layer (the authors: 0.5). */
    dropout: z.number().min(0).lt(1).default(0.5),
    epochs: z.number().int().positive().default(20),
    batchSize: z.number().int().positive().default(50),
    /** Adam learning rate (Keras' default 1e-3, which the authors' Keras code used for the classifier). */
    lr: z.number().positive().finite().default(1e-3),
    /** 'balanced' weights each sample's loss by n / (classes * count of its class). */
    classWeight: z.union([z.literal('balanced'), z.null()]).default(null),
  })
  .strict();

/** What a caller may pass (every field optional). */
export type DnnOptions = z.input<typeof dnnOptionsSchema>;

/** The defaults: 100-100 tanh, dropout 0.5, 20 epochs, batch 50, Adam 1e-3. */
export const DNN_DEFAULTS: Readonly<z.output<typeof dnnOptionsSchema>> = dnnOptionsSchema.parse({});

const PREDICT_BATCH = 1024;

/**
 * Feed-forward classifier on the engine: dense -> activation -> dropout blocks, a linear output layer and softmax
 * cross-entropy, trained with Adam on mini-batches reshuffled every epoch. Deterministic for a given seed
 * (initialisation, shuffling and dropout masks come from named forks of one Rng).
 */
export class DnnClassifier implements Classifier {
  static readonly schema = dnnOptionsSchema;
  readonly options: z.output<typeof dnnOptionsSchema>;
  private net: Sequential | null = null;
  private cols = 0;
  private classes = 0;
  /** Mean training loss per epoch of the last fit. */
  lossHistory: number[] = [];

  /** Throws a UserError naming each bad option; `seed` drives initialisation, shuffling and dropout. */
  constructor(
    options: DnnOptions = {},
    readonly seed: number = 0,
  ) {
    this.options = parseClassifierOptions('dnn', dnnOptionsSchema, options);
  }

  fit(data: Dataset): this;
  fit(x: Float32Array, rows: number, cols: number, y: Int32Array, classes: number): this;
  fit(...args: FitArgs): this {
    const data = fitDataset(args);
    checkTrainingData(data, 'DnnClassifier.fit');
    const { x, rows, cols, y, classes } = data;
    const o = this.options;
    this.cols = cols;
    this.classes = classes;
    const rng = new Rng(this.seed);
    const net = new Sequential(
      mlpSpec({
        inputs: cols,
        hidden: o.hidden,
        outputs: classes,
        activation: o.activation,
        outputActivation: 'linear',
        dropout: o.dropout,
      }),
      rng.fork('init'),
    );
    const adam = new Adam(net.params(), { lr: o.lr });
    const shuffle = rng.fork('shuffle');
    let weights: Float32Array | undefined;
    if (o.classWeight === 'balanced') {
      const counts = new Int32Array(classes);
      for (let i = 0; i < rows; i++) counts[y[i]]++;
      weights = Float32Array.from(classWeights(counts));
    }
    const bs = Math.min(o.batchSize, rows);
    const xb = new Float32Array(bs * cols);
    const yb = new Int32Array(bs);
    this.lossHistory = [];
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      const perm = shuffle.permutation(rows);
      let lossSum = 0;
      for (let b0 = 0; b0 < rows; b0 += bs) {
        const m = Math.min(bs, rows - b0); // the last batch may be smaller (as Keras)
        for (let k = 0; k < m; k++) {
          const r = perm[b0 + k];
          xb.set(x.subarray(r * cols, (r + 1) * cols), k * cols);
          yb[k] = y[r];
        }
        const logits = net.forward(matrix(m, cols, xb.subarray(0, m * cols)), 'train');
        const loss = softmaxCrossEntropyLoss(logits, m === bs ? yb : yb.subarray(0, m), weights);
        net.zeroGrad();
        net.backward(loss.grad, { inputGrad: false });
        adam.step();
        lossSum += loss.loss * m;
      }
      this.lossHistory.push(lossSum / rows);
    }
    this.net = net;
    return this;
  }

  /** Class probabilities (softmax of the logits), rows x classes. */
  decisionFunction(x: Float32Array, rows: number): Float32Array {
    const net = this.net;
    if (!net) throw new Error('DnnClassifier: decisionFunction before fit');
    if (x.length !== rows * this.cols)
      throw new Error(`DnnClassifier: expected ${rows} x ${this.cols} = ${rows * this.cols} values, got ${x.length}`);
    const out = new Float32Array(rows * this.classes);
    for (let r0 = 0; r0 < rows; r0 += PREDICT_BATCH) {
      const m = Math.min(PREDICT_BATCH, rows - r0);
      const logits = net.forward(matrix(m, this.cols, x.subarray(r0 * this.cols, (r0 + m) * this.cols)), 'eval');
      out.set(softmax(logits).data.subarray(0, m * this.classes), r0 * this.classes);
    }
    return out;
  }

  /** The most probable class (first on ties). */
  predict(x: Float32Array, rows: number): Int32Array {
    const p = this.decisionFunction(x, rows);
    const k = this.classes;
    const out = new Int32Array(rows);
    for (let r = 0; r < rows; r++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (p[r * k + c] > p[r * k + best]) best = c;
      out[r] = best;
    }
    return out;
  }
}
