import type { FeatureTable } from '../data/table.js';
import { writeFileAtomic } from '../util/atomic-write.js';

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
 * Writes a feature table as openSMILE-style CSV (atomically): `name;frameTime;<features>;<meta columns>`, `;`
 * separated, names and metadata values in single quotes as openSMILE quotes names (so `readCsvTable` keeps
 * numeric-looking metadata such as synthetic='1' as metadata, not as a feature), frameTime 0.
 */
export function writeTableCsv(path: string, table: FeatureTable, metaColumns: readonly string[] = Object.keys(table.meta)): void {
  const d = table.featureNames.length;
  const q = (s: string): string => `'${s.replace(/'/g, '')}'`;
  const parts: string[] = [['name', 'frameTime', ...table.featureNames, ...metaColumns].join(';')];
  const cells = new Array<string>(d);
  for (let i = 0; i < table.ids.length; i++) {
    const o = i * d;
    for (let j = 0; j < d; j++) cells[j] = formatFloat32(table.features[o + j]);
    const meta = metaColumns.map((c) => q((table.meta[c] ?? [])[i] ?? ''));
    parts.push([q(table.ids[i]), '0', cells.join(';'), ...meta].join(';'));
  }
  writeFileAtomic(path, parts.join('\n') + '\n');
}
