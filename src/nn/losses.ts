/**
 * Losses returning the mean loss over the batch and dLoss/dInput (so callers can chain into any network).
 * Conventions follow Keras/TF: mse is the mean over all elements; weighted losses divide by the number of
 * samples (not by the sum of weights).
 */
import type { Matrix } from './matrix.js';

export interface LossResult {
  loss: number;
  grad: Matrix;
}

function like(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: new Float32Array(m.rows * m.cols) };
}

/**
 * Mean squared error over all elements (Keras 'mse'): mean((pred - target)^2). `grad` receives dLoss/dpred; pass a
 * reused buffer where the gradient is large (ADAN's reconstruction: batch x features per iteration).
 */
export function mseLoss(pred: Matrix, target: Matrix, grad: Matrix = like(pred)): LossResult {
  if (pred.rows !== target.rows || pred.cols !== target.cols)
    throw new Error(`mseLoss: shapes ${pred.rows}x${pred.cols} and ${target.rows}x${target.cols} differ`);
  if (grad.rows !== pred.rows || grad.cols !== pred.cols)
    throw new Error(`mseLoss: gradient buffer ${grad.rows}x${grad.cols} for ${pred.rows}x${pred.cols} predictions`);
  const n = pred.rows * pred.cols;
  let s = 0;
  const k = 2 / n;
  for (let i = 0; i < n; i++) {
    const d = pred.data[i] - target.data[i];
    s += d * d;
    grad.data[i] = k * d;
  }
  return { loss: s / n, grad };
}

/**
 * Binary cross-entropy on logits, stable form max(z,0) - z t + log(1 + exp(-|z|)), averaged over all elements.
 * target: one value for every element (e.g. 1 for "real") or one per element; weights: one per row or per element.
 */
export function bceWithLogitsLoss(logits: Matrix, target: number | Float32Array, weights?: Float32Array): LossResult {
  const n = logits.rows * logits.cols;
  if (typeof target !== 'number' && target.length !== n) throw new Error(`bceWithLogitsLoss: ${target.length} targets for ${n} logits`);
  if (weights && weights.length !== n && weights.length !== logits.rows)
    throw new Error(`bceWithLogitsLoss: ${weights.length} weights for ${logits.rows} rows`);
  const perRow = weights !== undefined && weights.length !== n;
  const grad = like(logits);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const z = logits.data[i];
    const t = typeof target === 'number' ? target : target[i];
    const w = weights ? weights[perRow ? Math.floor(i / logits.cols) : i] : 1;
    const az = Math.abs(z);
    s += w * (Math.max(z, 0) - z * t + Math.log1p(Math.exp(-az)));
    const e = Math.exp(-az);
    const sig = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    grad.data[i] = (w * (sig - t)) / n;
  }
  return { loss: s / n, grad };
}

/** Row-wise softmax (stable, max subtracted), as a new matrix. */
export function softmax(logits: Matrix): Matrix {
  const out = like(logits);
  const c = logits.cols;
  for (let r = 0; r < logits.rows; r++) {
    const o = r * c;
    let mx = -Infinity;
    for (let j = 0; j < c; j++) mx = Math.max(mx, logits.data[o + j]);
    let s = 0;
    for (let j = 0; j < c; j++) s += Math.exp(logits.data[o + j] - mx);
    for (let j = 0; j < c; j++) out.data[o + j] = Math.exp(logits.data[o + j] - mx) / s;
  }
  return out;
}

/** Elementwise logistic sigmoid, as a new matrix. */
export function sigmoid(x: Matrix): Matrix {
  const out = like(x);
  for (let i = 0; i < x.rows * x.cols; i++) {
    const z = x.data[i];
    out.data[i] = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }
  return out;
}

/**
 * Softmax cross-entropy from logits. labels: class indices (Int32Array) or a rows x classes matrix of one-hot or
 * soft targets. classWeights (one per class) weight each sample by w[label] (soft labels: sum_c w_c y_c, as Keras
 * class_weight); the loss is the weighted sum divided by the number of rows.
 */
export function softmaxCrossEntropyLoss(
  logits: Matrix,
  labels: Int32Array | Matrix,
  classWeights?: Float32Array,
): LossResult & { probs: Matrix } {
  const n = logits.rows,
    c = logits.cols;
  if (classWeights && classWeights.length !== c)
    throw new Error(`softmaxCrossEntropyLoss: ${classWeights.length} class weights for ${c} classes`);
  const probs = softmax(logits);
  const grad = like(logits);
  let s = 0;
  if (labels instanceof Int32Array) {
    if (labels.length !== n) throw new Error(`softmaxCrossEntropyLoss: ${labels.length} labels for ${n} rows`);
    for (let r = 0; r < n; r++) {
      const y = labels[r];
      if (!(y >= 0 && y < c)) throw new Error(`softmaxCrossEntropyLoss: label ${y} outside 0..${c - 1}`);
      const o = r * c;
      const w = classWeights ? classWeights[y] : 1;
      let mx = -Infinity;
      for (let j = 0; j < c; j++) mx = Math.max(mx, logits.data[o + j]);
      let se = 0;
      for (let j = 0; j < c; j++) se += Math.exp(logits.data[o + j] - mx);
      s += w * (Math.log(se) + mx - logits.data[o + y]);
      for (let j = 0; j < c; j++) grad.data[o + j] = (w * (probs.data[o + j] - (j === y ? 1 : 0))) / n;
    }
  } else {
    if (labels.rows !== n || labels.cols !== c)
      throw new Error(`softmaxCrossEntropyLoss: label matrix ${labels.rows}x${labels.cols}, expected ${n}x${c}`);
    for (let r = 0; r < n; r++) {
      const o = r * c;
      let mx = -Infinity;
      for (let j = 0; j < c; j++) mx = Math.max(mx, logits.data[o + j]);
      let se = 0;
      for (let j = 0; j < c; j++) se += Math.exp(logits.data[o + j] - mx);
      const lse = Math.log(se) + mx;
      let w = classWeights ? 0 : 1;
      let ysum = 0;
      let li = 0;
      for (let j = 0; j < c; j++) {
        const y = labels.data[o + j];
        if (classWeights) w += classWeights[j] * y;
        ysum += y;
        li += y * (lse - logits.data[o + j]);
      }
      s += w * li;
      for (let j = 0; j < c; j++) grad.data[o + j] = (w * (probs.data[o + j] * ysum - labels.data[o + j])) / n;
    }
  }
  return { loss: s / n, grad, probs };
}
