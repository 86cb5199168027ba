import { metaColumn, type FeatureTable } from './table.js';
import { UserError } from '../util/errors.js';

export interface WhereClause {
  col: string;
  value: string;
}

/** Parses `col=value` (the `--where` / `--adan-train-where` syntax). */
export function parseWhere(s: string): WhereClause {
  const i = s.indexOf('=');
  if (i <= 0) throw new UserError(`'${s}' is not a filter: expected column=value (e.g. type=impro)`);
  return { col: s.slice(0, i).trim(), value: s.slice(i + 1).trim() };
}

/**
 * Row indices matching the clauses: clauses on different columns must all hold; several values for the same
 * column are alternatives (`--where label=ang --where label=hap`).
 */
export function filterRows(t: FeatureTable, clauses: readonly WhereClause[]): number[] {
  const byCol = new Map<string, Set<string>>();
  for (const c of clauses) {
    if (!byCol.has(c.col)) byCol.set(c.col, new Set());
    byCol.get(c.col)!.add(c.value);
  }
  const checks = [...byCol.entries()].map(([col, values]) => {
    let column: string[];
    try {
      column = metaColumn(t, col);
    } catch (e) {
      throw new UserError((e as Error).message);
    }
    return (i: number) => values.has(column[i]);
  });
  const out: number[] = [];
  for (let i = 0; i < t.ids.length; i++) if (checks.every((f) => f(i))) out.push(i);
  return out;
}
