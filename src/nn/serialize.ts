/**
 * Networks on disk: safetensors with the tensors of Sequential.state() (PyTorch-style names and shapes: dense
 * weight [out, in], bias [out], batch-norm weight/bias/running_mean/running_var) and the architecture as JSON in
 * the metadata: __metadata__ = { format: 'adan-sequential', version: '1', spec: JSON.stringify(SequentialSpec) }.
 */
import { fileError } from '../util/errors.js';
import { Rng } from '../util/random.js';
import { loadSafetensors, saveSafetensors, type Tensor } from './safetensors.js';
import { parseSequentialSpec, Sequential } from './sequential.js';
import type { Kernels } from './kernels.js';

export const SEQUENTIAL_FORMAT = 'adan-sequential';

function shapeOf(net: Sequential, name: string, length: number): number[] {
  const p = net.params().find((q) => q.name === name);
  return p ? [...p.shape] : [length];
}

/** The state as shaped tensors (for saveSafetensors or a bigger checkpoint). */
export function sequentialTensors(net: Sequential, prefix = ''): Record<string, Tensor> {
  const out: Record<string, Tensor> = {};
  for (const [name, data] of Object.entries(net.state())) out[prefix + name] = { shape: shapeOf(net, name, data.length), data };
  return out;
}

export function saveSequential(path: string, net: Sequential, metadata: Record<string, string> = {}): void {
  saveSafetensors(path, sequentialTensors(net), { ...metadata, format: SEQUENTIAL_FORMAT, version: '1', spec: JSON.stringify(net.spec) });
}

export function loadSequential(path: string, kernels?: Kernels): Sequential {
  const { tensors, metadata } = loadSafetensors(path);
  if (metadata.format !== SEQUENTIAL_FORMAT || typeof metadata.spec !== 'string')
    throw fileError(path, `not an adan network file (metadata format is '${metadata.format ?? ''}')`);
  let spec;
  try {
    spec = parseSequentialSpec(JSON.parse(metadata.spec));
  } catch (err) {
    throw fileError(path, `bad architecture in metadata: ${(err as Error).message}`);
  }
  const net = new Sequential(spec, new Rng(0), kernels);
  const flat: Record<string, Float32Array> = {};
  for (const [k, t] of Object.entries(tensors)) flat[k] = t.data;
  try {
    net.loadState(flat);
  } catch (err) {
    throw fileError(path, (err as Error).message);
  }
  return net;
}
