/**
 * Octave-scale (log2 frequency) spectrum for SHS pitch detection (cSpecScale: optional peak enhancement and
 * smoothing, natural cubic spline onto a log2 frequency axis, optional auditory weighting).
 */
import { NaturalSpline } from '../dsp/spline.js';

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

/** The octave-scale spectrum of nfft-point magnitude spectra at fs Hz. */
export class OctaveSpectrum {
  /** Output points (= nfft/2+1). */
  readonly nPoints: number;
  /** Float32 metadata read by SHS: points per octave, log2 of the min/max frequency. */
  readonly ppo: number;
  readonly fminT: number;
  readonly fmaxT: number;
  private readonly opts: OctaveSpectrumOptions;
  private readonly spline: NaturalSpline;
  private readonly klo: Int32Array;
  /** per target point: the spline weights of y[lo], y[hi], y2[lo], y2[hi] */
  private readonly wa: Float64Array;
  private readonly wb: Float64Array;
  private readonly wc: Float64Array;
  private readonly wd: Float64Array;
  private readonly aw: Float64Array | null;
  private readonly y: Float64Array;
  private readonly y2: Float64Array;
  private readonly peaks: Int32Array;

  constructor(opts: OctaveSpectrumOptions, nfft: number, fs: number) {
    this.opts = opts;
    const nMag = nfft / 2 + 1;
    this.nPoints = nMag;
    const df = fs / nfft;
    const x = new Float64Array(nMag);
    for (let i = 1; i < nMag; i++) x[i] = Math.log2(i * df);
    x[0] = 2 * x[1] - x[2];
    this.spline = new NaturalSpline(x);
    const maxF = df * (nMag - 1);
    const fminT = Math.log2(opts.minF);
    const fmaxT = Math.log2(maxF);
    this.klo = new Int32Array(nMag);
    this.wa = new Float64Array(nMag);
    this.wb = new Float64Array(nMag);
    this.wc = new Float64Array(nMag);
    this.wd = new Float64Array(nMag);
    for (let j = 0; j < nMag; j++) {
      const t = fminT + (j * (fmaxT - fminT)) / (nMag - 1);
      // splint: bisection for the bracketing interval, then the cubic weights (depend on x only)
      let lo = 0;
      let hi = nMag - 1;
      while (hi - lo > 1) {
        const k = (hi + lo) >> 1;
        if (x[k] > t) hi = k;
        else lo = k;
      }
      this.klo[j] = lo;
      const h = x[hi] - x[lo];
      const a = (x[hi] - t) / h;
      const b = (t - x[lo]) / h;
      this.wa[j] = a;
      this.wb[j] = b;
      this.wc[j] = ((a * a * a - a) * (h * h)) / 6;
      this.wd[j] = ((b * b * b - b) * (h * h)) / 6;
    }
    const nOct = Math.log2(maxF / opts.minF);
    const ppo = nMag / nOct;
    this.ppo = f32(ppo);
    this.fminT = f32(fminT);
    this.fmaxT = f32(fmaxT);
    if (opts.auditoryWeighting) {
      this.aw = new Float64Array(nMag);
      const s = ppo * Math.log2(65 / 50) - 1;
      for (let j = 0; j < nMag; j++) this.aw[j] = 0.5 + Math.atan((3 * (j + 1 - s)) / ppo) / Math.PI;
    } else this.aw = null;
    this.y = new Float64Array(nMag);
    this.y2 = new Float64Array(nMag);
    this.peaks = new Int32Array(nMag);
  }

  /** mag = |X_k| (nfft/2+1 bins) -> out (nPoints, float32); returns out. */
  apply(mag: Float32Array, out: Float32Array): Float32Array {
    const { y, y2, klo, wa, wb, wc, wd, aw } = this;
    const n = this.nPoints;
    for (let i = 0; i < n; i++) y[i] = mag[i];
    if (this.opts.specEnhance) enhance(y, this.peaks);
    if (this.opts.specSmooth) smooth(y);
    this.spline.fit(y, y2);
    for (let j = 0; j < n; j++) {
      const lo = klo[j];
      let v = f32(wa[j] * y[lo] + wb[j] * y[lo + 1] + wc[j] * y2[lo] + wd[j] * y2[lo + 1]);
      if (aw) v = v > 0 ? v * aw[j] : 0;
      out[j] = v;
    }
    return out;
  }
}
