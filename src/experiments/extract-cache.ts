import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractFiles, featureNames, csvHeader, csvRow, type FeatureSetName } from '../features/index.js';
import { readCsvTable } from '../data/read-table.js';
import type { FeatureTable } from '../data/table.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { UserError } from '../util/errors.js';

/**
 * Features of `files` (id -> WAV path) with `set`, cached as an openSMILE-style CSV in `dir`
 * (`features-<set>.csv`): reused when it holds exactly these ids, else extracted (worker pool) and written.
 */
export async function cachedFeatures(
  dir: string,
  set: FeatureSetName,
  files: { id: string; path: string }[],
  opts: { jobs: number; onFile?: (done: number, total: number) => void; log?: (m: string) => void },
): Promise<{ table: FeatureTable; cached: boolean; path: string }> {
  const path = join(dir, `features-${set}.csv`);
  const want = files.map((f) => f.id);
  if (existsSync(path)) {
    const t = readCsvTable(path);
    const have = new Set(t.ids);
    if (t.ids.length === want.length && want.every((id) => have.has(id))) return { table: t, cached: true, path };
    opts.log?.(`${path}: cached features are for other files; extracting again`);
  }
  const names = featureNames(set);
  const rows: string[] = new Array(files.length);
  const errors: string[] = [];
  let done = 0;
  await extractFiles(
    files.map((f) => f.path),
    set,
    {
      jobs: opts.jobs,
      onResult: (i, p, r) => {
        if (r.ok) {
          rows[i] = csvRow(files[i].id, 0, r.values);
        } else errors.push(r.error);
        opts.onFile?.(++done, files.length);
      },
    },
  );
  if (errors.length > 0) throw new UserError(`feature extraction failed for ${errors.length} file(s): ${errors[0]}`);
  writeFileAtomic(path, csvHeader(names) + rows.join(''));
  // Read back what was written, so a fresh run and a cached rerun see exactly the same (CSV-rounded) values.
  return { table: readCsvTable(path), cached: false, path };
}
