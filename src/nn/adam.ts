/** Adam (Kingma & Ba 2015) in the PyTorch 1.13 form, with state for exact resume. */
import { activeKernels } from './backend.js';
import type { Kernels } from './kernels.js';
import type { Param } from './layers.js';

export interface AdamOptions {
  lr: number;
  /** default 0.9 */
  beta1?: number;
  /** default 0.999 */
  beta2?: number;
  /** default 1e-8 (added to sqrt(v_hat), as PyTorch) */
  eps?: number;
}

export class Adam {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  private t = 0;
  private readonly m: Float32Array[];
  private readonly v: Float32Array[];
  private readonly k: Kernels;

  constructor(
    readonly paramList: Param[],
    o: AdamOptions,
    kernels?: Kernels,
  ) {
    this.lr = o.lr;
    this.beta1 = o.beta1 ?? 0.9;
    this.beta2 = o.beta2 ?? 0.999;
    this.eps = o.eps ?? 1e-8;
    if (!(this.lr > 0) || !Number.isFinite(this.lr)) throw new Error(`Adam: lr must be a positive number, got ${o.lr}`);
    if (!(this.beta1 >= 0 && this.beta1 < 1)) throw new Error(`Adam: beta1 must be in [0, 1), got ${this.beta1}`);
    if (!(this.beta2 >= 0 && this.beta2 < 1)) throw new Error(`Adam: beta2 must be in [0, 1), got ${this.beta2}`);
    if (!(this.eps >= 0)) throw new Error(`Adam: eps must be >= 0, got ${this.eps}`);
    this.k = kernels ?? activeKernels();
    this.m = paramList.map((p) => new Float32Array(p.value.length));
    this.v = paramList.map((p) => new Float32Array(p.value.length));
  }

  /** Number of steps taken. */
  get stepCount(): number {
    return this.t;
  }

  /** One update of every parameter from its accumulated gradient (gradients are not cleared). */
  step(): void {
    this.t++;
    const bc1 = 1 - Math.pow(this.beta1, this.t);
    const bc2 = 1 - Math.pow(this.beta2, this.t);
    for (let i = 0; i < this.paramList.length; i++) {
      const p = this.paramList[i];
      this.k.adam(p.value.length, p.value, p.grad, this.m[i], this.v[i], this.lr, this.beta1, this.beta2, this.eps, bc1, bc2);
    }
  }

  zeroGrad(): void {
    for (const p of this.paramList) p.grad.fill(0);
  }

  /** Copies of the moments ('m.<i>', 'v.<i>' by parameter position) and the step count ('step'). */
  state(): Record<string, Float32Array | number> {
    const s: Record<string, Float32Array | number> = { step: this.t };
    this.m.forEach((m, i) => {
      s[`m.${i}`] = m.slice();
      s[`v.${i}`] = this.v[i].slice();
    });
    return s;
  }

  loadState(s: Record<string, Float32Array | number>): void {
    const step = s.step;
    if (typeof step !== 'number' || !Number.isInteger(step) || step < 0) throw new Error('Adam.loadState: missing or bad step count');
    for (let i = 0; i < this.m.length; i++) {
      for (const [key, dst] of [
        [`m.${i}`, this.m[i]],
        [`v.${i}`, this.v[i]],
      ] as const) {
        const src = s[key];
        if (!(src instanceof Float32Array) || src.length !== dst.length)
          throw new Error(`Adam.loadState: tensor '${key}' missing or of the wrong size`);
        dst.set(src);
      }
    }
    this.t = step;
  }
}
