/**
 * eGeMAPS spectral-balance descriptors (cSpectral with useLogSpectrum=1, squareInput=1,
 * normBandEnergies=1, freqRange 0-5000, oldSlopeScale=0; `gemapsv01b_logSpectral` and
 * `egemapsv02_logSpectral_flux` in the eGeMAPSv02 configs).
 *
 * Definitions (P = |X|², L = 10·log10(P) with P <= 1e-14 -> -140 dB, f_k = k·fs/Nfft):
 *   alphaRatio      = 10·log10(Σ_{f<1k} P / Σ_{1k<=f<=5k} P)
 *   hammarbergIndex = 10·log10(max_{f<2k} P / max_{2k<=f<=5k} P)
 *   slopeA-B        = least-squares slope of L against f over the bins of [A, B] (edge bins weighted,
 *                     N = idxR - idxL as in openSMILE)
 *   spectralFlux    = sqrt(Σ_{k in 0..5 kHz} (|X_k| - |X_k|prev)² / nBins), 0 for the first frame
 */
const f = Math.fround;

/** The 5 output names, in output order. */
export const LOG_SPECTRAL_NAMES = ['alphaRatio', 'hammarbergIndex', 'slope0-500', 'slope500-1500', 'spectralFlux'] as const;

interface SlopeBand {
  iL: number;
  wL: number;
  iR: number;
  wR: number;
  nInd: number;
}

const SPEC_FLOOR = f(1e-7 * 1e-7);
const LOG_FLOOR = f((10 * Math.log(SPEC_FLOOR)) / Math.log(10));
const LOG_FACTOR = f(10 / Math.log(10));

/** The 5 eGeMAPS spectral-balance values of one frame; stateful (the flux needs the previous frame): reset() per file. */
export class LogSpectral {
  private readonly nMag: number;
  private readonly frq: Float64Array;
  private readonly P: Float32Array;
  private readonly L: Float32Array;
  private readonly prev: Float32Array;
  private readonly lo: number;
  private readonly hi: number;
  private readonly slopes: SlopeBand[];
  private first = true;

  /** nMag = Nfft/2+1 magnitude bins of a spectrum sampled at fs. */
  constructor(nMag: number, fs: number) {
    this.nMag = nMag;
    const df = fs / ((nMag - 1) * 2);
    this.frq = new Float64Array(nMag);
    for (let k = 0; k < nMag; k++) this.frq[k] = k * df;
    this.P = new Float32Array(nMag);
    this.L = new Float32Array(nMag);
    // freqRange 0-5000: lower = last bin with 0 >= f, upper = last bin with 5000 > f
    let lo = 0;
    let hi = -1;
    for (let k = 0; k < nMag; k++) {
      if (0 >= this.frq[k]) lo = k;
      if (5000 > this.frq[k]) hi = k;
    }
    this.lo = lo;
    this.hi = hi < 0 || hi >= nMag ? nMag - 1 : hi;
    this.prev = new Float32Array(this.hi - this.lo + 1);
    this.slopes = [this.slopeBand(0, 500), this.slopeBand(500, 1500)];
  }

  private slopeBand(lowHz: number, highHz: number): SlopeBand {
    const { frq, nMag } = this;
    let ii = 0;
    while (ii < nMag && !(frq[ii] > lowHz)) ii++;
    let wL = ii < nMag && ii > 0 ? (frq[ii] - lowHz) / (frq[ii] - frq[ii - 1]) : 1;
    let idxL = Math.max(ii - 1, 0);
    if (idxL >= nMag) idxL = nMag;
    ii = 0;
    while (ii < nMag && !(frq[ii] >= f(highHz))) ii++;
    let wR = ii < nMag && ii > 0 ? (highHz - frq[ii - 1]) / (frq[ii] - frq[ii - 1]) : 1;
    let idxR = ii < nMag && frq[ii] === f(highHz) ? ii : ii - 1;
    if (idxR >= nMag) idxR = nMag - 1;
    if (wL === 0) wL = 1;
    if (wR === 0) wR = 1;
    let iL = Math.floor(idxL);
    let iR = Math.floor(idxR);
    if (iL >= nMag) {
      iL = iR = nMag - 1;
      wR = 0;
      wL = 0;
    }
    if (iR >= nMag) {
      iR = nMag - 1;
      wR = 1;
    }
    return { iL: Math.max(iL, 0), wL, iR: Math.max(iR, 0), wR, nInd: idxR - idxL };
  }

  /** Forgets the previous frame: the next frame's flux is 0, as for a file's first frame. */
  reset(): void {
    this.first = true;
  }

  /** Writes the 5 values of one magnitude spectrum (Nfft/2+1 bins) into `out` in LOG_SPECTRAL_NAMES order. */
  next(mag: Float32Array, out: Float32Array): Float32Array {
    const { nMag, frq, P, L } = this;
    for (let k = 0; k < nMag; k++) {
      const p = f(mag[k] * mag[k]);
      P[k] = p;
      L[k] = p <= SPEC_FLOOR ? LOG_FLOOR : f(LOG_FACTOR * Math.log(p));
    }
    // slopes of the log spectrum (frequency axis in Hz)
    let o = 2;
    for (const b of this.slopes) {
      let sf = frq[b.iL] * b.wL;
      let s2f = sf * sf;
      let sumA = frq[b.iL] * b.wL * L[b.iL];
      let sumB = b.wL * L[b.iL];
      for (let i = b.iL + 1; i < b.iR && i < nMag; i++) {
        s2f += frq[i] * frq[i];
        sf += frq[i];
        sumA += frq[i] * L[i];
        sumB += L[i];
      }
      s2f += frq[b.iR] * b.wR * frq[b.iR] * b.wR;
      sf += frq[b.iR] * b.wR;
      sumA += frq[b.iR] * b.wR * L[b.iR];
      sumB += b.wR * L[b.iR];
      const deno = b.nInd * s2f - sf * sf;
      out[o++] = deno !== 0 ? (b.nInd * sumA - sf * sumB) / deno : 0;
    }
    // alpha ratio and Hammarberg index (float32 sums / maxima of the power spectrum)
    let sum01 = 0;
    let sum15 = 0;
    let max02 = 0;
    let max25 = 0;
    for (let j = 0; j < nMag; j++) {
      if (frq[j] > 5000) break;
      if (frq[j] < 1000) sum01 = f(sum01 + P[j]);
      else sum15 = f(sum15 + P[j]);
      if (frq[j] < 2000) {
        if (P[j] > max02) max02 = P[j];
      } else if (P[j] > max25) max25 = P[j];
    }
    if (sum01 > 0) {
      out[0] =
        sum15 > SPEC_FLOOR ? (10 * Math.log(sum15 / sum01)) / Math.log(10) : (10 * (Math.log(SPEC_FLOOR) - Math.log(sum01))) / Math.log(10);
    } else out[0] = 0;
    if (max25 > 0) {
      out[1] =
        max02 > SPEC_FLOOR ? (10 * Math.log(max02 / max25)) / Math.log(10) : (10 * (Math.log(SPEC_FLOOR) - Math.log(max25))) / Math.log(10);
    } else out[1] = 0;
    // flux over the frequency range, from the magnitudes
    const nBins = this.hi - this.lo + 1;
    if (this.first) {
      out[4] = 0;
      this.first = false;
    } else {
      let a = 0;
      for (let j = this.lo; j <= this.hi; j++) {
        const d = mag[j] - this.prev[j - this.lo];
        a += d * d;
      }
      const fl = a / nBins;
      out[4] = fl > 0 ? Math.sqrt(fl) : 0;
    }
    for (let j = this.lo; j <= this.hi; j++) this.prev[j - this.lo] = mag[j];
    return out;
  }
}
