/**
 * Frame energy (cEnergy, spec 8.2): float32 products summed in double.
 *
 * API:
 *   rmsEnergy(frame, n): number           rms=1:     sqrt(Σx²/N) (float32 result)
 *   meanSquareEnergy(frame, n): number    energy2=1: Σx²/N (float32 result; eGeMAPS Leq)
 */
const f = Math.fround;

function sumSquares(frame: Float32Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += f(frame[i] * frame[i]);
  return s;
}

export function rmsEnergy(frame: Float32Array, n: number): number {
  return f(Math.sqrt(sumSquares(frame, n) / n));
}

export function meanSquareEnergy(frame: Float32Array, n: number): number {
  return f(sumSquares(frame, n) / n);
}
