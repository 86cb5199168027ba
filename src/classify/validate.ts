/** Shape and label checks shared by the classifiers' fit() (programming errors, so plain Errors). */
export function checkTrainingData(x: Float32Array, rows: number, cols: number, y: Int32Array, classes: number): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) throw new Error(`fit: bad shape ${rows} x ${cols}`);
  if (x.length !== rows * cols) throw new Error(`fit: expected ${rows} x ${cols} = ${rows * cols} values, got ${x.length}`);
  if (y.length !== rows) throw new Error(`fit: ${y.length} labels for ${rows} rows`);
  if (!Number.isInteger(classes) || classes < 1) throw new Error(`fit: bad class count ${classes}`);
  for (let i = 0; i < rows; i++) {
    if (y[i] < 0 || y[i] >= classes) throw new Error(`fit: label ${y[i]} at row ${i} outside 0..${classes - 1}`);
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) throw new Error(`fit: non-finite feature value at row ${Math.floor(i / cols)}, column ${i % cols}`);
  }
}

/** scikit-learn's class_weight='balanced': n / (classes present * count); 0 for absent classes. */
export function classWeights(counts: Int32Array): Float64Array {
  let n = 0;
  let present = 0;
  for (const c of counts) {
    n += c;
    if (c > 0) present++;
  }
  return Float64Array.from(counts, (c) => (c > 0 ? n / (present * c) : 0));
}
