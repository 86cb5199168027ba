/**
 * Spectral shape descriptors of a magnitude spectrum (cSpectral, bins 1..N/2 with DC excluded), IS11 configuration.
 */
const f = Math.fround;

/** The 12 output names (without the `pcm_fftMag_` prefix). */
export const SPECTRAL_NAMES = [
  'fband25-650',
  'fband1000-4000',
  'spectralRollOff25.0',
  'spectralRollOff50.0',
  'spectralRollOff75.0',
  'spectralRollOff90.0',
  'spectralFlux',
  'spectralEntropy',
  'spectralVariance',
  'spectralSkewness',
  'spectralKurtosis',
  'spectralSlope',
] as const;

const BANDS: readonly (readonly [number, number])[] = [
  [25, 650],
  [1000, 4000],
];
const ROLLOFF = [0.25, 0.5, 0.75, 0.9];

interface BandPlan {
  iL: number;
  wL: number;
  iH: number;
  wH: number;
}

/** The 12 spectral descriptors of one frame; stateful (the flux needs the previous frame): reset() per file. */
export class SpectralFeatures {
  private readonly nMag: number;
  private readonly df: number;
  private readonly freqs: Float64Array;
  private readonly bands: BandPlan[];
  private readonly prev: Float32Array;
  private readonly pow: Float64Array;
  private first = true;
  /** Regression constants of the slope over bins 1..nMag-1. */
  private readonly sf: number;
  private readonly sf2: number;

  /** nMag = Nfft/2+1 magnitude bins of a spectrum sampled at fs. */
  constructor(nMag: number, fs: number) {
    this.nMag = nMag;
    const nfft = (nMag - 1) * 2;
    this.df = fs / nfft;
    this.freqs = new Float64Array(nMag);
    for (let k = 0; k < nMag; k++) this.freqs[k] = k * this.df;
    this.bands = BANDS.map(([L, H]) => this.bandPlan(L, H));
    this.prev = new Float32Array(nMag);
    this.pow = new Float64Array(nMag);
    let sf = 0;
    let sf2 = 0;
    for (let k = 1; k < nMag; k++) {
      sf += this.freqs[k];
      sf2 += this.freqs[k] * this.freqs[k];
    }
    this.sf = sf;
    this.sf2 = sf2;
  }

  /** Band edges of the fband energies, with fractional weights of the edge bins (cSpectral's band plan). */
  private bandPlan(L: number, H: number): BandPlan {
    const { freqs, df, nMag } = this;
    let first = 0;
    while (first < nMag && !(freqs[first] > L)) first++;
    const iL = Math.max(first - 1, 0);
    let wL = iL + 1 < nMag ? (freqs[iL + 1] - L) / df : 1;
    if (wL === 0) wL = 1;
    let j = 0;
    while (j < nMag && !(freqs[j] >= H)) j++;
    if (j >= nMag) j = nMag - 1;
    let wH = j > 0 ? (H - freqs[j - 1]) / df : 1;
    if (wH === 0) wH = 1;
    const iH = freqs[j] === H ? j : j - 1;
    return { iL, wL, iH, wH };
  }

  /** Forgets the previous frame: the next frame's flux is 0, as for a file's first frame. */
  reset(): void {
    this.first = true;
    this.prev.fill(0);
  }

  /** Writes the 12 values of magnitude spectrum `mag` into `out` in SPECTRAL_NAMES order and returns it. */
  next(mag: Float32Array, out: Float32Array): Float32Array {
    const { nMag, freqs, pow, prev } = this;
    const nBins = nMag - 1;
    let sum = 0;
    let sfp = 0;
    for (let k = 0; k < nMag; k++) pow[k] = mag[k] * mag[k];
    for (let k = 1; k < nMag; k++) {
      sum += pow[k];
      sfp += freqs[k] * pow[k];
    }
    let o = 0;
    for (const b of this.bands) {
      let e = b.wL * pow[b.iL] + b.wH * pow[b.iH];
      for (let k = b.iL + 1; k < b.iH; k++) e += pow[k];
      out[o++] = e / nBins;
    }
    // roll-off points: first bin whose cumulative power reaches r·total
    let cum = 0;
    let r = 0;
    const ro = o;
    for (let k = 1; k < nMag && r < ROLLOFF.length; k++) {
      cum += pow[k];
      while (r < ROLLOFF.length && cum >= ROLLOFF[r] * sum) out[ro + r++] = freqs[k];
    }
    while (r < ROLLOFF.length) out[ro + r++] = 0;
    o += ROLLOFF.length;
    // flux: 0 for the first frame
    let flux = 0;
    if (!this.first) {
      for (let k = 1; k < nMag; k++) {
        const d = mag[k] - prev[k];
        flux += d * d;
      }
      flux = Math.sqrt(flux / nBins);
    }
    this.first = false;
    prev.set(mag.subarray(0, nMag));
    out[o++] = flux;
    // entropy of the normalised power distribution (smileStat_entropy, floors 1e-7)
    const D = Math.max(sum, 1e-7);
    let H = 0;
    for (let k = 1; k < nMag; k++) {
      const p = Math.max(pow[k], 1e-7) / D;
      H -= p * Math.log2(p);
    }
    out[o++] = H;
    // moments around the centroid
    let variance = 0;
    let skew = 0;
    let kurt = 0;
    if (sum > 0) {
      const mu = sfp / sum;
      let m2 = 0;
      let m3 = 0;
      let m4 = 0;
      for (let k = 1; k < nMag; k++) {
        const d = freqs[k] - mu;
        const d2 = d * d;
        m2 += d2 * pow[k];
        m3 += d2 * d * pow[k];
        m4 += d2 * d2 * pow[k];
      }
      variance = m2 / sum;
      if (variance > 0) {
        const sd = Math.sqrt(variance);
        skew = m3 / (sum * sd * sd * sd);
        kurt = m4 / (sum * variance * variance);
      }
    }
    out[o++] = variance;
    out[o++] = skew;
    out[o++] = kurt;
    // slope of P against f, legacy scaling by (N-1) (cSpectral oldSlopeScale=1 default: ×255 for 256 bins)
    const den = nBins * this.sf2 - this.sf * this.sf;
    out[o++] = den !== 0 ? f(((nBins * sfp - this.sf * sum) / den) * (nBins - 1)) : 0;
    return out;
  }
}
