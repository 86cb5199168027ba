import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UserError, fileError } from '../../util/errors.js';

/**
 * A manifest: a CSV (`,`, `;` or tab) with one row per audio file. Required columns: the file (`path`, `file`,
 * `filename` or `wav`; relative paths are resolved against the manifest's folder), `label`, and `speaker` or
 * `group`. Optional: `session`, `gender`, `split`, `fold` and any other columns; every column is kept as metadata.
 */
export interface Manifest {
  file: string;
  /** Header order; the path column included. */
  columns: string[];
  pathColumn: string;
  /** The cross-validation column: `fold` when given, else `speaker`, else `group`. */
  groupColumn: string;
  rows: ManifestRow[];
}

export interface ManifestRow {
  /** Resolved audio path. */
  path: string;
  /** Feature-table id: the path relative to the manifest's folder without extension, '/'-separated. */
  id: string;
  /** Every column's value (trimmed). */
  values: Record<string, string>;
}

const PATH_COLUMNS = ['path', 'file', 'filename', 'wav'];
/** Columns a feature table already has (`name;frameTime;...`), so a manifest may not use them. */
const RESERVED = ['name', 'frameTime'];

function delimiterOf(firstLine: string): string {
  return [';', ',', '\t'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
}

function idOf(path: string, base: string): string {
  const rel = relative(base, path);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  const p = (inside ? rel : path).split(sep).join('/').replace(/^\/+/, '');
  return p.replace(/\.[^./]+$/, '');
}

/** Reads and checks a manifest; any problem is a one-line error naming the manifest, the line and the problem. */
export function readManifest(file: string): Manifest {
  if (!existsSync(file)) throw new UserError(`${file}: no such manifest`);
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') throw fileError(file, 'empty manifest (no header line)');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    const options = { delimiter: delimiterOf(firstLine), skip_empty_lines: true, trim: true, info: true, relax_column_count: false };
    records = parse(text, options) as unknown as typeof records;
  } catch (e) {
    throw fileError(file, `not a valid CSV (${(e as Error).message.split('\n')[0]})`);
  }
  const columns = records[0].record;
  const has = (c: string): boolean => columns.includes(c);
  const missing = (what: string): UserError => new UserError(`${file}: no ${what} column (columns: ${columns.join(', ')})`);
  const pathColumn = PATH_COLUMNS.find(has);
  if (!pathColumn) throw missing(`file path (${PATH_COLUMNS.join(' / ')})`);
  if (!has('label')) throw missing("'label'");
  const speakerColumn = ['speaker', 'group'].find(has);
  if (!speakerColumn) throw missing("'speaker' or 'group'");
  const reserved = RESERVED.find(has);
  if (reserved) throw fileError(file, `column '${reserved}' is reserved for the feature table; rename it`);
  const dup = columns.find((c, i) => columns.indexOf(c) !== i);
  if (dup !== undefined) throw fileError(file, `column '${dup}' appears twice`);
  if (records.length < 2) throw fileError(file, 'no rows');
  const base = dirname(resolve(file));
  const seen = new Map<string, number>();
  const ids = new Map<string, number>();
  const rows = records.slice(1).map(({ record, info }) => {
    const line = info.lines;
    const at = (msg: string): UserError => new UserError(`${file} line ${line}: ${msg}`);
    const values: Record<string, string> = Object.fromEntries(columns.map((c, j) => [c, record[j]]));
    const given = values[pathColumn];
    if (given === '') throw at(`empty ${pathColumn}`);
    if (values.label === '') throw at('empty label');
    if (values[speakerColumn] === '') throw at(`empty ${speakerColumn}`);
    const path = resolve(base, given);
    const prev = seen.get(path);
    if (prev !== undefined) throw at(`duplicate path '${given}' (also on line ${prev})`);
    seen.set(path, line);
    if (!existsSync(path)) throw at(`missing file '${given}' (looked for ${path})`);
    if (!statSync(path).isFile()) throw at(`'${given}' is not a file`);
    const id = idOf(path, base);
    const other = ids.get(id);
    if (other !== undefined) throw at(`'${given}' gives the same feature-table id '${id}' as line ${other}`);
    ids.set(id, line);
    return { path, id, values };
  });
  const groupColumn = has('fold') ? 'fold' : speakerColumn;
  return { file, columns, pathColumn, groupColumn, rows };
}
