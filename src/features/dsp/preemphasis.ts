/**
 * Per-frame pre-emphasis (not continuous over the signal): y[0] = (1−k)·x[0], y[n] = x[n] − k·x[n−1], in float32 like
 * cVectorPreemphasis (k is stored as float32, every product and difference is rounded to float32).
 */
const f32 = Math.fround;

/** Pre-emphasises x[offset .. offset+length) into out[0 .. length); out may not alias x. */
export function preemphasize(x: Float32Array, k: number, out: Float32Array, offset = 0, length = x.length - offset): Float32Array {
  if (length <= 0) return out;
  const kf = f32(k);
  out[0] = f32(f32(1 - kf) * x[offset]);
  for (let i = 1; i < length; i++) out[i] = x[offset + i] - f32(kf * x[offset + i - 1]);
  return out;
}
