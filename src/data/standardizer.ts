/**
 * Per-feature normalisation fitted on TRAINING rows only (the authors' code z-normalised over the whole
 * corpus, paper III-B, leaking the test speaker's statistics; here every fold fits its own statistics).
 *
 * - `Standardizer`: drops zero-variance columns (constant over the training rows, paper III-B), then z-norm
 *   with the population standard deviation (ddof 0, as scikit-learn's StandardScaler). Statistics are computed in
 *   float64. `inverseTransform` maps back to the full original column set, dropped columns restored to their
 *   constant training value.
 * - `MaxAbsScaler`: divides each column by its max |x| over the training rows (the authors' public code scaled
 *   inputs so the tanh decoder can reach them; synthetic samples are scaled back with `inverseTransform`).
 *
 * Both have a JSON-serialisable state (`toJSON`/`fromJSON`) that round-trips exactly (float64 numbers).
 */

export interface StandardizerState {
  kind: 'standardizer';
  /** Number of input columns. */
  cols: number;
  /** Indices of the kept (non-constant) input columns, ascending. */
  keep: number[];
  /** Mean and standard deviation of each kept column (same order as keep). */
  mean: number[];
  std: number[];
  /** Value of every input column over the training rows for the dropped ones (0 for kept columns). */
  constant: number[];
}

export class Standardizer {
  private st: StandardizerState | null = null;

  /** Fits on `rows` x `cols` row-major training data. Throws on non-finite values. */
  fit(x: Float32Array, rows: number, cols: number): this {
    if (rows < 1 || cols < 1 || x.length !== rows * cols)
      throw new Error(`Standardizer.fit: expected ${rows} x ${cols} values, got ${x.length}`);
    const sum = new Float64Array(cols);
    const min = new Float64Array(cols).fill(Infinity);
    const max = new Float64Array(cols).fill(-Infinity);
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      for (let j = 0; j < cols; j++) {
        const v = x[o + j];
        if (!Number.isFinite(v)) throw new Error(`Standardizer.fit: non-finite value at row ${i + 1}, column ${j + 1}`);
        sum[j] += v;
        if (v < min[j]) min[j] = v;
        if (v > max[j]) max[j] = v;
      }
    }
    const mean = new Float64Array(cols);
    for (let j = 0; j < cols; j++) mean[j] = sum[j] / rows;
    const ss = new Float64Array(cols);
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      for (let j = 0; j < cols; j++) {
        const d = x[o + j] - mean[j];
        ss[j] += d * d;
      }
    }
    const keep: number[] = [];
    const m: number[] = [];
    const s: number[] = [];
    const constant: number[] = new Array<number>(cols).fill(0);
    for (let j = 0; j < cols; j++) {
      const std = Math.sqrt(ss[j] / rows);
      // Zero variance = constant over the training rows (exactly; float32 data make "tiny" thresholds arbitrary).
      if (max[j] === min[j] || !(std > 0)) constant[j] = min[j];
      else {
        keep.push(j);
        m.push(mean[j]);
        s.push(std);
      }
    }
    if (keep.length === 0) throw new Error('Standardizer.fit: every column is constant over the training rows');
    this.st = { kind: 'standardizer', cols, keep, mean: m, std: s, constant };
    return this;
  }

  private get state(): StandardizerState {
    if (!this.st) throw new Error('Standardizer: not fitted');
    return this.st;
  }

  /** Number of input (original) columns. */
  get inputCols(): number {
    return this.state.cols;
  }

  /** Number of output (kept) columns. */
  get outputCols(): number {
    return this.state.keep.length;
  }

  /** Indices of the kept input columns. */
  get keptColumns(): readonly number[] {
    return this.state.keep;
  }

  /** rows x inputCols raw values -> rows x outputCols z-scores (into `out` when given). */
  transform(x: Float32Array, rows: number, out?: Float32Array): Float32Array {
    const { cols, keep, mean, std } = this.state;
    if (x.length !== rows * cols) throw new Error(`Standardizer.transform: expected ${rows} x ${cols} values, got ${x.length}`);
    const k = keep.length;
    const y = out ?? new Float32Array(rows * k);
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      const p = i * k;
      for (let c = 0; c < k; c++) y[p + c] = (x[o + keep[c]] - mean[c]) / std[c];
    }
    return y;
  }

  /** rows x outputCols z-scores -> rows x inputCols values in the original units (dropped columns = their constant). */
  inverseTransform(z: Float32Array, rows: number, out?: Float32Array): Float32Array {
    const { cols, keep, mean, std, constant } = this.state;
    const k = keep.length;
    if (z.length !== rows * k) throw new Error(`Standardizer.inverseTransform: expected ${rows} x ${k} values, got ${z.length}`);
    const x = out ?? new Float32Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      x.set(constant, o);
      const p = i * k;
      for (let c = 0; c < k; c++) x[o + keep[c]] = z[p + c] * std[c] + mean[c];
    }
    return x;
  }

  toJSON(): StandardizerState {
    const s = this.state;
    return { kind: 'standardizer', cols: s.cols, keep: [...s.keep], mean: [...s.mean], std: [...s.std], constant: [...s.constant] };
  }

  static fromJSON(s: StandardizerState): Standardizer {
    if (s.kind !== 'standardizer' || s.keep.length !== s.mean.length || s.keep.length !== s.std.length || s.constant.length !== s.cols) {
      throw new Error('Standardizer.fromJSON: malformed state');
    }
    const z = new Standardizer();
    z.st = { kind: 'standardizer', cols: s.cols, keep: [...s.keep], mean: [...s.mean], std: [...s.std], constant: [...s.constant] };
    return z;
  }
}

export interface MaxAbsScalerState {
  kind: 'maxabs';
  cols: number;
  /** max |x| of each column over the training rows (1 where the column is all zeros). */
  scale: number[];
}

export class MaxAbsScaler {
  private st: MaxAbsScalerState | null = null;

  fit(x: Float32Array, rows: number, cols: number): this {
    if (x.length !== rows * cols) throw new Error(`MaxAbsScaler.fit: expected ${rows} x ${cols} values, got ${x.length}`);
    const scale = new Array<number>(cols).fill(0);
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      for (let j = 0; j < cols; j++) {
        const a = Math.abs(x[o + j]);
        if (a > scale[j]) scale[j] = a;
      }
    }
    for (let j = 0; j < cols; j++) if (!(scale[j] > 0)) scale[j] = 1;
    this.st = { kind: 'maxabs', cols, scale };
    return this;
  }

  private get state(): MaxAbsScalerState {
    if (!this.st) throw new Error('MaxAbsScaler: not fitted');
    return this.st;
  }

  get cols(): number {
    return this.state.cols;
  }

  /** Scales in place when `out` is `x`. */
  transform(x: Float32Array, rows: number, out?: Float32Array): Float32Array {
    const { cols, scale } = this.state;
    if (x.length !== rows * cols) throw new Error(`MaxAbsScaler.transform: expected ${rows} x ${cols} values, got ${x.length}`);
    const y = out ?? new Float32Array(x.length);
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      for (let j = 0; j < cols; j++) y[o + j] = x[o + j] / scale[j];
    }
    return y;
  }

  inverseTransform(x: Float32Array, rows: number, out?: Float32Array): Float32Array {
    const { cols, scale } = this.state;
    if (x.length !== rows * cols) throw new Error(`MaxAbsScaler.inverseTransform: expected ${rows} x ${cols} values, got ${x.length}`);
    const y = out ?? new Float32Array(x.length);
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      for (let j = 0; j < cols; j++) y[o + j] = x[o + j] * scale[j];
    }
    return y;
  }

  toJSON(): MaxAbsScalerState {
    const s = this.state;
    return { kind: 'maxabs', cols: s.cols, scale: [...s.scale] };
  }

  static fromJSON(s: MaxAbsScalerState): MaxAbsScaler {
    if (s.kind !== 'maxabs' || s.scale.length !== s.cols) throw new Error('MaxAbsScaler.fromJSON: malformed state');
    const m = new MaxAbsScaler();
    m.st = { kind: 'maxabs', cols: s.cols, scale: [...s.scale] };
    return m;
  }
}
