/**
 * WGAN-GP input-gradient penalty (Gulrajani et al. 2017) by double backprop:
 * P = weight * mean_i (||d f(x_i) / d x_i||_2 - 1)^2 for a scalar-output net f.
 *
 * Supported nets: dense layers and elementwise activations (no softmax, batch norm or dropout). With a_k the layer
 * outputs (a_0 = x) and r_k = d f / d a_k (r_L = 1), the first backward is r_{k-1} = r_k W (dense) or
 * r_k * s'(a_k) (activation, s' written as a function of its output a_k). The adjoint pass walks that backward
 * graph forwards (dense: dW += r_k^T rbar_{k-1}, rbar_k = rbar_{k-1} W^T; activation: rbar_k = rbar_{k-1} * s',
 * abar_k += rbar_{k-1} * r_k * ds'/da_k), then the accumulated abar are backpropagated through the forward pass.
 */
import { ACT } from './kernels.js';
import { Activation, Dense } from './layers.js';
import type { Matrix } from './matrix.js';
import type { Sequential } from './sequential.js';

export function inputGradientPenalty(
  net: Sequential,
  x: Matrix,
  weight: number,
  opts: { paramGrads?: boolean } = {},
): { penalty: number; gradInput: Matrix } {
  if (net.outputs !== 1) throw new Error(`inputGradientPenalty: the net must have one output, it has ${net.outputs}`);
  if (x.cols !== net.inputs) throw new Error(`inputGradientPenalty: expected ${net.inputs} input columns, got ${x.cols}`);
  const layers = net.layers;
  for (const l of layers) {
    if (!(l instanceof Dense) && !(l instanceof Activation && l.code !== ACT.softmax)) {
      throw new Error('inputGradientPenalty: supported only for nets of dense layers and elementwise activations');
    }
  }
  const K = net.kernels;
  const n = x.rows;
  const L = layers.length;
  const width = [net.inputs, ...layers.map((l) => l.outputs)];
  // forward: a[k] = output of layer k (a[0] = x)
  const a: Float32Array[] = [x.data.subarray(0, n * net.inputs)];
  for (let k = 1; k <= L; k++) {
    const l = layers[k - 1];
    const out = new Float32Array(n * width[k]);
    if (l instanceof Dense) {
      K.gemm(false, true, n, l.outputs, l.inputs, 1, a[k - 1], l.inputs, l.weight.value, l.inputs, 0, out, l.outputs);
      K.biasAct(ACT.linear, 0, n, l.outputs, out, l.bias.value, out);
    } else {
      const act = l as Activation;
      K.biasAct(act.code, act.slope, n, width[k], a[k - 1], null, out);
    }
    a.push(out);
  }
  // first backward with d f / d a_L = 1
  const r: Float32Array[] = new Array<Float32Array>(L + 1);
  r[L] = new Float32Array(n).fill(1);
  for (let k = L; k >= 1; k--) {
    const l = layers[k - 1];
    const out = new Float32Array(n * width[k - 1]);
    if (l instanceof Dense) K.gemm(false, false, n, l.inputs, l.outputs, 1, r[k], l.outputs, l.weight.value, l.inputs, 0, out, l.inputs);
    else K.actBackward((l as Activation).code, (l as Activation).slope, n, width[k], a[k], r[k], out);
    r[k - 1] = out;
  }
  // penalty and its adjoint w.r.t. the input gradient r[0]
  const d = net.inputs;
  const g = r[0];
  let penalty = 0;
  let rbar = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += g[i * d + j] * g[i * d + j];
    const norm = Math.sqrt(s);
    penalty += (norm - 1) * (norm - 1);
    const c = (weight * 2 * (norm - 1)) / (n * Math.max(norm, 1e-12));
    for (let j = 0; j < d; j++) rbar[i * d + j] = c * g[i * d + j];
  }
  penalty = (weight * penalty) / n;
  const pg = opts.paramGrads !== false;
  // adjoint pass over the backward graph, k = 1..L
  const abar: Float32Array[] = width.map((w) => new Float32Array(n * w));
  for (let k = 1; k <= L; k++) {
    const l = layers[k - 1];
    const next = new Float32Array(n * width[k]);
    if (l instanceof Dense) {
      if (pg) K.gemm(true, false, l.outputs, l.inputs, n, 1, r[k], l.outputs, rbar, l.inputs, 1, l.weight.grad, l.inputs);
      K.gemm(false, true, n, l.outputs, l.inputs, 1, rbar, l.inputs, l.weight.value, l.inputs, 0, next, l.outputs);
    } else {
      const act = l as Activation;
      const y = a[k];
      const ab = abar[k];
      for (let i = 0; i < n * width[k]; i++) {
        const yi = y[i];
        let dprime = 1,
          d2 = 0; // s'(y) and d s'(y) / dy
        switch (act.code) {
          case ACT.tanh:
            dprime = 1 - yi * yi;
            d2 = -2 * yi;
            break;
          case ACT.sigmoid:
            dprime = yi * (1 - yi);
            d2 = 1 - 2 * yi;
            break;
          case ACT.relu:
            dprime = yi > 0 ? 1 : 0;
            break;
          case ACT.leakyRelu:
            dprime = yi > 0 ? 1 : act.slope;
            break;
          default:
            break;
        }
        next[i] = rbar[i] * dprime;
        ab[i] += rbar[i] * r[k][i] * d2;
      }
    }
    rbar = next;
  }
  // backprop the accumulated abar through the forward pass, k = L..1
  for (let k = L; k >= 1; k--) {
    const l = layers[k - 1];
    const up = abar[k];
    if (l instanceof Dense) {
      if (pg) {
        K.colSumAdd(n, l.outputs, up, l.bias.grad);
        K.gemm(true, false, l.outputs, l.inputs, n, 1, up, l.outputs, a[k - 1], l.inputs, 1, l.weight.grad, l.inputs);
      }
      K.gemm(false, false, n, l.inputs, l.outputs, 1, up, l.outputs, l.weight.value, l.inputs, 1, abar[k - 1], l.inputs);
    } else {
      const act = l as Activation;
      const tmp = new Float32Array(n * width[k]);
      K.actBackward(act.code, act.slope, n, width[k], a[k], up, tmp);
      const dst = abar[k - 1];
      for (let i = 0; i < tmp.length; i++) dst[i] += tmp[i];
    }
  }
  return { penalty, gradInput: { rows: n, cols: d, data: abar[0] } };
}
