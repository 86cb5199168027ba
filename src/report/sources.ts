import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsvTable } from '../data/read-table.js';
import type { FeatureTable } from '../data/table.js';
import { withEmodbMeta } from '../data/emodb-names.js';
import { fileError, UserError } from '../util/errors.js';
import type { Samples } from './quality/matrix.js';
import type { EpochLogLike } from './figures/loss-curves.js';

/** Real rows and synthetic rows of one generator, with labels and (for ADAN) latent codes: what Fig. 3 and the quality metrics need. */
export interface SyntheticSource {
  name: string;
  classNames: string[];
  real: Samples;
  realLabels: Int32Array;
  synthetic: Samples;
  syntheticLabels: Int32Array;
  realLatent?: Samples;
  syntheticLatent?: Samples;
  /** Where the data came from (model folder, table), for the report and quality.json. */
  provenance: Record<string, string>;
}

/** The part of src/adan's AdanModel the report uses (loaded lazily so the report works without a trained model). */
interface AdanModelLike {
  readonly classNames: string[];
  readonly featureNames: string[];
  encode(x: Float32Array, rows: number): Float32Array;
  generate(labels: Int32Array, seed: number): { features: Float32Array; latent: Float32Array };
}
interface AdanModule {
  AdanModel: { load(dir: string): AdanModelLike };
}

async function loadAdan(): Promise<AdanModule> {
  const spec: string = '../adan/index.js';
  return (await import(spec)) as unknown as AdanModule;
}

/** Columns `names` of a table (by name, in that order), or an error naming the first missing one. */
function alignColumns(t: FeatureTable, names: readonly string[], file: string): Float32Array {
  const at = new Map(t.featureNames.map((n, j) => [n, j]));
  const idx = names.map((n) => {
    const j = at.get(n);
    if (j === undefined) throw fileError(file, `feature column '${n}' of the model is missing`);
    return j;
  });
  const d = t.featureNames.length;
  const out = new Float32Array(t.ids.length * names.length);
  for (let i = 0; i < t.ids.length; i++) for (let k = 0; k < idx.length; k++) out[i * names.length + k] = t.features[i * d + idx[k]];
  return out;
}

/** Labels of a table as class indices; rows whose label is not a known class are dropped (their row indices are returned). */
function labelIndices(t: FeatureTable, labelCol: string, classNames: readonly string[], file: string): { keep: number[]; y: number[] } {
  const col = t.meta[labelCol];
  if (!col) throw fileError(file, `no label column '${labelCol}' (metadata columns: ${Object.keys(t.meta).join(', ') || 'none'})`);
  const at = new Map(classNames.map((c, i) => [c, i]));
  const keep: number[] = [];
  const y: number[] = [];
  col.forEach((v, i) => {
    const c = at.get(v);
    if (c !== undefined) {
      keep.push(i);
      y.push(c);
    }
  });
  if (keep.length === 0) throw fileError(file, `no row has a label the model knows (${classNames.join(', ')}) in column '${labelCol}'`);
  return { keep, y };
}

function pick(x: Float32Array, cols: number, rows: number[]): Float32Array {
  const out = new Float32Array(rows.length * cols);
  rows.forEach((r, i) => out.set(x.subarray(r * cols, (r + 1) * cols), i * cols));
  return out;
}

/** Metadata columns to force when reading the real table (a 0/1 `synthetic` flag would otherwise parse as a feature). */
function raw0Meta(labelCol: string, emodb?: boolean): string[] {
  // `adan_fit` (yes/no) is the protocol's train.csv column saying which rows ADAN was fitted on (--adan-train-where).
  return emodb ? ['synthetic', 'adan_fit'] : [labelCol, 'synthetic', 'adan_fit'];
}

export interface ModelSourceOptions {
  /** Real rows (default: the model folder's train.csv). */
  table?: string;
  labelCol?: string;
  seed?: number;
  /** Synthetic rows per real row (default 1: the same class counts as the real data). */
  times?: number;
  /** Add EmoDB label/speaker/gender columns from the row ids (for openSMILE CSVs of EmoDB without labels). */
  emodbNames?: boolean;
}

/** True when `dir` holds a trained ADAN model (model.json + weights). */
export function isAdanModelFolder(dir: string): boolean {
  return existsSync(join(dir, 'model.json')) && existsSync(join(dir, 'weights.safetensors'));
}

/**
 * Real and synthetic samples of a model folder. An ADAN model folder: the real table's rows are encoded and the
 * generator makes `times` synthetic rows per real row with the same labels. A folder without weights but with
 * `synthetic.csv` (e.g. written by `adan augment` for SMOTE) pairs train.csv with that table instead.
 */
export async function loadModelSource(dir: string, name: string, opts: ModelSourceOptions = {}): Promise<SyntheticSource> {
  const labelCol = opts.labelCol ?? 'label';
  const tableFile = opts.table ?? join(dir, 'train.csv');
  const seed = opts.seed ?? 1;
  const times = Math.max(1, Math.floor(opts.times ?? 1));
  if (!existsSync(tableFile)) throw fileError(tableFile, 'no such file (give the real rows with --table)');
  const raw = readCsvTable(tableFile, { metaColumns: raw0Meta(labelCol, opts.emodbNames) });
  const table = opts.emodbNames ? withEmodbMeta(raw) : raw;
  if (isAdanModelFolder(dir)) {
    const { AdanModel } = await loadAdan();
    const model = AdanModel.load(dir);
    const cols = model.featureNames.length;
    const { keep, y } = labelIndices(table, labelCol, model.classNames, tableFile);
    const x = pick(alignColumns(table, model.featureNames, tableFile), cols, keep);
    const rows = keep.length;
    const realLabels = Int32Array.from(y);
    const realLatent = model.encode(x, rows);
    const synLabels = new Int32Array(rows * times);
    for (let t = 0; t < times; t++) synLabels.set(realLabels, t * rows);
    const gen = model.generate(synLabels, seed);
    const latentDim = realLatent.length / rows;
    return {
      name,
      classNames: model.classNames,
      real: { x, rows, cols },
      realLabels,
      synthetic: { x: gen.features, rows: synLabels.length, cols },
      syntheticLabels: synLabels,
      realLatent: { x: realLatent, rows, cols: latentDim },
      syntheticLatent: { x: gen.latent, rows: synLabels.length, cols: latentDim },
      provenance: { model: dir, table: tableFile, generator: 'adan', seed: String(seed), times: String(times) },
    };
  }
  const synFile = join(dir, 'synthetic.csv');
  if (!existsSync(synFile))
    throw new UserError(`${dir}: not an ADAN model folder (no model.json + weights.safetensors) and no synthetic.csv`);
  return sourceFromTables(table, tableFile, readCsvTable(synFile, { metaColumns: [labelCol, 'synthetic'] }), synFile, labelCol, name);
}

/**
 * Real vs synthetic from two tables with the same feature columns; classes are the real table's labels, sorted.
 * Of a synthetic table with a `synthetic` column (adan augment), only the rows flagged '1' count.
 */
export function sourceFromTables(
  real: FeatureTable,
  realFile: string,
  syn: FeatureTable,
  synFile: string,
  labelCol: string,
  name: string,
): SyntheticSource {
  const col = real.meta[labelCol];
  if (!col) throw fileError(realFile, `no label column '${labelCol}'`);
  const classNames = [...new Set(col)].sort();
  const cols = real.featureNames.length;
  const r = labelIndices(real, labelCol, classNames, realFile);
  const all = labelIndices(syn, labelCol, classNames, synFile);
  // `adan augment --real` writes real and generated rows together, flagged by a `synthetic` column ('1' = generated)
  const flag = syn.meta.synthetic;
  const s = flag ? { keep: all.keep.filter((i) => flag[i] === '1'), y: all.y.filter((_, k) => flag[all.keep[k]] === '1') } : all;
  if (s.keep.length === 0) throw fileError(synFile, "no generated rows (column 'synthetic' has no '1')");
  return {
    name,
    classNames,
    real: { x: pick(real.features, cols, r.keep), rows: r.keep.length, cols },
    realLabels: Int32Array.from(r.y),
    synthetic: { x: pick(alignColumns(syn, real.featureNames, synFile), cols, s.keep), rows: s.keep.length, cols },
    syntheticLabels: Int32Array.from(s.y),
    provenance: { table: realFile, synthetic: synFile },
  };
}

/** The epochs of `training-log.json` ({ preset, options, epochs } as src/adan writes it, or a bare array). */
export function readTrainingLog(file: string): EpochLogLike[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code) throw err;
    throw fileError(file, 'not valid JSON');
  }
  const epochs = Array.isArray(data) ? data : (data as { epochs?: unknown }).epochs;
  if (!Array.isArray(epochs)) throw fileError(file, "no 'epochs' array");
  const keys: Array<keyof EpochLogLike> = ['epoch', 'dLoss', 'gAdvLoss', 'gClsLoss', 'reconMse', 'cLoss', 'cAcc', 'dReal', 'dFake'];
  return epochs.map((e, i) => {
    const o = e as Record<string, unknown>;
    const rec = {} as EpochLogLike;
    for (const k of keys) {
      const v = o[k];
      if (typeof v !== 'number' && v !== null) throw fileError(file, `epoch ${i + 1}: '${k}' is not a number`);
      rec[k] = typeof v === 'number' ? v : NaN;
    }
    return rec;
  });
}
