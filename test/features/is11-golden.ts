/** Test helpers: readers for the openSMILE goldens in ../shared (functionals CSVs and LLD dumps). */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Level } from '../../src/features/dsp/level.js';
import { extractFiles } from '../../src/features/extract-pool.js';
import { sharedDir } from '../../src/util/paths.js';

export const OPENSMILE_DIR = join(sharedDir(), 'data', 'emodb', 'opensmile');
export const WAV_DIR = join(sharedDir(), 'data', 'emodb', 'wav');
export const DUMP_IDS = ['03a01Fa', '08b02Tc', '11a04Wc', '14a05Aa', '16b10Lb'] as const;

export interface GoldenTable {
  names: string[];
  ids: string[];
  rows: Map<string, Float64Array>;
}

const unquote = (s: string): string => (s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1) : s);

/** Reads an openSMILE functionals CSV (`name;frameTime;features...`). */
export function readGolden(set: 'IS09' | 'IS10' | 'IS11' | 'eGeMAPS'): GoldenTable {
  const lines = readFileSync(join(OPENSMILE_DIR, `${set}.csv`), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  const names = lines[0].split(';').slice(2);
  const rows = new Map<string, Float64Array>();
  const ids: string[] = [];
  for (const line of lines.slice(1)) {
    const parts = line.split(';');
    const id = unquote(parts[0]);
    const v = new Float64Array(names.length);
    for (let i = 0; i < names.length; i++) v[i] = Number(parts[i + 2]);
    rows.set(id, v);
    ids.push(id);
  }
  return { names, ids, rows };
}

/** Reads a frame-level dump (`name;frameTime;lld...`) as a level with all its rows. */
export function readDump(id: string, set: 'IS10' | 'IS11'): Level {
  const lines = readFileSync(join(OPENSMILE_DIR, 'lld', `${id}_${set}_lld.csv`), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  const names = lines[0].split(';').slice(2);
  const frames = lines.length - 1;
  const data = new Float32Array(frames * names.length);
  for (let t = 0; t < frames; t++) {
    const parts = lines[t + 1].split(';');
    for (let d = 0; d < names.length; d++) data[t * names.length + d] = Number(parts[d + 2]);
  }
  return { frames, dims: names.length, data, names };
}

/** Sub-level with the named columns, in the given order. */
export function selectColumns(level: Level, names: readonly string[]): Level {
  const idx = names.map((n) => {
    const i = level.names.indexOf(n);
    if (i < 0) throw new Error(`column ${n} not in level`);
    return i;
  });
  const data = new Float32Array(level.frames * idx.length);
  for (let t = 0; t < level.frames; t++)
    for (let k = 0; k < idx.length; k++) data[t * idx.length + k] = level.data[t * level.dims + idx[k]];
  return { frames: level.frames, dims: idx.length, data, names: [...names] };
}

/** The spec-12 tolerance: |a - ref| <= tol·max(1, |ref|). */
export function closeRel(a: number, ref: number, tol: number): boolean {
  return Math.abs(a - ref) <= tol * Math.max(1, Math.abs(ref));
}

export interface AccuracyReport {
  set: string;
  files: number;
  values: number;
  /** % of (file, feature) values within 1e-4·max(1,|ref|) or 0.05 corpus SD (spec 12). */
  withinTolerancePct: number;
  /** % within the relative bound alone. */
  withinRelative1e4Pct: number;
  /** Feature families (array index removed) with the most values outside the tolerance. */
  mostFailing: Record<string, number>;
  /** Number of files within the tolerance, per scored feature index. */
  passCount: Map<number, number>;
}

/**
 * Extracts every golden file with the registered feature set through the worker pool (2 threads) and
 * scores it with the spec-12 tolerance; the SD of each feature is taken over the golden corpus.
 * `inspect` sees every extracted row (e.g. to check NaN placeholders).
 */
export async function accuracyAgainstGolden(
  set: 'IS09' | 'IS10' | 'IS11' | 'eGeMAPS',
  only?: readonly number[],
  inspect?: (values: Float32Array) => void,
): Promise<AccuracyReport> {
  const g = readGolden(set);
  const F = g.names.length;
  const sd = new Float64Array(F);
  for (let j = 0; j < F; j++) {
    let s = 0;
    let s2 = 0;
    for (const id of g.ids) {
      const v = g.rows.get(id)![j];
      s += v;
      s2 += v * v;
    }
    const m = s / g.ids.length;
    sd[j] = Math.sqrt(Math.max(0, s2 / g.ids.length - m * m));
  }
  const ours = new Map<string, Float32Array>();
  const errors: string[] = [];
  await extractFiles(
    g.ids.map((id) => join(WAV_DIR, `${id}.wav`)),
    set,
    {
      jobs: Math.min(2, availableParallelism()),
      onResult(_i, _p, r) {
        if (r.ok) ours.set(r.name, r.values);
        else errors.push(r.error);
      },
    },
  );
  if (errors.length > 0) throw new Error(`extraction failed: ${errors.slice(0, 3).join('; ')}`);
  let ok = 0;
  let okRel = 0;
  let total = 0;
  const cols = only ?? Array.from({ length: F }, (_, j) => j);
  const fails = new Map<string, number>();
  const passCount = new Map<number, number>();
  for (const id of g.ids) {
    const a = ours.get(id);
    if (!a) throw new Error(`no result for ${id}`);
    inspect?.(a);
    const r = g.rows.get(id)!;
    for (const j of cols) {
      total++;
      const d = Math.abs(a[j] - r[j]);
      const rel = d <= 1e-4 * Math.max(1, Math.abs(r[j]));
      if (rel) okRel++;
      if (rel || d <= 0.05 * sd[j]) {
        ok++;
        passCount.set(j, (passCount.get(j) ?? 0) + 1);
      } else {
        const fam = g.names[j].replace(/\[\d+\]/, '[]');
        fails.set(fam, (fails.get(fam) ?? 0) + 1);
      }
    }
  }
  const mostFailing = Object.fromEntries([...fails.entries()].sort((x, y) => y[1] - x[1]).slice(0, 10));
  return {
    set,
    files: ours.size,
    values: total,
    withinTolerancePct: +((100 * ok) / total).toFixed(4),
    withinRelative1e4Pct: +((100 * okRel) / total).toFixed(4),
    mostFailing,
    passCount,
  };
}
