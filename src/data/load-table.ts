import { extname } from 'node:path';
import type { FeatureTable } from './table.js';
import { readCsvTable, type ReadTableOptions } from './read-table.js';
import { readArffTable } from './read-arff.js';
import { withEmodbMeta } from './emodb-names.js';

export interface LoadTableOptions extends ReadTableOptions {
  /** Add label/speaker/gender columns from EmoDB file names (`--emodb-names`). */
  emodbNames?: boolean;
}

/** Reads a feature table by extension: `.arff` (Weka) or CSV (openSMILE or generic with metadata columns). */
export function loadFeatureTable(path: string, opts: LoadTableOptions = {}): FeatureTable {
  const t = extname(path).toLowerCase() === '.arff' ? readArffTable(path, opts.metaColumns) : readCsvTable(path, opts);
  return opts.emodbNames ? withEmodbMeta(t) : t;
}
