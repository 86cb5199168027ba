import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { fileError } from '../util/errors.js';
import type { FeatureTable } from './table.js';

export interface ReadTableOptions {
  /** Columns to keep as metadata even if numeric (e.g. a numeric speaker id). */
  metaColumns?: string[];
  /** Columns to drop entirely (openSMILE's `frameTime` is dropped by default). */
  dropColumns?: string[];
}

/** Strips openSMILE's single quotes around names ('03a01Fa'). */
function unquote(s: string): string {
  return s.length >= 2 && s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1) : s;
}

/**
 * Reads a CSV feature table: openSMILE's `;`-separated output (`name;frameTime;features...`) or a generic
 * `,`/`;`/tab-separated CSV with an id column (`name`, `id`, `file` or `utt_id`; else row numbers) and
 * metadata columns. A column is a feature when every value parses as a number, unless named in metaColumns.
 */
export function readCsvTable(path: string, opts: ReadTableOptions = {}): FeatureTable {
  const text = readFileSync(path, 'utf8');
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  if (firstLine.trim() === '') throw fileError(path, 'empty file (no header line)');
  const delimiter = [';', ',', '\t'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: false, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    throw fileError(path, `not a valid CSV table (${(err as Error).message.split('\n')[0]})`);
  }
  if (records.length < 2) throw fileError(path, 'no data rows');
  const header = records[0].map(unquote);
  const drop = new Set(opts.dropColumns ?? ['frameTime', 'class']);
  const forcedMeta = new Set(opts.metaColumns ?? []);
  const idCol = ['name', 'id', 'file', 'utt_id', 'filename'].map((n) => header.indexOf(n)).find((i) => i >= 0) ?? -1;
  const rows = records.slice(1);
  const featureIdx: number[] = [];
  const metaIdx: number[] = [];
  header.forEach((h, j) => {
    if (j === idCol || (drop.has(h) && !forcedMeta.has(h))) return;
    if (forcedMeta.has(h)) return void metaIdx.push(j);
    const numeric = rows.every((r) => r[j] !== '' && Number.isFinite(Number(r[j])));
    (numeric ? featureIdx : metaIdx).push(j);
  });
  // openSMILE's `class` column holds '?' when unlabelled; keep it as metadata if it holds labels.
  if (header.includes('class') && !forcedMeta.has('class') && drop.has('class')) {
    const j = header.indexOf('class');
    if (rows.some((r) => r[j] !== '?' && r[j] !== '')) metaIdx.push(j);
  }
  if (featureIdx.length === 0) throw fileError(path, 'no numeric feature columns');
  const d = featureIdx.length;
  const features = new Float32Array(rows.length * d);
  rows.forEach((r, i) => {
    for (let k = 0; k < d; k++) features[i * d + k] = Number(r[featureIdx[k]]);
  });
  const meta: Record<string, string[]> = {};
  for (const j of metaIdx) meta[header[j]] = rows.map((r) => unquote(r[j]));
  const ids = idCol >= 0 ? rows.map((r) => unquote(r[idCol])) : rows.map((_, i) => String(i + 1));
  return { ids, featureNames: featureIdx.map((j) => header[j]), features, meta };
}
