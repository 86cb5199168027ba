/**
 * Autocorrelation and Levinson-Durbin LPC in float32 (smileDsp_autoCorr / smileDsp_calcLpcAcf).
 * Shared by the LSP LLD (lspFreq) and the Lpc functional.
 */
const f = Math.fround;

/** r[l] = Σ_{i=l}^{n−1} x[i]·x[i−l], l = 0..p (sequential float32 sums). */
export function autoCorrF32(x: Float32Array, n: number, p: number, r: Float32Array): Float32Array {
  for (let l = 0; l <= p; l++) {
    let s = 0;
    for (let i = l; i < n; i++) s = f(s + f(x[i] * x[i - l]));
    r[l] = s;
  }
  return r;
}

/**
 * Levinson-Durbin: a[0..p−1] = a_1..a_p of A(z) = 1 + Σ a_i z^−i; returns the gain e
 * (0 if r[0] == 0, and a is zeroed).
 */
export function lpcDurbinF32(r: Float32Array, p: number, a: Float32Array): number {
  a.fill(0, 0, p);
  if (r[0] === 0) return 0;
  let e = r[0];
  for (let m = 1; m <= p; m++) {
    let s = r[m];
    for (let i = 1; i <= m - 1; i++) s = f(s + f(a[i - 1] * r[m - i]));
    const k = f(f(-1 / e) * s);
    a[m - 1] = k;
    const half = Math.floor(m / 2);
    for (let i = 1; i <= half; i++) {
      const t = a[i - 1];
      a[i - 1] = f(a[i - 1] + f(k * a[m - i - 1]));
      if (i < m / 2 || m % 2 === 1) a[m - i - 1] = f(a[m - i - 1] + f(k * t));
    }
    e = f(e * f(1 - f(k * k)));
    if (e === 0) {
      a.fill(0, m, p);
      break;
    }
  }
  return e;
}
