/**
 * Zero-crossing rate (cMZcr zcr=1) of a raw frame (no window), divided by the frame length.
 */

/** Count over i = 1..n-2 of (x[i-1]·x[i+1] <= 0 and x[i] == 0) or x[i-1]·x[i] < 0, divided by n. */
export function zeroCrossingRate(frame: Float32Array, n: number): number {
  let c = 0;
  for (let i = 1; i < n - 1; i++) {
    const a = frame[i - 1];
    if ((a * frame[i + 1] <= 0 && frame[i] === 0) || a * frame[i] < 0) c++;
  }
  return Math.fround(c / n);
}
