/**
 * Sequential networks (stacks of dense, activation, batch-norm and dropout layers) and the MLP builder used by
 * every ADAN part and the DNN classifier.
 *
 * Buffer ownership: forward/backward return matrices owned by the net (one buffer per layer and batch size), valid
 * until the net runs again with the same batch size; backward uses the caches of the LAST forward, and the input
 * matrix given to forward must stay unchanged until backward. Copy (cloneMatrix) what must outlive that.
 */
import { z } from 'zod';
import { activeKernels } from './backend.js';
import type { Kernels } from './kernels.js';
import {
  Activation,
  BatchNorm,
  DEFAULT_BN_EPS,
  DEFAULT_BN_MOMENTUM,
  DEFAULT_LEAKY_SLOPE,
  Dense,
  Dropout,
  type ActivationName,
  type Layer,
  type Mode,
  type Param,
} from './layers.js';
import type { Matrix } from './matrix.js';
import { Rng } from '../util/random.js';

export type InitName = 'xavierUniform' | 'xavierNormal';
export type LayerSpec =
  | { type: 'dense'; units: number; init?: InitName }
  | { type: 'activation'; fn: ActivationName; slope?: number }
  | { type: 'batchNorm'; momentum?: number; eps?: number }
  | { type: 'dropout'; rate: number };
export interface SequentialSpec {
  inputs: number;
  layers: LayerSpec[];
}

const activationSchema = z.enum(['linear', 'tanh', 'relu', 'leakyRelu', 'sigmoid', 'softmax']);
const initSchema = z.enum(['xavierUniform', 'xavierNormal']);
const layerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dense'), units: z.number().int().positive(), init: initSchema.optional() }).strict(),
  z.object({ type: z.literal('activation'), fn: activationSchema, slope: z.number().nonnegative().optional() }).strict(),
  z.object({ type: z.literal('batchNorm'), momentum: z.number().min(0).lt(1).optional(), eps: z.number().positive().optional() }).strict(),
  z.object({ type: z.literal('dropout'), rate: z.number().min(0).lt(1) }).strict(),
]);
export const sequentialSpecSchema = z.object({ inputs: z.number().int().positive(), layers: z.array(layerSchema) }).strict();

/** Validates a spec (throws with the offending path). */
export function parseSequentialSpec(spec: unknown): SequentialSpec {
  const r = sequentialSpecSchema.safeParse(spec);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`invalid network spec at ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  return r.data as SequentialSpec;
}

export interface MlpOptions {
  inputs: number;
  hidden: number[];
  outputs: number;
  activation: ActivationName;
  slope?: number;
  outputActivation: ActivationName;
  batchNorm?: boolean;
  dropout?: number;
  init?: InitName;
}

/** hidden blocks = dense -> activation -> [batchNorm] -> [dropout]; then dense -> outputActivation. */
export function mlpSpec(o: MlpOptions): SequentialSpec {
  const layers: LayerSpec[] = [];
  const act = (fn: ActivationName): LayerSpec =>
    fn === 'leakyRelu' && o.slope !== undefined ? { type: 'activation', fn, slope: o.slope } : { type: 'activation', fn };
  const dense = (units: number): LayerSpec => (o.init ? { type: 'dense', units, init: o.init } : { type: 'dense', units });
  for (const h of o.hidden) {
    layers.push(dense(h), act(o.activation));
    if (o.batchNorm) layers.push({ type: 'batchNorm' });
    if (o.dropout !== undefined && o.dropout > 0) layers.push({ type: 'dropout', rate: o.dropout });
  }
  layers.push(dense(o.outputs), act(o.outputActivation));
  return parseSequentialSpec({ inputs: o.inputs, layers });
}

export interface BackwardOptions {
  /** false: do not touch Param.grad (a frozen net trained through, e.g. D and C in the generator step). Default true. */
  paramGrads?: boolean;
  /** false: skip the first layer's input-gradient product (saves a large GEMM when dL/dx is unused); returns a 0x0 matrix. */
  inputGrad?: boolean;
}

export class Sequential {
  readonly spec: SequentialSpec;
  readonly inputs: number;
  readonly outputs: number;
  readonly kernels: Kernels;
  /** The layers, index i = spec.layers[i] (read-only use: gradient penalty, tests). */
  readonly layers: readonly Layer[];
  /** Dense layers whose next layer is an activation: forward computes act(xW^T + b) in one fused pass. */
  private readonly fusedAct: (Activation | null)[];

  constructor(spec: SequentialSpec, rng: Rng, kernels?: Kernels) {
    this.spec = parseSequentialSpec(spec);
    this.kernels = kernels ?? activeKernels();
    const dropoutRng = rng.fork('dropout');
    const layers: Layer[] = [];
    let width = this.spec.inputs;
    this.spec.layers.forEach((l, i) => {
      switch (l.type) {
        case 'dense': {
          const d = new Dense(i, width, l.units, this.kernels);
          d.init(rng, l.init ?? 'xavierUniform');
          layers.push(d);
          width = l.units;
          break;
        }
        case 'activation':
          layers.push(new Activation(i, width, l.fn, l.slope ?? DEFAULT_LEAKY_SLOPE, this.kernels));
          break;
        case 'batchNorm':
          layers.push(new BatchNorm(i, width, l.momentum ?? DEFAULT_BN_MOMENTUM, l.eps ?? DEFAULT_BN_EPS, this.kernels));
          break;
        case 'dropout':
          layers.push(new Dropout(i, width, l.rate, dropoutRng.fork(i)));
          break;
      }
    });
    this.layers = layers;
    this.inputs = this.spec.inputs;
    this.outputs = width;
    this.fusedAct = layers.map((l, i) =>
      l instanceof Dense && layers[i + 1] instanceof Activation ? (layers[i + 1] as Activation) : null,
    );
  }

  /** 'train' caches what backward needs, uses batch statistics in BN (updating running stats) and applies dropout. */
  forward(x: Matrix, mode: Mode): Matrix {
    if (x.cols !== this.inputs) throw new Error(`network expects ${this.inputs} input columns, got ${x.cols}`);
    let h = x;
    const n = this.layers.length;
    for (let i = 0; i < n; i++) {
      const layer = this.layers[i];
      const act = this.fusedAct[i];
      if (act) {
        h = (layer as Dense).forwardAct(h, act.code, act.slope, act.buffer(h.rows));
        act.adopt(h);
        i++;
      } else h = layer.forward(h, mode);
    }
    return h;
  }

  /** dL/dx from dL/d(output); adds into Param.grad unless paramGrads === false. */
  backward(dy: Matrix, opts: BackwardOptions = {}): Matrix {
    if (dy.cols !== this.outputs) throw new Error(`network gradient must have ${this.outputs} columns, got ${dy.cols}`);
    const pg = opts.paramGrads !== false;
    const ig = opts.inputGrad !== false;
    let g = dy;
    for (let i = this.layers.length - 1; i >= 0; i--) g = this.layers[i].backward(g, pg, ig || i > 0);
    return g;
  }

  params(): Param[] {
    return this.layers.flatMap((l) => l.params());
  }

  zeroGrad(): void {
    for (const p of this.params()) p.grad.fill(0);
  }

  /** All tensors (live views, not copies) under stable names: '0.weight', '0.bias', '2.running_mean', ... */
  state(): Record<string, Float32Array> {
    const out: Record<string, Float32Array> = {};
    for (const l of this.layers) l.state(out);
    return out;
  }

  /** Copies every tensor of state() from `s` (exact round trip); missing or mis-sized tensors are errors. */
  loadState(s: Record<string, Float32Array>): void {
    const mine = this.state();
    for (const [name, t] of Object.entries(mine)) {
      const v = s[name];
      if (!v) throw new Error(`loadState: missing tensor '${name}'`);
      if (v.length !== t.length) throw new Error(`loadState: tensor '${name}' has ${v.length} values, expected ${t.length}`);
      t.set(v);
    }
  }

  /** Number of trainable values. */
  parameterCount(): number {
    return this.params().reduce((a, p) => a + p.value.length, 0);
  }
}

/** A Sequential with default kernels and a fixed seed (convenience for tests and loading). */
export function sequentialFromSpec(spec: SequentialSpec, seed = 0, kernels?: Kernels): Sequential {
  return new Sequential(spec, new Rng(seed), kernels);
}
