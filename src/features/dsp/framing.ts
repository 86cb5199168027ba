/**
 * Framing (spec 1.3): frame k covers samples [k·H, k·H+L) (frameCenterSpecial=left); only complete frames.
 *
 * API:
 *   framePlan(frameSizeSec, frameStepSec, fs): { length: number; hop: number }   L = round(size·fs), H = round(step·fs)
 *   frameCount(nSamples, length, hop): number                                    floor((Ns − L)/H) + 1, 0 if Ns < L
 *   copyFrame(samples, k, length, hop, out): Float32Array                         writes frame k into out (length L)
 */
export interface FramePlan {
  length: number;
  hop: number;
}

export function framePlan(frameSizeSec: number, frameStepSec: number, fs: number): FramePlan {
  return { length: Math.round(frameSizeSec * fs), hop: Math.round(frameStepSec * fs) };
}

export function frameCount(nSamples: number, length: number, hop: number): number {
  if (nSamples < length || length <= 0 || hop <= 0) return 0;
  return Math.floor((nSamples - length) / hop) + 1;
}

export function copyFrame(samples: Float32Array, k: number, length: number, hop: number, out: Float32Array): Float32Array {
  out.set(samples.subarray(k * hop, k * hop + length));
  return out;
}
