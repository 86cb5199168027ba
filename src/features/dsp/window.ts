/**
 * Analysis windows (as cWindower): computed in double, stored float32; applied with a float32 product.
 */
/** Hamming window: 0.54 − 0.46·cos(2πi/(N−1)). */
export function hammingWindow(n: number): Float32Array {
  const w = new Float32Array(n);
  for (let i = 0; i < n; i++) w[i] = 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (n - 1));
  return w;
}

/** Gaussian window: exp(−0.5·((i−(N−1)/2)/(σ(N−1)/2))²), σ clipped to [0.01, 0.5]. */
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

/** out[i] = fround(x[i]·w[i]). */
export function applyWindow(x: Float32Array, w: Float32Array, out: Float32Array): Float32Array {
  for (let i = 0; i < w.length; i++) out[i] = x[i] * w[i];
  return out;
}
