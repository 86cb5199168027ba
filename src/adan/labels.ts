import type { FeatureTable } from '../data/table.js';
import { UserError } from '../util/errors.js';

export interface EncodedLabels {
  /** Class index of each row. */
  y: Int32Array;
  /** Class names, sorted (index = class id). */
  classNames: string[];
}

/** Integer labels from a table's metadata column; classes are the sorted distinct values. `where` names the source in errors. */
export function encodeLabels(table: FeatureTable, labelCol: string, where: string): EncodedLabels {
  const col = table.meta[labelCol];
  if (!col) {
    const have = Object.keys(table.meta);
    throw new UserError(
      `${where}: no label column '${labelCol}' (metadata columns: ${have.length ? have.join(', ') : 'none'}${
        table.featureNames.includes(labelCol) ? `; '${labelCol}' is numeric and was read as a feature` : ''
      })`,
    );
  }
  const missing = col.findIndex((v) => v === '' || v === '?');
  if (missing >= 0) throw new UserError(`${where}: row ${missing + 1} (${table.ids[missing]}) has no label in column '${labelCol}'`);
  const classNames = [...new Set(col)].sort();
  const index = new Map(classNames.map((c, i) => [c, i]));
  const y = new Int32Array(col.length);
  for (let i = 0; i < col.length; i++) y[i] = index.get(col[i]) as number;
  return { y, classNames };
}

/** Maps label strings to the ids of a fixed class list (a model's); unknown labels are an error naming them. */
export function labelsWithClasses(values: readonly string[], classNames: readonly string[], where: string): Int32Array {
  const index = new Map(classNames.map((c, i) => [c, i]));
  const y = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const k = index.get(values[i]);
    if (k === undefined)
      throw new UserError(`${where}: label '${values[i]}' (row ${i + 1}) is not one of the model's classes (${classNames.join(', ')})`);
    y[i] = k;
  }
  return y;
}
