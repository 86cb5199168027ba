/**
 * Framing as openSMILE's cFramer (frameCenterSpecial=left): frame k covers samples [k·H, k·H+L); only complete frames.
 */
export interface FramePlan {
  length: number;
  hop: number;
}

/** Frame length and hop in samples: L = round(size·fs), H = round(step·fs). */
export function framePlan(frameSizeSec: number, frameStepSec: number, fs: number): FramePlan {
  return { length: Math.round(frameSizeSec * fs), hop: Math.round(frameStepSec * fs) };
}

/**
 * openSMILE's frame levels keep the configured size in seconds, not L/fs, and its FFT scales that size by nfft/L,
 * so bin k sits at k·L/(size·nfft) Hz: the spectrum behaves as if sampled at L/size Hz. This differs from fs
 * whenever size·fs is not a whole number of samples (e.g. 20 ms at 11.025 kHz: 221 samples, 11 050 Hz).
 */
export function spectralRate(frameSizeSec: number, length: number, fs: number): number {
  return Math.abs(length - frameSizeSec * fs) < 1e-6 ? fs : length / frameSizeSec;
}

/**
 * The frame size in seconds that cTransformFFT gives its output level: the analysis frame's configured size scaled
 * by nfft/L (the zero padding counts as signal time). cSpecScale derives its bin spacing from it.
 */
export function fftFrameSeconds(frameSizeSec: number, length: number, nfft: number): number {
  return frameSizeSec * (nfft / length);
}

/** Number of complete frames: floor((Ns − L)/H) + 1, 0 if Ns < L. */
export function frameCount(nSamples: number, length: number, hop: number): number {
  if (nSamples < length || length <= 0 || hop <= 0) return 0;
  return Math.floor((nSamples - length) / hop) + 1;
}

/** Writes frame k (samples [k·hop, k·hop+length)) into out (length L). */
export function copyFrame(samples: Float32Array, k: number, length: number, hop: number, out: Float32Array): Float32Array {
  out.set(samples.subarray(k * hop, k * hop + length));
  return out;
}
