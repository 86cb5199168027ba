/**
 * adan's numeric engine: small MLPs (dense, activations, batch norm, dropout), losses, Adam, WGAN-GP penalty,
 * seeded RNG, safetensors I/O, and two interchangeable kernel sets (native N-API + OpenBLAS, pure TypeScript).
 *
 * Buffer rule: matrices returned by Sequential.forward/backward are owned by the net and reused on the next call
 * with the same batch size; backward uses the caches of the last forward (and the forward input must be left
 * unchanged until then). Copy with cloneMatrix what must outlive that.
 */
export type { Matrix } from './matrix.js';
export { zeros, matrix, cloneMatrix, fromRows, rowView, BufferCache } from './matrix.js';
export { Rng } from '../util/random.js'; // the engine's generator lives with the package's other one
export type { Kernels, ActCode } from './kernels.js';
export { ACT } from './kernels.js';
export { jsKernels } from './js-kernels.js';
export {
  activeKernels,
  nativeKernels,
  nativeRequired,
  backendName,
  backendDescription,
  nativeLoadError,
  nativeAddonPath,
  withBlasThreads,
} from './backend.js';
export type { Mode, Param, ActivationName, Layer } from './layers.js';
export { Dense, Activation, BatchNorm, Dropout, DEFAULT_BN_EPS, DEFAULT_BN_MOMENTUM, DEFAULT_LEAKY_SLOPE } from './layers.js';
export type { LayerSpec, SequentialSpec, MlpOptions, BackwardOptions, InitName } from './sequential.js';
export { Sequential, mlpSpec, parseSequentialSpec, sequentialFromSpec } from './sequential.js';
export type { AdamOptions } from './adam.js';
export { Adam } from './adam.js';
export type { LossResult } from './losses.js';
export { mseLoss, bceWithLogitsLoss, softmaxCrossEntropyLoss, softmax, sigmoid } from './losses.js';
export { inputGradientPenalty } from './gradient-penalty.js';
export type { Tensor } from './safetensors.js';
export { saveSafetensors, loadSafetensors } from './safetensors.js';
export { saveSequential, loadSequential, sequentialTensors, SEQUENTIAL_FORMAT } from './serialize.js';
