import { UserError } from '../util/errors.js';
import { metaColumn, selectRows, type FeatureTable } from '../data/table.js';
import { filterRows, type WhereClause } from '../data/filter.js';
import type { EvalData } from './types.js';

export interface DatasetOptions {
  name?: string;
  labelCol: string;
  groupCol: string;
  /** The speaker of each row, when a group holds several speakers (EvalData.speakers); undefined = the groups. */
  speakerCol?: string;
  /** Keep only rows matching every clause (`--where col=value`, repeatable; same column twice = either value). */
  where?: WhereClause[];
  /** Rows ADAN may be fitted on (`--adan-train-where type=impro`). */
  augmentWhere?: WhereClause[];
  /** Class order; default: sorted distinct labels. Rows with other labels are an error. */
  classes?: string[];
  /** Map labels before use, e.g. { exc: 'hap' } (IEMOCAP). */
  relabel?: Record<string, string>;
}

/** Turns a feature table into the protocol's numeric view: filters, labels to class indices, groups. */
export function evalDataFromTable(table: FeatureTable, opts: DatasetOptions): EvalData {
  const t = opts.where && opts.where.length > 0 ? selectRows(table, filterRows(table, opts.where)) : table;
  const rows = t.ids.length;
  if (rows === 0) throw new UserError('no rows left after --where filters');
  const wrap = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw new UserError((e as Error).message);
    }
  };
  const raw = wrap(() => metaColumn(t, opts.labelCol));
  const labels = raw.map((l) => opts.relabel?.[l] ?? l);
  const groups = wrap(() => metaColumn(t, opts.groupCol)).slice();
  const speakers = opts.speakerCol !== undefined ? wrap(() => metaColumn(t, opts.speakerCol!)).slice() : undefined;
  const unnamed = speakers?.findIndex((s) => s === '') ?? -1;
  if (unnamed >= 0) throw new UserError(`row ${t.ids[unnamed]}: empty speaker in column '${opts.speakerCol}'`);
  const classes = opts.classes ?? [...new Set(labels)].sort();
  const index = new Map(classes.map((c, i) => [c, i]));
  const y = new Int32Array(rows);
  labels.forEach((l, i) => {
    const c = index.get(l);
    if (c === undefined) throw new UserError(`row ${t.ids[i]}: label '${l}' is not one of the classes (${classes.join(', ')})`);
    y[i] = c;
  });
  let augmentMask: Uint8Array | undefined;
  if (opts.augmentWhere && opts.augmentWhere.length > 0) {
    augmentMask = new Uint8Array(rows);
    for (const i of wrap(() => filterRows(t, opts.augmentWhere!))) augmentMask[i] = 1;
  }
  for (let i = 0; i < t.features.length; i++) {
    if (!Number.isFinite(t.features[i])) {
      const r = Math.floor(i / t.featureNames.length);
      throw new UserError(`row ${t.ids[r]}: feature '${t.featureNames[i % t.featureNames.length]}' is not a finite number`);
    }
  }
  return {
    name: opts.name ?? 'table',
    x: t.features,
    rows,
    cols: t.featureNames.length,
    featureNames: t.featureNames,
    ids: t.ids,
    y,
    classes,
    groups,
    ...(speakers ? { speakers } : {}),
    augmentMask,
  };
}
