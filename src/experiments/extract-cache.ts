import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extractFiles, featureNames, csvHeader, csvRow, type FeatureSetName } from '../features/index.js';
import { readCsvTable } from '../data/read-table.js';
import type { FeatureTable } from '../data/table.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { UserError } from '../util/errors.js';

/** A file of the cache's input that could not be turned into features. */
export interface FailedFile {
  id: string;
  path: string;
  /** One line naming the file and the problem (`path: problem`). */
  error: string;
}

export interface CachedFeatures {
  /** Features of the readable files, in the input order. */
  table: FeatureTable;
  cached: boolean;
  path: string;
  /** The unreadable files, left out of `table` (empty with `strict`, which throws instead). */
  failed: FailedFile[];
}

export interface CachedFeaturesOptions {
  jobs: number;
  /** Stop at the first unreadable file with its one-line error, instead of leaving it out. */
  strict?: boolean;
  onFile?: (done: number, total: number) => void;
  log?: (m: string) => void;
}

/** What the cache remembers of a failed file, so a rerun skips it again unless the file changed. */
interface FailedRecord extends FailedFile {
  size: number | null;
  mtimeMs: number | null;
}

function fileStamp(path: string): { size: number | null; mtimeMs: number | null } {
  try {
    const s = statSync(path);
    return { size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return { size: null, mtimeMs: null };
  }
}

/** The failures beside the cached table: a JSON list next to the CSV (absent when every file was read). */
const failuresPath = (tablePath: string): string => tablePath.replace(/\.csv$/, '.failed.json');

function readFailures(path: string): FailedRecord[] {
  if (!existsSync(path)) return [];
  try {
    const v: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return Array.isArray(v) ? (v as FailedRecord[]) : [];
  } catch {
    return []; // an unreadable record only costs a fresh extraction
  }
}

/** The cached table and failures when together they are exactly `files` and no failed file has changed since. */
function reuse(path: string, files: readonly { id: string; path: string }[]): { table: FeatureTable; failed: FailedRecord[] } | null {
  if (!existsSync(path)) return null;
  const table = readCsvTable(path);
  const failed = readFailures(failuresPath(path));
  const have = new Set([...table.ids, ...failed.map((f) => f.id)]);
  if (have.size !== files.length || table.ids.length + failed.length !== files.length) return null;
  if (!files.every((f) => have.has(f.id))) return null;
  const unchanged = failed.every((f) => {
    const now = fileStamp(f.path);
    return now.size === f.size && now.mtimeMs === f.mtimeMs;
  });
  return unchanged ? { table, failed } : null;
}

const publicFailure = ({ id, path, error }: FailedRecord): FailedFile => ({ id, path, error });

/**
 * Features of `files` (id -> audio path) with `set`, cached as an openSMILE-style CSV in `dir`
 * (`features-<set>.csv`): reused when it holds exactly these ids, else extracted (worker pool) and written.
 * Unreadable files (and files with a non-finite feature) are left out and returned, one line each, like
 * `adan extract --keep-going`; they are recorded beside the cache so a rerun skips them again unless they changed.
 * With `strict` the first one stops the extraction instead. None readable is an error.
 */
export async function cachedFeatures(
  dir: string,
  set: FeatureSetName,
  files: { id: string; path: string }[],
  opts: CachedFeaturesOptions,
): Promise<CachedFeatures> {
  const path = join(dir, `features-${set}.csv`);
  const hit = reuse(path, files);
  if (hit && !(opts.strict && hit.failed.length > 0))
    return { table: hit.table, cached: true, path, failed: hit.failed.map(publicFailure) };
  if (existsSync(path) && !hit) opts.log?.(`${path}: cached features are for other files; extracting again`);
  const names = featureNames(set);
  const rows: string[] = new Array(files.length).fill('');
  const failed: FailedRecord[] = [];
  let done = 0;
  await extractFiles(
    files.map((f) => f.path),
    set,
    {
      jobs: opts.jobs,
      onResult: (i, p, r) => {
        const bad = r.ok ? r.values.findIndex((v) => !Number.isFinite(v)) : -1;
        let error: string | null = null;
        if (!r.ok) error = r.error;
        else if (bad >= 0) error = `${p}: feature '${names[bad]}' is ${r.values[bad]} (not a finite number)`;
        else rows[i] = csvRow(files[i].id, 0, r.values);
        if (error !== null) {
          if (opts.strict) throw new UserError(`${error} (--strict: stopped at the first unreadable file)`);
          failed.push({ ...files[i], error, ...fileStamp(p) });
        }
        opts.onFile?.(++done, files.length);
      },
    },
  );
  if (files.length > 0 && failed.length === files.length) {
    throw new UserError(`none of the ${files.length} files could be read (first: ${failed[0].error})`);
  }
  // The failures first: should the table's rename fail, an old table with new failures no longer matches the input.
  if (failed.length > 0) writeFileAtomic(failuresPath(path), JSON.stringify(failed, null, 1) + '\n');
  else rmSync(failuresPath(path), { force: true });
  writeFileAtomic(path, csvHeader(names) + rows.join(''));
  // Read back what was written, so a fresh run and a cached rerun see exactly the same (CSV-rounded) values.
  return { table: readCsvTable(path), cached: false, path, failed: failed.map(publicFailure) };
}
