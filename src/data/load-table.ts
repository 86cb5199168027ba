import { extname } from 'node:path';
import type { FeatureTable } from './table.js';
import { readCsvTable, type ReadTableOptions } from './read-table.js';
import { readArffTable } from './read-arff.js';
import { withEmodbMeta } from './emodb-names.js';
import { recordedMetaColumns } from './corpora/table-meta.js';

export interface LoadTableOptions extends ReadTableOptions {
  /** Add label/speaker/gender columns from EmoDB file names (`--emodb-names`). */
  emodbNames?: boolean;
}

/** Reads a feature table by extension: `.arff` (Weka) or CSV (openSMILE or generic with metadata columns). */
export function loadFeatureTable(path: string, opts: LoadTableOptions = {}): FeatureTable {
  // Columns recorded as metadata when the table was written (`extract --manifest`) stay metadata by name.
  const recorded = recordedMetaColumns(path);
  const csvOpts = recorded.length ? { ...opts, metaColumns: [...(opts.metaColumns ?? []), ...recorded] } : opts;
  const t = extname(path).toLowerCase() === '.arff' ? readArffTable(path, csvOpts.metaColumns) : readCsvTable(path, csvOpts);
  return opts.emodbNames ? withEmodbMeta(t) : t;
}
