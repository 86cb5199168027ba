/**
 * Frame energy (cEnergy, of the raw frame with no window): float32 products summed in double.
 */
const f = Math.fround;

function sumSquares(frame: Float32Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += f(frame[i] * frame[i]);
  return s;
}

/** cEnergy rms=1: sqrt(Σx²/N) over the first n samples (float32 result). */
export function rmsEnergy(frame: Float32Array, n: number): number {
  return f(Math.sqrt(sumSquares(frame, n) / n));
}

/** cEnergy energy2=1: Σx²/N over the first n samples (float32 result; eGeMAPS Leq). */
export function meanSquareEnergy(frame: Float32Array, n: number): number {
  return f(sumSquares(frame, n) / n);
}
