/**
 * The feature table every stage exchanges: one row per utterance, numeric feature columns stored row-major in a
 * Float32Array (openSMILE writes float32), plus string metadata columns (label, speaker, session, ...).
 */
export interface FeatureTable {
  /** Row identifiers (openSMILE's `name` column: the file name without extension). */
  readonly ids: string[];
  readonly featureNames: string[];
  /** rows x featureNames.length, row-major. */
  readonly features: Float32Array;
  /** Metadata columns by name, each with one string per row. */
  readonly meta: Readonly<Record<string, string[]>>;
}

export function rowCount(t: FeatureTable): number {
  return t.ids.length;
}

export function colCount(t: FeatureTable): number {
  return t.featureNames.length;
}

/** A copy of row r's features. */
export function row(t: FeatureTable, r: number): Float32Array {
  const d = t.featureNames.length;
  return t.features.slice(r * d, (r + 1) * d);
}

/** The metadata column `name`, or an error naming the columns that exist. */
export function metaColumn(t: FeatureTable, name: string): string[] {
  const col = t.meta[name];
  if (!col) {
    const have = Object.keys(t.meta);
    throw new Error(`no column '${name}' (metadata columns: ${have.length ? have.join(', ') : 'none'})`);
  }
  return col;
}

/** The rows at `indices`, in that order, with all metadata. */
export function selectRows(t: FeatureTable, indices: ArrayLike<number>): FeatureTable {
  const d = t.featureNames.length;
  const n = indices.length;
  const features = new Float32Array(n * d);
  const ids: string[] = new Array(n);
  const meta: Record<string, string[]> = {};
  for (const k of Object.keys(t.meta)) meta[k] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = indices[i];
    features.set(t.features.subarray(r * d, (r + 1) * d), i * d);
    ids[i] = t.ids[r];
    for (const k of Object.keys(t.meta)) meta[k][i] = t.meta[k][r];
  }
  return { ids, featureNames: t.featureNames, features, meta };
}

/** Row indices whose metadata column `col` equals `value` (for `--where col=value`). */
export function whereEquals(t: FeatureTable, col: string, value: string): number[] {
  const c = metaColumn(t, col);
  const out: number[] = [];
  for (let i = 0; i < c.length; i++) if (c[i] === value) out.push(i);
  return out;
}

/** Stacks tables with identical feature columns (e.g. real + synthetic). Metadata columns missing in one get ''. */
export function concatTables(tables: FeatureTable[]): FeatureTable {
  if (tables.length === 0) throw new Error('concatTables: nothing to concatenate');
  const names = tables[0].featureNames;
  for (const t of tables) {
    if (t.featureNames.length !== names.length || t.featureNames.some((n, i) => n !== names[i])) {
      throw new Error('concatTables: feature columns differ between tables');
    }
  }
  const total = tables.reduce((s, t) => s + t.ids.length, 0);
  const d = names.length;
  const features = new Float32Array(total * d);
  const ids: string[] = [];
  const keys = [...new Set(tables.flatMap((t) => Object.keys(t.meta)))];
  const meta: Record<string, string[]> = Object.fromEntries(keys.map((k) => [k, [] as string[]]));
  let off = 0;
  for (const t of tables) {
    features.set(t.features, off * d);
    ids.push(...t.ids);
    for (const k of keys) {
      const c = t.meta[k];
      for (let i = 0; i < t.ids.length; i++) meta[k].push(c ? c[i] : '');
    }
    off += t.ids.length;
  }
  return { ids, featureNames: names, features, meta };
}
