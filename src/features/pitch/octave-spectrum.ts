/**
 * Octave-scale (log2 frequency) spectrum for SHS pitch detection (cSpecScale: optional peak enhancement and
 * smoothing, natural cubic spline onto a log2 frequency axis, optional auditory weighting).
 */
import { NaturalSpline, SplineSampler } from '../dsp/spline.js';

/** cSpecScale's minF (Hz) and its three optional steps. */
export interface OctaveSpectrumOptions {
  minF: number;
  specEnhance: boolean;
  specSmooth: boolean;
  auditoryWeighting: boolean;
}

const f32 = Math.fround;

/** smileDsp_specEnhanceSHS: keep only ±2 bins around each local maximum (cSpecScale's first step, if specEnhance). */
function enhance(a: Float64Array, peaks: Int32Array): void {
  const n = a.length;
  let np = 0;
  if (a[0] > a[1]) peaks[np++] = 0;
  for (let i = 1; i < n - 1; i++) if (a[i] > a[i - 1] && a[i] >= a[i + 1]) peaks[np++] = i;
  if (a[n - 1] > a[n - 2]) peaks[np++] = n - 1;
  if (np === 1) {
    // quirk: a single maximum zeroes everything from index 3 on
    for (let i = 3; i < n; i++) a[i] = 0;
    return;
  }
  for (let j = 1; j < np; j++) for (let i = peaks[j - 1] + 3; i <= peaks[j] - 3; i++) a[i] = 0;
}

/** smileDsp_specSmoothSHS: a[i] = (a[i-1] + 2·a[i] + a[i+1]) / 4 on the original values, last bin unchanged (if specSmooth). */
function smooth(a: Float64Array): void {
  const n = a.length;
  let prev = 0;
  for (let i = 0; i < n - 1; i++) {
    const cur = a[i];
    a[i] = (prev + 2 * cur + a[i + 1]) / 4;
    prev = cur;
  }
}

/**
 * The octave-scale spectrum of nfft-point magnitude spectra. cSpecScale takes its bin spacing from the FFT level's
 * frame size in seconds cast to float32 (deltaF = 1/(float)frameSizeSec), not from fs/nfft, and derives every grid
 * quantity in double from it (log(f)/log(2), the target points fmin_t + j·deltaF_t); mirrored here operation by operation.
 */
export class OctaveSpectrum {
  /** Output points (= nfft/2+1). */
  readonly nPoints: number;
  /** Float32 metadata read by SHS: points per octave, log2 of the min/max frequency. */
  readonly ppo: number;
  readonly fminT: number;
  readonly fmaxT: number;
  private readonly opts: OctaveSpectrumOptions;
  private readonly spline: NaturalSpline;
  private readonly sampler: SplineSampler;
  private readonly aw: Float64Array | null;
  private readonly y: Float64Array;
  private readonly y2: Float64Array;
  private readonly yOut: Float64Array;
  private readonly peaks: Int32Array;

  /** fftFrameSec: the FFT level's frame size in seconds (the analysis frame's size scaled by nfft/L, as cTransformFFT does). */
  constructor(opts: OctaveSpectrumOptions, nfft: number, fftFrameSec: number) {
    this.opts = opts;
    const nMag = nfft / 2 + 1;
    this.nPoints = nMag;
    const df = 1 / f32(fftFrameSec);
    const log2 = (v: number): number => Math.log(v) / Math.log(2);
    const x = new Float64Array(nMag);
    for (let i = 1; i < nMag; i++) x[i] = log2(i * df);
    x[0] = 2 * x[1] - x[2];
    this.spline = new NaturalSpline(x);
    const maxF = df * (nMag - 1);
    const fminT = log2(opts.minF);
    const fmaxT = log2(maxF);
    const dfT = (fmaxT - fminT) / (nMag - 1);
    const at = new Float64Array(nMag);
    for (let j = 0; j < nMag; j++) at[j] = fminT + j * dfT;
    this.sampler = new SplineSampler(x, at);
    const nOct = Math.log(maxF / opts.minF) / Math.log(2);
    const ppo = nMag / nOct;
    this.ppo = f32(ppo);
    this.fminT = f32(fminT);
    this.fmaxT = f32(fmaxT);
    if (opts.auditoryWeighting) {
      this.aw = new Float64Array(nMag);
      const s = ppo * log2(65 / 50) - 1;
      for (let j = 0; j < nMag; j++) this.aw[j] = 0.5 + Math.atan((3 * (j + 1 - s)) / ppo) / Math.PI;
    } else this.aw = null;
    this.y = new Float64Array(nMag);
    this.y2 = new Float64Array(nMag);
    this.yOut = new Float64Array(nMag);
    this.peaks = new Int32Array(nMag);
  }

  /** mag = |X_k| (nfft/2+1 bins) -> out (nPoints, float32); returns out. */
  apply(mag: Float32Array, out: Float32Array): Float32Array {
    const { y, y2, yOut, aw } = this;
    const n = this.nPoints;
    for (let i = 0; i < n; i++) y[i] = mag[i];
    if (this.opts.specEnhance) enhance(y, this.peaks);
    if (this.opts.specSmooth) smooth(y);
    this.spline.fit(y, y2);
    this.sampler.sample(y, y2, yOut);
    for (let j = 0; j < n; j++) {
      const v = f32(yOut[j]);
      out[j] = aw ? (v > 0 ? v * aw[j] : 0) : v;
    }
    return out;
  }
}
