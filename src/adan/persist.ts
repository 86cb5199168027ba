import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Rng, Sequential, backendName, loadSafetensors, saveSafetensors, type LayerSpec, type SequentialSpec } from '../nn/index.js';
import { MaxAbsScaler, Standardizer, type MaxAbsScalerState, type StandardizerState } from '../data/standardizer.js';
import { removeStaleTemps, tempSibling, writeFileAtomic } from '../util/atomic-write.js';
import { fileError, type UserError } from '../util/errors.js';
import { packageVersion } from '../util/version.js';
import { NET_NAMES, type AdanArchitecture, type AdanNets } from './networks.js';
import { parseAdanOptions } from './options.js';
import type { AdanModelParts } from './model-parts.js';
import { writeTrainingLog, type EpochLog } from './training-log.js';

/** model.json: everything but tensors and scaler statistics. */
export interface ModelJson {
  format: 'adan-model';
  formatVersion: 1;
  adanVersion: string;
  backend: string;
  created: string;
  preset: string;
  options: unknown;
  seed: number;
  classNames: string[];
  /** Training rows per class (for --times / --balance without the training table). */
  classCounts: number[];
  featureNames: string[];
  epochsTrained: number;
  stoppedEarly: boolean;
  architecture: AdanArchitecture;
  /** Extra provenance (table, label column, filters) supplied by the caller. */
  provenance?: Record<string, unknown>;
}

export interface NormalisationJson {
  standardizer: StandardizerState;
  maxAbs: MaxAbsScalerState | null;
}

export const MODEL_FILES = ['model.json', 'weights.safetensors', 'normalisation.json', 'training-log.json', 'training-log.csv'] as const;

/**
 * Writes a model folder atomically: everything goes into a temporary sibling folder which then replaces `dir`
 * (an existing model is moved aside first and removed only after the new one is in place), so a failure never
 * leaves a half-written model nor destroys an existing one.
 */
export function saveModelFolder(dir: string, p: AdanModelParts, provenance?: Record<string, unknown>): void {
  const target = resolve(dir);
  if (existsSync(target) && !statSync(target).isDirectory()) throw fileError(dir, 'exists and is not a folder');
  mkdirSync(dirname(target), { recursive: true });
  removeStaleTemps(target);
  const tmp = tempSibling(target);
  try {
    mkdirSync(tmp);
    const tensors: Record<string, { shape: number[]; data: Float32Array }> = {};
    for (const name of NET_NAMES) {
      const net = p.nets[name];
      const shapes = new Map(net.params().map((q) => [q.name, [...q.shape]]));
      for (const [k, v] of Object.entries(net.state())) tensors[`${name}.${k}`] = { shape: shapes.get(k) ?? [v.length], data: v };
    }
    saveSafetensors(join(tmp, 'weights.safetensors'), tensors, { format: 'adan-model', adan_version: packageVersion() });
    const mj: ModelJson = {
      format: 'adan-model',
      formatVersion: 1,
      adanVersion: packageVersion(),
      backend: backendName(),
      created: new Date().toISOString(),
      preset: p.options.preset,
      options: p.options,
      seed: p.seed,
      classNames: p.classNames,
      classCounts: p.classCounts,
      featureNames: p.featureNames,
      epochsTrained: p.log.length ? p.log[p.log.length - 1].epoch : 0,
      stoppedEarly: p.stoppedEarly,
      architecture: p.architecture,
      ...(provenance ? { provenance } : {}),
    };
    writeFileAtomic(join(tmp, 'model.json'), JSON.stringify(mj, null, 1) + '\n');
    const norm: NormalisationJson = { standardizer: p.standardizer.toJSON(), maxAbs: p.maxAbs ? p.maxAbs.toJSON() : null };
    writeFileAtomic(join(tmp, 'normalisation.json'), JSON.stringify(norm) + '\n');
    writeTrainingLog(tmp, p.options, p.log);
    const old = existsSync(target) ? `${tmp}.old` : null;
    if (old) renameSync(target, old);
    try {
      renameSync(tmp, target);
    } catch (err) {
      if (old) renameSync(old, target);
      throw err;
    }
    if (old) rmSync(old, { recursive: true, force: true });
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

function readJson(path: string): unknown {
  if (!existsSync(path)) throw fileError(path, 'missing (not an ADAN model folder?)');
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw fileError(path, `not valid JSON (${(err as Error).message})`);
  }
}

/** Units of the last dense layer of a stored network. */
function outputUnits(spec: SequentialSpec): number | undefined {
  const dense = spec.layers.filter((l): l is LayerSpec & { units: number } => 'units' in l);
  return dense.length ? dense[dense.length - 1].units : undefined;
}

/**
 * model.json's class and feature lists must agree with its networks (an edited `classNames` or `featureNames`
 * would otherwise fail deep inside training or generation): blame model.json, naming the disagreement.
 */
function checkDimensions(mjPath: string, mj: ModelJson): void {
  const classes = mj.classNames.length;
  const features = mj.featureNames.length;
  const bad = (what: string): UserError => fileError(mjPath, `${what} (was model.json edited?)`);
  const distinctStrings = new Set(mj.classNames).size === classes && mj.classNames.every((c) => typeof c === 'string');
  if (!distinctStrings) throw bad('classNames must be distinct strings');
  if (mj.classCounts.length !== classes) throw bad(`${classes} classNames but ${mj.classCounts.length} classCounts`);
  const arch = mj.architecture as unknown as Record<string, SequentialSpec | undefined>;
  if (arch.encoder && arch.encoder.inputs !== features) {
    throw bad(`${features} featureNames but the encoder takes ${arch.encoder.inputs} inputs`);
  }
  if (arch.decoder && outputUnits(arch.decoder) !== features) {
    throw bad(`${features} featureNames but the decoder gives ${outputUnits(arch.decoder)} outputs`);
  }
  if (arch.classifier && outputUnits(arch.classifier) !== classes) {
    throw bad(`${classes} classNames but the classifier gives ${outputUnits(arch.classifier)} outputs`);
  }
}

/** Reads a model folder written by saveModelFolder. */
export function loadModelFolder(dir: string): AdanModelParts & { provenance?: Record<string, unknown> } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw fileError(dir, 'no such model folder');
  const mjPath = join(dir, 'model.json');
  const mj = readJson(mjPath) as Partial<ModelJson>;
  if (mj.format !== 'adan-model' || mj.formatVersion !== 1)
    throw fileError(mjPath, 'not an ADAN model (format adan-model, version 1 expected)');
  const options = parseAdanOptions(mj.options, mjPath);
  if (!Array.isArray(mj.classNames) || !Array.isArray(mj.featureNames) || !Array.isArray(mj.classCounts) || !mj.architecture) {
    throw fileError(mjPath, 'incomplete model description');
  }
  checkDimensions(mjPath, mj as ModelJson);
  const normPath = join(dir, 'normalisation.json');
  const norm = readJson(normPath) as NormalisationJson;
  let standardizer: Standardizer;
  let maxAbs: MaxAbsScaler | null;
  try {
    standardizer = Standardizer.fromJSON(norm.standardizer);
    maxAbs = norm.maxAbs ? MaxAbsScaler.fromJSON(norm.maxAbs) : null;
  } catch (err) {
    throw fileError(normPath, (err as Error).message);
  }
  if (standardizer.inputCols !== mj.featureNames.length)
    throw fileError(normPath, `statistics for ${standardizer.inputCols} columns, model has ${mj.featureNames.length} features`);
  const wPath = join(dir, 'weights.safetensors');
  if (!existsSync(wPath)) throw fileError(wPath, 'missing');
  const { tensors } = loadSafetensors(wPath);
  const nets = {} as AdanNets;
  for (const name of NET_NAMES) {
    const spec = mj.architecture[name] as SequentialSpec;
    const net = new Sequential(spec, new Rng(0));
    const st: Record<string, Float32Array> = {};
    for (const k of Object.keys(net.state())) {
      const t = tensors[`${name}.${k}`];
      if (!t) throw fileError(wPath, `tensor '${name}.${k}' missing`);
      st[k] = t.data;
    }
    try {
      net.loadState(st);
    } catch (err) {
      const why = `the weights do not fit the architecture in ${mjPath}: was it edited?`;
      throw fileError(wPath, `${name}: ${(err as Error).message} (${why})`);
    }
    nets[name] = net;
  }
  let log: EpochLog[] = [];
  const logPath = join(dir, 'training-log.json');
  if (existsSync(logPath)) log = (readJson(logPath) as { epochs: EpochLog[] }).epochs ?? [];
  return {
    options,
    seed: mj.seed ?? 0,
    classNames: mj.classNames,
    featureNames: mj.featureNames,
    classCounts: mj.classCounts,
    log,
    nets,
    architecture: mj.architecture,
    standardizer,
    maxAbs,
    stoppedEarly: mj.stoppedEarly ?? false,
    provenance: mj.provenance,
  };
}
