/**
 * Short-time Fourier transform and its inverse by weighted overlap-add (Griffin & Lim 1984): periodic Hann
 * analysis and synthesis windows, frames centred on t * hop (zero outside the signal), and the output divided by
 * the summed squared window, so istft(stft(x)) = x wherever the frames overlap (hop <= n / 2).
 */
import FFT from 'fft.js';

/** Complex spectra of a signal's frames: bins 0..n/2 of frame t at [t][2k] (real) and [t][2k + 1] (imaginary). */
export interface Spectrogram {
  n: number;
  hop: number;
  frames: Float64Array[];
}

interface FftPlan {
  realTransform(out: Float64Array, data: Float64Array): void;
  completeSpectrum(spectrum: Float64Array): void;
  inverseTransform(out: Float64Array, data: Float64Array): void;
}

function hann(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n));
}

function plan(n: number): FftPlan {
  if (n < 4 || (n & (n - 1)) !== 0) throw new Error(`stft: size ${n} is not a power of two >= 4`);
  return new FFT(n) as unknown as FftPlan;
}

/** The frames' spectra; frame t covers samples t * hop - n / 2 .. t * hop + n / 2 - 1. */
export function stft(x: Float32Array, n: number, hop: number): Spectrogram {
  const fft = plan(n);
  const w = hann(n);
  const count = Math.floor(x.length / hop) + 1;
  const frame = new Float64Array(n);
  const full = new Float64Array(2 * n);
  const frames: Float64Array[] = [];
  for (let t = 0; t < count; t++) {
    const start = t * hop - n / 2;
    for (let i = 0; i < n; i++) {
      const s = start + i;
      frame[i] = s >= 0 && s < x.length ? x[s] * w[i] : 0;
    }
    fft.realTransform(full, frame);
    frames.push(full.slice(0, n + 2));
  }
  return { n, hop, frames };
}

/** The signal of `length` samples whose STFT is closest to `spec` in the least-squares sense. */
export function istft(spec: Spectrogram, length: number): Float32Array {
  const { n, hop } = spec;
  const fft = plan(n);
  const w = hann(n);
  const acc = new Float64Array(length);
  const norm = new Float64Array(length);
  const full = new Float64Array(2 * n);
  const time = new Float64Array(2 * n);
  spec.frames.forEach((f, t) => {
    full.fill(0);
    full.set(f.subarray(0, n + 2));
    fft.completeSpectrum(full);
    fft.inverseTransform(time, full);
    const start = t * hop - n / 2;
    for (let i = 0; i < n; i++) {
      const s = start + i;
      if (s < 0 || s >= length) continue;
      acc[s] += time[2 * i] * w[i];
      norm[s] += w[i] * w[i];
    }
  });
  const out = new Float32Array(length);
  for (let s = 0; s < length; s++) out[s] = norm[s] > 1e-8 ? acc[s] / norm[s] : 0;
  return out;
}
