import type { FeatureTable } from './table.js';
import { AtomicTextFile } from '../util/atomic-write.js';
import { quoteName } from '../util/csv-quote.js';
import { fileError } from '../util/errors.js';

/** Shortest decimal that reads back as the same float32 (so a written table round-trips exactly). */
export function formatFloat32(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return String(v === 0 ? 0 : v);
  for (let p = 6; p < 9; p++) {
    const s = v.toPrecision(p);
    if (Math.fround(Number(s)) === v) return trimExp(s);
  }
  return trimExp(v.toPrecision(9));
}

function trimExp(s: string): string {
  // '1.50000e+3' -> '1.5e+3', '2.50000' -> '2.5'
  const [m, e] = s.split('e');
  const mm = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
  return e === undefined ? mm : `${mm}e${e}`;
}

/**
 * Writes feature tables (same feature columns) one after the other as one openSMILE-style CSV, atomically and
 * streamed row by row: `name;frameTime;<features>;<meta columns>`, `;` separated, names and metadata values quoted
 * as openSMILE quotes names (util/csv-quote.ts), frameTime 0. A non-finite value is refused before the target is
 * touched: no `nan` reaches a table we write.
 */
export function writeTablesCsv(path: string, tables: readonly FeatureTable[], metaColumns: readonly string[]): void {
  const names = tables[0].featureNames;
  for (const t of tables) {
    const bad = t.features.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      const d = t.featureNames.length;
      throw fileError(path, `not written: row ${t.ids[Math.floor(bad / d)]} has a non-finite value in '${t.featureNames[bad % d]}'`);
    }
  }
  const out = new AtomicTextFile(path);
  try {
    out.write(['name', 'frameTime', ...names, ...metaColumns].join(';') + '\n');
    const d = names.length;
    const cells = new Array<string>(d);
    for (const t of tables) {
      for (let i = 0; i < t.ids.length; i++) {
        const o = i * d;
        for (let j = 0; j < d; j++) cells[j] = formatFloat32(t.features[o + j]);
        const meta = metaColumns.map((c) => quoteName((t.meta[c] ?? [])[i] ?? ''));
        out.write([quoteName(t.ids[i]), '0', cells.join(';'), ...meta].join(';') + '\n');
      }
    }
    out.commit();
  } catch (err) {
    out.abort();
    throw err;
  }
}

/** Writes one feature table as openSMILE-style CSV (see writeTablesCsv). */
export function writeTableCsv(path: string, table: FeatureTable, metaColumns: readonly string[] = Object.keys(table.meta)): void {
  writeTablesCsv(path, [table], metaColumns);
}
