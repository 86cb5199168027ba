/**
 * Per-period measures shared by the cPitchJitter (jitter and shimmer) ports: IS10/IS11 (pitch/jitter.ts) and
 * eGeMAPS (lld/jitter-gemaps.ts).
 */
const f32 = Math.fround;

/** Pearson correlation of x[a..a+n) and x[b..b+n) in double (cPitchJitter::crossCorr). */
export function crossCorr(x: Float32Array, a: number, b: number, n: number): number {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[a + i];
    my += x[b + i];
  }
  mx /= n;
  my /= n;
  let cc = 0;
  let nx = 0;
  let ny = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[a + i] - mx;
    const dy = x[b + i] - my;
    cc += dx * dy;
    nx += dx * dx;
    ny += dy * dy;
  }
  return cc / (Math.sqrt(nx) * Math.sqrt(ny));
}

/** Peak-to-peak amplitude of x[a+1 .. a+n−2] (float32, cPitchJitter::amplitudeDiff). */
export function peakToPeak(x: Float32Array, a: number, n: number): number {
  let mx = x[a + 1];
  let mn = x[a + 1];
  for (let i = 1; i < n - 1; i++) {
    const v = x[a + i];
    if (v > mx) mx = v;
    if (v < mn) mn = v;
  }
  return f32(mx - mn);
}
