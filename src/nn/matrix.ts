/** Row-major dense matrix: `rows` is the batch, `cols` the features; `data.length >= rows * cols`. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float32Array;
}

/** A zero matrix. */
export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float32Array(rows * cols) };
}

/** Wraps existing data (no copy) after checking the size. */
export function matrix(rows: number, cols: number, data: Float32Array): Matrix {
  if (data.length < rows * cols) throw new Error(`matrix: ${rows}x${cols} needs ${rows * cols} values, got ${data.length}`);
  return { rows, cols, data };
}

/** A deep copy (engine outputs are reused buffers: copy what must outlive the next call). */
export function cloneMatrix(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: m.data.slice(0, m.rows * m.cols) };
}

/** A matrix from nested arrays (tests, small fixtures). */
export function fromRows(rows: number[][]): Matrix {
  const r = rows.length;
  const c = r ? rows[0].length : 0;
  const data = new Float32Array(r * c);
  rows.forEach((row, i) => {
    if (row.length !== c) throw new Error('fromRows: ragged rows');
    data.set(row, i * c);
  });
  return { rows: r, cols: c, data };
}

/** Row i as a subarray view (no copy). */
export function rowView(m: Matrix, i: number): Float32Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

/**
 * Per-batch-size buffer cache: layers keep one output/gradient matrix per batch size so training loops do not
 * allocate: buffers are reused between iterations.
 */
export class BufferCache {
  private readonly byRows = new Map<number, Matrix>();
  get(rows: number, cols: number): Matrix {
    let m = this.byRows.get(rows);
    if (!m || m.cols !== cols) {
      m = zeros(rows, cols);
      this.byRows.set(rows, m);
    }
    return m;
  }
}
