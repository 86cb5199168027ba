/**
 * The one data shape estimators and augmenters take (scikit-learn's X, y with per-row metadata): a row-major
 * float matrix, a class index per row, and what each row is (its group, i.e. speaker or session, its id, i.e. the
 * file it came from, and the source audio when known), because speaker-aware and audio-domain augmenters need them.
 */
export interface Dataset {
  /** rows x cols, row-major. */
  readonly x: Float32Array;
  readonly rows: number;
  readonly cols: number;
  /** Class index per row, 0..classes-1. */
  readonly y: Int32Array;
  /** Number of classes. */
  readonly classes: number;
  /** Cross-validation group per row (speaker, session), when known. */
  readonly groups?: readonly string[];
  /** Row id (file name without extension), when known. */
  readonly ids?: readonly string[];
  /** Source audio path per row, when the features were extracted from audio here. */
  readonly sources?: readonly string[];
}

/** A dataset after checking that the sizes agree (no copy). */
export function dataset(d: Dataset): Dataset {
  checkXy(d, 'dataset');
  return d;
}

/** What a caller adds to the shape checks: estimators need rows to fit on and finite values (a NaN would spread). */
export interface CheckXyOptions {
  /** Fewest rows accepted (default 0). */
  readonly minRows?: number;
  /** Also refuse NaN and infinite feature values (default false: table readers already refuse them). */
  readonly finite?: boolean;
}

/**
 * Throws when the parts disagree in size or a label is out of range: the checks every `fit` starts with
 * (scikit-learn's check_X_y). `who` names the estimator in the one-line message.
 */
export function checkXy(d: Dataset, who: string, options: CheckXyOptions = {}): void {
  const minRows = options.minRows ?? 0;
  if (!Number.isInteger(d.rows) || d.rows < minRows || !Number.isInteger(d.cols) || d.cols < 1) {
    throw new Error(`${who}: bad shape ${d.rows} x ${d.cols}${minRows > 0 ? ` (needs at least ${minRows} row)` : ''}`);
  }
  if (!Number.isInteger(d.classes) || d.classes < 1) throw new Error(`${who}: bad class count ${d.classes}`);
  if (d.x.length < d.rows * d.cols) throw new Error(`${who}: ${d.rows} x ${d.cols} needs ${d.rows * d.cols} values, got ${d.x.length}`);
  if (d.y.length !== d.rows) throw new Error(`${who}: ${d.rows} rows but ${d.y.length} labels`);
  for (const [name, v] of [
    ['groups', d.groups],
    ['ids', d.ids],
    ['sources', d.sources],
  ] as const) {
    if (v && v.length !== d.rows) throw new Error(`${who}: ${d.rows} rows but ${v.length} ${name}`);
  }
  for (let i = 0; i < d.rows; i++) {
    if (d.y[i] < 0 || d.y[i] >= d.classes) throw new Error(`${who}: label ${d.y[i]} of row ${i} is outside 0..${d.classes - 1}`);
  }
  if (options.finite) {
    const n = d.rows * d.cols;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(d.x[i])) {
        throw new Error(`${who}: non-finite feature value ${d.x[i]} at row ${Math.floor(i / d.cols)}, column ${i % d.cols}`);
      }
    }
  }
}

/** The given rows, in the given order, with their metadata (a copy). */
export function takeRows(d: Dataset, rows: ArrayLike<number>): Dataset {
  const n = rows.length;
  const x = new Float32Array(n * d.cols);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    x.set(d.x.subarray(r * d.cols, (r + 1) * d.cols), i * d.cols);
    y[i] = d.y[r];
  }
  const pick = (v: readonly string[] | undefined): string[] | undefined => (v ? Array.from(rows, (r) => v[r]) : undefined);
  return { x, rows: n, cols: d.cols, y, classes: d.classes, groups: pick(d.groups), ids: pick(d.ids), sources: pick(d.sources) };
}

/** Rows of `a` followed by rows of `b` (same columns and classes); metadata kept only when both have it. */
export function concatRows(a: Dataset, b: Dataset): Dataset {
  if (a.cols !== b.cols || a.classes !== b.classes)
    throw new Error(`concatRows: ${a.cols}/${a.classes} vs ${b.cols}/${b.classes} columns/classes`);
  const x = new Float32Array((a.rows + b.rows) * a.cols);
  x.set(a.x.subarray(0, a.rows * a.cols));
  x.set(b.x.subarray(0, b.rows * b.cols), a.rows * a.cols);
  const y = new Int32Array(a.rows + b.rows);
  y.set(a.y);
  y.set(b.y, a.rows);
  const join = (p?: readonly string[], q?: readonly string[]): string[] | undefined => (p && q ? [...p, ...q] : undefined);
  return {
    x,
    rows: a.rows + b.rows,
    cols: a.cols,
    y,
    classes: a.classes,
    groups: join(a.groups, b.groups),
    ids: join(a.ids, b.ids),
    sources: join(a.sources, b.sources),
  };
}
