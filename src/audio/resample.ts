/**
 * Band-limited resampling by a windowed sinc (Smith's bandlimited interpolation, as libsamplerate and
 * scipy.signal.resample_poly do it): each output sample is the sum of the input samples around its position,
 * weighted by a Kaiser-windowed sinc whose cutoff is the lower of the two Nyquist frequencies, so downsampling
 * does not alias. Written here because the MIT resamplers on npm are WASM builds with an async start-up.
 */

/** Zero crossings of the sinc on each side at cutoff 1 (stopband ~ -90 dB with beta 8.6, as resample_poly's default). */
const ZERO_CROSSINGS = 24;
const KAISER_BETA = 8.6;
/** Table points per zero crossing; the kernel between them is linearly interpolated. */
const TABLE_STEP = 512;

/** Modified Bessel function of the first kind, order 0 (power series; converges fast for the betas used). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return sum;
}

let kernelTable: Float64Array | null = null;

/** sinc(t) * kaiser(t / ZERO_CROSSINGS) for t = i / TABLE_STEP, i = 0..ZERO_CROSSINGS * TABLE_STEP (+1 guard). */
function kernel(): Float64Array {
  if (kernelTable) return kernelTable;
  const n = ZERO_CROSSINGS * TABLE_STEP;
  const t = new Float64Array(n + 2);
  const norm = besselI0(KAISER_BETA);
  for (let i = 0; i <= n; i++) {
    const x = i / TABLE_STEP;
    const sinc = i === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const r = x / ZERO_CROSSINGS;
    t[i] = (sinc * besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r)))) / norm;
  }
  kernelTable = t;
  return t;
}

/**
 * `x` resampled by `ratio` (output rate / input rate): the output has round(x.length * ratio) samples. Played at
 * the input's rate, ratio 1 / f is Ko et al.'s (2015) speed perturbation by f (duration / f, every frequency x f).
 */
export function resample(x: Float32Array, ratio: number): Float32Array {
  if (!(ratio > 0) || !Number.isFinite(ratio)) throw new Error(`resample: ratio must be a positive number (got ${ratio})`);
  const outLen = Math.round(x.length * ratio);
  const out = new Float32Array(outLen);
  const table = kernel();
  // Cutoff in units of the input's Nyquist frequency: below 1 when downsampling (anti-aliasing).
  const cutoff = Math.min(1, ratio);
  const half = ZERO_CROSSINGS / cutoff;
  const n = x.length;
  for (let m = 0; m < outLen; m++) {
    const t = m / ratio;
    const lo = Math.max(0, Math.ceil(t - half));
    const hi = Math.min(n - 1, Math.floor(t + half));
    let acc = 0;
    for (let k = lo; k <= hi; k++) {
      const p = Math.abs(t - k) * cutoff * TABLE_STEP;
      const i = Math.floor(p);
      const f = p - i;
      acc += x[k] * (table[i] + f * (table[i + 1] - table[i]));
    }
    out[m] = acc * cutoff;
  }
  return out;
}
