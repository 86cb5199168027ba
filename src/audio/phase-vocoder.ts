/**
 * Phase-vocoder resynthesis (Flanagan & Golden 1966; Laroche & Dolson 1999): magnitudes are moved in time or
 * frequency and each bin's phase is advanced by its instantaneous frequency, so partials stay continuous across
 * frames. Time stretching follows librosa.phase_vocoder; the frequency warp is the same machinery along the
 * frequency axis (used for vocal-tract-length perturbation).
 */
import { istft, stft, type Spectrogram } from './stft.js';

/** A power-of-two FFT size of about 64 ms (1024 at 16 kHz: resolves F0 harmonics of adult voices), hop a quarter. */
export function vocoderFrame(rate: number): { n: number; hop: number } {
  const n = 2 ** Math.round(Math.log2(0.064 * rate));
  return { n: Math.max(n, 16), hop: Math.max(n, 16) / 4 };
}

/** Angle wrapped to (-pi, pi]. */
function principal(a: number): number {
  return a - 2 * Math.PI * Math.round(a / (2 * Math.PI));
}

function magnitudeAt(f: Float64Array, k: number): number {
  return Math.hypot(f[2 * k], f[2 * k + 1]);
}

function phaseAt(f: Float64Array, k: number): number {
  return Math.atan2(f[2 * k + 1], f[2 * k]);
}

/**
 * `x` played `rate` times faster without changing its pitch: round(x.length / rate) samples. Frame positions
 * t = 0, rate, 2 rate, ... of the input's STFT are interpolated in magnitude; phases accumulate the measured
 * phase advance between neighbouring input frames.
 */
export function timeStretch(x: Float32Array, rate: number, sampleRate: number): Float32Array {
  if (!(rate > 0) || !Number.isFinite(rate)) throw new Error(`timeStretch: rate must be a positive number (got ${rate})`);
  const { n, hop } = vocoderFrame(sampleRate);
  const spec = stft(x, n, hop);
  const bins = n / 2 + 1;
  const src = spec.frames;
  // One frame of zeros past the end, so the last step interpolates towards silence (as librosa pads).
  src.push(new Float64Array(n + 2));
  const phase = Float64Array.from({ length: bins }, (_, k) => phaseAt(src[0], k));
  const out: Float64Array[] = [];
  for (let t = 0; t < src.length - 1; t += rate) {
    const t0 = Math.floor(t);
    const a = t - t0;
    const f0 = src[t0];
    const f1 = src[t0 + 1];
    const frame = new Float64Array(n + 2);
    for (let k = 0; k < bins; k++) {
      const mag = (1 - a) * magnitudeAt(f0, k) + a * magnitudeAt(f1, k);
      frame[2 * k] = mag * Math.cos(phase[k]);
      frame[2 * k + 1] = mag * Math.sin(phase[k]);
      const expected = (2 * Math.PI * k * hop) / n;
      phase[k] += expected + principal(phaseAt(f1, k) - phaseAt(f0, k) - expected);
    }
    out.push(frame);
  }
  return istft({ n, hop, frames: out }, Math.round(x.length / rate));
}

/**
 * `x` with its spectrum warped along the frequency axis: the component at frequency f moves to warp(f) (both in Hz;
 * `unwarp` is warp's inverse, monotone on 0..Nyquist). Each output bin takes the magnitude at unwarp(its frequency)
 * and advances its phase by the warped instantaneous frequency of that source bin. Duration is unchanged.
 */
export function warpFrequencies(
  x: Float32Array,
  sampleRate: number,
  warp: (hz: number) => number,
  unwarp: (hz: number) => number,
): Float32Array {
  const { n, hop } = vocoderFrame(sampleRate);
  const spec: Spectrogram = stft(x, n, hop);
  const bins = n / 2 + 1;
  const binHz = sampleRate / n;
  const radPerHopPerHz = (2 * Math.PI * hop) / sampleRate;
  // Source position (fractional bin) of every output bin.
  const from = Float64Array.from({ length: bins }, (_, k) => Math.min(bins - 1, Math.max(0, unwarp(k * binHz) / binHz)));
  const phase = new Float64Array(bins);
  const out: Float64Array[] = [];
  spec.frames.forEach((f, t) => {
    const prev = t > 0 ? spec.frames[t - 1] : null;
    const frame = new Float64Array(n + 2);
    for (let k = 0; k < bins; k++) {
      const s = from[k];
      const s0 = Math.min(Math.floor(s), bins - 2);
      const a = s - s0;
      const mag = (1 - a) * magnitudeAt(f, s0) + a * magnitudeAt(f, s0 + 1);
      const near = Math.round(s);
      if (prev === null) phase[k] = phaseAt(f, near);
      else {
        // The source bin's instantaneous frequency (Hz) from its phase advance over one hop, then warped.
        const expected = near * binHz * radPerHopPerHz;
        const hz = (expected + principal(phaseAt(f, near) - phaseAt(prev, near) - expected)) / radPerHopPerHz;
        phase[k] += warp(Math.max(0, hz)) * radPerHopPerHz;
      }
      frame[2 * k] = mag * Math.cos(phase[k]);
      frame[2 * k + 1] = mag * Math.sin(phase[k]);
    }
    out.push(frame);
  });
  return istft({ n, hop, frames: out }, x.length);
}
