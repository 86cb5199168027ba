/**
 * LPC formants (cTransformFFT -> cSpecResample -> cLpc -> cFormantLpc as configured in GeMAPSv01b: 11 kHz resampling
 * of the 20 ms Hamming frame's spectrum, order-11 autocorrelation LPC, roots of the LPC polynomial).
 *
 * The order-11 LPC of the resampled frame is ill-conditioned: a change in the last float32 bit of the frame moves F1
 * by more than 20 Hz in about 0.5 % of voiced frames (bench/formant-rounding.ts), which moves a file's formant means
 * and coefficients of variation by up to several standard deviations. So the chain up to the LPC runs in openSMILE's
 * own float32 arithmetic: Ooura's float32 FFT (RealFftF32) and the float32 resampler sum with every product rounded,
 * which reproduce openSMILE's resampled frames bit for bit (checked on IS10's LSPs, which share this chain).
 *
 * cFormantLpc: the roots z of z^p + a_1 z^(p-1) + ... + a_p (the LPC's A(z) = 1 + Σ a_i z^-i) are reflected
 * into the unit circle; each root with Im >= 0 whose frequency |arg z|/(2πT) lies in [50, 5450] Hz gives a
 * formant with bandwidth -ln|z|/(πT), T = 1/11000 s; at most 5, then sorted by frequency.
 */
import { autoCorrF32, lpcDurbinF32 } from '../dsp/lpc.js';
import { RealFftF32 } from '../dsp/fft-f32.js';
import { SpecResampler } from './is10-lsp.js';

const ORDER = 11;
const N_FORMANTS = 5;
const MIN_F = 50;
const MAX_F = 5450;
const TARGET_FS = 11000;

/** All complex roots of the monic polynomial Σ c_i z^i (c[deg] = 1) by the Aberth–Ehrlich iteration. */
export function polyRoots(c: Float64Array, re: Float64Array, im: Float64Array): void {
  const n = c.length - 1;
  for (let k = 0; k < n; k++) {
    const ang = (2 * Math.PI * k) / n + 0.4;
    re[k] = 0.9 * Math.cos(ang);
    im[k] = 0.9 * Math.sin(ang);
  }
  for (let iter = 0; iter < 500; iter++) {
    let maxStep = 0;
    for (let k = 0; k < n; k++) {
      // p(z) and p'(z) by Horner
      const zr = re[k];
      const zi = im[k];
      let pr = c[n];
      let pi = 0;
      let dr = 0;
      let di = 0;
      for (let j = n - 1; j >= 0; j--) {
        const ndr = dr * zr - di * zi + pr;
        const ndi = dr * zi + di * zr + pi;
        dr = ndr;
        di = ndi;
        const npr = pr * zr - pi * zi + c[j];
        const npi = pr * zi + pi * zr;
        pr = npr;
        pi = npi;
      }
      const dd = dr * dr + di * di;
      if (dd === 0) continue;
      // ratio = p/p'
      const rr = (pr * dr + pi * di) / dd;
      const ri = (pi * dr - pr * di) / dd;
      // s = Σ_{j≠k} 1/(z_k - z_j)
      let sr = 0;
      let si = 0;
      for (let j = 0; j < n; j++) {
        if (j === k) continue;
        const ar = zr - re[j];
        const ai = zi - im[j];
        const a2 = ar * ar + ai * ai;
        if (a2 === 0) continue;
        sr += ar / a2;
        si -= ai / a2;
      }
      // w = ratio / (1 - ratio·s)
      const denr = 1 - (rr * sr - ri * si);
      const deni = -(rr * si + ri * sr);
      const den2 = denr * denr + deni * deni;
      if (den2 === 0) continue;
      const wr = (rr * denr + ri * deni) / den2;
      const wi = (ri * denr - rr * deni) / den2;
      re[k] = zr - wr;
      im[k] = zi - wi;
      const step = Math.hypot(wr, wi);
      if (step > maxStep) maxStep = step;
    }
    if (maxStep < 1e-15) break;
  }
}

/** LPC formants of one frame's spectrum, as GeMAPSv01b's cFormantLpc. */
export class FormantLpc {
  private readonly fft: RealFftF32;
  private readonly resampler: SpecResampler;
  private readonly x: Float32Array;
  private readonly r = new Float32Array(ORDER + 1);
  private readonly a = new Float32Array(ORDER);
  private readonly c = new Float64Array(ORDER + 1);
  private readonly re = new Float64Array(ORDER);
  private readonly im = new Float64Array(ORDER);
  private readonly T = 1 / TARGET_FS;

  /** For frameLen-sample frames at fs Hz, zero-padded to nfft points. */
  constructor(nfft: number, frameLen: number, fs: number) {
    this.fft = new RealFftF32(nfft);
    this.resampler = new SpecResampler(nfft, frameLen, fs, TARGET_FS, true);
    this.x = new Float32Array(this.resampler.nOut);
  }

  /**
   * frame = the windowed frame (zero-padded symmetrically, cTransformFFT's zeroPadSymmetric default); writes up to
   * 5 formant frequencies and bandwidths (Hz, ascending, 0 = none) into freq/bw and returns how many were found.
   */
  next(frame: Float32Array, freq: Float64Array, bw: Float64Array): number {
    freq.fill(0);
    bw.fill(0);
    const x = this.resampler.apply(this.fft.spectrum(frame, true), this.x);
    autoCorrF32(x, x.length, ORDER, this.r);
    if (this.r[0] === 0) return 0;
    lpcDurbinF32(this.r, ORDER, this.a);
    // polynomial in increasing powers: z^p + a_1 z^(p-1) + ... + a_p
    for (let i = 0; i < ORDER; i++) this.c[i] = -this.a[ORDER - i - 1];
    this.c[ORDER] = 1;
    polyRoots(this.c, this.re, this.im);
    const spPi = this.T * Math.PI;
    let nF = 0;
    for (let i = 0; i < ORDER && nF < N_FORMANTS; i++) {
      let zr = this.re[i];
      let zi = this.im[i];
      const m2 = zr * zr + zi * zi;
      if (m2 > 1) {
        // smileMath_complexIntoUnitCircle: reflect z -> 1/conj(z)
        zr /= m2;
        zi /= m2;
      }
      if (zi < 0) continue;
      const f = Math.abs(Math.atan2(zi, zr)) / (2 * spPi);
      if (f >= MIN_F && f <= MAX_F) {
        bw[nF] = -Math.log(Math.hypot(zr, zi)) / spPi;
        freq[nF] = f;
        nF++;
      }
    }
    for (let i = 0; i < nF; i++) {
      for (let j = i + 1; j < nF; j++) {
        if (freq[j] < freq[i]) {
          const tf = freq[j];
          freq[j] = freq[i];
          freq[i] = tf;
          const tb = bw[j];
          bw[j] = bw[i];
          bw[i] = tb;
        }
      }
    }
    return nF;
  }
}
