/** Test helpers: readers for the openSMILE goldens in ../shared (functionals CSVs and LLD dumps). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Level } from '../../src/features/dsp/level.js';
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
  const lines = readFileSync(join(OPENSMILE_DIR, `${set}.csv`), 'utf8').split('\n').filter((l) => l.length > 0);
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
  const lines = readFileSync(join(OPENSMILE_DIR, 'lld', `${id}_${set}_lld.csv`), 'utf8').split('\n').filter((l) => l.length > 0);
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
  for (let t = 0; t < level.frames; t++) for (let k = 0; k < idx.length; k++) data[t * idx.length + k] = level.data[t * level.dims + idx[k]];
  return { frames: level.frames, dims: idx.length, data, names: [...names] };
}

/** The spec-12 tolerance: |a - ref| <= tol·max(1, |ref|). */
export function closeRel(a: number, ref: number, tol: number): boolean {
  return Math.abs(a - ref) <= tol * Math.max(1, Math.abs(ref));
}
