import { withEmodbMeta } from '../data/emodb-names.js';
import { filterRows, parseWhere } from '../data/filter.js';
import { loadFeatureTable } from '../data/load-table.js';
import { selectRows, type FeatureTable } from '../data/table.js';
import { fileError, UserError } from '../util/errors.js';
import { encodeLabels } from './labels.js';

export interface TableInputOptions {
  labelCol: string;
  emodbNames: boolean;
  /** `col=value` filters (same column = alternatives). */
  where: string[];
  groupCol?: string;
  /** Groups to leave out (a cross-validation fold's test group). */
  excludeGroups: string[];
  /** Further metadata column names (`--meta-cols`); label, group and --where columns are metadata anyway. */
  metaCols?: string[];
}

/**
 * Reads a training table for `adan train`/`adan augment`: optional EmoDB metadata, filters, group exclusion,
 * and checks (label column present and complete). Metadata columns are chosen by name, as in every command
 * (data/meta-columns.ts); a non-numeric feature cell is an error naming file, row, column and value.
 */
export function loadTrainingTable(path: string, o: TableInputOptions): FeatureTable {
  const clauses = o.where.map(parseWhere);
  const metaCols = [o.labelCol, ...(o.groupCol ? [o.groupCol] : []), ...clauses.map((c) => c.col), ...(o.metaCols ?? [])];
  let t = loadFeatureTable(path, { metaColumns: metaCols });
  if (o.emodbNames) {
    try {
      t = withEmodbMeta(t);
    } catch (err) {
      throw fileError(path, `--emodb-names: ${(err as Error).message}`);
    }
  }
  let rows: number[];
  try {
    rows = clauses.length ? filterRows(t, clauses) : t.ids.map((_, i) => i);
    if (o.groupCol) {
      const g = t.meta[o.groupCol];
      if (!g) throw new UserError(`no group column '${o.groupCol}' (metadata columns: ${Object.keys(t.meta).join(', ') || 'none'})`);
      const ex = new Set(o.excludeGroups);
      const missing = o.excludeGroups.find((v) => !g.includes(v));
      if (missing !== undefined) throw new UserError(`group '${missing}' does not occur in column '${o.groupCol}'`);
      rows = rows.filter((i) => !ex.has(g[i]));
    }
  } catch (err) {
    if (err instanceof UserError) throw fileError(path, err.message);
    throw err;
  }
  if (rows.length === 0) throw fileError(path, 'no rows left after the filters');
  if (rows.length !== t.ids.length) t = selectRows(t, rows);
  encodeLabels(t, o.labelCol, path);
  return t;
}
