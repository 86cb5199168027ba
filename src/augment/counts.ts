import type { Resampled, SampleCount } from './types.js';
import { SeededRandom as AugmentRng } from '../util/random.js';

/** Rows of each class (class index -> row indices, in row order). */
export function rowsByClass(y: Int32Array, classes: number): number[][] {
  const out: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0 || y[i] >= classes) throw new Error(`label ${y[i]} at row ${i} is outside 0..${classes - 1}`);
    out[y[i]].push(i);
  }
  return out;
}

/** Synthetic rows wanted per class. */
export function syntheticCounts(y: Int32Array, classes: number, count: SampleCount): number[] {
  const n = rowsByClass(y, classes).map((r) => r.length);
  if ('times' in count) {
    if (!(count.times >= 0)) throw new Error(`times must be >= 0 (got ${count.times})`);
    return n.map((c) => Math.round(c * count.times));
  }
  if ('perClass' in count) {
    if (!(count.perClass >= 0)) throw new Error(`perClass must be >= 0 (got ${count.perClass})`);
    return n.map((c) => (c === 0 ? 0 : Math.round(count.perClass)));
  }
  const max = Math.max(...n);
  return n.map((c) => (c === 0 ? 0 : max - c));
}

/**
 * `count` base rows from `pool`, each pool row used floor or ceil of count/|pool| times (a shuffled cycle), so
 * `times: N` duplicates every row exactly N times.
 */
export function cycleRows(pool: readonly number[], count: number, rng: AugmentRng): number[] {
  const out: number[] = [];
  while (out.length < count) {
    const order = rng.shuffle([...pool]);
    for (const r of order) {
      if (out.length === count) break;
      out.push(r);
    }
  }
  return out;
}

/** Stacks the real rows followed by synthetic ones into a Resampled. */
export function stackResampled(
  x: Float32Array,
  rows: number,
  cols: number,
  y: Int32Array,
  synthX: Float32Array,
  synthY: Int32Array,
): Resampled {
  const m = synthY.length;
  const out = new Float32Array((rows + m) * cols);
  out.set(x.subarray(0, rows * cols), 0);
  out.set(synthX.subarray(0, m * cols), rows * cols);
  const yy = new Int32Array(rows + m);
  yy.set(y.subarray(0, rows), 0);
  yy.set(synthY, rows);
  const synthetic = new Uint8Array(rows + m);
  synthetic.fill(1, rows);
  return { x: out, y: yy, rows: rows + m, synthetic };
}

/** Per-feature standard deviation over all rows (population), 0 for constant columns. */
export function columnStd(x: Float32Array, rows: number, cols: number): Float64Array {
  const mean = new Float64Array(cols);
  const sq = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) mean[j] += x[o + j];
  }
  for (let j = 0; j < cols; j++) mean[j] /= Math.max(rows, 1);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) {
      const d = x[o + j] - mean[j];
      sq[j] += d * d;
    }
  }
  for (let j = 0; j < cols; j++) sq[j] = Math.sqrt(sq[j] / Math.max(rows, 1));
  return sq;
}
