/**
 * The layer types a Sequential is built from: dense, activation, batch norm, dropout.
 * Each layer owns its output and input-gradient buffers (one per batch size) so training loops do not allocate;
 * a returned matrix stays valid until the same layer runs again with the same batch size.
 */
import { ACT, type ActCode, type Kernels } from './kernels.js';
import { BufferCache, type Matrix } from './matrix.js';
import type { Rng } from '../util/random.js';

export type Mode = 'train' | 'eval';
export type ActivationName = 'linear' | 'tanh' | 'relu' | 'leakyRelu' | 'sigmoid' | 'softmax';

/** A trainable tensor: `value` is updated by the optimiser, `grad` accumulates (+=) during backward. */
export interface Param {
  readonly name: string;
  readonly shape: readonly number[];
  value: Float32Array;
  grad: Float32Array;
}

export function makeParam(name: string, shape: number[], value?: Float32Array): Param {
  const n = shape.reduce((a, b) => a * b, 1);
  return { name, shape, value: value ?? new Float32Array(n), grad: new Float32Array(n) };
}

export const DEFAULT_LEAKY_SLOPE = 0.2;
/** Keras/TF defaults (batch normalisation uses Keras's defaults): momentum 0.99, epsilon 1e-3. */
export const DEFAULT_BN_MOMENTUM = 0.99;
export const DEFAULT_BN_EPS = 1e-3;

export function activationCode(fn: ActivationName): ActCode {
  const c = (ACT as Record<string, ActCode>)[fn];
  if (c === undefined) throw new Error(`unknown activation '${fn}' (use ${Object.keys(ACT).join(', ')})`);
  return c;
}

export interface Layer {
  readonly index: number;
  readonly inputs: number;
  readonly outputs: number;
  forward(x: Matrix, mode: Mode): Matrix;
  /**
   * dL/dx from dL/dy; adds parameter gradients when paramGrads; skips the dx product when !inputGrad (returns dy's
   * shape-less placeholder).
   */
  backward(dy: Matrix, paramGrads: boolean, inputGrad: boolean): Matrix;
  params(): Param[];
  state(out: Record<string, Float32Array>): void;
}

function checkCols(x: Matrix, cols: number, what: string): void {
  if (x.cols !== cols) throw new Error(`${what}: expected ${cols} input columns, got ${x.cols}`);
  if (x.data.length < x.rows * x.cols) throw new Error(`${what}: matrix data shorter than rows*cols`);
}

const NO_GRAD: Matrix = { rows: 0, cols: 0, data: new Float32Array(0) };

/** Fully connected layer y = x W^T + b, W stored [outputs, inputs] like torch.nn.Linear (so safetensors load into PyTorch). */
export class Dense implements Layer {
  readonly weight: Param;
  readonly bias: Param;
  private readonly out = new BufferCache();
  private readonly dxBuf = new BufferCache();
  private x: Matrix | null = null;

  constructor(
    readonly index: number,
    readonly inputs: number,
    readonly outputs: number,
    private readonly k: Kernels,
  ) {
    this.weight = makeParam(`${index}.weight`, [outputs, inputs]);
    this.bias = makeParam(`${index}.bias`, [outputs]);
  }

  init(rng: Rng, scheme: 'xavierUniform' | 'xavierNormal'): void {
    // Glorot & Bengio 2010; the normal variant is an untruncated normal with std sqrt(2 / (fan_in + fan_out))
    if (scheme === 'xavierUniform') {
      const lim = Math.sqrt(6 / (this.inputs + this.outputs));
      rng.fillUniform(this.weight.value, -lim, lim);
    } else {
      rng.fillNormal(this.weight.value, 0, Math.sqrt(2 / (this.inputs + this.outputs)));
    }
    this.bias.value.fill(0);
  }

  /** y = act(x W^T + b) into `dest` (or this layer's buffer): the Sequential fuses a following activation here. */
  forwardAct(x: Matrix, act: ActCode, slope: number, dest: Matrix | null): Matrix {
    checkCols(x, this.inputs, `layer ${this.index} (dense)`);
    const y = dest ?? this.out.get(x.rows, this.outputs);
    this.k.gemm(
      false,
      true,
      x.rows,
      this.outputs,
      this.inputs,
      1,
      x.data,
      this.inputs,
      this.weight.value,
      this.inputs,
      0,
      y.data,
      this.outputs,
    );
    this.k.biasAct(act, slope, x.rows, this.outputs, y.data, this.bias.value, y.data);
    this.x = x;
    return y;
  }

  forward(x: Matrix, _mode: Mode): Matrix {
    return this.forwardAct(x, ACT.linear, 0, null);
  }

  backward(dy: Matrix, paramGrads: boolean, inputGrad: boolean): Matrix {
    const x = this.x;
    if (!x) throw new Error(`layer ${this.index} (dense): backward before forward`);
    if (dy.rows !== x.rows || dy.cols !== this.outputs)
      throw new Error(`layer ${this.index} (dense): gradient shape ${dy.rows}x${dy.cols}, expected ${x.rows}x${this.outputs}`);
    const n = x.rows;
    if (paramGrads) {
      this.k.colSumAdd(n, this.outputs, dy.data, this.bias.grad);
      this.k.gemm(
        true,
        false,
        this.outputs,
        this.inputs,
        n,
        1,
        dy.data,
        this.outputs,
        x.data,
        this.inputs,
        1,
        this.weight.grad,
        this.inputs,
      );
    }
    if (!inputGrad) return NO_GRAD;
    const dx = this.dxBuf.get(n, this.inputs);
    this.k.gemm(
      false,
      false,
      n,
      this.inputs,
      this.outputs,
      1,
      dy.data,
      this.outputs,
      this.weight.value,
      this.inputs,
      0,
      dx.data,
      this.inputs,
    );
    return dx;
  }

  params(): Param[] {
    return [this.weight, this.bias];
  }

  state(out: Record<string, Float32Array>): void {
    out[this.weight.name] = this.weight.value;
    out[this.bias.name] = this.bias.value;
  }
}

/** Elementwise (or row-wise softmax) activation. */
export class Activation implements Layer {
  readonly code: ActCode;
  private readonly out = new BufferCache();
  private readonly dxBuf = new BufferCache();
  private y: Matrix | null = null;

  constructor(
    readonly index: number,
    readonly inputs: number,
    readonly fn: ActivationName,
    readonly slope: number,
    private readonly k: Kernels,
  ) {
    this.code = activationCode(fn);
    if (fn === 'leakyRelu' && !(slope >= 0)) throw new Error(`layer ${index}: leakyRelu slope must be >= 0, got ${slope}`);
  }

  get outputs(): number {
    return this.inputs;
  }

  /** Output buffer for a fused dense + activation forward. */
  buffer(rows: number): Matrix {
    return this.out.get(rows, this.inputs);
  }

  /** Records the output of a fused dense + activation forward (backward needs y only). */
  adopt(y: Matrix): void {
    this.y = y;
  }

  forward(x: Matrix, _mode: Mode): Matrix {
    checkCols(x, this.inputs, `layer ${this.index} (${this.fn})`);
    const y = this.out.get(x.rows, this.inputs);
    this.k.biasAct(this.code, this.slope, x.rows, this.inputs, x.data, null, y.data);
    this.y = y;
    return y;
  }

  backward(dy: Matrix, _paramGrads: boolean, _inputGrad: boolean): Matrix {
    const y = this.y;
    if (!y) throw new Error(`layer ${this.index} (${this.fn}): backward before forward`);
    if (dy.rows !== y.rows || dy.cols !== this.inputs) throw new Error(`layer ${this.index} (${this.fn}): gradient shape mismatch`);
    if (this.code === ACT.linear) return dy; // identity: no copy
    const dx = this.dxBuf.get(y.rows, this.inputs);
    this.k.actBackward(this.code, this.slope, y.rows, this.inputs, y.data, dy.data, dx.data);
    return dx;
  }

  params(): Param[] {
    return [];
  }

  state(_out: Record<string, Float32Array>): void {}
}

/** Batch normalisation over the batch dimension (Ioffe & Szegedy 2015), Keras defaults momentum 0.99, eps 1e-3. */
export class BatchNorm implements Layer {
  readonly gamma: Param;
  readonly beta: Param;
  readonly runningMean: Float32Array;
  readonly runningVar: Float32Array;
  private readonly out = new BufferCache();
  private readonly xhatBuf = new BufferCache();
  private readonly dxBuf = new BufferCache();
  private readonly invStd: Float32Array;
  private xhat: Matrix | null = null;
  private lastMode: Mode = 'train';

  constructor(
    readonly index: number,
    readonly inputs: number,
    readonly momentum: number,
    readonly eps: number,
    private readonly k: Kernels,
  ) {
    if (!(momentum >= 0 && momentum < 1)) throw new Error(`layer ${index}: batchNorm momentum must be in [0, 1), got ${momentum}`);
    if (!(eps > 0)) throw new Error(`layer ${index}: batchNorm eps must be > 0, got ${eps}`);
    this.gamma = makeParam(`${index}.weight`, [inputs]);
    this.gamma.value.fill(1);
    this.beta = makeParam(`${index}.bias`, [inputs]);
    this.runningMean = new Float32Array(inputs);
    this.runningVar = new Float32Array(inputs).fill(1);
    this.invStd = new Float32Array(inputs);
  }

  get outputs(): number {
    return this.inputs;
  }

  forward(x: Matrix, mode: Mode): Matrix {
    checkCols(x, this.inputs, `layer ${this.index} (batchNorm)`);
    const y = this.out.get(x.rows, this.inputs);
    const xhat = this.xhatBuf.get(x.rows, this.inputs);
    this.lastMode = mode;
    if (mode === 'train') {
      // a batch of one row has zero variance: the output is beta (as Keras; PyTorch refuses), and the running
      // variance is updated with the biased estimate (0) since the unbiased one is undefined
      this.k.bnTrain(
        x.rows,
        this.inputs,
        x.data,
        this.gamma.value,
        this.beta.value,
        this.eps,
        this.momentum,
        this.runningMean,
        this.runningVar,
        xhat.data,
        this.invStd,
        y.data,
      );
    } else {
      this.k.bnEval(x.rows, this.inputs, x.data, this.gamma.value, this.beta.value, this.eps, this.runningMean, this.runningVar, y.data);
      // keep xhat and 1/std of the running statistics so a backward through the frozen (eval) layer works
      for (let j = 0; j < this.inputs; j++) this.invStd[j] = 1 / Math.sqrt(this.runningVar[j] + this.eps);
      for (let r = 0; r < x.rows; r++) {
        for (let j = 0; j < this.inputs; j++) {
          const i = r * this.inputs + j;
          xhat.data[i] = (x.data[i] - this.runningMean[j]) * this.invStd[j];
        }
      }
    }
    this.xhat = xhat;
    return y;
  }

  backward(dy: Matrix, paramGrads: boolean, _inputGrad: boolean): Matrix {
    const xhat = this.xhat;
    if (!xhat) throw new Error(`layer ${this.index} (batchNorm): backward before forward`);
    if (dy.rows !== xhat.rows || dy.cols !== this.inputs) throw new Error(`layer ${this.index} (batchNorm): gradient shape mismatch`);
    const dx = this.dxBuf.get(dy.rows, this.inputs);
    const c = this.inputs;
    if (this.lastMode === 'train') {
      this.k.bnBackward(
        dy.rows,
        c,
        dy.data,
        xhat.data,
        this.invStd,
        this.gamma.value,
        paramGrads ? this.gamma.grad : null,
        paramGrads ? this.beta.grad : null,
        dx.data,
      );
    } else {
      // eval mode is an affine map per column: dx = dy * gamma / sqrt(runVar + eps)
      for (let r = 0; r < dy.rows; r++) {
        for (let j = 0; j < c; j++) {
          const i = r * c + j;
          dx.data[i] = dy.data[i] * this.gamma.value[j] * this.invStd[j];
          if (paramGrads) {
            this.gamma.grad[j] += dy.data[i] * xhat.data[i];
            this.beta.grad[j] += dy.data[i];
          }
        }
      }
    }
    return dx;
  }

  params(): Param[] {
    return [this.gamma, this.beta];
  }

  state(out: Record<string, Float32Array>): void {
    out[this.gamma.name] = this.gamma.value;
    out[this.beta.name] = this.beta.value;
    out[`${this.index}.running_mean`] = this.runningMean;
    out[`${this.index}.running_var`] = this.runningVar;
  }
}

/** Inverted dropout: in training each unit is kept with probability 1 - rate and scaled by 1 / (1 - rate). */
export class Dropout implements Layer {
  private readonly out = new BufferCache();
  private readonly maskBuf = new BufferCache();
  private readonly dxBuf = new BufferCache();
  private mask: Matrix | null = null;
  private lastMode: Mode = 'train';

  constructor(
    readonly index: number,
    readonly inputs: number,
    readonly rate: number,
    public rng: Rng,
  ) {
    if (!(rate >= 0 && rate < 1)) throw new Error(`layer ${index}: dropout rate must be in [0, 1), got ${rate}`);
  }

  get outputs(): number {
    return this.inputs;
  }

  /** The mask of the last training forward (0 or 1/(1-rate) per element), for tests. */
  lastMask(): Float32Array | null {
    return this.mask ? this.mask.data : null;
  }

  forward(x: Matrix, mode: Mode): Matrix {
    checkCols(x, this.inputs, `layer ${this.index} (dropout)`);
    this.lastMode = mode;
    if (mode === 'eval' || this.rate === 0) return x;
    const n = x.rows * this.inputs;
    const mask = this.maskBuf.get(x.rows, this.inputs);
    const y = this.out.get(x.rows, this.inputs);
    const keep = 1 - this.rate;
    const scale = 1 / keep;
    for (let i = 0; i < n; i++) {
      const m = this.rng.uniform() < keep ? scale : 0;
      mask.data[i] = m;
      y.data[i] = x.data[i] * m;
    }
    this.mask = mask;
    return y;
  }

  backward(dy: Matrix, _paramGrads: boolean, _inputGrad: boolean): Matrix {
    if (this.lastMode === 'eval' || this.rate === 0) return dy;
    const mask = this.mask;
    if (!mask || mask.rows !== dy.rows) throw new Error(`layer ${this.index} (dropout): backward does not match the last forward`);
    const dx = this.dxBuf.get(dy.rows, this.inputs);
    const n = dy.rows * this.inputs;
    for (let i = 0; i < n; i++) dx.data[i] = dy.data[i] * mask.data[i];
    return dx;
  }

  params(): Param[] {
    return [];
  }

  state(_out: Record<string, Float32Array>): void {}
}
