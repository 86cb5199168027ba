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
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A metadata column that is almost entirely numeric is a feature column with non-numeric or missing values
 * (the CSV reader keeps such columns as metadata); name it instead of silently training without it.
 */
function checkNumericColumns(path: string, t: FeatureTable, allowed: Set<string>): void {
  for (const [name, values] of Object.entries(t.meta)) {
    if (allowed.has(name) || values.length === 0) continue;
    let numeric = 0;
    let firstBad = -1;
    for (let i = 0; i < values.length; i++) {
      if (NUMERIC.test(values[i].trim())) numeric++;
      else if (firstBad < 0) firstBad = i;
    }
    if (firstBad >= 0 && numeric >= 0.8 * values.length) {
      throw fileError(path, `feature column '${name}' has a non-numeric or missing value at row ${firstBad + 1} (${t.ids[firstBad]}): '${values[firstBad]}'`);
    }
  }
}

/**
 * Reads a training table for `adan train`/`adan augment`: optional EmoDB metadata, filters, group exclusion,
 * and checks (label column present and complete, feature values numeric). Errors name the file.
 */
export function loadTrainingTable(path: string, o: TableInputOptions): FeatureTable {
  let t = loadFeatureTable(path);
  if (o.emodbNames) {
    try {
      t = withEmodbMeta(t);
    } catch (err) {
      throw fileError(path, `--emodb-names: ${(err as Error).message}`);
    }
  }
  const clauses = o.where.map(parseWhere);
  const allowed = new Set([o.labelCol, ...(o.groupCol ? [o.groupCol] : []), ...clauses.map((c) => c.col)]);
  checkNumericColumns(path, t, allowed);
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

/** An optional integer CLI option. */
export function parseIntOption(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new UserError(`${flag} must be an integer (got '${v}')`);
  return n;
}

/** An optional positive number CLI option. */
export function parsePositiveOption(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!(n > 0) || !Number.isFinite(n)) throw new UserError(`${flag} must be a positive number (got '${v}')`);
  return n;
}

/** `--set '{"lr":2e-4}'`: a JSON object of option overrides (validated later with the preset). */
export function parseJsonOverrides(v: string | undefined, flag: string): Record<string, unknown> {
  if (v === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(v);
  } catch (err) {
    throw new UserError(`${flag}: not valid JSON (${(err as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UserError(`${flag}: expected a JSON object of option overrides`);
  return parsed as Record<string, unknown>;
}
