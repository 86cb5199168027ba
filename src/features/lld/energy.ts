/**
 * Frame energy (cEnergy, spec 8.2): RMS = sqrt(Σx²/N) with float32 products and a double sum.
 *
 * API:
 *   rmsEnergy(frame, n): number          RMS of frame[0..n-1] (float32 result)

 */
const f = Math.fround;

export function rmsEnergy(frame: Float32Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += f(frame[i] * frame[i]);
  return f(Math.sqrt(s / n));
}
