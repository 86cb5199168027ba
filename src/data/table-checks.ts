import { fileError } from '../util/errors.js';

/** Two columns with one name: which one a command would use is arbitrary, so refuse. */
export function checkUniqueColumns(path: string, header: readonly string[]): void {
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw fileError(path, `duplicate column name '${h}'`);
    seen.add(h);
  }
}

/** Two rows with one id would be confused by fold bookkeeping and per-file predictions, so refuse. */
export function checkUniqueIds(path: string, ids: readonly string[]): void {
  const first = new Map<string, number>();
  ids.forEach((id, i) => {
    const j = first.get(id);
    if (j !== undefined) throw fileError(path, `duplicate row id '${id}' (rows ${j + 1} and ${i + 1})`);
    first.set(id, i);
  });
}
