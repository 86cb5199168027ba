import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadSafetensors, saveSafetensors } from '../nn/index.js';
import { UserError } from '../util/errors.js';
import type { AdanNets } from './networks.js';
import type { AdanOptions } from './options.js';
import type { AdanTrainer } from './trainer.js';
import type { EpochLog } from './training-log.js';

export const CHECKPOINT_FILE = 'checkpoint.safetensors';

/** Everything besides tensors that a resumed run needs (the per-epoch RNG streams derive from seed + epoch). */
export interface CheckpointState {
  /** Last completed epoch. */
  epoch: number;
  log: EpochLog[];
  /** Early-stop streak and decision. */
  streak: number;
  stoppedEarly: boolean;
  /** Identifies data, labels, options and seed: resuming with anything else is refused. */
  fingerprint: string;
}

/** FNV-1a over the training data, labels, class names, options and seed. */
export function dataFingerprint(x: Float32Array, y: Int32Array, classNames: string[], o: AdanOptions, seed: number): string {
  let h = 0x811c9dc5;
  const mix = (bytes: Uint8Array): void => {
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  };
  mix(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
  mix(new Uint8Array(y.buffer, y.byteOffset, y.byteLength));
  mix(new TextEncoder().encode(JSON.stringify({ classNames, o, seed })));
  return `${x.length}:${y.length}:${(h >>> 0).toString(16)}`;
}

/**
 * One file, written atomically: all nets' state (weights, batch-norm running statistics), every Adam's moments,
 * and the JSON state in the safetensors metadata, so a kill at any moment leaves either the old or the new checkpoint.
 */
export function saveCheckpoint(dir: string, state: CheckpointState, nets: AdanNets, trainer: AdanTrainer): void {
  const tensors: Record<string, { shape: number[]; data: Float32Array }> = {};
  const scalars: Record<string, number> = {};
  for (const [name, net] of Object.entries(nets)) {
    for (const [k, v] of Object.entries(net.state())) tensors[`net.${name}.${k}`] = { shape: [v.length], data: v };
  }
  for (const [name, adam] of Object.entries(trainer.adam)) {
    for (const [k, v] of Object.entries(adam.state())) {
      if (typeof v === 'number') scalars[`${name}.${k}`] = v;
      else tensors[`adam.${name}.${k}`] = { shape: [v.length], data: v };
    }
  }
  saveSafetensors(join(dir, CHECKPOINT_FILE), tensors, { adan_checkpoint: JSON.stringify({ ...state, adamScalars: scalars }) });
}

export type LoadedCheckpoint = CheckpointState & {
  nets: Record<string, Record<string, Float32Array>>;
  adam: Record<string, Record<string, Float32Array | number>>;
};

/** The checkpoint in dir, or null when there is none; a checkpoint of another run is an error. */
export function loadCheckpoint(dir: string, fingerprint: string): LoadedCheckpoint | null {
  const path = join(dir, CHECKPOINT_FILE);
  if (!existsSync(path)) return null;
  const { tensors, metadata } = loadSafetensors(path);
  const raw = metadata.adan_checkpoint;
  if (!raw) throw new UserError(`${path}: not an ADAN checkpoint`);
  const st = JSON.parse(raw) as CheckpointState & { adamScalars: Record<string, number> };
  if (st.fingerprint !== fingerprint) {
    throw new UserError(`${path}: checkpoint of a different run (other data, options or seed); remove it or drop --resume`);
  }
  const nets: Record<string, Record<string, Float32Array>> = {};
  const adam: Record<string, Record<string, Float32Array | number>> = {};
  for (const [key, t] of Object.entries(tensors)) {
    const [kind, name, ...rest] = key.split('.');
    const k = rest.join('.');
    if (kind === 'net') (nets[name] ??= {})[k] = t.data;
    else if (kind === 'adam') (adam[name] ??= {})[k] = t.data;
  }
  for (const [key, v] of Object.entries(st.adamScalars)) {
    const i = key.indexOf('.');
    (adam[key.slice(0, i)] ??= {})[key.slice(i + 1)] = v;
  }
  return { epoch: st.epoch, log: st.log, streak: st.streak, stoppedEarly: st.stoppedEarly, fingerprint: st.fingerprint, nets, adam };
}
