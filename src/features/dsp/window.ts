/**
 * Analysis windows (spec 2.1): computed in double, stored float32; applied with a float32 product.
 *
 * API:
 *   hammingWindow(n): Float32Array            0.54 − 0.46·cos(2πi/(N−1))
 *   gaussWindow(n, sigma): Float32Array       exp(−0.5·((i−(N−1)/2)/(σ(N−1)/2))²), σ clipped to [0.01, 0.5]
 *   applyWindow(x, w, out): Float32Array      out[i] = fround(x[i]·w[i])
 */
export function hammingWindow(n: number): Float32Array {
  const w = new Float32Array(n);
  for (let i = 0; i < n; i++) w[i] = 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (n - 1));
  return w;
}

export function gaussWindow(n: number, sigma: number): Float32Array {
  const s = Math.min(0.5, Math.max(0.01, sigma));
  const w = new Float32Array(n);
  const h = (n - 1) / 2;
  for (let i = 0; i < n; i++) {
    const z = (i - h) / (s * h);
    w[i] = Math.exp(-0.5 * z * z);
  }
  return w;
}

export function applyWindow(x: Float32Array, w: Float32Array, out: Float32Array): Float32Array {
  for (let i = 0; i < w.length; i++) out[i] = x[i] * w[i];
  return out;
}
