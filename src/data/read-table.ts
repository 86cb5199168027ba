import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { fileError } from '../util/errors.js';
import type { FeatureTable } from './table.js';
import { DROPPED_COLUMNS, ID_COLUMNS, metadataNames } from './meta-columns.js';
import { checkUniqueColumns, checkUniqueIds } from './table-checks.js';

export interface ReadTableOptions {
  /** Columns that are metadata besides the known names (`--meta-cols`, the label and group columns). */
  metaColumns?: string[];
  /** Columns to drop entirely (openSMILE's `frameTime` by default). */
  dropColumns?: string[];
}

/** Strips openSMILE's single quotes around names ('03a01Fa'). */
function unquote(s: string): string {
  return s.length >= 2 && s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1) : s;
}

/** A feature cell: a finite number in decimal or exponent notation (no '', 'nan', 'inf', '?'). */
function parseCell(path: string, cell: string, row: string, column: string): number {
  const v = cell === '' ? NaN : Number(cell);
  if (!Number.isFinite(v)) {
    const shown = cell === '' ? 'an empty cell' : `'${cell.length > 40 ? cell.slice(0, 40) + '...' : cell}'`;
    throw fileError(path, `row ${row}, column '${column}': ${shown} is not a finite number (a metadata column must be named: --meta-cols)`);
  }
  return v;
}

/** The most frequent of `;`, `,` and tab in the header line. */
function detectDelimiter(firstLine: string): string {
  return [';', ',', '\t'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
}

/**
 * Reads a CSV feature table: openSMILE's `;`-separated output (`name;frameTime;features...`) or a generic
 * `,`/`;`/tab-separated CSV with an id column (`name`, `id`, `file`, `utt_id` or `filename`; else row numbers).
 * Metadata columns are chosen by name (see meta-columns.ts); every other column must be numeric in every row.
 * openSMILE's `class` column is dropped when it holds only '?' (unlabelled).
 */
export function readCsvTable(path: string, opts: ReadTableOptions = {}): FeatureTable {
  const text = readFileSync(path, 'utf8');
  const newline = text.indexOf('\n');
  const firstLine = text.slice(0, newline >= 0 ? newline : text.length);
  if (firstLine.trim() === '') throw fileError(path, 'empty file (no header line)');
  let records: string[][];
  try {
    const delimiter = detectDelimiter(firstLine);
    records = parse(text, { delimiter, relax_column_count: false, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    throw fileError(path, `not a valid CSV table (${(err as Error).message.split('\n')[0]})`);
  }
  if (records.length < 2) throw fileError(path, 'no data rows');
  const header = records[0].map(unquote);
  checkUniqueColumns(path, header);
  const drop = new Set(opts.dropColumns ?? DROPPED_COLUMNS);
  const metaNames = metadataNames(opts.metaColumns ?? []);
  const idCol = ID_COLUMNS.map((n) => header.indexOf(n)).find((i) => i >= 0) ?? -1;
  const rows = records.slice(1);
  const featureIdx: number[] = [];
  const metaIdx: number[] = [];
  header.forEach((h, j) => {
    if (j === idCol || drop.has(h)) return;
    if (h === 'class' && !opts.metaColumns?.includes('class') && rows.every((r) => r[j] === '?' || r[j] === '')) return;
    (metaNames.has(h) ? metaIdx : featureIdx).push(j);
  });
  if (featureIdx.length === 0) throw fileError(path, 'no numeric feature columns');
  const d = featureIdx.length;
  const features = new Float32Array(rows.length * d);
  rows.forEach((r, i) => {
    const at = idCol >= 0 ? `${i + 1} (${unquote(r[idCol])})` : String(i + 1);
    for (let k = 0; k < d; k++) features[i * d + k] = parseCell(path, r[featureIdx[k]], at, header[featureIdx[k]]);
  });
  const meta: Record<string, string[]> = {};
  for (const j of metaIdx) meta[header[j]] = rows.map((r) => unquote(r[j]));
  const ids = idCol >= 0 ? rows.map((r) => unquote(r[idCol])) : rows.map((_, i) => String(i + 1));
  if (idCol >= 0) checkUniqueIds(path, ids);
  return { ids, featureNames: featureIdx.map((j) => header[j]), features, meta };
}
